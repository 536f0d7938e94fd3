// Byte flips, torn writes and a killed writer against the encrypted VFS: damage is either
// reported as corruption or, where it cannot be told from a torn write, costs at most the
// last transaction; wrong data is never returned.
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

// The frames of the last transaction, and the commit-size field of the commit frame before
// it: damage there cannot be told from a torn write, so it drops the last transaction.
struct WalShape {
  uint32_t last_txn_first_frame = 0;
  int64_t prev_commit_size_field = 0;
};
WalShape ShapeOf(const std::string& wal) {
  std::vector<uint32_t> commits;
  for (uint32_t i = 1; FrameOffset(i) + kFrameSize <= static_cast<int64_t>(wal.size()); ++i) {
    auto* p = reinterpret_cast<const uint8_t*>(wal.data() + FrameOffset(i));
    if (ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(p, 24)).commit_size) {
      commits.push_back(i);
    }
  }
  EXPECT_EQ(commits.size(), static_cast<size_t>(kTxns + 2));  // + two for the schema
  return {commits[commits.size() - 2] + 1, FrameOffset(commits[commits.size() - 2]) + 4};
}

TEST(EncryptedDbCorruption, FlippedWalBytesAreReportedOrCostTheLastTransactionOnly) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto wal = fs::path(db.string() + "-wal");
  MakeDatabase(db, true);
  const std::string good_db = Slurp(db);
  const std::string good_wal = Slurp(wal);
  ASSERT_GT(good_wal.size(), static_cast<size_t>(kWalHeaderSize + 10 * kFrameSize));
  {
    RemoveSidecars(db);
    Spit(wal, good_wal);
    auto rows = ReadAll(db);  // the untouched WAL is recovered in full
    ASSERT_TRUE(rows.has_value()) << rows.error().message();
    EXPECT_EQ(*rows, Expected(kTxns * kPerTxn));
  }
  WalShape shape = ShapeOf(good_wal);
  std::mt19937 rng(20240612);
  int reported = 0;
  int last_txn_dropped = 0;
  for (int trial = 0; trial < kTrials; ++trial) {
    std::string bad = good_wal;
    size_t pos = rng() % bad.size();
    bad[pos] = static_cast<char>(bad[pos] ^ (1 + rng() % 255));
    Spit(db, good_db);
    RemoveSidecars(db);
    Spit(wal, bad);
    uint32_t frame = pos < kWalHeaderSize ? 0 : (pos - kWalHeaderSize) / kFrameSize + 1;
    bool in_last_txn = frame >= shape.last_txn_first_frame ||
                       (static_cast<int64_t>(pos) >= shape.prev_commit_size_field &&
                        static_cast<int64_t>(pos) < shape.prev_commit_size_field + 4);
    base::Status verify = VerifyEncryptedFiles(db, TestKey(1), TestArchive(1));
    auto rows = ReadAll(db);
    if (!rows.has_value()) {
      ++reported;
      EXPECT_EQ(rows.error().code(), base::StatusCode::kCorruption) << rows.error().message();
      EXPECT_EQ(verify.code(), base::StatusCode::kCorruption) << "byte " << pos;
      continue;
    }
    ASSERT_TRUE(in_last_txn) << "unreported flip of WAL byte " << pos << " (frame " << frame
                             << "): " << verify.message();
    ++last_txn_dropped;
    // Only whole transactions are lost, never a wrong row.
    EXPECT_TRUE(*rows == Expected((kTxns - 1) * kPerTxn) ||
                *rows == Expected((kTxns - 2) * kPerTxn))
        << "byte " << pos << ": " << rows->size() << " rows";
  }
  RecordProperty("reported", reported);
  RecordProperty("last_transaction_dropped", last_txn_dropped);
  std::cout << reported << " of " << kTrials << " WAL flips reported as corruption; "
            << last_txn_dropped << " fell in the last transaction and dropped it\n";
}

// A torn write of the last frame (its page half written) is what a power cut leaves: the
// database opens, without that transaction.
TEST(EncryptedDbCorruption, TornLastFrameDropsOnlyItsTransaction) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto wal = fs::path(db.string() + "-wal");
  MakeDatabase(db, true);
  std::string torn = Slurp(wal);
  size_t last = (torn.size() - kWalHeaderSize) / kFrameSize;
  size_t page = kWalHeaderSize + (last - 1) * kFrameSize + kFrameHeaderSize;
  std::fill(torn.begin() + static_cast<int64_t>(page + kPageSize / 2),
            torn.begin() + static_cast<int64_t>(page + kPageSize), '\0');
  RemoveSidecars(db);
  Spit(wal, torn);
  EXPECT_TRUE(VerifyEncryptedFiles(db, TestKey(1), TestArchive(1)).ok());
  auto rows = ReadAll(db);
  ASSERT_TRUE(rows.has_value()) << rows.error().message();
  EXPECT_EQ(*rows, Expected((kTxns - 1) * kPerTxn));
}

TEST(EncryptedDbCorruption, SwappedWalFramesAreReported) {
  TempDir tmp;
  auto db = tmp.Path("sijill.db");
  auto wal = fs::path(db.string() + "-wal");
  MakeDatabase(db, true);
  std::string swapped = Slurp(wal);
  for (int i = 0; i < kFrameSize; ++i) {
    std::swap(swapped[FrameOffset(3) + i], swapped[FrameOffset(5) + i]);
  }
  RemoveSidecars(db);
  Spit(wal, swapped);
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
