// The WAL life cycle through the encrypted VFS: log restarts that leave stale frames of an
// older generation, rolled-back transactions spilled into the log, frames rewritten in place,
// and a reader beside a writer. Recovery must accept all of these without a false alarm.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "base/testing/temp_dir.h"
#include "store/sqlite/encrypted_vfs.h"
#include "store/testing/encrypted_db.h"

namespace sijill::store::sqlite {
namespace {

namespace fs = std::filesystem;
using base::testing::TempDir;
using namespace store::testing;  // NOLINT(google-build-using-namespace)

void KeepWalOnClose(Connection& conn) {
  ASSERT_TRUE(conn.Exec("PRAGMA wal_autocheckpoint = 0").ok());
  ASSERT_EQ(sqlite3_db_config(conn.raw(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr), SQLITE_OK);
}

void ExpectRecovers(const fs::path& db, int passages) {
  fs::remove(db.string() + "-shm");  // force recovery from the WAL file
  EXPECT_TRUE(VerifyEncryptedFiles(db, TestKey(1), TestArchive(1)).ok());
  auto rows = ReadAll(db);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(*rows, Expected(passages));
}

TEST(EncryptedWal, RestartedLogWithStaleFramesRecovers) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  KeepWalOnClose(**conn);
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  for (int t = 0; t < 10; ++t) ASSERT_TRUE(InsertPassages(**conn, t * 20, 20).ok());
  auto before = fs::file_size(db.string() + "-wal");
  ASSERT_TRUE((*conn)->Exec("PRAGMA wal_checkpoint(RESTART)").ok());
  ASSERT_TRUE(InsertPassages(**conn, 200, 5).ok());  // rewrites the log from frame 1
  ASSERT_TRUE(InsertPassages(**conn, 205, 5).ok());
  EXPECT_EQ(fs::file_size(db.string() + "-wal"), before);  // older frames are still there
  conn->reset();
  ExpectRecovers(db, 210);
}

TEST(EncryptedWal, TruncatedAndSizeLimitedLogRecovers) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  KeepWalOnClose(**conn);
  ASSERT_TRUE((*conn)->Exec("PRAGMA journal_size_limit = 20000").ok());
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  for (int t = 0; t < 5; ++t) ASSERT_TRUE(InsertPassages(**conn, t * 20, 20).ok());
  ASSERT_TRUE((*conn)->Exec("PRAGMA wal_checkpoint(TRUNCATE)").ok());
  EXPECT_EQ(fs::file_size(db.string() + "-wal"), 0u);
  for (int t = 5; t < 10; ++t) ASSERT_TRUE(InsertPassages(**conn, t * 20, 20).ok());
  ASSERT_TRUE((*conn)->Exec("PRAGMA wal_checkpoint(RESTART)").ok());
  ASSERT_TRUE(InsertPassages(**conn, 200, 5).ok());  // restarts and trims the log to the limit
  conn->reset();
  ExpectRecovers(db, 205);
}

TEST(EncryptedWal, RolledBackSpillAndRewrittenFramesRecover) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value());
  KeepWalOnClose(**conn);
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  ASSERT_TRUE(InsertPassages(**conn, 0, 20).ok());
  ASSERT_TRUE((*conn)->Exec("PRAGMA cache_size = 8").ok());  // a big transaction spills
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE scratch(x TEXT)").ok());
  ASSERT_TRUE((*conn)
                  ->Exec("BEGIN; WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 "
                         "FROM c WHERE i < 2000) INSERT INTO scratch SELECT "
                         "hex(randomblob(400)) FROM c")
                  .ok());
  auto spilled = fs::file_size(db.string() + "-wal");
  ASSERT_TRUE((*conn)->Exec("ROLLBACK").ok());
  ASSERT_TRUE(InsertPassages(**conn, 20, 5).ok());  // overwrites only the start of the spill
  ASSERT_TRUE(InsertPassages(**conn, 25, 5).ok());
  EXPECT_EQ(fs::file_size(db.string() + "-wal"), spilled);
  // A committed transaction that spills and rewrites its own frames before committing.
  ASSERT_TRUE((*conn)
                  ->Exec("BEGIN; INSERT INTO scratch SELECT text FROM passages; "
                         "INSERT INTO scratch SELECT x FROM scratch; "
                         "INSERT INTO scratch SELECT x FROM scratch; "
                         "UPDATE scratch SET x = upper(x); COMMIT")
                  .ok());
  conn->reset();
  ExpectRecovers(db, 30);
  // The last transaction (rewritten frames, then frames written with zero salts until the
  // commit fixed them) is recovered too.
  auto reopened = OpenTest(db);
  ASSERT_TRUE(reopened.has_value()) << reopened.error().message();
  auto count = (*reopened)->Prepare("SELECT count(*), count(DISTINCT x) FROM scratch");
  ASSERT_TRUE(count.has_value());
  auto row = count->Step();
  ASSERT_TRUE(row.has_value() && *row) << (row ? "no row" : row.error().message());
  EXPECT_EQ(count->Int(0), 30 * 4);
  EXPECT_EQ(count->Int(1), 30);
}

TEST(EncryptedWal, ReaderBesideWriterSeesCommittedData) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto writer = OpenTest(db);
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE((*writer)->Exec(kSchema).ok());
  ASSERT_TRUE(InsertPassages(**writer, 0, 50).ok());
  auto reader = OpenTest(db);
  ASSERT_TRUE(reader.has_value()) << reader.error().message();
  ASSERT_TRUE(InsertPassages(**writer, 50, 50).ok());
  auto count = (*reader)->Prepare(
      "SELECT count(*) FROM passage_index WHERE passage_index MATCH "
      "'detainees'");
  ASSERT_TRUE(count.has_value());
  auto row = count->Step();
  ASSERT_TRUE(row.has_value() && *row) << (row ? "" : row.error().message());
  EXPECT_EQ(count->Int(0), 100);
}

}  // namespace
}  // namespace sijill::store::sqlite
