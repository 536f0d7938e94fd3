#include "vault/merkle.h"

#include <gtest/gtest.h>

#include <bit>
#include <string>
#include <vector>

namespace sijill::vault {
namespace {

using base::Status;
using base::StatusCode;

// RFC 6962 reference data as published with the Certificate Transparency verifiers:
// transparency-dev/merkle, proof/verify_test.go (also in certificate-transparency-go).
// Typed in as data: the eight leaf entries, the roots of the trees of sizes 1..8, and
// inclusion and consistency proofs between them.
const std::vector<std::string> kLeafHex = {
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
};
const std::vector<std::string> kRootHex = {
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
};
struct ProofVector {
  uint64_t first;  // leaf index, or old size
  uint64_t size;
  std::vector<std::string> hashes;
};
// The published inclusion vectors number leaves from 1; these are 0-based indexes.
const std::vector<ProofVector> kInclusionVectors = {
    {0,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {5,
     8,
     {"bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2, 3, {"fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"}},
    {1,
     5,
     {"6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {0, 1, {}},
};
const std::vector<ProofVector> kConsistencyVectors = {
    {1, 1, {}},
    {1,
     8,
     {"96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7",
      "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"}},
    {6,
     8,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
    {2,
     5,
     {"5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e",
      "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"}},
    {6,
     7,
     {"0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a",
      "b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f",
      "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"}},
};

Hash H(const std::string& hex) { return HashFromHex(hex).value(); }

std::vector<Hash> Hashes(const std::vector<std::string>& hexes) {
  std::vector<Hash> out;
  out.reserve(hexes.size());
  for (const std::string& hex : hexes) out.push_back(H(hex));
  return out;
}

std::string Unhex(const std::string& hex) {
  std::string out;
  for (size_t i = 0; i < hex.size(); i += 2) {
    out.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return out;
}

MerkleTree ReferenceTree() {
  MerkleTree tree;
  for (const std::string& leaf : kLeafHex) tree.Append(Unhex(leaf));
  return tree;
}

// A tree whose leaves are distinct entries "entry 0", "entry 1", ...
MerkleTree NumberedTree(uint64_t size) {
  MerkleTree tree;
  for (uint64_t i = 0; i < size; ++i) tree.Append("entry " + std::to_string(i));
  return tree;
}

TEST(MerkleHash, EmptyTreeIsSha256OfNothing) {
  EXPECT_EQ(HashToHex(EmptyTreeHash()),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(MerkleTree().Root(), EmptyTreeHash());
  EXPECT_EQ(MerkleTree().RootAt(0).value(), EmptyTreeHash());
}

TEST(MerkleHash, HexRoundTripAndErrors) {
  Hash h = H(kRootHex[0]);
  EXPECT_EQ(HashToHex(h), kRootHex[0]);
  auto upper = HashFromHex("6E340B9CFFB37A989CA544E6BB780A2C78901D3FB33738768511A30617AFA01D");
  ASSERT_FALSE(upper.has_value());
  EXPECT_EQ(upper.error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(HashFromHex("abc").error().message(),
            "not a SHA-256 hash (64 lower-case hex digits): \"abc\"");
}

TEST(MerkleKnownAnswer, RootsOfSizes1To8) {
  MerkleTree tree = ReferenceTree();
  // The first leaf is the empty entry: its leaf hash is the root of size 1.
  EXPECT_EQ(LeafHash(""), H(kRootHex[0]));
  for (uint64_t n = 1; n <= 8; ++n) {
    EXPECT_EQ(HashToHex(tree.RootAt(n).value()), kRootHex[n - 1]) << "size " << n;
  }
  EXPECT_EQ(HashToHex(tree.Root()), kRootHex[7]);
}

TEST(MerkleKnownAnswer, InclusionProofs) {
  MerkleTree tree = ReferenceTree();
  for (const ProofVector& v : kInclusionVectors) {
    SCOPED_TRACE(testing::Message() << "leaf " << v.first << " of " << v.size);
    std::vector<Hash> want = Hashes(v.hashes);
    EXPECT_EQ(tree.InclusionProof(v.first, v.size).value(), want);
    Hash leaf = LeafHash(Unhex(kLeafHex[v.first]));
    EXPECT_TRUE(VerifyInclusion(leaf, v.first, v.size, want, H(kRootHex[v.size - 1])).ok());
  }
}

TEST(MerkleKnownAnswer, ConsistencyProofs) {
  MerkleTree tree = ReferenceTree();
  for (const ProofVector& v : kConsistencyVectors) {
    SCOPED_TRACE(testing::Message() << "from " << v.first << " to " << v.size);
    std::vector<Hash> want = Hashes(v.hashes);
    EXPECT_EQ(tree.ConsistencyProof(v.first, v.size).value(), want);
    Status s =
        VerifyConsistency(v.first, v.size, want, H(kRootHex[v.first - 1]), H(kRootHex[v.size - 1]));
    EXPECT_TRUE(s.ok()) << s.message();
  }
}

TEST(MerkleVerify, ErrorMessages) {
  MerkleTree tree = ReferenceTree();
  Hash root = tree.Root();
  std::vector<Hash> proof = tree.InclusionProof(5, 8).value();
  Hash leaf = tree.leaf_hash(5);

  Status s = VerifyInclusion(leaf, 8, 8, proof, root);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "leaf index 8 is not below tree size 8");

  s = VerifyInclusion(leaf, 5, 8, std::span(proof).first(2), root);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.message(), "inclusion proof has 2 hashes, expected 3 for leaf 5 of 8");

  s = VerifyInclusion(tree.leaf_hash(4), 5, 8, proof, root);
  EXPECT_EQ(s.code(), StatusCode::kCorruption);
  EXPECT_EQ(s.message(), "inclusion proof does not lead to the checkpoint's root");

  std::vector<Hash> consistency = tree.ConsistencyProof(6, 8).value();
  Hash old_root = tree.RootAt(6).value();
  s = VerifyConsistency(9, 8, consistency, old_root, root);
  EXPECT_EQ(s.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(s.message(), "old tree size 9 is larger than new tree size 8");
  s = VerifyConsistency(6, 8, std::span(consistency).first(1), old_root, root);
  EXPECT_EQ(s.message(), "consistency proof has 1 hashes, expected 3 from size 6 to 8");
  s = VerifyConsistency(6, 8, consistency, tree.RootAt(5).value(), root);
  EXPECT_EQ(s.message(), "consistency proof does not lead to the old checkpoint's root");
  s = VerifyConsistency(6, 8, consistency, old_root, tree.RootAt(7).value());
  EXPECT_EQ(s.message(), "consistency proof does not lead to the new checkpoint's root");
  s = VerifyConsistency(5, 5, {}, old_root, root);
  EXPECT_EQ(s.message(), "trees of equal size 5 have different roots");
  s = VerifyConsistency(0, 8, {}, old_root, root);
  EXPECT_EQ(s.message(), "the empty tree's root is not SHA-256 of the empty string");
  EXPECT_TRUE(VerifyConsistency(0, 8, {}, EmptyTreeHash(), root).ok());
  EXPECT_TRUE(VerifyConsistency(0, 0, {}, EmptyTreeHash(), EmptyTreeHash()).ok());
}

TEST(MerkleTreeApi, ProofRequestsOutOfRange) {
  MerkleTree tree = NumberedTree(5);
  EXPECT_EQ(tree.RootAt(6).error().message(), "tree size 6 is beyond the log's 5 entries");
  EXPECT_EQ(tree.InclusionProof(5, 5).error().message(),
            "no inclusion proof for leaf 5 in a tree of size 5 (the log has 5 entries)");
  EXPECT_EQ(tree.InclusionProof(0, 6).error().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(tree.ConsistencyProof(4, 3).error().message(),
            "no consistency proof from size 4 to size 3 (the log has 5 entries)");
  EXPECT_TRUE(tree.ConsistencyProof(0, 5).value().empty());
  EXPECT_TRUE(tree.ConsistencyProof(5, 5).value().empty());
}

// Recomputes MTH(D[begin:end]) straight from the RFC's definition, from the leaves.
Hash NaiveRoot(const MerkleTree& tree, uint64_t begin, uint64_t end) {
  if (end - begin == 1) return tree.leaf_hash(begin);
  uint64_t k = 1;
  while (k * 2 < end - begin) k *= 2;
  return NodeHash(NaiveRoot(tree, begin, begin + k), NaiveRoot(tree, begin + k, end));
}

TEST(MerkleProperty, CachedRootsMatchTheDefinition) {
  MerkleTree tree = NumberedTree(300);
  for (uint64_t n = 1; n <= 300; ++n) EXPECT_EQ(tree.RootAt(n).value(), NaiveRoot(tree, 0, n));
}

// The proof functions over a caller's subtree hashes give the tree's own proofs, ask
// only for the RFC's aligned ranges, and pass the caller's errors on.
TEST(MerkleProofFrom, EqualsTheTreesProofsAndPassesErrorsOn) {
  MerkleTree tree = NumberedTree(70);
  std::vector<Hash> leaves;
  for (uint64_t i = 0; i < tree.size(); ++i) leaves.push_back(tree.leaf_hash(i));
  SubtreeHashFn naive = [&](uint64_t begin, uint64_t end) -> base::Result<Hash> {
    EXPECT_EQ(begin % std::bit_ceil(end - begin), 0u) << begin << " " << end;
    return RootOfLeafHashes(std::span<const Hash>(leaves).subspan(begin, end - begin));
  };
  for (uint64_t size = 1; size <= tree.size(); ++size) {
    EXPECT_EQ(RootOfLeafHashes(std::span<const Hash>(leaves).first(size)), *tree.RootAt(size));
    for (uint64_t i = 0; i < size; ++i)
      ASSERT_EQ(*InclusionProofFrom(i, size, naive), *tree.InclusionProof(i, size));
    for (uint64_t m = 0; m <= size; ++m)
      ASSERT_EQ(*ConsistencyProofFrom(m, size, naive), *tree.ConsistencyProof(m, size));
  }
  EXPECT_EQ(RootOfLeafHashes({}), EmptyTreeHash());
  EXPECT_EQ(InclusionProofFrom(3, 3, naive).error().message(),
            "no inclusion proof for leaf 3 in a tree of size 3");
  EXPECT_EQ(ConsistencyProofFrom(4, 3, naive).error().message(),
            "no consistency proof from size 4 to size 3");
  SubtreeHashFn failing = [](uint64_t, uint64_t) -> base::Result<Hash> {
    return base::Error(base::Status::Corruption("stored node 7 is damaged"));
  };
  EXPECT_EQ(InclusionProofFrom(1, 5, failing).error().message(), "stored node 7 is damaged");
  EXPECT_EQ(ConsistencyProofFrom(3, 5, failing).error().code(), StatusCode::kCorruption);
}

TEST(MerkleTreeApi, CompleteSubtrees) {
  MerkleTree tree = NumberedTree(13);
  EXPECT_EQ(*tree.CompleteSubtree(0, 12), tree.leaf_hash(12));
  EXPECT_EQ(*tree.CompleteSubtree(3, 0), *tree.RootAt(8));
  EXPECT_EQ(*tree.CompleteSubtree(2, 2),
            NodeHash(*tree.CompleteSubtree(1, 4), *tree.CompleteSubtree(1, 5)));
  EXPECT_EQ(tree.CompleteSubtree(2, 3).error().message(),
            "no complete subtree at level 2, index 3 in a tree of size 13");
  EXPECT_FALSE(tree.CompleteSubtree(4, 0).has_value());
  EXPECT_FALSE(tree.CompleteSubtree(70, 0).has_value());
}

constexpr uint64_t kMaxSize = 64;

// For every size 1..64 and every index: the proof verifies, and a flipped bit in any
// proof hash, a wrong index, a wrong size (with that size's root, as a signed
// checkpoint would bind it) or a wrong leaf is rejected.
TEST(MerkleProperty, InclusionProofsVerifyAndTamperingIsRejected) {
  MerkleTree tree = NumberedTree(kMaxSize + 1);
  for (uint64_t size = 1; size <= kMaxSize; ++size) {
    Hash root = tree.RootAt(size).value();
    for (uint64_t index = 0; index < size; ++index) {
      SCOPED_TRACE(testing::Message() << "leaf " << index << " of " << size);
      std::vector<Hash> proof = tree.InclusionProof(index, size).value();
      Hash leaf = tree.leaf_hash(index);
      ASSERT_TRUE(VerifyInclusion(leaf, index, size, proof, root).ok());
      for (size_t i = 0; i < proof.size(); ++i) {
        for (int bit = 0; bit < 256; bit += 37) {
          std::vector<Hash> bad = proof;
          bad[i][bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
          EXPECT_FALSE(VerifyInclusion(leaf, index, size, bad, root).ok()) << i << "/" << bit;
        }
      }
      for (uint64_t other = 0; other < size; ++other) {
        if (other == index) continue;
        EXPECT_FALSE(VerifyInclusion(leaf, other, size, proof, root).ok()) << other;
      }
      for (uint64_t other = index + 1; other <= kMaxSize + 1; ++other) {
        if (other == size) continue;
        Hash other_root = tree.RootAt(other).value();
        EXPECT_FALSE(VerifyInclusion(leaf, index, other, proof, other_root).ok()) << other;
      }
      if (size > 1) {
        Hash wrong_leaf = tree.leaf_hash((index + 1) % size);
        EXPECT_FALSE(VerifyInclusion(wrong_leaf, index, size, proof, root).ok());
      }
    }
  }
}

// For every pair of sizes 1 <= old <= new <= 64: the proof verifies, and a flipped bit,
// a wrong old or new size (with the roots a checkpoint of that size would carry), or
// a dropped or added hash is rejected.
TEST(MerkleProperty, ConsistencyProofsVerifyAndTamperingIsRejected) {
  MerkleTree tree = NumberedTree(kMaxSize + 1);
  for (uint64_t size = 1; size <= kMaxSize; ++size) {
    Hash root = tree.RootAt(size).value();
    for (uint64_t old_size = 1; old_size <= size; ++old_size) {
      SCOPED_TRACE(testing::Message() << "from " << old_size << " to " << size);
      Hash old_root = tree.RootAt(old_size).value();
      std::vector<Hash> proof = tree.ConsistencyProof(old_size, size).value();
      ASSERT_TRUE(VerifyConsistency(old_size, size, proof, old_root, root).ok());
      for (size_t i = 0; i < proof.size(); ++i) {
        for (int bit = 0; bit < 256; bit += 53) {
          std::vector<Hash> bad = proof;
          bad[i][bit / 8] ^= static_cast<uint8_t>(1u << (bit % 8));
          EXPECT_FALSE(VerifyConsistency(old_size, size, bad, old_root, root).ok());
        }
      }
      for (uint64_t other = 1; other <= size; ++other) {
        if (other == old_size) continue;
        Hash other_root = tree.RootAt(other).value();
        EXPECT_FALSE(VerifyConsistency(other, size, proof, other_root, root).ok()) << other;
      }
      for (uint64_t other = old_size; other <= kMaxSize + 1; ++other) {
        if (other == size) continue;
        Hash other_root = tree.RootAt(other).value();
        EXPECT_FALSE(VerifyConsistency(old_size, other, proof, old_root, other_root).ok()) << other;
      }
      std::vector<Hash> longer = proof;
      longer.push_back(root);
      EXPECT_FALSE(VerifyConsistency(old_size, size, longer, old_root, root).ok());
      if (!proof.empty()) {
        EXPECT_FALSE(VerifyConsistency(old_size, size, std::span(proof).first(proof.size() - 1),
                                       old_root, root)
                         .ok());
      }
    }
  }
}

}  // namespace
}  // namespace sijill::vault
