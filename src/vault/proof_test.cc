#include "vault/proof.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "vault/sha256.h"

namespace sijill::vault {
namespace {

using base::StatusCode;
using Json = nlohmann::ordered_json;

constexpr std::string_view kOrigin = "sijill.example/archive";

SigningKey ArchiveKey(uint8_t fill = 42) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return SigningKey::FromSeed(kOrigin, seed).value();
}

struct Log {
  MerkleTree tree;
  std::vector<std::string> entries;
};

Log MakeLog(uint64_t size) {
  Log log;
  for (uint64_t i = 0; i < size; ++i) {
    log.entries.push_back("custody entry " + std::to_string(i));
    log.tree.Append(log.entries.back());
  }
  return log;
}

std::string SignedAt(const Log& log, uint64_t size, const SigningKey& key) {
  return SignCheckpoint({std::string(kOrigin), size, log.tree.RootAt(size).value()}, key);
}

TEST(ProofDocument, InclusionRoundTrip) {
  SigningKey key = ArchiveKey();
  Log log = MakeLog(13);
  std::string doc =
      MakeInclusionProofDocument(log.tree, log.entries[6], 6, SignedAt(log, 11, key)).value();
  Json json = Json::parse(doc);
  EXPECT_EQ(json["format"], "sijill-inclusion-proof-1");
  EXPECT_EQ(json["leaf_index"], 6);
  EXPECT_EQ(json["tree_size"], 11);
  EXPECT_EQ(json["hashes"].size(), InclusionProofLength(6, 11));
  EXPECT_EQ(json["entry"], Base64Encode(log.entries[6]));

  auto proven = VerifyProofDocument(doc, key.VerifierKeyText());
  ASSERT_TRUE(proven.has_value()) << proven.error().message();
  const auto& inclusion = std::get<ProvenInclusion>(*proven);
  EXPECT_EQ(inclusion.entry, log.entries[6]);
  EXPECT_EQ(inclusion.leaf_index, 6u);
  EXPECT_EQ(inclusion.checkpoint.size, 11u);
  EXPECT_EQ(DescribeProven(*proven),
            "entry sha256:" + Sha256Hex(log.entries[6]) +
                " is leaf 6 of log \"sijill.example/archive\" at size 11 (root " +
                HashToHex(log.tree.RootAt(11).value()) + ")");
}

TEST(ProofDocument, ConsistencyRoundTrip) {
  SigningKey key = ArchiveKey();
  Log log = MakeLog(13);
  std::string doc =
      MakeConsistencyProofDocument(log.tree, SignedAt(log, 5, key), SignedAt(log, 13, key)).value();
  auto proven = VerifyProofDocument(doc, key.VerifierKeyText());
  ASSERT_TRUE(proven.has_value()) << proven.error().message();
  const auto& consistency = std::get<ProvenConsistency>(*proven);
  EXPECT_EQ(consistency.old_checkpoint.size, 5u);
  EXPECT_EQ(consistency.new_checkpoint.size, 13u);
  EXPECT_TRUE(DescribeProven(*proven).starts_with("log \"sijill.example/archive\" at size 13"));
}

TEST(ProofDocument, WritersRefuseWhatTheTreeDoesNotSay) {
  SigningKey key = ArchiveKey();
  Log log = MakeLog(8);
  Log other = MakeLog(9);
  auto r = MakeInclusionProofDocument(log.tree, log.entries[2], 3, SignedAt(log, 8, key));
  EXPECT_EQ(r.error().message(), "the entry given is not leaf 3 of the log");
  r = MakeInclusionProofDocument(log.tree, log.entries[2], 2, SignedAt(other, 9, key));
  EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
  // A checkpoint of the right size from a different history.
  Log forked;
  for (int i = 0; i < 8; ++i) forked.tree.Append("forked " + std::to_string(i));
  r = MakeInclusionProofDocument(log.tree, log.entries[2], 2, SignedAt(forked, 8, key));
  EXPECT_EQ(r.error().code(), StatusCode::kCorruption);
  r = MakeConsistencyProofDocument(log.tree, SignedAt(log, 8, key), SignedAt(log, 7, key));
  EXPECT_EQ(r.error().message(),
            "no consistency proof from size 8 to size 7 (the log has 8 entries)");
}

// The document with one field replaced.
std::string With(const std::string& doc, const std::string& field, const Json& value) {
  Json json = Json::parse(doc);
  json[field] = value;
  return json.dump();
}

TEST(ProofDocument, InclusionErrors) {
  SigningKey key = ArchiveKey();
  std::string vkey = key.VerifierKeyText();
  Log log = MakeLog(8);
  std::string note8 = SignedAt(log, 8, key);
  std::string doc = MakeInclusionProofDocument(log.tree, log.entries[5], 5, note8).value();
  Json json = Json::parse(doc);
  Json hashes = json["hashes"];
  Json flipped = hashes;
  std::string h0 = flipped[0];
  h0[0] = h0[0] == '0' ? '1' : '0';
  flipped[0] = h0;
  Json without_format = json;
  without_format.erase("format");
  Json without_entry = json;
  without_entry.erase("entry");
  Json extra = json;
  extra["comment"] = "hi";

  struct Case {
    std::string doc;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {"{", StatusCode::kInvalidArgument, "proof document: not JSON (byte 2)"},
      {"[]", StatusCode::kInvalidArgument, "proof document: not a JSON object"},
      {without_format.dump(), StatusCode::kInvalidArgument,
       "proof document: \"format\" is missing"},
      {With(doc, "format", "x"), StatusCode::kInvalidArgument,
       "proof document: unknown format \"x\" (expected sijill-inclusion-proof-1 or "
       "sijill-consistency-proof-1)"},
      {without_entry.dump(), StatusCode::kInvalidArgument, "proof document: \"entry\" is missing"},
      {extra.dump(), StatusCode::kInvalidArgument, "proof document: unknown field \"comment\""},
      {With(doc, "entry", 5), StatusCode::kInvalidArgument,
       "proof document: \"entry\" must be a string"},
      {With(doc, "entry", "a"), StatusCode::kInvalidArgument,
       "proof document: \"entry\" is not canonical base64"},
      {With(doc, "leaf_index", -5), StatusCode::kInvalidArgument,
       "proof document: \"leaf_index\" must be a non-negative integer"},
      {With(doc, "tree_size", 8.5), StatusCode::kInvalidArgument,
       "proof document: \"tree_size\" must be a non-negative integer"},
      {With(doc, "hashes", "x"), StatusCode::kInvalidArgument,
       "proof document: \"hashes\" must be an array"},
      {With(doc, "hashes", Json::array({1})), StatusCode::kInvalidArgument,
       "proof document: hashes[0] is not 64 lower-case hex digits"},
      {With(doc, "tree_size", 7), StatusCode::kCorruption,
       "proof document: tree_size 7 is not the checkpoint's size 8"},
      {With(doc, "checkpoint", SignedAt(log, 7, key)), StatusCode::kCorruption,
       "proof document: tree_size 8 is not the checkpoint's size 7"},
      {With(doc, "checkpoint", SignedAt(log, 8, ArchiveKey(1))), StatusCode::kNotFound,
       "checkpoint: note is not signed by key sijill.example/archive"},
      {With(doc, "checkpoint", "x"), StatusCode::kInvalidArgument,
       "checkpoint: malformed note: does not end in a newline"},
      {With(doc, "leaf_index", 4), StatusCode::kCorruption,
       "inclusion proof does not lead to the checkpoint's root"},
      {With(doc, "leaf_index", 8), StatusCode::kInvalidArgument,
       "leaf index 8 is not below tree size 8"},
      {With(doc, "entry", Base64Encode(log.entries[4])), StatusCode::kCorruption,
       "inclusion proof does not lead to the checkpoint's root"},
      {With(doc, "hashes", flipped), StatusCode::kCorruption,
       "inclusion proof does not lead to the checkpoint's root"},
      {With(doc, "hashes", Json::array()), StatusCode::kCorruption,
       "inclusion proof has 0 hashes, expected 3 for leaf 5 of 8"},
  };
  for (const Case& c : cases) {
    auto r = VerifyProofDocument(c.doc, vkey);
    ASSERT_FALSE(r.has_value()) << c.doc;
    EXPECT_EQ(r.error().code(), c.code) << c.doc;
    EXPECT_EQ(r.error().message(), c.message) << c.doc;
  }
  EXPECT_EQ(VerifyProofDocument(doc, "nonsense").error().message(),
            "verifier key: expected <name>+<key id>+<key>");
}

TEST(ProofDocument, ConsistencyErrors) {
  SigningKey key = ArchiveKey();
  std::string vkey = key.VerifierKeyText();
  Log log = MakeLog(8);
  std::string doc =
      MakeConsistencyProofDocument(log.tree, SignedAt(log, 6, key), SignedAt(log, 8, key)).value();
  std::string other_origin = SignCheckpoint({"elsewhere", 8, log.tree.Root()}, key);
  Log forked;
  for (int i = 0; i < 8; ++i) forked.tree.Append("forked " + std::to_string(i));

  struct Case {
    std::string doc;
    StatusCode code;
    std::string message;
  };
  const Case cases[] = {
      {With(doc, "old_checkpoint", SignedAt(log, 5, key)), StatusCode::kCorruption,
       "consistency proof has 3 hashes, expected 4 from size 5 to 8"},
      {With(doc, "old_checkpoint", SignedAt(forked, 6, key)), StatusCode::kCorruption,
       "consistency proof does not lead to the old checkpoint's root"},
      {With(doc, "new_checkpoint", SignedAt(forked, 8, key)), StatusCode::kCorruption,
       "consistency proof does not lead to the new checkpoint's root"},
      {With(doc, "new_checkpoint", SignedAt(log, 5, key)), StatusCode::kInvalidArgument,
       "old tree size 6 is larger than new tree size 5"},
      {With(doc, "new_checkpoint", other_origin), StatusCode::kCorruption,
       "checkpoints are of different logs: \"sijill.example/archive\" and \"elsewhere\""},
      {With(doc, "old_checkpoint", SignedAt(log, 6, ArchiveKey(1))), StatusCode::kNotFound,
       "old checkpoint: note is not signed by key sijill.example/archive"},
      {With(doc, "new_checkpoint", 3), StatusCode::kInvalidArgument,
       "proof document: \"new_checkpoint\" must be a string"},
  };
  for (const Case& c : cases) {
    auto r = VerifyProofDocument(c.doc, vkey);
    ASSERT_FALSE(r.has_value()) << c.doc;
    EXPECT_EQ(r.error().code(), c.code) << c.doc;
    EXPECT_EQ(r.error().message(), c.message) << c.doc;
  }
}

// Byte-flip corruption: changing any one character of a document's JSON text either
// leaves what it proves unchanged (e.g. whitespace) or is rejected.
TEST(ProofDocument, EveryAlteredCharacterIsRejectedOrHarmless) {
  SigningKey key = ArchiveKey();
  std::string vkey = key.VerifierKeyText();
  Log log = MakeLog(21);
  std::string doc =
      MakeInclusionProofDocument(log.tree, log.entries[9], 9, SignedAt(log, 21, key)).value();
  std::string expected = DescribeProven(VerifyProofDocument(doc, vkey).value());
  for (size_t i = 0; i < doc.size(); ++i) {
    std::string altered = doc;
    altered[i] = static_cast<char>(altered[i] ^ 0x01);
    auto r = VerifyProofDocument(altered, vkey);
    if (r.has_value()) {
      EXPECT_EQ(DescribeProven(*r), expected) << "byte " << i;
    }
  }
}

// Documents from a path computed elsewhere are the same documents, and a path that does
// not lead to the signed root is refused rather than written.
TEST(ProofDocument, FromAPathComputedElsewhere) {
  SigningKey key = ArchiveKey();
  Log log = MakeLog(13);
  std::string cp11 = SignedAt(log, 11, key), cp5 = SignedAt(log, 5, key);
  auto path = log.tree.InclusionProof(6, 11).value();
  EXPECT_EQ(MakeInclusionProofDocumentFromPath(log.entries[6], 6, path, cp11).value(),
            MakeInclusionProofDocument(log.tree, log.entries[6], 6, cp11).value());
  auto consistency = log.tree.ConsistencyProof(5, 11).value();
  EXPECT_EQ(MakeConsistencyProofDocumentFromPath(cp5, cp11, consistency).value(),
            MakeConsistencyProofDocument(log.tree, cp5, cp11).value());

  auto bad = path;
  bad[1][0] ^= 1;
  auto refused = MakeInclusionProofDocumentFromPath(log.entries[6], 6, bad, cp11);
  EXPECT_EQ(refused.error().code(), StatusCode::kCorruption);
  EXPECT_EQ(refused.error().message(),
            "the proof path of leaf 6 does not lead to the checkpoint's root at size 11");
  EXPECT_EQ(MakeInclusionProofDocumentFromPath(log.entries[7], 6, path, cp11).error().code(),
            StatusCode::kCorruption);
  EXPECT_EQ(MakeInclusionProofDocumentFromPath(log.entries[6], 11, path, cp11).error().message(),
            "leaf 11 is not below the checkpoint's size 11");
  consistency[0][5] ^= 1;
  EXPECT_EQ(MakeConsistencyProofDocumentFromPath(cp5, cp11, consistency).error().message(),
            "the consistency proof from size 5 does not lead to the checkpoints' roots (size 11)");
  EXPECT_EQ(MakeConsistencyProofDocumentFromPath(cp11, cp5, {}).error().code(),
            StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace sijill::vault
