// Proofs from the custody tree the archive stores (store/records.h, CustodyNodeRecord):
// what `sijill prove` does with about 2 log2(n) node rows and at most two blocks of leaf
// hashes, instead of rebuilding the tree of the whole log. The stored hashes are a cache
// that nothing trusts: a proof is returned only after it has been checked against the
// signed checkpoint and the proven entry's own bytes; when that check fails, the stored
// nodes used are recomputed from the leaf hashes to name the one that differs.
// Not thread-safe: a StoredCustodyTree reads one Store, used by one thread.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "store/custody_tree.h"
#include "store/store.h"
#include "vault/merkle.h"

namespace sijill::store {

// The tree of the first `size` entries of a store's custody log, read on demand. The
// leaf hash blocks and nodes it reads, and the subtree hashes it computes, are kept for
// the object's lifetime, so one object can answer many proofs of the same size cheaply.
class StoredCustodyTree {
 public:
  // REQUIRES: `store` outlives this object.
  StoredCustodyTree(Store& store, uint64_t size) : store_(store), size_(size) {}

  uint64_t size() const { return size_; }

  // MTH(D[begin:end]) from stored nodes, or from leaf hashes where no node covers the
  // range; for the ranges of the RFC's recursion (begin a multiple of bit_ceil(end -
  // begin)), as vault::SubtreeHashFn. kInvalidArgument unless begin < end <= size();
  // kCorruption if the log has fewer than size() entries or a stored hash is not hex.
  base::Result<vault::Hash> SubtreeHash(uint64_t begin, uint64_t end);
  // MTH(D[size]); EmptyTreeHash() for size 0.
  base::Result<vault::Hash> Root();
  // PATH(index, D[size]) and PROOF(old_size, D[size]), as vault::MerkleTree's, from
  // stored hashes: unchecked until a caller checks them against a signed root.
  base::Result<std::vector<vault::Hash>> InclusionProof(uint64_t index);
  base::Result<std::vector<vault::Hash>> ConsistencyProof(uint64_t old_size);

  // Recomputes every stored node this object has read from the leaf hashes it covers
  // (up to size() of them: for failures only). OK if all agree; otherwise kCorruption
  // "custody tree node at level 12, index 3 (entries 12288 to 16383) does not match
  // their leaf hashes: the archive's stored tree or log is damaged (run 'sijill verify')".
  base::Status CheckNodesUsed();

 private:
  base::Result<const std::vector<vault::Hash>*> Block(uint64_t block);
  base::Result<std::optional<vault::Hash>> StoredNode(uint32_t level, uint64_t index);
  base::Result<vault::Hash> ComputeSubtree(uint64_t begin, uint64_t end);

  Store& store_;
  uint64_t size_;
  std::map<uint64_t, std::vector<vault::Hash>> blocks_;  // leaf hashes, by block
  // Stored nodes read, by (level, index); nullopt where the archive has none.
  std::map<std::pair<uint32_t, uint64_t>, std::optional<vault::Hash>> nodes_;
  std::map<std::pair<uint64_t, uint64_t>, vault::Hash> computed_;  // by [begin, end)
};

// The inclusion proof document of `entry` (found by FindSourceEntry, its leaf hash
// checked) at the checkpoint `signed_checkpoint`, from the stored tree. Errors:
// kInvalidArgument if the checkpoint is malformed or does not cover the entry;
// kCorruption naming a damaged stored node (CheckNodesUsed), or, if the nodes agree with
// the leaf hashes, "the custody log does not have the root the checkpoint of size 8
// signed ...".
base::Result<std::string> ProveInclusion(Store& store, const FoundEntry& entry,
                                         std::string_view signed_checkpoint);

// The consistency proof document between two checkpoints of the log, from the stored
// tree. Errors as ProveInclusion and vault::MakeConsistencyProofDocumentFromPath.
base::Result<std::string> ProveConsistency(Store& store, std::string_view old_checkpoint,
                                           std::string_view new_checkpoint);

}  // namespace sijill::store
