#include "vault/key_slots.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace sijill::vault {
namespace {

using base::StatusCode;

const ArchiveKeyId kArchive = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
const ArchiveKeyId kOtherArchive = {16, 15, 14, 13, 12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1};
const KdfCost kCost = KdfCost::ForTests();

// Offsets in a version-1 key file (docs/formats/keys.md).
constexpr size_t kArchiveIdAt = 9;
constexpr size_t kSlotCountAt = 9 + 16 + 32;
constexpr size_t kFirstSlotAt = kSlotCountAt + 1;
constexpr size_t kSlotBytes = 104;
constexpr size_t kChecksumBytes = 32;

// Recomputes the trailing checksum, as a deliberate editor would.
std::string Reseal(std::string bytes) {
  size_t body = bytes.size() - kChecksumBytes;
  crypto_hash_sha256(reinterpret_cast<unsigned char*>(bytes.data() + body),
                     reinterpret_cast<const unsigned char*>(bytes.data()), body);
  return bytes;
}

KeyFile::Created MustCreate(const ArchiveKeyId& id, std::string_view passphrase) {
  auto created = KeyFile::Create(id, passphrase, kCost);
  if (!created.has_value()) std::abort();
  return std::move(*created);
}

TEST(KeyFile, CreateThenUnlock) {
  auto [file, master] = MustCreate(kArchive, "correct horse");
  ASSERT_EQ(master.size(), 32u);
  ASSERT_EQ(file.slots().size(), 1u);
  EXPECT_EQ(file.slots()[0].id, 1u);
  EXPECT_EQ(file.slots()[0].cost, kCost);
  EXPECT_EQ(file.archive_id(), kArchive);
  auto unlocked = file.Unlock("correct horse");
  ASSERT_TRUE(unlocked.has_value()) << unlocked.error().message();
  EXPECT_TRUE(unlocked->Equals(master));
}

TEST(KeyFile, WrongPassphraseSaysOnlyThat) {
  auto [file, master] = MustCreate(kArchive, "correct horse");
  ASSERT_TRUE(file.AddSlot(master, "second", kCost).has_value());
  auto unlocked = file.Unlock("correct hors");
  ASSERT_FALSE(unlocked.has_value());
  EXPECT_EQ(unlocked.error().code(), StatusCode::kPermissionDenied);
  EXPECT_EQ(unlocked.error().message(), "wrong passphrase");
}

TEST(KeyFile, SerializeParseRoundTrip) {
  auto [file, master] = MustCreate(kArchive, "one");
  ASSERT_TRUE(file.AddSlot(master, "two", KdfCost{2, 16384}).has_value());
  std::string bytes = file.Serialize();
  EXPECT_EQ(bytes.size(), kFirstSlotAt + 2 * kSlotBytes + kChecksumBytes);
  auto parsed = KeyFile::Parse(bytes);
  ASSERT_TRUE(parsed.has_value()) << parsed.error().message();
  EXPECT_EQ(parsed->Serialize(), bytes);
  EXPECT_EQ(parsed->slots()[1].cost, (KdfCost{2, 16384}));
  auto unlocked = parsed->Unlock("two");
  ASSERT_TRUE(unlocked.has_value());
  EXPECT_TRUE(unlocked->Equals(master));
}

TEST(KeyFile, AddRemoveAndChangeKeepTheMasterKey) {
  auto [file, master] = MustCreate(kArchive, "first");
  auto second = file.AddSlot(master, "second", kCost);
  ASSERT_TRUE(second.has_value());
  EXPECT_EQ(*second, 2u);
  ASSERT_TRUE(file.RemoveSlot(1).ok());
  EXPECT_FALSE(file.Unlock("first").has_value());
  auto changed = file.ChangePassphrase("second", "third", kCost);
  ASSERT_TRUE(changed.has_value()) << changed.error().message();
  EXPECT_EQ(*changed, 3u);
  ASSERT_EQ(file.slots().size(), 1u);
  EXPECT_FALSE(file.Unlock("second").has_value());
  auto unlocked = file.Unlock("third");
  ASSERT_TRUE(unlocked.has_value());
  EXPECT_TRUE(unlocked->Equals(master));
}

TEST(KeyFile, ChangeWithWrongOldPassphraseChangesNothing) {
  auto [file, master] = MustCreate(kArchive, "first");
  std::string before = file.Serialize();
  auto changed = file.ChangePassphrase("frist", "new", kCost);
  ASSERT_FALSE(changed.has_value());
  EXPECT_EQ(changed.error().message(), "wrong passphrase");
  EXPECT_EQ(file.Serialize(), before);
}

TEST(KeyFile, LastSlotCannotBeRemoved) {
  auto [file, master] = MustCreate(kArchive, "only");
  base::Status s = file.RemoveSlot(1);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "cannot remove key slot 1: it is the last one, the archive would be lost");
  EXPECT_EQ(file.RemoveSlot(7).message(), "no key slot 7");
  EXPECT_EQ(file.RemoveSlot(7).code(), StatusCode::kNotFound);
  EXPECT_TRUE(file.Unlock("only").has_value());
}

