// The key file, version 1 (full grammar and bindings in docs/formats/keys.md):
//
//   key-file   := magic version archive-id key-check slot-count 1*16slot checksum
//   magic      := "SIJKEYS\n"                       8 bytes
//   version    := %x01                              1 byte
//   archive-id := 16 bytes
//   key-check  := BLAKE2b-256(key = master key, "sijill key check" magic version archive-id)
//   slot-count := u8, 1..16
//   slot       := slot-id:u32 opslimit:u32 memlimit:u64 salt:16 nonce:24 wrapped-key:48
//   checksum   := SHA-256 of every preceding byte
//
// wrapped-key = XChaCha20-Poly1305(key = Argon2id(passphrase, salt, opslimit, memlimit),
// nonce, master key, associated data = magic version archive-id slot-id opslimit memlimit
// salt). Integers are little-endian.
#include "vault/key_slots.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>

#include "vault/le_bytes.h"
#include "vault/subkeys.h"

namespace sijill::vault {
namespace {

using base::Error;
using base::Result;
using base::Status;
using internal::AppendLe;
using internal::LoadLe;

constexpr std::string_view kMagic{"SIJKEYS\n", 8};
constexpr uint8_t kVersion = 1;
constexpr std::string_view kKeyCheckDomain = "sijill key check";
constexpr size_t kChecksumBytes = crypto_hash_sha256_BYTES;

static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);
static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES == 24);

const unsigned char* U(const char* p) { return reinterpret_cast<const unsigned char*>(p); }

std::string FileHeader(const ArchiveKeyId& archive_id) {
  std::string out(kMagic);
  out.push_back(static_cast<char>(kVersion));
  out.append(reinterpret_cast<const char*>(archive_id.data()), archive_id.size());
  return out;
}

std::array<uint8_t, 32> KeyCheck(const SecretBytes& master_key, const ArchiveKeyId& archive_id) {
  std::string message(kKeyCheckDomain);
  message += FileHeader(archive_id);
  std::array<uint8_t, 32> check{};
  crypto_generichash(check.data(), check.size(), U(message.data()), message.size(),
                     master_key.data(), master_key.size());
  return check;
}

// Everything of the slot that the wrapped key must not be separated from.
std::string SlotAssociatedData(const ArchiveKeyId& archive_id, const KeySlot& slot) {
  std::string ad = FileHeader(archive_id);
  AppendLe<uint32_t>(ad, slot.id);
  AppendLe<uint32_t>(ad, slot.cost.opslimit);
  AppendLe<uint64_t>(ad, slot.cost.memlimit);
  ad.append(reinterpret_cast<const char*>(slot.salt.data()), slot.salt.size());
  return ad;
}

std::string CostProblem(const KdfCost& cost) {
  if (cost.opslimit < KdfCost::kMinOps || cost.opslimit > KdfCost::kMaxOps) {
    return fmt::format("opslimit {} out of range [{}, {}]", cost.opslimit, KdfCost::kMinOps,
                       KdfCost::kMaxOps);
  }
  if (cost.memlimit < KdfCost::kMinMem || cost.memlimit > KdfCost::kMaxMem ||
      cost.memlimit % 1024 != 0) {
    return fmt::format("memlimit {} out of range [{}, {}] or not a multiple of 1024", cost.memlimit,
                       KdfCost::kMinMem, KdfCost::kMaxMem);
  }
  return {};
}

// The key-encryption key of `slot` for `passphrase`. kUnavailable if Argon2id fails,
// which with checked costs means it could not allocate its memory.
Result<SecretBytes> DeriveKek(std::string_view passphrase, const KeySlot& slot) {
  SecretBytes kek(crypto_aead_xchacha20poly1305_ietf_KEYBYTES);
  if (crypto_pwhash(kek.data(), kek.size(), passphrase.data(), passphrase.size(), slot.salt.data(),
                    slot.cost.opslimit, slot.cost.memlimit, crypto_pwhash_ALG_ARGON2ID13) != 0) {
    return Error(Status::Unavailable(fmt::format(
        "key derivation failed: cannot allocate {} MiB for Argon2id", slot.cost.memlimit >> 20)));
  }
  return kek;
}

