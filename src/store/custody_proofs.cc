#include "store/custody_proofs.h"

#include <fmt/format.h>

#include <bit>

#include "vault/checkpoint.h"
#include "vault/proof.h"

namespace sijill::store {
namespace {

constexpr uint64_t kBlock = uint64_t{1} << kCustodyNodeMinLevel;
// Leaf hashes read at a time when a node is recomputed.
constexpr size_t kPage = 65536;

base::Result<vault::Hash> ParseLeafHash(std::string_view hex, uint64_t index) {
  auto hash = vault::HashFromHex(hex);
  if (!hash) {
    return base::Error(base::Status::Corruption(
        fmt::format("custody log entry {}: its leaf hash is not 64 hex digits", index)));
  }
  return *hash;
}

// MTH over the stored leaf hashes of entries [begin, end), read in pages.
base::Result<vault::Hash> RootFromLeaves(Store& store, uint64_t begin, uint64_t end) {
  std::vector<vault::Hash> leaves;
  leaves.reserve(end - begin);
  for (uint64_t first = begin; first < end; first += kPage) {
    size_t want = static_cast<size_t>(std::min<uint64_t>(kPage, end - first));
    ASSIGN_OR_RETURN(auto hexes, store.GetCustodyLeafHashes(first, want));
    if (hexes.size() != want) {
      return base::Error(base::Status::Corruption(
          fmt::format("custody log: entry {} is missing", first + hexes.size())));
    }
    for (size_t i = 0; i < hexes.size(); ++i) {
      ASSIGN_OR_RETURN(vault::Hash h, ParseLeafHash(hexes[i], first + i));
      leaves.push_back(h);
    }
  }
  return vault::RootOfLeafHashes(leaves);
}

vault::SubtreeHashFn Subtrees(StoredCustodyTree& tree) {
  return [&tree](uint64_t begin, uint64_t end) { return tree.SubtreeHash(begin, end); };
}

// After a stored path failed its check: a damaged node if there is one, else `failure`
// said in the archive's terms.
base::Status Diagnose(StoredCustodyTree& tree, const base::Status& failure) {
  if (failure.code() != base::StatusCode::kCorruption) return failure;
  TRY(tree.CheckNodesUsed());
  return base::Status::Corruption(fmt::format(
      "{}: the custody log does not have the root the checkpoint of size {} signed (run "
      "'sijill verify')",
      failure.message(), tree.size()));
}

}  // namespace

base::Result<const std::vector<vault::Hash>*> StoredCustodyTree::Block(uint64_t block) {
  if (auto it = blocks_.find(block); it != blocks_.end()) return &it->second;
  uint64_t first = block * kBlock;
  size_t want = static_cast<size_t>(std::min(kBlock, size_ - first));
  ASSIGN_OR_RETURN(auto hexes, store_.GetCustodyLeafHashes(first, want));
  if (hexes.size() != want) {
    return base::Error(base::Status::Corruption(
        fmt::format("custody log: entry {} is missing (the tree of size {} needs it)",
                    first + hexes.size(), size_)));
  }
  std::vector<vault::Hash> leaves;
  leaves.reserve(want);
  for (size_t i = 0; i < hexes.size(); ++i) {
    ASSIGN_OR_RETURN(vault::Hash h, ParseLeafHash(hexes[i], first + i));
    leaves.push_back(h);
  }
  return &blocks_.emplace(block, std::move(leaves)).first->second;
}

base::Result<std::optional<vault::Hash>> StoredCustodyTree::StoredNode(uint32_t level,
                                                                       uint64_t index) {
  if (auto it = nodes_.find({level, index}); it != nodes_.end()) return it->second;
  ASSIGN_OR_RETURN(auto hex, store_.GetCustodyNode(level, index));
  std::optional<vault::Hash> node;
  if (hex) {
    auto hash = vault::HashFromHex(*hex);
    if (!hash) {
      return base::Error(base::Status::Corruption(fmt::format(
          "custody tree node at level {}, index {}: its hash is not 64 hex digits", level, index)));
    }
    node = *hash;
  }
  nodes_.emplace(std::pair(level, index), node);
  return node;
}

base::Result<vault::Hash> StoredCustodyTree::SubtreeHash(uint64_t begin, uint64_t end) {
  if (begin >= end || end > size_) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("no subtree [{}, {}) in a tree of size {}", begin, end, size_)));
  }
  if (auto it = computed_.find({begin, end}); it != computed_.end()) return it->second;
  ASSIGN_OR_RETURN(vault::Hash hash, ComputeSubtree(begin, end));
  computed_.emplace(std::pair(begin, end), hash);
  return hash;
}