TEST(KeyFile, RefusesBadArguments) {
  auto [file, master] = MustCreate(kArchive, "only");
  EXPECT_EQ(file.AddSlot(master, "", kCost).error().message(), "passphrase is empty");
  EXPECT_EQ(file.AddSlot(master, "x", KdfCost{0, 8192}).error().message(),
            "key derivation cost: opslimit 0 out of range [1, 16]");
  EXPECT_EQ(file.AddSlot(master, "x", KdfCost{1, 8193}).error().message(),
            "key derivation cost: memlimit 8193 out of range [8192, 2147483648] or not a multiple "
            "of 1024");
  SecretBytes stranger = SecretBytes::Random(32);
  EXPECT_EQ(file.AddSlot(stranger, "x", kCost).error().message(),
            "master key does not belong to this key file");
  for (size_t i = 1; i < KeyFile::kMaxSlots; ++i) {
    ASSERT_TRUE(file.AddSlot(master, "x", kCost).has_value());
  }
  EXPECT_EQ(file.AddSlot(master, "x", kCost).error().message(),
            "key file already has 16 slots, the most it can hold");
  EXPECT_FALSE(KeyFile::Create(kArchive, "", kCost).has_value());
}

TEST(KeyFile, DefaultCostIsWithinBounds) {
  auto [file, master] = MustCreate(kArchive, "only");
  // Bounds only: running the default cost here would take half a second.
  KdfCost d = KdfCost::Default();
  EXPECT_GE(d.opslimit, KdfCost::kMinOps);
  EXPECT_LE(d.opslimit, KdfCost::kMaxOps);
  EXPECT_EQ(d.memlimit % 1024, 0u);
  EXPECT_LE(d.memlimit, KdfCost::kMaxMem);
  EXPECT_EQ(KdfCost::ForTests(), (KdfCost{1, 8192}));
}

TEST(KeyFileParse, NamesTheField) {
  auto [file, master] = MustCreate(kArchive, "only");
  std::string good = file.Serialize();
  auto error = [](std::string_view bytes) { return KeyFile::Parse(bytes).error().message(); };
  EXPECT_EQ(error(""), "key file: truncated in magic (byte 0, file has 0)");
  EXPECT_EQ(error("SIJBLOB\n"), "key file: bad magic (not a key file)");
  std::string v2 = good;
  v2[8] = 2;
  EXPECT_EQ(error(v2), "key file: unknown version 2 (this build reads version 1)");
  EXPECT_EQ(error(good.substr(0, 60)), "key file: truncated in slot 1 id (byte 58, file has 60)");
  EXPECT_EQ(error(good.substr(0, good.size() - 1)),
            "key file: truncated in checksum (byte 162, file has 193)");
  EXPECT_EQ(error(good + "x"), "key file: 1 trailing bytes after the checksum");
  std::string none = good;
  none[kSlotCountAt] = 0;
  EXPECT_EQ(error(Reseal(none)), "key file: slot count 0 out of range [1, 16]");
  std::string costly = good;
  costly[kFirstSlotAt + 8 + 7] = 0x7f;  // memlimit's top byte: an absurd 9 exabytes
  EXPECT_EQ(error(Reseal(costly)),
            "key file: slot 1 memlimit 9151314442816856064 out of range [8192, 2147483648] or "
            "not a multiple of 1024");
  std::string slow = good;
  slow[kFirstSlotAt + 4] = 100;
  EXPECT_EQ(error(Reseal(slow)), "key file: slot 1 opslimit 100 out of range [1, 16]");
  std::string damaged = good;
  damaged[kFirstSlotAt + 20] ^= 1;
  EXPECT_EQ(error(damaged), "key file: checksum mismatch (the file is damaged)");
}

