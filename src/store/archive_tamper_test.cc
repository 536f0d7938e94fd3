// Tampering with an encrypted archive's files, in the spirit of LevelDB's corruption
// test: flip a bit or truncate at random positions of every kind of file, over and
// over, and require that opening or verifying the archive reports it every time.
#include <gtest/gtest.h>

#include <fstream>
#include <random>

#include "base/clock.h"
#include "base/testing/temp_dir.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "store/custody_tree.h"
#include "store/verify_archive.h"
#include "vault/checkpoint.h"
#include "vault/custody.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

vault::SecretBytes Passphrase() {
  std::string p = "tamper test passphrase";
  return vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(p.data()), p.size()));
}

KeyProvider Keys() {
  return [](const fs::path& dir) -> base::Result<vault::SecretBytes> {
    ASSIGN_OR_RETURN(auto key_file, ReadKeyFile(dir));
    vault::SecretBytes p = Passphrase();
    return key_file.Unlock(p.chars());
  };
}

std::string Blob(BlobStore& blobs, std::string_view bytes) {
  auto writer = blobs.NewBlob();
  EXPECT_TRUE((*writer)->Append(bytes).ok());
  return (*writer)->Commit()->sha256;
}

// An encrypted archive with three sources (blobs of one and of several chunks), their
// custody entries and a signed checkpoint.
void Build(const fs::path& dir) {
  vault::SecretBytes passphrase = Passphrase();
  CreateOptions options;
  options.passphrase = &passphrase;
  options.cost = vault::KdfCost::ForTests();
  auto archive = Archive::Create(dir, options);
  ASSERT_TRUE(archive.has_value()) << archive.error().message();
  Store& store = (*archive)->store();
  std::string id = *store.ArchiveId();
  for (int i = 0; i < 3; ++i) {
    std::string text = "Testimony " + std::to_string(i) + ": the brigade at Kisweh. ";
    for (int k = 0; k < i * 4000; ++k) text += "في حرستا ";  // up to several chunks
    SourceRecord r;
    r.id = base::Id::Random();
    r.format = "text";
    r.original_name = "t.txt";
    r.added_at = base::NowUtc();
    r.sha256 = Blob((*archive)->blobs(), "original " + text);
    r.text_sha256 = Blob((*archive)->blobs(), text);
    auto txn = store.BeginWrite();
    ASSERT_TRUE((*txn)->AddSource(r).ok());
    ASSERT_TRUE((*txn)->AddPassage({r.id, 0, 0, 10, text}).ok());
    vault::CustodyEntry e{id,
                          r.added_at,
                          "tester",
                          "source.add",
                          {{"source", r.id.ToString()}},
                          {{"original_sha256", r.sha256}, {"text_sha256", r.text_sha256}}};
    std::string bytes = vault::CanonicalBytes(e);
    ASSERT_TRUE((*txn)->AppendCustody(bytes, vault::CustodyLeafHashHex(bytes)).has_value());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto tree = LoadCustodyTree(store);
  auto key = ArchiveSigningKey(*(*archive)->master_key(), id);
  vault::Checkpoint c{LogOrigin(id), tree->size(), tree->Root()};
  auto txn = store.BeginWrite();
  ASSERT_TRUE((*txn)
                  ->AddCheckpoint({c.size, vault::HashToHex(c.root), vault::SignCheckpoint(c, *key),
                                   base::NowUtc()})
                  .ok());
  ASSERT_TRUE((*txn)->Commit().ok());
}

// "" when the archive opens and verifies clean; otherwise what was reported.
std::string Check(const fs::path& dir) {
  auto archive = Archive::Open(dir, OpenMode::kReadOnly, Keys());
  if (!archive) return archive.error().message();
  auto report = VerifyArchive(**archive, std::nullopt);
  if (!report) return report.error().message();
  return report->problems.empty() ? "" : report->problems[0];
}

std::string ReadAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

void WriteAll(const fs::path& p, const std::string& bytes) {
  fs::permissions(p, fs::perms::owner_write, fs::perm_options::add);
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << bytes;
}

TEST(ArchiveTamper, EveryFlippedBitAndEveryTruncationIsReported) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  Build(dir);
  ASSERT_EQ(Check(dir), "");
  std::vector<fs::path> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    std::string name = e.path().filename();
    if (e.is_regular_file() && name != "lock" && e.path().parent_path().filename() != "tmp")
      files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_GE(files.size(), 8u);  // marker, keys, database (+ anchor), six blobs
  std::mt19937_64 rng(20261127);
  constexpr int kTrialsPerFile = 300;
  int trials = 0;
  for (const fs::path& file : files) {
    const std::string original = ReadAll(file);
    ASSERT_FALSE(original.empty()) << file;
    for (int t = 0; t < kTrialsPerFile; ++t, ++trials) {
      std::string damaged = original;
      std::string what;
      if (t % 5 == 4) {
        size_t keep = rng() % original.size();
        damaged.resize(keep);
        what = "truncated to " + std::to_string(keep);
      } else {
        size_t at = rng() % original.size();
        damaged[at] = static_cast<char>(damaged[at] ^ (1 << (rng() % 8)));
        what = "bit flipped at byte " + std::to_string(at);
      }
      WriteAll(file, damaged);
      EXPECT_NE(Check(dir), "") << file << ": " << what << " went unnoticed";
      WriteAll(file, original);
    }
    ASSERT_EQ(Check(dir), "") << "restoring " << file;
  }
  std::printf("%d damaged archives, %zu files, every one reported\n", trials, files.size());
}

}  // namespace
}  // namespace sijill::store
