// The custody log as a user and a third party meet it: checkpoints signed with the
// archive's key, proofs checked with the public key alone (by Sijill and by an
// independent Python verifier), passphrase slots, and `verify` finding tampering.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

std::string ReadAll(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

// An archive with two sources and a signed checkpoint; returns the first source's id.
std::string Prepare(Scratch& tmp, const std::string& archive, bool encrypted = true) {
  if (encrypted)
    EXPECT_EQ(RunSijill({"init", archive}).exit_code, 0);
  else
    EXPECT_EQ(RunSijill({"init", archive, "--no-encryption"}).exit_code, 0);
  WriteFile(tmp / "a.txt", "In the fall of 2012 the brigade moved to Jobar.\n");
  WriteFile(tmp / "b.txt", "في ربيع 2013 نُقل اللواء إلى حرستا.\n");
  EXPECT_EQ(
      RunSijill({"add", archive, (tmp / "a.txt").string(), (tmp / "b.txt").string()}).exit_code, 0);
  auto cp = RunSijill({"checkpoint", archive});
  EXPECT_EQ(cp.exit_code, 0) << cp.err;
  auto sources = nlohmann::json::parse(RunSijill({"sources", archive, "--json"}).out);
  return sources[0]["id"].get<std::string>();
}

TEST(Custody, AProofIsCheckedWithThePublicKeyAloneBySijillAndByPython) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  std::string source = Prepare(tmp, archive);
  auto pub = RunSijill({"key", "public", archive});
  ASSERT_EQ(pub.exit_code, 0) << pub.err;
  WriteFile(tmp / "archive.pub", pub.out);
  auto proof = RunSijill({"prove", archive, source.substr(0, 8), "-o", (tmp / "p.json").string()});
  ASSERT_EQ(proof.exit_code, 0) << proof.err;

  auto ok = RunSijill(
      {"verify-proof", (tmp / "p.json").string(), "--key", (tmp / "archive.pub").string()});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("valid: entry sha256:"));
  EXPECT_THAT(ok.out, HasSubstr("is leaf 1 of log"));
  EXPECT_THAT(ok.out, HasSubstr("source   " + source));

  std::string vkey = pub.out.substr(0, pub.out.find('\n'));
  std::string py = "python3 " + (SourceDir() / "tests/proofs/verify_proof.py").string() + " '" +
                   vkey + "' " + (tmp / "p.json").string() + " >/dev/null";
  EXPECT_EQ(std::system(py.c_str()), 0);

  // One changed character of the entry: both refuse.
  auto doc = nlohmann::json::parse(ReadAll(tmp / "p.json"));
  std::string entry = doc["entry"];
  entry[5] = entry[5] == 'A' ? 'B' : 'A';
  doc["entry"] = entry;
  WriteFile(tmp / "bad.json", doc.dump());
  auto bad = RunSijill(
      {"verify-proof", (tmp / "bad.json").string(), "--key", (tmp / "archive.pub").string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_THAT(bad.err, HasSubstr("bad.json"));
  py = "python3 " + (SourceDir() / "tests/proofs/verify_proof.py").string() + " '" + vkey + "' " +
       (tmp / "bad.json").string() + " >/dev/null 2>&1";
  EXPECT_NE(std::system(py.c_str()), 0);
  // Another archive's key: refused.
  Scratch other;
  std::string archive2 = (other / "b").string();
  ASSERT_EQ(RunSijill({"init", archive2}).exit_code, 0);
  WriteFile(other / "b.pub", RunSijill({"key", "public", archive2}).out);
  EXPECT_EQ(
      RunSijill({"verify-proof", (tmp / "p.json").string(), "--key", (other / "b.pub").string()})
          .exit_code,
      1);
}

TEST(Custody, AConsistencyProofShowsALaterCheckpointExtendsAnEarlierOne) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);  // checkpoint of 3 entries (creation, two sources)
  WriteFile(tmp / "c.txt", "Later, in 2014, the unit left Jobar.\n");
  ASSERT_EQ(RunSijill({"add", archive, (tmp / "c.txt").string()}).exit_code, 0);
  ASSERT_EQ(RunSijill({"checkpoint", archive}).exit_code, 0);
  WriteFile(tmp / "archive.pub", RunSijill({"key", "public", archive}).out);
  auto r = RunSijill({"prove", archive, "--extends", "3", "-o", (tmp / "c.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto ok = RunSijill(
      {"verify-proof", (tmp / "c.json").string(), "--key", (tmp / "archive.pub").string()});
  ASSERT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_THAT(ok.out, HasSubstr("at size 4"));
  EXPECT_THAT(ok.out, HasSubstr("extends size 3"));
  std::string vkey = ReadAll(tmp / "archive.pub");
  vkey = vkey.substr(0, vkey.find('\n'));
  std::string py = "python3 " + (SourceDir() / "tests/proofs/verify_proof.py").string() + " '" +
                   vkey + "' " + (tmp / "c.json").string() + " >/dev/null";
  EXPECT_EQ(std::system(py.c_str()), 0);
  EXPECT_EQ(RunSijill({"prove", archive, "--extends", "2"}).exit_code, 1);  // no such checkpoint
  EXPECT_EQ(RunSijill({"prove", archive}).exit_code, 2);
}

TEST(Custody, ProveNeedsACheckpointThatCoversTheSource) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);
  WriteFile(tmp / "c.txt", "Later, in 2014, the unit left.\n");
  ASSERT_EQ(RunSijill({"add", archive, (tmp / "c.txt").string()}).exit_code, 0);
  auto sources = nlohmann::json::parse(RunSijill({"sources", archive, "--json"}).out);
  auto r = RunSijill({"prove", archive, sources[2]["id"].get<std::string>()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no checkpoint covers source"));
}

TEST(Custody, AWrongOrMissingPassphraseSaysSo) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);
  WriteFile(tmp / "wrong.txt", "not the passphrase\n");
  auto r = RunSijill({"checkpoint", archive, "--passphrase-file", (tmp / "wrong.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: wrong passphrase\n");
  // No passphrase anywhere and no terminal: a clear error, not a wait.
  setenv("SIJILL_PASSPHRASE_FILE", "", 1);
  auto none = RunSijill({"checkpoint", archive});
  unsetenv("SIJILL_PASSPHRASE_FILE");
  setenv("SIJILL_PASSPHRASE_FILE", (SourceDir() / "tests/data/e2e-passphrase.txt").c_str(), 1);
  EXPECT_EQ(none.exit_code, 1);
  EXPECT_THAT(none.err, HasSubstr("--passphrase-file"));
}

TEST(Custody, PassphraseSlotsCanBeAddedChangedAndRemoved) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);
  WriteFile(tmp / "second.txt", "a second passphrase\n");
  WriteFile(tmp / "third.txt", "a third passphrase\n");
  auto add =
      RunSijill({"key", "add", archive, "--new-passphrase-file", (tmp / "second.txt").string()});
  ASSERT_EQ(add.exit_code, 0) << add.err;
  EXPECT_THAT(RunSijill({"key", "list", archive}).out, HasSubstr("   2 "));
  // The original passphrase no longer works once changed; the new one does.
  auto change = RunSijill(
      {"passphrase", "change", archive, "--new-passphrase-file", (tmp / "third.txt").string()});
  ASSERT_EQ(change.exit_code, 0) << change.err;
  EXPECT_EQ(RunSijill({"checkpoint", archive}).exit_code, 1);
  EXPECT_EQ(RunSijill({"checkpoint", archive, "--passphrase-file", (tmp / "third.txt").string()})
                .exit_code,
            0);
  EXPECT_EQ(RunSijill({"checkpoint", archive, "--passphrase-file", (tmp / "second.txt").string()})
                .exit_code,
            0);
  // An encrypted archive's contents open with the new passphrases, not the old one.
  EXPECT_EQ(RunSijill({"sources", archive}).exit_code, EncryptedArchives() ? 1 : 0);
  auto log = nlohmann::json::parse(
      RunSijill({"log", archive, "--json", "--passphrase-file", (tmp / "third.txt").string()}).out);
  std::vector<std::string> actions;
  for (const auto& e : log) actions.push_back(e["entry"]["action"]);
  EXPECT_THAT(actions, ::testing::Contains("key.add"));
  EXPECT_THAT(actions, ::testing::Contains("passphrase.change"));
  // Removing the second passphrase's slot (2) with the third: the second no longer opens.
  auto removed =
      RunSijill({"key", "remove", archive, "2", "--passphrase-file", (tmp / "third.txt").string()});
  ASSERT_EQ(removed.exit_code, 0) << removed.err;
  EXPECT_EQ(RunSijill({"checkpoint", archive, "--passphrase-file", (tmp / "second.txt").string()})
                .exit_code,
            1);
  // The last slot cannot be removed.
  auto list = RunSijill({"key", "list", archive}).out;
  std::string last = list.substr(list.find('\n') + 1);
  last = last.substr(last.find_first_not_of(' '));
  last = last.substr(0, last.find(' '));
  auto refused = RunSijill(
      {"key", "remove", archive, last, "--passphrase-file", (tmp / "third.txt").string()});
  EXPECT_EQ(refused.exit_code, 1);
  EXPECT_EQ(
      RunSijill({"verify", archive, "--passphrase-file", (tmp / "third.txt").string()}).exit_code,
      0);
}

