// Proofs from the stored custody tree (custody_proofs.h) must be exactly the proofs of
// the in-memory MerkleTree, on new archives and on archives upgraded from schema 3, and
// a damaged stored node must stop `prove` with its name, never yield a bad proof.
#include "store/custody_proofs.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <random>

#include "base/testing/temp_dir.h"
#include "store/archive.h"
#include "store/testing/raw_sqlite.h"
#include "store/verify_archive.h"
#include "vault/checkpoint.h"
#include "vault/custody.h"
#include "vault/proof.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

using testing::RawExec;

// A canonical entry (so that `verify` accepts the log) that differs for every `i`.
std::string EntryBytes(uint64_t i) {
  vault::CustodyEntry e{"test-archive", "2026-11-27T09:30:00Z",     "tester",
                        "test.entry",   {{"n", std::to_string(i)}}, {}};
  return vault::CanonicalBytes(e);
}

// Appends entries until the log has `size`, in transactions of the given lengths (the
// last one repeated), so that blocks end inside and at the edges of transactions.
void Grow(Store& store, uint64_t size, std::vector<uint64_t> batches = {1, 37, 255, 256, 300}) {
  ASSERT_FALSE(batches.empty());
  uint64_t have = *store.CustodySize();
  for (size_t b = 0; have < size; ++b) {
    uint64_t n = std::min(batches[std::min(b, batches.size() - 1)], size - have);
    auto txn = store.BeginWrite();
    ASSERT_TRUE(txn.has_value()) << txn.error().message();
    for (uint64_t i = 0; i < n; ++i, ++have) {
      std::string e = EntryBytes(have);
      auto index = (*txn)->AppendCustody(e, vault::CustodyLeafHashHex(e));
      ASSERT_TRUE(index.has_value()) << index.error().message();
      ASSERT_EQ(*index, have);
    }
    ASSERT_TRUE((*txn)->Commit().ok());
  }
}

vault::MerkleTree TreeOf(Store& store) {
  vault::MerkleTree tree;
  uint64_t size = *store.CustodySize();
  auto log = store.GetCustody(0, size);
  for (const auto& r : *log) tree.Append(r.entry);
  return tree;
}

// Every stored node is the tree's, and every complete subtree of 256 leaves or more has one.
void ExpectNodesOf(Store& store, const vault::MerkleTree& tree) {
  auto nodes = store.ListCustodyNodes();
  ASSERT_TRUE(nodes.has_value());
  size_t expected = 0;
  for (uint32_t level = kCustodyNodeMinLevel; (tree.size() >> level) > 0; ++level)
    expected += tree.size() >> level;
  EXPECT_EQ(nodes->size(), expected);
  for (const auto& n : *nodes) {
    auto hash = tree.CompleteSubtree(n.level, n.index);
    ASSERT_TRUE(hash.has_value()) << n.level << "/" << n.index;
    EXPECT_EQ(vault::HashToHex(*hash), n.hash) << n.level << "/" << n.index;
  }
}

// Proofs of every index and every older size for each tree size in [from, to].
void ExpectEveryProof(Store& store, const vault::MerkleTree& tree, uint64_t from, uint64_t to) {
  for (uint64_t size = from; size <= to; ++size) {
    StoredCustodyTree stored(store, size);
    ASSERT_EQ(*stored.Root(), *tree.RootAt(size)) << size;
    for (uint64_t i = 0; i < size; ++i) {
      auto path = stored.InclusionProof(i);
      ASSERT_TRUE(path.has_value()) << path.error().message();
      ASSERT_EQ(*path, *tree.InclusionProof(i, size)) << "leaf " << i << " of " << size;
    }
    for (uint64_t m = 0; m <= size; ++m)
      ASSERT_EQ(*stored.ConsistencyProof(m), *tree.ConsistencyProof(m, size)) << m << " " << size;
  }
}

// Fresh objects (no cached blocks) for random sizes and indexes.
void ExpectRandomProofs(Store& store, const vault::MerkleTree& tree, int samples) {
  std::mt19937_64 rng(20261127);
  for (int s = 0; s < samples; ++s) {
    uint64_t size = 1 + rng() % tree.size();
    uint64_t index = rng() % size, old_size = rng() % (size + 1);
    StoredCustodyTree stored(store, size);
    ASSERT_EQ(*stored.InclusionProof(index), *tree.InclusionProof(index, size))
        << "leaf " << index << " of " << size;
    StoredCustodyTree again(store, size);
    ASSERT_EQ(*again.ConsistencyProof(old_size), *tree.ConsistencyProof(old_size, size))
        << old_size << " to " << size;
  }
}