TEST(KeyFileParse, EveryTruncationFails) {
  auto [file, master] = MustCreate(kArchive, "only");
  ASSERT_TRUE(file.AddSlot(master, "two", kCost).has_value());
  std::string good = file.Serialize();
  for (size_t n = 0; n < good.size(); ++n) {
    auto parsed = KeyFile::Parse(std::string_view(good).substr(0, n));
    ASSERT_FALSE(parsed.has_value()) << n;
    EXPECT_EQ(parsed.error().code(), StatusCode::kCorruption);
  }
}

// Every byte, each of two bits: a plain flip fails the checksum; a flip with the checksum
// recomputed (a deliberate edit) must fail Parse or Unlock for at least one passphrase and
// never yield another key.
TEST(KeyFileTamper, FlipEveryByte) {
  auto [file, master] = MustCreate(kArchive, "alpha");
  ASSERT_TRUE(file.AddSlot(master, "beta", kCost).has_value());
  std::string good = file.Serialize();
  for (size_t i = 0; i < good.size(); ++i) {
    for (uint8_t bit : {0x01, 0x80}) {
      std::string bad = good;
      bad[i] = static_cast<char>(bad[i] ^ bit);
      ASSERT_FALSE(KeyFile::Parse(bad).has_value()) << i;
      if (i >= good.size() - kChecksumBytes) continue;
      auto parsed = KeyFile::Parse(Reseal(bad));
      if (!parsed.has_value()) continue;
      int failures = 0;
      for (std::string_view passphrase : {"alpha", "beta"}) {
        auto unlocked = parsed->Unlock(passphrase);
        if (unlocked.has_value()) {
          ASSERT_TRUE(unlocked->Equals(master)) << "byte " << i << " bit " << int{bit};
        } else {
          ++failures;
        }
      }
      EXPECT_GE(failures, 1) << "byte " << i << " bit " << int{bit};
    }
  }
}

TEST(KeyFileTamper, LoweredCostIsRejected) {
  auto [file, master] = MustCreate(kArchive, "alpha");
  ASSERT_TRUE(file.ChangePassphrase("alpha", "alpha", KdfCost{2, 16384}).has_value());
  std::string bytes = file.Serialize();
  bytes[kFirstSlotAt + 4] = 1;  // opslimit 2 -> 1
  auto parsed = KeyFile::Parse(Reseal(bytes));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->Unlock("alpha").error().message(), "wrong passphrase");
}

TEST(KeyFileTamper, SlotMovedToAnotherArchiveIsRejected) {
  auto [a, a_master] = MustCreate(kArchive, "same");
  auto [b, b_master] = MustCreate(kOtherArchive, "same");
  std::string a_bytes = a.Serialize();
  std::string b_bytes = b.Serialize();
  // B's slot in A's file: wrapped under another archive id.
  std::string moved = a_bytes;
  moved.replace(kFirstSlotAt, kSlotBytes, b_bytes, kFirstSlotAt, kSlotBytes);
  auto parsed = KeyFile::Parse(Reseal(moved));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->Unlock("same").error().message(), "wrong passphrase");
  // A's file relabelled with B's archive id.
  std::string relabelled = a_bytes;
  relabelled.replace(kArchiveIdAt, 16, b_bytes, kArchiveIdAt, 16);
  parsed = KeyFile::Parse(Reseal(relabelled));
  ASSERT_TRUE(parsed.has_value());
  EXPECT_EQ(parsed->Unlock("same").error().message(), "wrong passphrase");
}

// Someone who can write the key file plants a slot, for the same archive id, that
// wraps a key of their own: the key check refuses it.
TEST(KeyFileTamper, PlantedSlotFailsTheKeyCheck) {
  auto [a, a_master] = MustCreate(kArchive, "owner");
  auto [planted, planted_master] = MustCreate(kArchive, "intruder");
  std::string bytes = a.Serialize();
  bytes.replace(kFirstSlotAt, kSlotBytes, planted.Serialize(), kFirstSlotAt, kSlotBytes);
  auto parsed = KeyFile::Parse(Reseal(bytes));
  ASSERT_TRUE(parsed.has_value());
  auto unlocked = parsed->Unlock("intruder");
  ASSERT_FALSE(unlocked.has_value());
  EXPECT_EQ(unlocked.error().code(), StatusCode::kCorruption);
  EXPECT_EQ(unlocked.error().message(),
            "key file: a slot opens but its key fails the key check (tampered key file)");
}

}  // namespace
}  // namespace sijill::vault