// Runs SQL on the archive's database directly, as someone with the files could.
void RawSql(const std::string& archive, const std::string& sql) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open((archive + "/sijill.db").c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err), SQLITE_OK) << (err ? err : "");
  sqlite3_free(err);
  sqlite3_close(db);
}

// Every blob file of an archive (encrypted blobs have names only the key gives).
std::vector<std::filesystem::path> BlobFiles(const std::string& archive) {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::recursive_directory_iterator(archive + "/blobs"))
    if (e.is_regular_file() && e.path().parent_path().filename() != "tmp")
      files.push_back(e.path());
  std::sort(files.begin(), files.end());
  return files;
}

void FlipByte(const std::filesystem::path& file, size_t at) {
  std::filesystem::permissions(file, std::filesystem::perms::owner_write,
                               std::filesystem::perm_options::add);
  std::string bytes = ReadAll(file);
  bytes[at % bytes.size()] ^= 0x20;
  WriteFile(file, bytes);
}

TEST(Custody, VerifyFindsAFlippedByteInAnyEncryptedBlob) {
  if (!EncryptedArchives()) GTEST_SKIP() << "about encrypted blobs";
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);
  auto clean = RunSijill({"verify", archive});
  ASSERT_EQ(clean.exit_code, 0) << clean.out << clean.err;
  auto files = BlobFiles(archive);
  // Two originals and their texts; a plain-text file's text may be its original itself.
  ASSERT_GE(files.size(), 2u);
  EXPECT_THAT(clean.out, HasSubstr("ok: 2 sources, " + std::to_string(files.size()) + " blobs"));
  for (const auto& file : files) {
    for (size_t at : {size_t{0}, size_t{40}, std::filesystem::file_size(file) - 1}) {
      std::string before = ReadAll(file);
      FlipByte(file, at);
      auto r = RunSijill({"verify", archive});
      EXPECT_EQ(r.exit_code, 1) << file << " byte " << at;
      EXPECT_THAT(r.out, HasSubstr("problem: source ")) << file << " byte " << at;
      WriteFile(file, before);
    }
  }
  EXPECT_EQ(RunSijill({"verify", archive}).exit_code, 0);
}