TEST(StoredCustodyTree, EqualsTheMerkleTreeForEveryIndexOfEverySizeUpTo600) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value()) << archive.error().message();
  Store& store = (*archive)->store();
  Grow(store, 600);
  vault::MerkleTree tree = TreeOf(store);
  ExpectNodesOf(store, tree);
  ExpectEveryProof(store, tree, 1, 600);
  EXPECT_EQ(*StoredCustodyTree(store, 0).Root(), vault::EmptyTreeHash());
}

TEST(StoredCustodyTree, EqualsTheMerkleTreeAtRandomInLargerTrees) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value());
  Store& store = (*archive)->store();
  Grow(store, 9 * 1024 + 77, {4000, 3, 1000});
  vault::MerkleTree tree = TreeOf(store);
  ExpectNodesOf(store, tree);
  ExpectRandomProofs(store, tree, 1500);
  ExpectEveryProof(store, tree, 4096 - 1, 4096 + 1);
}

TEST(StoredCustodyTree, ASchema3ArchiveIsGivenItsNodesWhenOpened) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  {
    auto archive = Archive::Create(dir);
    ASSERT_TRUE(archive.has_value());
    Grow((*archive)->store(), 2900);
  }
  // What schema 3 had: no source index, no stored nodes (and no name keys, schema 5).
  ASSERT_EQ(RawExec(dir,
                    "DROP TABLE custody_nodes; DROP INDEX custody_log_source; "
                    "DROP TABLE entity_name_tokens; PRAGMA user_version = 3"),
            "");
  auto archive = Archive::Open(dir, OpenMode::kReadWrite);
  ASSERT_TRUE(archive.has_value()) << archive.error().message();
  Store& store = (*archive)->store();
  vault::MerkleTree tree = TreeOf(store);
  ExpectNodesOf(store, tree);
  ExpectEveryProof(store, tree, 598, 600);
  ExpectRandomProofs(store, tree, 500);
  Grow(store, 3333);
  tree = TreeOf(store);
  ExpectNodesOf(store, tree);
  ExpectRandomProofs(store, tree, 300);
}

TEST(StoredCustodyTree, MissingNodesAreComputedFromTheLeaves) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  {
    auto archive = Archive::Create(dir);
    Grow((*archive)->store(), 1300);
  }
  ASSERT_EQ(RawExec(dir,
                    "DROP TRIGGER custody_nodes_no_delete; DELETE FROM custody_nodes; "
                    "INSERT INTO custody_nodes VALUES (9, 100, printf('%064d', 0))"),
            "");
  auto archive = Archive::Open(dir, OpenMode::kReadOnly);
  Store& store = (*archive)->store();
  vault::MerkleTree tree = TreeOf(store);
  ExpectRandomProofs(store, tree, 200);
  auto report = VerifyArchive(**archive, std::nullopt);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->problems.size(), 2u);
  EXPECT_EQ(report->problems[0],
            "custody tree node at level 9, index 100: not a node the archive stores for its log");
  EXPECT_EQ(report->problems[1],
            "custody tree: 8 of the log's 8 complete subtrees have no stored node");
}

// A plain archive of `size` entries and a checkpoint of all of them signed by a test key.
struct Signed {
  std::string note;
  std::string vkey;
};
Signed SignAll(Store& store, const vault::MerkleTree& tree) {
  std::array<uint8_t, 32> seed{};
  seed[0] = 7;
  auto key = vault::SigningKey::FromSeed("test-log", seed);
  vault::Checkpoint c{"test-log", tree.size(), tree.Root()};
  std::string note = vault::SignCheckpoint(c, *key);
  auto txn = store.BeginWrite();
  EXPECT_TRUE((*txn)->AddCheckpoint({c.size, vault::HashToHex(c.root), note, "now"}).ok());
  EXPECT_TRUE((*txn)->Commit().ok());
  return {note, key->VerifierKeyText()};
}