base::Result<vault::Hash> StoredCustodyTree::ComputeSubtree(uint64_t begin, uint64_t end) {
  const uint64_t n = end - begin;
  if (std::has_single_bit(n) && n >= kBlock) {
    // A complete subtree: the RFC's recursion only asks for aligned ones.
    const auto level = static_cast<uint32_t>(std::countr_zero(n));
    ASSIGN_OR_RETURN(std::optional<vault::Hash> stored, StoredNode(level, begin >> level));
    if (stored) return *stored;
  } else if (n <= kBlock && begin / kBlock == (end - 1) / kBlock) {
    ASSIGN_OR_RETURN(const std::vector<vault::Hash>* leaves, Block(begin / kBlock));
    return vault::RootOfLeafHashes(
        std::span<const vault::Hash>(*leaves).subspan(begin % kBlock, n));
  }
  // A node the archive lacks, or an incomplete subtree: from its two children.
  const uint64_t k = std::bit_floor(n - 1);
  ASSIGN_OR_RETURN(vault::Hash left, SubtreeHash(begin, begin + k));
  ASSIGN_OR_RETURN(vault::Hash right, SubtreeHash(begin + k, end));
  return vault::NodeHash(left, right);
}

base::Result<vault::Hash> StoredCustodyTree::Root() {
  if (size_ == 0) return vault::EmptyTreeHash();
  return SubtreeHash(0, size_);
}

base::Result<std::vector<vault::Hash>> StoredCustodyTree::InclusionProof(uint64_t index) {
  return vault::InclusionProofFrom(index, size_, Subtrees(*this));
}

base::Result<std::vector<vault::Hash>> StoredCustodyTree::ConsistencyProof(uint64_t old_size) {
  return vault::ConsistencyProofFrom(old_size, size_, Subtrees(*this));
}

base::Status StoredCustodyTree::CheckNodesUsed() {
  for (const auto& [key, stored] : nodes_) {
    if (!stored) continue;
    const auto [level, index] = key;
    const uint64_t begin = index << level, end = (index + 1) << level;
    ASSIGN_OR_RETURN(vault::Hash computed, RootFromLeaves(store_, begin, end));
    if (*stored != computed) {
      return base::Status::Corruption(fmt::format(
          "custody tree node at level {}, index {} (entries {} to {}) does not match their leaf "
          "hashes: the archive's stored tree or log is damaged (run 'sijill verify')",
          level, index, begin, end - 1));
    }
  }
  return base::Status::Ok();
}

base::Result<std::string> ProveInclusion(Store& store, const FoundEntry& entry,
                                         std::string_view signed_checkpoint) {
  ASSIGN_OR_RETURN(vault::Checkpoint cp, vault::ParseCheckpoint(signed_checkpoint));
  if (entry.index >= cp.size) {
    return base::Error(base::Status::InvalidArgument(fmt::format(
        "the checkpoint of size {} does not cover custody log entry {}", cp.size, entry.index)));
  }
  StoredCustodyTree tree(store, cp.size);
  ASSIGN_OR_RETURN(auto path, tree.InclusionProof(entry.index));
  auto doc =
      vault::MakeInclusionProofDocumentFromPath(entry.bytes, entry.index, path, signed_checkpoint);
  if (!doc) return base::Error(Diagnose(tree, doc.error()));
  return doc;
}

base::Result<std::string> ProveConsistency(Store& store, std::string_view old_checkpoint,
                                           std::string_view new_checkpoint) {
  ASSIGN_OR_RETURN(vault::Checkpoint old_cp, vault::ParseCheckpoint(old_checkpoint));
  ASSIGN_OR_RETURN(vault::Checkpoint new_cp, vault::ParseCheckpoint(new_checkpoint));
  if (old_cp.size > new_cp.size) {
    return base::Error(base::Status::InvalidArgument(fmt::format(
        "the old checkpoint's size {} is larger than the new one's {}", old_cp.size, new_cp.size)));
  }
  StoredCustodyTree tree(store, new_cp.size);
  ASSIGN_OR_RETURN(auto path, tree.ConsistencyProof(old_cp.size));
  auto doc = vault::MakeConsistencyProofDocumentFromPath(old_checkpoint, new_checkpoint, path);
  if (!doc) return base::Error(Diagnose(tree, doc.error()));
  return doc;
}

}  // namespace sijill::store
