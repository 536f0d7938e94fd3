// The custody log as the store keeps it: append-only, in order, in the writer's
// transaction; checkpoints beside it.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include "base/testing/temp_dir.h"
#include "store/archive.h"
#include "store/testing/raw_sqlite.h"
#include "vault/custody.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

using testing::RawExec;

TEST(CustodyLog, ANewArchiveRecordsItsCreation) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value()) << archive.error().message();
  Store& store = (*archive)->store();
  ASSERT_EQ(*store.CustodySize(), 1u);
  auto log = store.GetCustody(0, 10);
  ASSERT_TRUE(log.has_value());
  ASSERT_EQ(log->size(), 1u);
  auto entry = vault::ParseCustodyEntry((*log)[0].entry);
  ASSERT_TRUE(entry.has_value()) << entry.error().message();
  EXPECT_EQ(entry->action, "archive.create");
  EXPECT_EQ(entry->archive, *store.ArchiveId());
  EXPECT_EQ(entry->objects.at("archive"), *store.ArchiveId());
  EXPECT_EQ((*log)[0].leaf_hash, vault::CustodyLeafHashHex((*log)[0].entry));
}

TEST(CustodyLog, AppendsInOrderOnlyWhenTheTransactionCommits) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value());
  Store& store = (*archive)->store();
  std::string leaf(64, 'a');
  {
    auto txn = store.BeginWrite();
    ASSERT_TRUE(txn.has_value());
    EXPECT_EQ(*(*txn)->AppendCustody("{\"x\":1}", leaf), 1u);
    EXPECT_EQ(*(*txn)->AppendCustody("{\"x\":2}", leaf), 2u);
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  {
    auto txn = store.BeginWrite();
    ASSERT_TRUE(txn.has_value());
    EXPECT_EQ(*(*txn)->AppendCustody("{\"x\":3}", leaf), 3u);
    // Destroyed without Commit: rolled back.
  }
  EXPECT_EQ(*store.CustodySize(), 3u);
  auto tail = store.GetCustody(1, 10);
  ASSERT_EQ(tail->size(), 2u);
  EXPECT_EQ((*tail)[0].index, 1u);
  EXPECT_EQ((*tail)[1].entry, "{\"x\":2}");
  auto txn = store.BeginWrite();
  EXPECT_FALSE((*txn)->AppendCustody("{}", "short").has_value());
}

TEST(CustodyLog, EntriesCannotBeChangedOrRemoved) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  ASSERT_TRUE(Archive::Create(dir).has_value());
  EXPECT_NE(RawExec(dir, "UPDATE custody_log SET entry = '{}'").find("append-only"),
            std::string::npos);
  EXPECT_NE(RawExec(dir, "DELETE FROM custody_log").find("append-only"), std::string::npos);
  auto archive = Archive::Open(dir, OpenMode::kReadOnly);
  EXPECT_EQ(*(*archive)->store().CustodySize(), 1u);
}

TEST(CustodyLog, CheckpointsAreKeptBySize) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  Store& store = (*archive)->store();
  std::string root(64, '0');
  auto txn = store.BeginWrite();
  ASSERT_TRUE((*txn)->AddCheckpoint({5, root, "note five", "2026-11-27T10:00:00Z"}).ok());
  ASSERT_TRUE((*txn)->AddCheckpoint({1, root, "note one", "2026-11-27T09:00:00Z"}).ok());
  EXPECT_EQ((*txn)->AddCheckpoint({5, root, "again", "2026-11-27T11:00:00Z"}).code(),
            base::StatusCode::kAlreadyExists);
  ASSERT_TRUE((*txn)->Commit().ok());
  auto all = store.ListCheckpoints();
  ASSERT_EQ(all->size(), 2u);
  EXPECT_EQ((*all)[0].size, 1u);
  EXPECT_EQ((*all)[1].note, "note five");
}

}  // namespace
}  // namespace sijill::store