TEST(StoredCustodyTree, ADamagedNodeStopsProveWithItsNameAndVerifyReportsIt) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  std::string note, vkey;
  {
    auto archive = Archive::Create(dir);
    Store& store = (*archive)->store();
    Grow(store, 700);
    auto s = SignAll(store, TreeOf(store));
    note = s.note;
    vkey = s.vkey;
  }
  FoundEntry entry{5, EntryBytes(5)};
  {
    auto archive = Archive::Open(dir, OpenMode::kReadOnly);
    auto doc = ProveInclusion((*archive)->store(), entry, note);
    ASSERT_TRUE(doc.has_value()) << doc.error().message();
    auto proven = vault::VerifyProofDocument(*doc, vkey);
    ASSERT_TRUE(proven.has_value()) << proven.error().message();
    EXPECT_EQ(std::get<vault::ProvenInclusion>(*proven).leaf_index, 5u);
  }
  EXPECT_NE(RawExec(dir, "UPDATE custody_nodes SET hash = upper(hash)").find("append-only"),
            std::string::npos);
  ASSERT_EQ(RawExec(dir,
                    "DROP TRIGGER custody_nodes_no_update; UPDATE custody_nodes SET hash = "
                    "(SELECT hash FROM custody_nodes WHERE level = 8 AND idx = 0) "
                    "WHERE level = 8 AND idx = 1"),
            "");
  auto archive = Archive::Open(dir, OpenMode::kReadOnly);
  Store& store = (*archive)->store();
  const std::string damaged =
      "custody tree node at level 8, index 1 (entries 256 to 511) does not match their leaf "
      "hashes: the archive's stored tree or log is damaged (run 'sijill verify')";
  auto doc = ProveInclusion(store, entry, note);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().code(), base::StatusCode::kCorruption);
  EXPECT_EQ(doc.error().message(), damaged);
  // A leaf whose path does not pass through the node is still proven.
  EXPECT_TRUE(ProveInclusion(store, {300, EntryBytes(300)}, note).has_value());
  // And a consistency proof that needs it is refused the same way.
  std::array<uint8_t, 32> seed{};
  seed[0] = 7;
  auto key = vault::SigningKey::FromSeed("test-log", seed);
  vault::MerkleTree tree = TreeOf(store);
  std::string old_note = vault::SignCheckpoint({"test-log", 200, *tree.RootAt(200)}, *key);
  auto consistency = ProveConsistency(store, old_note, note);
  ASSERT_FALSE(consistency.has_value());
  EXPECT_EQ(consistency.error().message(), damaged);

  auto report = VerifyArchive(**archive, std::nullopt);
  ASSERT_TRUE(report.has_value());
  ASSERT_EQ(report->problems.size(), 1u);
  EXPECT_EQ(report->problems[0].rfind("custody tree node at level 8, index 1: its hash ", 0), 0u)
      << report->problems[0];
  EXPECT_NE(report->problems[0].find("is not the log's"), std::string::npos);
  EXPECT_NE(report->problems[0].find("(entries 256 to 511)"), std::string::npos);
}

TEST(StoredCustodyTree, AChangedLeafHashIsRefusedNotProven) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  std::string note;
  {
    auto archive = Archive::Create(dir);
    Store& store = (*archive)->store();
    Grow(store, 300);
    note = SignAll(store, TreeOf(store)).note;
  }
  ASSERT_EQ(RawExec(dir,
                    "DROP TRIGGER custody_log_no_update; UPDATE custody_log SET leaf_hash = "
                    "(SELECT leaf_hash FROM custody_log WHERE leaf_index = 0) "
                    "WHERE leaf_index = 290"),
            "");
  auto archive = Archive::Open(dir, OpenMode::kReadOnly);
  auto doc = ProveInclusion((*archive)->store(), {295, EntryBytes(295)}, note);
  ASSERT_FALSE(doc.has_value());
  EXPECT_EQ(doc.error().message(),
            "the proof path of leaf 295 does not lead to the checkpoint's root at size 300: the "
            "custody log does not have the root the checkpoint of size 300 signed (run 'sijill "
            "verify')");
}

TEST(StoredCustodyTree, FindsASourceEntryByIndex) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  Store& store = (*archive)->store();
  Grow(store, 10);
  std::string id = base::Id::Random().ToString();
  vault::CustodyEntry e{
      *store.ArchiveId(), "2026-11-27T09:30:00Z", "t",
      "source.add",       {{"source", id}},       {{"original_sha256", std::string(64, 'a')}}};
  std::string bytes = vault::CanonicalBytes(e);
  auto txn = store.BeginWrite();
  ASSERT_TRUE((*txn)->AppendCustody(bytes, vault::CustodyLeafHashHex(bytes)).has_value());
  ASSERT_TRUE((*txn)->Commit().ok());
  Grow(store, 20);
  auto found = FindSourceEntry(store, id);
  ASSERT_TRUE(found.has_value() && found->has_value());
  EXPECT_EQ((*found)->index, 10u);
  EXPECT_EQ((*found)->bytes, bytes);
  EXPECT_FALSE(FindSourceEntry(store, base::Id::Random().ToString())->has_value());
}

}  // namespace
}  // namespace sijill::store
