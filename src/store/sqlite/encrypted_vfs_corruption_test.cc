// Byte flips, torn writes, a missing WAL and a killed writer against the encrypted VFS:
// damage is reported as corruption, a torn unsynced transaction is dropped, and wrong data
// is never returned.
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <random>

#include "base/testing/temp_dir.h"
#include "store/sqlite/encrypted_vfs.h"
#include "store/sqlite/wal_format.h"
#include "store/testing/encrypted_db.h"

namespace sijill::store::sqlite {
namespace {

namespace fs = std::filesystem;
using base::testing::TempDir;
using namespace store::testing;  // NOLINT(google-build-using-namespace)

constexpr int kTxns = 10;
constexpr int kPerTxn = 20;
constexpr int kTrials = 300;

void RemoveSidecars(const fs::path& db) {
  fs::remove(db.string() + "-wal");
  fs::remove(db.string() + "-shm");
}

fs::path WalOf(const fs::path& db) { return db.string() + "-wal"; }
fs::path AnchorOf(const fs::path& db) { return db.string() + "-anchor"; }

// The files of a closed database: database, WAL and commit anchor.
struct Files {
  std::string db, wal, anchor;
};
Files Save(const fs::path& db) { return {Slurp(db), Slurp(WalOf(db)), Slurp(AnchorOf(db))}; }
void Restore(const fs::path& db, const Files& f) {
  RemoveSidecars(db);
  Spit(db, f.db);
  Spit(WalOf(db), f.wal);
  Spit(AnchorOf(db), f.anchor);
}

// A database of kTxns transactions of kPerTxn passages. With `keep_wal`, every
// transaction stays in the WAL (no checkpoint, not even on close).
void MakeDatabase(const fs::path& db, bool keep_wal) {
  auto conn = OpenTest(db);
  ASSERT_TRUE(conn.has_value()) << conn.error().message();
  if (keep_wal) {
    ASSERT_TRUE((*conn)->Exec("PRAGMA wal_autocheckpoint = 0").ok());
    ASSERT_EQ(sqlite3_db_config((*conn)->raw(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr),
              SQLITE_OK);
  }
  ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  for (int t = 0; t < kTxns; ++t) ASSERT_TRUE(InsertPassages(**conn, t * kPerTxn, kPerTxn).ok());
}

TEST(EncryptedDbCorruption, EveryFlippedByteOfTheDatabaseIsReported) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  MakeDatabase(db, false);
  ASSERT_FALSE(fs::exists(db.string() + "-wal"));
  const std::string good = Slurp(db);
  std::mt19937 rng(20240611);
  int by_reads = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    std::string bad = good;
    size_t pos = rng() % bad.size();
    bad[pos] = static_cast<char>(bad[pos] ^ (1 + rng() % 255));
    Spit(db, bad);
    RemoveSidecars(db);
    auto pgno = pos / kPageSize + 1;
    base::Status verify = VerifyEncryptedFiles(db, TestKey(1), TestArchive(1));
    EXPECT_EQ(verify.code(), base::StatusCode::kCorruption) << "byte " << pos;
    EXPECT_NE(verify.message().find(fmt::format(": page {} of the database failed", pgno)),
              std::string::npos)
        << verify.message();
    auto rows = ReadAll(db);
    if (rows.has_value()) {
      EXPECT_EQ(*rows, Expected(kTxns * kPerTxn)) << "wrong data after flipping byte " << pos;
      continue;
    }
    ++by_reads;
    EXPECT_EQ(rows.error().code(), base::StatusCode::kCorruption) << rows.error().message();
    EXPECT_NE(rows.error().message().find(fmt::format("page {} of the database failed", pgno)),
              std::string::npos)
        << rows.error().message();
  }
  RecordProperty("reported_by_reads", by_reads);
  std::cout << by_reads << " of " << kTrials << " flips reported by reading the data; "
            << "all reported by VerifyEncryptedFiles\n";
}

TEST(EncryptedDbCorruption, EveryFlippedByteOfTheWalIsReported) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  MakeDatabase(db, true);
  const Files good = Save(db);
  ASSERT_GT(good.wal.size(), static_cast<size_t>(kWalHeaderSize + 10 * kFrameSize));
  {
    Restore(db, good);
    auto rows = ReadAll(db);  // the untouched WAL is recovered in full
    ASSERT_TRUE(rows.has_value()) << rows.error().message();
    EXPECT_EQ(*rows, Expected(kTxns * kPerTxn));
  }
  std::mt19937 rng(20240612);
  for (int trial = 0; trial < kTrials; ++trial) {
    Files bad = good;
    size_t pos = rng() % bad.wal.size();
    bad.wal[pos] = static_cast<char>(bad.wal[pos] ^ (1 + rng() % 255));
    Restore(db, bad);
    base::Status verify = VerifyEncryptedFiles(db, TestKey(1), TestArchive(1));
    EXPECT_EQ(verify.code(), base::StatusCode::kCorruption) << "byte " << pos;
    auto rows = ReadAll(db);
    ASSERT_FALSE(rows.has_value())
        << "unreported flip of WAL byte " << pos << " (frame "
        << (pos < kWalHeaderSize ? 0 : (pos - kWalHeaderSize) / kFrameSize + 1) << "), "
        << rows->size() << " rows";
    EXPECT_EQ(rows.error().code(), base::StatusCode::kCorruption) << rows.error().message();
    EXPECT_NE(rows.error().message().find("the WAL is damaged or was tampered with"),
              std::string::npos)
        << rows.error().message();
  }
}

