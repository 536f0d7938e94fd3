#include "store/sqlite/encrypted_vfs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include "base/testing/temp_dir.h"
#include "store/sqlite/page_cipher.h"
#include "store/testing/encrypted_db.h"

namespace sijill::store::sqlite {
namespace {

using base::testing::TempDir;
using namespace store::testing;  // NOLINT(google-build-using-namespace)

TEST(PageCipher, SealsAndOpensOnlyAtTheSamePosition) {
  std::array<uint8_t, kPageSize> page{};
  for (int i = 0; i < kPayloadBytes; ++i) page[i] = static_cast<uint8_t>(i);
  auto plain = page;
  PagePosition at7{FileKind::kMainDb, 7};
  ASSERT_TRUE(SealPage(TestKey(1), TestArchive(1), at7, page));
  EXPECT_NE(page, plain);
  auto sealed = page;
  for (PagePosition other : {PagePosition{FileKind::kMainDb, 8}, PagePosition{FileKind::kWal, 7}}) {
    auto copy = sealed;
    EXPECT_FALSE(OpenPage(TestKey(1), TestArchive(1), other, copy));
    EXPECT_EQ(copy, sealed);  // left as it was
  }
  auto copy = sealed;
  EXPECT_FALSE(OpenPage(TestKey(1), TestArchive(2), at7, copy));
  EXPECT_FALSE(OpenPage(TestKey(2), TestArchive(1), at7, copy));
  ASSERT_TRUE(OpenPage(TestKey(1), TestArchive(1), at7, page));
  EXPECT_EQ(page, plain);
}

TEST(PageCipher, RefusesAPageWhoseReservedBytesAreInUse) {
  std::array<uint8_t, kPageSize> page{};
  page[kPageSize - 1] = 1;
  auto before = page;
  EXPECT_FALSE(SealPage(TestKey(1), TestArchive(1), {FileKind::kMainDb, 1}, page));
  EXPECT_EQ(page, before);
}

TEST(EncryptedDb, KeepsDataWithFts5AcrossReopen) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value()) << conn.error().message();
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    for (int first = 0; first < 300; first += 50) {
      ASSERT_TRUE(InsertPassages(**conn, first, 50).ok());
    }
  }
  auto rows = ReadAll(db);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(*rows, Expected(300));
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  auto q = (*conn)->Prepare(
      "SELECT rowid FROM passage_index WHERE passage_index MATCH 'Qaboun' "
      "ORDER BY rowid LIMIT 3");
  ASSERT_TRUE(q.has_value());
  std::vector<int64_t> ids;
  while (*q->Step()) ids.push_back(q->Int(0));
  EXPECT_EQ(ids, (std::vector<int64_t>{0, 5, 10}));
  auto layout = (*conn)->Prepare("PRAGMA page_size");
  ASSERT_TRUE(layout.has_value() && *layout->Step());
  EXPECT_EQ(layout->Int(0), kPageSize);
}

TEST(EncryptedDb, NoPlaintextInTheDatabaseOrTheWal) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value()) << conn.error().message();
  ASSERT_TRUE((*conn)->Exec("PRAGMA wal_autocheckpoint = 0").ok());
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  ASSERT_TRUE(InsertPassages(**conn, 0, 200).ok());
  auto check = [&](const std::string& bytes, const std::string& file) {
    for (const char* needle :
         {"SQLite format 3", "detainees", "Qaboun", "checkpoint", "المعتقلين", "passage_index"}) {
      EXPECT_EQ(bytes.find(needle), std::string::npos) << needle << " in " << file;
    }
  };
  std::string wal = Slurp(db.string() + "-wal");
  EXPECT_GT(wal.size(), 20u * 4096u);  // the passages are in the WAL, not yet checkpointed
  check(wal, "WAL");
  check(Slurp(db), "database");
  conn->reset();  // checkpoints into the database file
  check(Slurp(db), "database after checkpoint");
  EXPECT_GT(Slurp(db).size(), 20u * 4096u);
}

TEST(EncryptedDb, WrongKeyOrArchiveOrPlainFileIsRefusedClearly) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    ASSERT_TRUE(InsertPassages(**conn, 0, 20).ok());
  }
  std::string expected = db.string() + ": wrong key or not an encrypted Sijill database";
  for (auto [key, archive] : {std::pair<uint8_t, uint8_t>{2, 1}, {1, 2}}) {
    auto wrong = OpenTest(db, key, archive);
    ASSERT_FALSE(wrong.has_value());
    EXPECT_EQ(wrong.error().code(), base::StatusCode::kPermissionDenied);
    EXPECT_EQ(wrong.error().message(), expected);
  }
  auto plain = tmp.Path("plain.db");
  sqlite3* raw = nullptr;
  ASSERT_EQ(sqlite3_open(plain.c_str(), &raw), SQLITE_OK);
  ASSERT_EQ(
      sqlite3_exec(raw, "CREATE TABLE t(x); INSERT INTO t VALUES (1)", nullptr, nullptr, nullptr),
      SQLITE_OK);
  sqlite3_close(raw);
  auto opened = OpenTest(plain);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().message(),
            plain.string() + ": wrong key or not an encrypted Sijill database");
  EXPECT_TRUE(ReadAll(db).has_value());  // the right key still works
}