// Reads the key file field by field; errors name the field and the byte offset.
class FieldReader {
 public:
  explicit FieldReader(std::string_view bytes) : bytes_(bytes) {}
  Result<std::string_view> Take(size_t n, std::string_view field) {
    if (bytes_.size() - pos_ < n) {
      return Error(Status::Corruption(fmt::format(
          "key file: truncated in {} (byte {}, file has {})", field, pos_, bytes_.size())));
    }
    std::string_view out = bytes_.substr(pos_, n);
    pos_ += n;
    return out;
  }
  template <size_t N>
  Status TakeInto(std::array<uint8_t, N>& out, std::string_view field) {
    ASSIGN_OR_RETURN(std::string_view raw, Take(N, field));
    std::memcpy(out.data(), raw.data(), N);
    return Status::Ok();
  }
  size_t pos() const { return pos_; }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

Result<KeySlot> ParseSlot(FieldReader& in, size_t index) {
  auto field = [index](std::string_view name) { return fmt::format("slot {} {}", index, name); };
  KeySlot slot;
  ASSIGN_OR_RETURN(std::string_view id, in.Take(4, field("id")));
  slot.id = LoadLe<uint32_t>(id.data());
  ASSIGN_OR_RETURN(std::string_view ops, in.Take(4, field("opslimit")));
  slot.cost.opslimit = LoadLe<uint32_t>(ops.data());
  ASSIGN_OR_RETURN(std::string_view mem, in.Take(8, field("memlimit")));
  slot.cost.memlimit = LoadLe<uint64_t>(mem.data());
  if (std::string problem = CostProblem(slot.cost); !problem.empty()) {
    return Error(Status::Corruption(fmt::format("key file: slot {} {}", index, problem)));
  }
  TRY(in.TakeInto(slot.salt, field("salt")));
  TRY(in.TakeInto(slot.nonce, field("nonce")));
  TRY(in.TakeInto(slot.wrapped_key, field("wrapped key")));
  return slot;
}

}  // namespace

struct KeyFile::Opened {
  SecretBytes master_key;
  uint32_t slot_id = 0;
};

Result<KeyFile::Created> KeyFile::Create(const ArchiveKeyId& archive_id,
                                         std::string_view passphrase, KdfCost cost) {
  EnsureSodium();
  Created created{KeyFile(), SecretBytes::Random(kMasterKeyBytes)};
  created.key_file.archive_id_ = archive_id;
  created.key_file.key_check_ = KeyCheck(created.master_key, archive_id);
  ASSIGN_OR_RETURN(uint32_t first_id,
                   created.key_file.AddSlot(created.master_key, passphrase, cost));
  (void)first_id;  // always 1
  return created;
}

Result<KeyFile::Opened> KeyFile::Open(std::string_view passphrase) const {
  EnsureSodium();
  Status unavailable;
  for (const KeySlot& slot : slots_) {
    Result<SecretBytes> kek = DeriveKek(passphrase, slot);
    if (!kek.has_value()) {
      unavailable = kek.error();
      continue;
    }
    std::string ad = SlotAssociatedData(archive_id_, slot);
    SecretBytes key(kMasterKeyBytes);
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            key.data(), nullptr, nullptr, slot.wrapped_key.data(), slot.wrapped_key.size(),
            U(ad.data()), ad.size(), slot.nonce.data(), kek->data()) != 0) {
      continue;
    }
    std::array<uint8_t, 32> check = KeyCheck(key, archive_id_);
    if (sodium_memcmp(check.data(), key_check_.data(), check.size()) != 0) {
      return Error(Status::Corruption(
          "key file: a slot opens but its key fails the key check (tampered key file)"));
    }
    return Opened{std::move(key), slot.id};
  }
  if (!unavailable.ok()) return Error(unavailable);
  return Error(Status::PermissionDenied("wrong passphrase"));
}

Result<SecretBytes> KeyFile::Unlock(std::string_view passphrase) const {
  ASSIGN_OR_RETURN(Opened opened, Open(passphrase));
  return std::move(opened.master_key);
}

Result<uint32_t> KeyFile::AddSlot(const SecretBytes& master_key, std::string_view passphrase,
                                  KdfCost cost) {
  EnsureSodium();
  if (master_key.size() != kMasterKeyBytes) {
    return Error(Status::InvalidArgument("master key must be 32 bytes"));
  }
  std::array<uint8_t, 32> check = KeyCheck(master_key, archive_id_);
  if (sodium_memcmp(check.data(), key_check_.data(), check.size()) != 0) {
    return Error(Status::InvalidArgument("master key does not belong to this key file"));
  }
  if (passphrase.empty()) return Error(Status::InvalidArgument("passphrase is empty"));
  if (std::string problem = CostProblem(cost); !problem.empty()) {
    return Error(Status::InvalidArgument("key derivation cost: " + problem));
  }
  if (slots_.size() >= kMaxSlots) {
    return Error(Status::InvalidArgument(
        fmt::format("key file already has {} slots, the most it can hold", kMaxSlots)));
  }
  if (!slots_.empty() && slots_.back().id == UINT32_MAX) {
    return Error(Status::InvalidArgument("key file: slot ids exhausted"));
  }
  KeySlot slot;
  slot.id = slots_.empty() ? 1 : slots_.back().id + 1;
  slot.cost = cost;
  randombytes_buf(slot.salt.data(), slot.salt.size());
  randombytes_buf(slot.nonce.data(), slot.nonce.size());
  ASSIGN_OR_RETURN(SecretBytes kek, DeriveKek(passphrase, slot));
  std::string ad = SlotAssociatedData(archive_id_, slot);
  crypto_aead_xchacha20poly1305_ietf_encrypt(slot.wrapped_key.data(), nullptr, master_key.data(),
                                             master_key.size(), U(ad.data()), ad.size(), nullptr,
                                             slot.nonce.data(), kek.data());
  slots_.push_back(slot);
  return slot.id;
}