TEST(EncryptedDbCorruption, MissingWalIsReported) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  MakeDatabase(db, true);
  RemoveSidecars(db);
  auto conn = OpenTest(db);
  ASSERT_FALSE(conn.has_value());
  EXPECT_EQ(conn.error().code(), base::StatusCode::kCorruption);
  EXPECT_NE(conn.error().message().find("the WAL is missing or empty, but frames up to"),
            std::string::npos)
      << conn.error().message();
}

// A torn write of the last frame (its page half written) is what a power cut during a
// commit leaves, before the sync after which the anchor would have recorded that commit:
// the database opens without that transaction. The same tear after the anchor recorded
// the commit is damage, and is reported.
TEST(EncryptedDbCorruption, TornLastFrameDropsOnlyAnUnsyncedTransaction) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  std::string anchor_before_last;
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec("PRAGMA wal_autocheckpoint = 0").ok());
    ASSERT_EQ(sqlite3_db_config((*conn)->raw(), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, nullptr),
              SQLITE_OK);
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
    for (int t = 0; t + 1 < kTxns; ++t) {
      ASSERT_TRUE(InsertPassages(**conn, t * kPerTxn, kPerTxn).ok());
    }
    anchor_before_last = Slurp(AnchorOf(db));
    ASSERT_TRUE(InsertPassages(**conn, (kTxns - 1) * kPerTxn, kPerTxn).ok());
  }
  Files torn = Save(db);
  size_t last = (torn.wal.size() - kWalHeaderSize) / kFrameSize;
  size_t page = kWalHeaderSize + (last - 1) * kFrameSize + kFrameHeaderSize;
  std::fill(torn.wal.begin() + static_cast<int64_t>(page + kPageSize / 2),
            torn.wal.begin() + static_cast<int64_t>(page + kPageSize), '\0');
  Restore(db, torn);
  auto reported = ReadAll(db);
  ASSERT_FALSE(reported.has_value());
  EXPECT_EQ(reported.error().code(), base::StatusCode::kCorruption);
  torn.anchor = anchor_before_last;
  Restore(db, torn);
  EXPECT_TRUE(VerifyEncryptedFiles(db, TestKey(1), TestArchive(1)).ok());
  auto rows = ReadAll(db);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(*rows, Expected((kTxns - 1) * kPerTxn));
}

TEST(EncryptedDbCorruption, SwappedWalFramesAreReported) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  MakeDatabase(db, true);
  Files swapped = Save(db);
  for (int i = 0; i < kFrameSize; ++i) {
    std::swap(swapped.wal[FrameOffset(3) + i], swapped.wal[FrameOffset(5) + i]);
  }
  Restore(db, swapped);
  auto rows = ReadAll(db);
  ASSERT_FALSE(rows.has_value());
  EXPECT_EQ(rows.error().code(), base::StatusCode::kCorruption);
  EXPECT_NE(rows.error().message().find("frame 3 (page"), std::string::npos)
      << rows.error().message();
}

// Many small transactions in a child process killed with SIGKILL: the database reopens,
// passes integrity_check and holds every acknowledged transaction.
TEST(EncryptedDbCrash, KilledWriterLeavesAConsistentDatabase) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  {
    auto conn = OpenTest(db);
    ASSERT_TRUE(conn.has_value());
    ASSERT_TRUE((*conn)->Exec(kSchema).ok());
  }
  int total = 0;
  for (int round = 0; round < 10; ++round) {
    int fds[2];
    ASSERT_EQ(pipe(fds), 0);
    pid_t pid = fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      close(fds[0]);
      auto conn = OpenTest(db);
      if (!conn.has_value()) _exit(2);
      for (int next = total;; next += 3) {
        if (!InsertPassages(**conn, next, 3).ok()) _exit(3);
        int done = next + 3;
        if (write(fds[1], &done, sizeof done) != sizeof done) _exit(4);
      }
    }
    close(fds[1]);
    usleep(static_cast<useconds_t>(20000 + round * 25000));
    kill(pid, SIGKILL);
    int status = 0;
    waitpid(pid, &status, 0);
    ASSERT_TRUE(WIFSIGNALED(status)) << "child exited with " << WEXITSTATUS(status);
    int acknowledged = total;
    for (int v = 0; read(fds[0], &v, sizeof v) == sizeof v;) acknowledged = v;
    close(fds[0]);
    auto rows = ReadAll(db);
    ASSERT_TRUE(rows.has_value()) << "round " << round << ": " << rows.error().message();
    EXPECT_GE(static_cast<int>(rows->size()), acknowledged);
    EXPECT_LE(static_cast<int>(rows->size()), acknowledged + 3);
    EXPECT_EQ(*rows, Expected(static_cast<int>(rows->size())));
    total = static_cast<int>(rows->size());
  }
  EXPECT_GT(total, 30);
  std::cout << total << " passages committed across 10 killed writers\n";
}

}  // namespace
}  // namespace sijill::store::sqlite
