// The custody log's Merkle tree: RFC 9162 (Certificate Transparency 2.0) §2.1 hashing
// with SHA-256, inclusion proofs ("entry m was leaf m of the tree of size n") and
// consistency proofs ("the tree of size n extends the tree of size m").
// MerkleTree is not thread-safe for writers; const calls may run concurrently when no
// thread appends. The verification functions are pure and thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::vault {

using Hash = std::array<uint8_t, 32>;

// H(0x00 || entry): the hash of one log entry (RFC 9162 §2.1.1).
Hash LeafHash(std::string_view entry);
// H(0x01 || left || right): the hash of an interior node.
Hash NodeHash(const Hash& left, const Hash& right);
// SHA-256 of the empty string: the root of the tree with no leaves.
Hash EmptyTreeHash();

// 64 lower-case hex digits.
std::string HashToHex(const Hash& hash);
// Parses exactly 64 lower-case hex digits; kInvalidArgument otherwise.
base::Result<Hash> HashFromHex(std::string_view hex);

// How many hashes PATH(index, D[size]) and PROOF(old_size, D[size]) hold.
// REQUIRES: index < size; old_size <= size.
size_t InclusionProofLength(uint64_t index, uint64_t size);
size_t ConsistencyProofLength(uint64_t old_size, uint64_t size);

// MTH over `leaf_hashes` (already leaf hashes, not entries): what a tree of exactly these
// leaves has as its root. EmptyTreeHash() when the span is empty.
Hash RootOfLeafHashes(std::span<const Hash> leaf_hashes);

// MTH(D[begin:end]) of some tree, from wherever the caller keeps it; an error stops the
// proof and is returned as is. The proof functions below only ask for the subtrees of
// the RFC's recursion, so `begin` is always a multiple of std::bit_ceil(end - begin).
using SubtreeHashFn = std::function<base::Result<Hash>(uint64_t begin, uint64_t end)>;

// PATH(index, D[size]) and PROOF(old_size, D[size]) as MerkleTree computes them, with
// the subtree hashes from `subtree`: about 2 log2(size) calls. kInvalidArgument unless
// index < size (resp. old_size <= size); otherwise the first error `subtree` returns.
base::Result<std::vector<Hash>> InclusionProofFrom(uint64_t index, uint64_t size,
                                                   const SubtreeHashFn& subtree);
base::Result<std::vector<Hash>> ConsistencyProofFrom(uint64_t old_size, uint64_t size,
                                                     const SubtreeHashFn& subtree);

// An append-only list of leaf hashes that answers for every size it has had: the root
// of the first n leaves and proofs against it, for any n <= size(). It keeps the hash
// of every complete, aligned subtree (about 2 hashes per leaf, 64 bytes), so Append is
// O(1) amortized (O(log n) worst case), RootAt and the proofs O(log² n) at worst,
// and nothing is ever rehashed from the leaves.
class MerkleTree {
 public:
  MerkleTree() = default;

  // Appends the leaf for `entry` (its LeafHash) and returns its index.
  uint64_t Append(std::string_view entry);
  // Appends a leaf hash computed elsewhere (e.g. read back from the archive).
  uint64_t AppendLeafHash(const Hash& leaf_hash);

  uint64_t size() const { return levels_.empty() ? 0 : levels_[0].size(); }
  // REQUIRES: index < size().
  const Hash& leaf_hash(uint64_t index) const { return levels_[0][index]; }

  // The root of the whole tree (EmptyTreeHash() when empty).
  Hash Root() const;
  // MTH(D[size]) for an earlier size. kInvalidArgument if size > this->size().
  base::Result<Hash> RootAt(uint64_t size) const;

  // The hash of the complete subtree of 2^level leaves starting at leaf index * 2^level.
  // kInvalidArgument if the tree does not (yet) hold all of those leaves.
  base::Result<Hash> CompleteSubtree(uint32_t level, uint64_t index) const;

  // PATH(index, D[size]) (RFC 9162 §2.1.3.1), ordered from the leaf up.
  // kInvalidArgument unless index < size <= this->size().
  base::Result<std::vector<Hash>> InclusionProof(uint64_t index, uint64_t size) const;
  // PROOF(old_size, D[size]) (RFC 9162 §2.1.4.1); empty when old_size is 0 or equals size.
  // kInvalidArgument unless old_size <= size <= this->size().
  base::Result<std::vector<Hash>> ConsistencyProof(uint64_t old_size, uint64_t size) const;

 private:
  // MTH(D[begin:end]) from cached complete subtrees. REQUIRES: begin < end <= size().
  Hash SubtreeHash(uint64_t begin, uint64_t end) const;
  void AppendPath(uint64_t index, uint64_t begin, uint64_t end, std::vector<Hash>* out) const;
  void AppendSubproof(uint64_t m, uint64_t begin, uint64_t end, bool whole,
                      std::vector<Hash>* out) const;

  // levels_[k][i] is the hash of the complete subtree over leaves [i*2^k, (i+1)*2^k).
  std::vector<std::vector<Hash>> levels_;
};

// Checks that `proof` shows the leaf with hash `leaf_hash` at `index` in the tree of
// `size` leaves whose root is `root` (RFC 9162 §2.1.3.2). Returns OK or:
//   kInvalidArgument "leaf index 7 is not below tree size 7"
//   kCorruption      "inclusion proof has 2 hashes, expected 3 for leaf 5 of 8"
//   kCorruption      "inclusion proof does not lead to the checkpoint's root"
// The size is not bound by the root alone: (size, root) must come from one signed
// checkpoint, never from the proof's own claims.
base::Status VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t size,
                             std::span<const Hash> proof, const Hash& root);

// Checks that `proof` shows the tree of `old_size` leaves with root `old_root` is a
// prefix of the tree of `new_size` leaves with root `new_root` (RFC 9162 §2.1.4.2).
// An empty old tree is a prefix of every tree (its root must be EmptyTreeHash()); equal
// sizes need equal roots and an empty proof. Returns OK or:
//   kInvalidArgument "old tree size 9 is larger than new tree size 8"
//   kCorruption      "consistency proof has 1 hashes, expected 3 from size 6 to 8"
//   kCorruption      "consistency proof does not lead to the old checkpoint's root"
//   kCorruption      "consistency proof does not lead to the new checkpoint's root"
//   kCorruption      "trees of equal size 5 have different roots"
//   kCorruption      "the empty tree's root is not SHA-256 of the empty string"
base::Status VerifyConsistency(uint64_t old_size, uint64_t new_size, std::span<const Hash> proof,
                               const Hash& old_root, const Hash& new_root);

}  // namespace sijill::vault
