#include "vault/merkle.h"

#include <fmt/format.h>
#include <sodium.h>

#include <bit>

#include "vault/sha256.h"

namespace sijill::vault {
namespace {

using base::Error;
using base::Status;

constexpr uint8_t kLeafPrefix = 0x00;
constexpr uint8_t kNodePrefix = 0x01;
constexpr size_t kHexDigits = 2 * sizeof(Hash);

// The largest power of two strictly below n (the RFC's k). REQUIRES: n >= 2.
uint64_t SplitPoint(uint64_t n) { return std::bit_floor(n - 1); }

}  // namespace

Hash LeafHash(std::string_view entry) {
  std::string prefixed;
  prefixed.reserve(entry.size() + 1);
  prefixed.push_back(static_cast<char>(kLeafPrefix));
  prefixed.append(entry);
  return Sha256Of(std::span<const unsigned char>(
      reinterpret_cast<const unsigned char*>(prefixed.data()), prefixed.size()));
}

Hash NodeHash(const Hash& left, const Hash& right) {
  std::array<uint8_t, 65> buffer;
  buffer[0] = kNodePrefix;
  std::copy(left.begin(), left.end(), buffer.begin() + 1);
  std::copy(right.begin(), right.end(), buffer.begin() + 33);
  return Sha256Of(buffer);
}

Hash EmptyTreeHash() { return Sha256Of({}); }

std::string HashToHex(const Hash& hash) {
  char hex[kHexDigits + 1];
  sodium_bin2hex(hex, sizeof hex, hash.data(), hash.size());
  return std::string(hex, kHexDigits);
}

base::Result<Hash> HashFromHex(std::string_view hex) {
  bool lower_hex = hex.size() == kHexDigits;
  for (char c : hex) lower_hex = lower_hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
  if (!lower_hex) {
    return Error(Status::InvalidArgument(
        fmt::format("not a SHA-256 hash (64 lower-case hex digits): \"{}\"", hex.substr(0, 80))));
  }
  Hash out;
  size_t len = 0;
  sodium_hex2bin(out.data(), out.size(), hex.data(), hex.size(), nullptr, &len, nullptr);
  return out;
}

size_t InclusionProofLength(uint64_t index, uint64_t size) {
  size_t count = 0;
  for (uint64_t m = index, n = size; n > 1; ++count) {
    uint64_t k = SplitPoint(n);
    if (m < k) {
      n = k;
    } else {
      m -= k;
      n -= k;
    }
  }
  return count;
}

size_t ConsistencyProofLength(uint64_t old_size, uint64_t size) {
  if (old_size == 0 || old_size == size) return 0;
  size_t count = 0;
  bool whole = true;  // the RFC's b: the subtree is the whole old tree
  for (uint64_t m = old_size, n = size; m != n; ++count) {
    uint64_t k = SplitPoint(n);
    if (m <= k) {
      n = k;
    } else {
      m -= k;
      n -= k;
      whole = false;
    }
  }
  return count + (whole ? 0 : 1);
}

Hash RootOfLeafHashes(std::span<const Hash> leaf_hashes) {
  if (leaf_hashes.empty()) return EmptyTreeHash();
  if (leaf_hashes.size() == 1) return leaf_hashes[0];
  uint64_t k = SplitPoint(leaf_hashes.size());
  return NodeHash(RootOfLeafHashes(leaf_hashes.first(k)), RootOfLeafHashes(leaf_hashes.subspan(k)));
}

namespace {

base::Status AppendPathFrom(uint64_t index, uint64_t begin, uint64_t end,
                            const SubtreeHashFn& subtree, std::vector<Hash>* out) {
  uint64_t n = end - begin;
  if (n <= 1) return Status::Ok();
  uint64_t k = SplitPoint(n);
  if (index < k) {
    TRY(AppendPathFrom(index, begin, begin + k, subtree, out));
    ASSIGN_OR_RETURN(Hash h, subtree(begin + k, end));
    out->push_back(h);
  } else {
    TRY(AppendPathFrom(index - k, begin + k, end, subtree, out));
    ASSIGN_OR_RETURN(Hash h, subtree(begin, begin + k));
    out->push_back(h);
  }
  return Status::Ok();
}

base::Status AppendSubproofFrom(uint64_t m, uint64_t begin, uint64_t end, bool whole,
                                const SubtreeHashFn& subtree, std::vector<Hash>* out) {
  uint64_t n = end - begin;
  if (m == n) {
    if (whole) return Status::Ok();
    ASSIGN_OR_RETURN(Hash h, subtree(begin, end));
    out->push_back(h);
    return Status::Ok();
  }
  uint64_t k = SplitPoint(n);
  if (m <= k) {
    TRY(AppendSubproofFrom(m, begin, begin + k, whole, subtree, out));
    ASSIGN_OR_RETURN(Hash h, subtree(begin + k, end));
    out->push_back(h);
  } else {
    TRY(AppendSubproofFrom(m - k, begin + k, end, false, subtree, out));
    ASSIGN_OR_RETURN(Hash h, subtree(begin, begin + k));
    out->push_back(h);
  }
  return Status::Ok();
}

}  // namespace

base::Result<std::vector<Hash>> InclusionProofFrom(uint64_t index, uint64_t size,
                                                   const SubtreeHashFn& subtree) {
  if (index >= size) {
    return Error(Status::InvalidArgument(
        fmt::format("no inclusion proof for leaf {} in a tree of size {}", index, size)));
  }
  std::vector<Hash> proof;
  proof.reserve(InclusionProofLength(index, size));
  TRY(AppendPathFrom(index, 0, size, subtree, &proof));
  return proof;
}

base::Result<std::vector<Hash>> ConsistencyProofFrom(uint64_t old_size, uint64_t size,
                                                     const SubtreeHashFn& subtree) {
  if (old_size > size) {
    return Error(Status::InvalidArgument(
        fmt::format("no consistency proof from size {} to size {}", old_size, size)));
  }
  std::vector<Hash> proof;
  if (old_size == 0 || old_size == size) return proof;
  proof.reserve(ConsistencyProofLength(old_size, size));
  TRY(AppendSubproofFrom(old_size, 0, size, true, subtree, &proof));
  return proof;
}

uint64_t MerkleTree::Append(std::string_view entry) { return AppendLeafHash(LeafHash(entry)); }

uint64_t MerkleTree::AppendLeafHash(const Hash& leaf_hash) {
  if (levels_.empty()) levels_.emplace_back();
  levels_[0].push_back(leaf_hash);
  uint64_t index = levels_[0].size() - 1;
  // Each odd index completes a subtree one level up.
  for (size_t level = 0; index % 2 == 1; ++level, index /= 2) {
    if (levels_.size() == level + 1) levels_.emplace_back();
    const std::vector<Hash>& row = levels_[level];
    levels_[level + 1].push_back(NodeHash(row[index - 1], row[index]));
  }
  return levels_[0].size() - 1;
}

Hash MerkleTree::SubtreeHash(uint64_t begin, uint64_t end) const {
  uint64_t n = end - begin;
  if (std::has_single_bit(n)) {
    // In the RFC's recursion a complete subtree of 2^k leaves always starts at a
    // multiple of 2^k, so it is cached.
    int level = std::countr_zero(n);
    return levels_[level][begin >> level];
  }
  uint64_t k = SplitPoint(n);
  return NodeHash(SubtreeHash(begin, begin + k), SubtreeHash(begin + k, end));
}

base::Result<Hash> MerkleTree::CompleteSubtree(uint32_t level, uint64_t index) const {
  if (level >= 64 || level >= levels_.size() || index >= levels_[level].size()) {
    return Error(Status::InvalidArgument(fmt::format(
        "no complete subtree at level {}, index {} in a tree of size {}", level, index, size())));
  }
  return levels_[level][index];
}

Hash MerkleTree::Root() const { return size() == 0 ? EmptyTreeHash() : SubtreeHash(0, size()); }

base::Result<Hash> MerkleTree::RootAt(uint64_t size) const {
  if (size > this->size()) {
    return Error(Status::InvalidArgument(
        fmt::format("tree size {} is beyond the log's {} entries", size, this->size())));
  }
  return size == 0 ? EmptyTreeHash() : SubtreeHash(0, size);
}

void MerkleTree::AppendPath(uint64_t index, uint64_t begin, uint64_t end,
                            std::vector<Hash>* out) const {
  uint64_t n = end - begin;
  if (n <= 1) return;
  uint64_t k = SplitPoint(n);
  if (index < k) {
    AppendPath(index, begin, begin + k, out);
    out->push_back(SubtreeHash(begin + k, end));
  } else {
    AppendPath(index - k, begin + k, end, out);
    out->push_back(SubtreeHash(begin, begin + k));
  }
}

base::Result<std::vector<Hash>> MerkleTree::InclusionProof(uint64_t index, uint64_t size) const {
  if (size > this->size() || index >= size) {
    return Error(Status::InvalidArgument(
        fmt::format("no inclusion proof for leaf {} in a tree of size {} (the log has {} entries)",
                    index, size, this->size())));
  }
  std::vector<Hash> proof;
  proof.reserve(InclusionProofLength(index, size));
  AppendPath(index, 0, size, &proof);
  return proof;
}

void MerkleTree::AppendSubproof(uint64_t m, uint64_t begin, uint64_t end, bool whole,
                                std::vector<Hash>* out) const {
  uint64_t n = end - begin;
  if (m == n) {
    if (!whole) out->push_back(SubtreeHash(begin, end));
    return;
  }
  uint64_t k = SplitPoint(n);
  if (m <= k) {
    AppendSubproof(m, begin, begin + k, whole, out);
    out->push_back(SubtreeHash(begin + k, end));
  } else {
    AppendSubproof(m - k, begin + k, end, false, out);
    out->push_back(SubtreeHash(begin, begin + k));
  }
}

base::Result<std::vector<Hash>> MerkleTree::ConsistencyProof(uint64_t old_size,
                                                             uint64_t size) const {
  if (size > this->size() || old_size > size) {
    return Error(Status::InvalidArgument(
        fmt::format("no consistency proof from size {} to size {} (the log has {} entries)",
                    old_size, size, this->size())));
  }
  std::vector<Hash> proof;
  if (old_size == 0 || old_size == size) return proof;
  proof.reserve(ConsistencyProofLength(old_size, size));
  AppendSubproof(old_size, 0, size, true, &proof);
  return proof;
}

Status VerifyInclusion(const Hash& leaf_hash, uint64_t index, uint64_t size,
                       std::span<const Hash> proof, const Hash& root) {
  if (index >= size) {
    return Status::InvalidArgument(
        fmt::format("leaf index {} is not below tree size {}", index, size));
  }
  size_t expected = InclusionProofLength(index, size);
  if (proof.size() != expected) {
    return Status::Corruption(
        fmt::format("inclusion proof has {} hashes, expected {} for leaf {} of {}", proof.size(),
                    expected, index, size));
  }
  // RFC 9162 §2.1.3.2.
  uint64_t fn = index;
  uint64_t sn = size - 1;
  Hash r = leaf_hash;
  for (const Hash& p : proof) {
    if (sn == 0) break;  // cannot happen after the length check; the root check fails
    if (fn % 2 == 1 || fn == sn) {
      r = NodeHash(p, r);
      while (fn % 2 == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      r = NodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (sn != 0 || r != root) {
    return Status::Corruption("inclusion proof does not lead to the checkpoint's root");
  }
  return Status::Ok();
}

Status VerifyConsistency(uint64_t old_size, uint64_t new_size, std::span<const Hash> proof,
                         const Hash& old_root, const Hash& new_root) {
  if (old_size > new_size) {
    return Status::InvalidArgument(
        fmt::format("old tree size {} is larger than new tree size {}", old_size, new_size));
  }
  size_t expected = ConsistencyProofLength(old_size, new_size);
  if (proof.size() != expected) {
    return Status::Corruption(
        fmt::format("consistency proof has {} hashes, expected {} from size {} to {}", proof.size(),
                    expected, old_size, new_size));
  }
  if (old_size == 0) {
    if (old_root != EmptyTreeHash()) {
      return Status::Corruption("the empty tree's root is not SHA-256 of the empty string");
    }
    return Status::Ok();
  }
  if (old_size == new_size) {
    if (old_root != new_root) {
      return Status::Corruption(
          fmt::format("trees of equal size {} have different roots", old_size));
    }
    return Status::Ok();
  }
  // RFC 9162 §2.1.4.2. When the old tree is complete its root is the proof's implicit
  // first node.
  bool seeded = std::has_single_bit(old_size);
  uint64_t fn = old_size - 1;
  uint64_t sn = new_size - 1;
  while (fn % 2 == 1) {
    fn >>= 1;
    sn >>= 1;
  }
  Hash fr = seeded ? old_root : proof[0];
  Hash sr = fr;
  for (size_t i = seeded ? 0 : 1; i < proof.size(); ++i) {
    const Hash& c = proof[i];
    if (sn == 0) break;  // cannot happen after the length check; the root checks fail
    if (fn % 2 == 1 || fn == sn) {
      fr = NodeHash(c, fr);
      sr = NodeHash(c, sr);
      while (fn % 2 == 0 && fn != 0) {
        fn >>= 1;
        sn >>= 1;
      }
    } else {
      sr = NodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  if (fr != old_root) {
    return Status::Corruption("consistency proof does not lead to the old checkpoint's root");
  }
  if (sn != 0 || sr != new_root) {
    return Status::Corruption("consistency proof does not lead to the new checkpoint's root");
  }
  return Status::Ok();
}

}  // namespace sijill::vault