Status KeyFile::RemoveSlot(uint32_t id) {
  auto it =
      std::find_if(slots_.begin(), slots_.end(), [id](const KeySlot& s) { return s.id == id; });
  if (it == slots_.end()) return Status::NotFound(fmt::format("no key slot {}", id));
  if (slots_.size() == 1) {
    return Status::InvalidArgument(fmt::format(
        "cannot remove key slot {}: it is the last one, the archive would be lost", id));
  }
  slots_.erase(it);
  return Status::Ok();
}

Result<uint32_t> KeyFile::ChangePassphrase(std::string_view old_passphrase,
                                           std::string_view new_passphrase, KdfCost cost) {
  ASSIGN_OR_RETURN(Opened opened, Open(old_passphrase));
  ASSIGN_OR_RETURN(uint32_t new_id, AddSlot(opened.master_key, new_passphrase, cost));
  TRY(RemoveSlot(opened.slot_id));
  return new_id;
}

std::string KeyFile::Serialize() const {
  std::string out = FileHeader(archive_id_);
  out.append(reinterpret_cast<const char*>(key_check_.data()), key_check_.size());
  out.push_back(static_cast<char>(slots_.size()));
  for (const KeySlot& slot : slots_) {
    AppendLe<uint32_t>(out, slot.id);
    AppendLe<uint32_t>(out, slot.cost.opslimit);
    AppendLe<uint64_t>(out, slot.cost.memlimit);
    out.append(reinterpret_cast<const char*>(slot.salt.data()), slot.salt.size());
    out.append(reinterpret_cast<const char*>(slot.nonce.data()), slot.nonce.size());
    out.append(reinterpret_cast<const char*>(slot.wrapped_key.data()), slot.wrapped_key.size());
  }
  unsigned char checksum[kChecksumBytes];
  crypto_hash_sha256(checksum, U(out.data()), out.size());
  out.append(reinterpret_cast<const char*>(checksum), sizeof checksum);
  return out;
}

Result<KeyFile> KeyFile::Parse(std::string_view bytes) {
  EnsureSodium();
  FieldReader in(bytes);
  ASSIGN_OR_RETURN(std::string_view magic, in.Take(kMagic.size(), "magic"));
  if (magic != kMagic) return Error(Status::Corruption("key file: bad magic (not a key file)"));
  ASSIGN_OR_RETURN(std::string_view version, in.Take(1, "version"));
  if (static_cast<uint8_t>(version[0]) != kVersion) {
    return Error(
        Status::Corruption(fmt::format("key file: unknown version {} (this build reads version {})",
                                       static_cast<uint8_t>(version[0]), kVersion)));
  }
  KeyFile file;
  TRY(in.TakeInto(file.archive_id_, "archive id"));
  TRY(in.TakeInto(file.key_check_, "key check"));
  ASSIGN_OR_RETURN(std::string_view count_byte, in.Take(1, "slot count"));
  size_t count = static_cast<uint8_t>(count_byte[0]);
  if (count < 1 || count > kMaxSlots) {
    return Error(Status::Corruption(
        fmt::format("key file: slot count {} out of range [1, {}]", count, kMaxSlots)));
  }
  for (size_t i = 0; i < count; ++i) {
    ASSIGN_OR_RETURN(KeySlot slot, ParseSlot(in, i + 1));
    if (!file.slots_.empty() && slot.id <= file.slots_.back().id) {
      return Error(
          Status::Corruption(fmt::format("key file: slot {} id {} not above the previous id {}",
                                         i + 1, slot.id, file.slots_.back().id)));
    }
    file.slots_.push_back(slot);
  }
  size_t body_size = in.pos();
  ASSIGN_OR_RETURN(std::string_view checksum, in.Take(kChecksumBytes, "checksum"));
  if (in.remaining() != 0) {
    return Error(Status::Corruption(
        fmt::format("key file: {} trailing bytes after the checksum", in.remaining())));
  }
  unsigned char expected[kChecksumBytes];
  crypto_hash_sha256(expected, U(bytes.data()), body_size);
  if (std::memcmp(expected, checksum.data(), kChecksumBytes) != 0) {
    return Error(Status::Corruption("key file: checksum mismatch (the file is damaged)"));
  }
  return file;
}

}  // namespace sijill::vault