TEST(EncryptedDb, SwappedPagesAreDetected) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    ASSERT_TRUE(InsertPassages(**conn, 0, 200).ok());
  }
  std::string good = Slurp(db);
  ASSERT_GT(good.size(), 10u * kPageSize);
  std::string swapped = good;
  for (int i = 0; i < kPageSize; ++i)
    std::swap(swapped[4 * kPageSize + i], swapped[7 * kPageSize + i]);
  Spit(db, swapped);
  auto rows = ReadAll(db);
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().code(), base::StatusCode::kCorruption);
  EXPECT_NE(rows.error().message().find("failed authentication"), std::string::npos)
      << rows.error().message();
  base::Status verify = VerifyEncryptedFiles(db, TestKey(1), TestArchive(1));
  EXPECT_EQ(verify.message(), db.string() +
                                  ": page 5 of the database failed authentication: the "
                                  "file is damaged or was tampered with");
  // A page from another archive (same key), at the same position.
  auto other = tmp.Path("other.db");
  {
    auto conn = OpenTest(other, 1, 2);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    ASSERT_TRUE(InsertPassages(**conn, 0, 200).ok());
  }
  std::string mixed = good;
  mixed.replace(size_t{3} * kPageSize, kPageSize,
                Slurp(other).substr(size_t{3} * kPageSize, kPageSize));
  Spit(db, mixed);
  EXPECT_EQ(VerifyEncryptedFiles(db, TestKey(1), TestArchive(1)).code(),
            base::StatusCode::kCorruption);
  ASSERT_FALSE(ReadAll(db).has_value());
  Spit(db, good);
  EXPECT_TRUE(ReadAll(db).has_value());
}

TEST(EncryptedDb, VacuumKeepsPagesSealedAndVacuumIntoIsRefused) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto copy = tmp.Path("copy.db");
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    ASSERT_TRUE(InsertPassages(**conn, 0, 300).ok());
    ASSERT_TRUE((*conn)->Exec("VACUUM").ok());
    // VACUUM INTO writes its target with a rollback journal: refused, loudly.
    std::string into = "VACUUM INTO '" + copy.string() + "'";
    base::Status s = (*conn)->Exec(into.c_str());
    EXPECT_NE(s.message().find("refused to create a rollback journal"), std::string::npos)
        << s.message();
  }
  EXPECT_EQ(Slurp(copy).find("detainees"), std::string::npos);
  EXPECT_TRUE(VerifyEncryptedFiles(db, TestKey(1), TestArchive(1)).ok());
  std::string bytes = Slurp(db);
  EXPECT_EQ(bytes.find("detainees"), std::string::npos);
  EXPECT_EQ(bytes.find("SQLite format 3"), std::string::npos);
  auto rows = ReadAll(db);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(*rows, Expected(300));
}

TEST(EncryptedDb, RollbackJournalIsRefused) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  ASSERT_TRUE(InsertPassages(**conn, 0, 10).ok());
  base::Status s = (*conn)->Exec("PRAGMA journal_mode = DELETE");
  if (s.ok()) s = InsertPassages(**conn, 10, 10);
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("refused to create a rollback journal"), std::string::npos)
      << s.message();
}

TEST(EncryptedDb, LargeSortNeedsNoTemporaryFile) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  ASSERT_TRUE(InsertPassages(**conn, 0, 3000).ok());
  ASSERT_TRUE((*conn)->Exec("PRAGMA cache_size = 10").ok());
  auto q = (*conn)->Prepare(
      "SELECT text || text || text || text FROM passages ORDER BY substr(text, 9, 5) DESC, id");
  ASSERT_TRUE(q.has_value());
  int n = 0;
  while (true) {
    auto more = q->Step();
    ASSERT_TRUE(more.has_value()) << more.error().message();
    if (!*more) break;
    ++n;
  }
  EXPECT_EQ(n, 3000);
  // The same sort with temporary files on disk would spill, and is refused.
  ASSERT_TRUE((*conn)->Exec("PRAGMA temp_store = FILE").ok());
  auto spill = (*conn)->Prepare(
      "SELECT text || text || text || text FROM passages ORDER BY substr(text, 9, 5) DESC, id");
  ASSERT_TRUE(spill.has_value());
  base::Status s;
  while (s.ok()) {
    auto more = spill->Step();
    if (!more.has_value()) s = more.error();
    if (more.has_value() && !*more) break;
  }
  EXPECT_NE(s.message().find("refused to create a temporary file"), std::string::npos)
      << s.message();
}

}  // namespace
}  // namespace sijill::store::sqlite