TEST(Custody, VerifyFindsAChangedBlobEntryOrCheckpointInAnArchiveInTheClear) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  std::string source = Prepare(tmp, archive, /*encrypted=*/false);
  ASSERT_EQ(RunSijill({"verify", archive}).exit_code, 0);

  // A flipped byte in an original.
  auto sources = nlohmann::json::parse(RunSijill({"sources", archive, "--json"}).out);
  std::string sha = sources[0]["sha256"];
  std::filesystem::path blob = tmp / "a" / "blobs" / "sha256" / sha.substr(0, 2) / sha;
  std::string bytes = ReadAll(blob);
  FlipByte(blob, 3);
  auto r = RunSijill({"verify", archive});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("source " + source + " (original): blob " + sha + " is corrupt"));
  WriteFile(blob, bytes);
  ASSERT_EQ(RunSijill({"verify", archive}).exit_code, 0);

  // A custody entry rewritten behind the log's back (its triggers dropped first).
  RawSql(archive,
         "DROP TRIGGER custody_log_no_update; UPDATE custody_log SET entry = replace(entry, "
         "'source.add', 'source.adx') WHERE leaf_index = 1");
  r = RunSijill({"verify", archive});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("custody log entry 1"));

  // The same change with a recomputed leaf hash: the signed checkpoint no longer matches.
  Scratch tmp2;
  std::string archive2 = (tmp2 / "b").string();
  Prepare(tmp2, archive2, /*encrypted=*/false);
  auto log = nlohmann::json::parse(RunSijill({"log", archive2, "--json"}).out);
  std::string forged = log[1]["entry"].dump();
  forged.replace(forged.find("source.add"), 10, "source.adx");
  // Leaf hash of the forged entry, computed the RFC 9162 way with Python.
  std::string cmd =
      "python3 -c \"import hashlib,sys; print(hashlib.sha256(b'\\\\x00'+sys.argv[1]"
      ".encode()).hexdigest())\" '" +
      forged + "' > " + (tmp2 / "h").string();
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string leaf = ReadAll(tmp2 / "h").substr(0, 64);
  RawSql(archive2, "DROP TRIGGER custody_log_no_update; UPDATE custody_log SET entry = '" + forged +
                       "', leaf_hash = '" + leaf + "' WHERE leaf_index = 1");
  r = RunSijill({"verify", archive2});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.out, HasSubstr("the custody log no longer has the root this checkpoint signed"));
}

TEST(Custody, InitUsesTheDefaultKdfCost) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  ASSERT_EQ(RunSijill({"init", archive, "--kdf-memory", "256"}).exit_code, 0);
  EXPECT_THAT(RunSijill({"key", "list", archive}).out, HasSubstr("   1             3  256 MiB"));
  EXPECT_EQ(RunSijill({"init", (tmp / "b").string(), "--kdf-memory", "0"}).exit_code, 2);
}

TEST(Custody, AnEncryptedArchiveHoldsNoPlaintext) {
  if (!EncryptedArchives()) GTEST_SKIP() << "about encrypted archives";
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  Prepare(tmp, archive);
  for (const auto& e : std::filesystem::recursive_directory_iterator(archive)) {
    if (!e.is_regular_file()) continue;
    std::string bytes = ReadAll(e.path());
    for (const char* word : {"Jobar", "brigade", "حرستا", "SQLite format 3", "a.txt"})
      EXPECT_EQ(bytes.find(word), std::string::npos) << word << " in " << e.path();
  }
  // Without its passphrase, nothing of it can be read.
  WriteFile(tmp / "wrong.txt", "wrong\n");
  auto r =
      RunSijill({"search", archive, "Jobar", "--passphrase-file", (tmp / "wrong.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: wrong passphrase\n");
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace sijill::e2e
