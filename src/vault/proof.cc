// Writes and checks the proof documents of proof.h. The grammar is at the top of
// proof.h and in docs/formats/custody-proofs.md.
#include "vault/proof.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <set>
#include <utility>
#include <vector>

#include "vault/sha256.h"

namespace sijill::vault {
namespace {

using base::Error;
using base::Status;
using Json = nlohmann::ordered_json;

Status DocumentError(std::string_view what) {
  return Status::InvalidArgument(fmt::format("proof document: {}", what));
}

Json HashesJson(std::span<const Hash> hashes) {
  Json out = Json::array();
  for (const Hash& h : hashes) out.push_back(HashToHex(h));
  return out;
}

// Refuses any field outside `allowed`, then checks that each is present.
Status CheckFields(const Json& doc, const std::set<std::string>& allowed) {
  for (const auto& [name, value] : doc.items()) {
    if (!allowed.contains(name)) return DocumentError(fmt::format("unknown field \"{}\"", name));
  }
  for (const std::string& name : allowed) {
    if (!doc.contains(name)) return DocumentError(fmt::format("\"{}\" is missing", name));
  }
  return Status::Ok();
}

base::Result<std::string> StringField(const Json& doc, const char* name) {
  const Json& v = doc.at(name);
  if (!v.is_string()) return Error(DocumentError(fmt::format("\"{}\" must be a string", name)));
  return v.get<std::string>();
}

base::Result<uint64_t> IntegerField(const Json& doc, const char* name) {
  const Json& v = doc.at(name);
  if (!v.is_number_unsigned()) {
    return Error(DocumentError(fmt::format("\"{}\" must be a non-negative integer", name)));
  }
  return v.get<uint64_t>();
}

base::Result<std::vector<Hash>> HashesField(const Json& doc) {
  const Json& v = doc.at("hashes");
  if (!v.is_array()) return Error(DocumentError("\"hashes\" must be an array"));
  std::vector<Hash> out;
  for (size_t i = 0; i < v.size(); ++i) {
    auto hash = v[i].is_string() ? HashFromHex(v[i].get<std::string>())
                                 : base::Result<Hash>(Error(Status::InvalidArgument("")));
    if (!hash.has_value()) {
      return Error(DocumentError(fmt::format("hashes[{}] is not 64 lower-case hex digits", i)));
    }
    out.push_back(*hash);
  }
  return out;
}

// Checks that the tree's root at the checkpoint's size is the checkpoint's root.
Status CheckAgainstTree(const MerkleTree& tree, const Checkpoint& cp, std::string_view which) {
  ASSIGN_OR_RETURN(Hash root, tree.RootAt(cp.size));
  if (root != cp.root) {
    return Status::Corruption(fmt::format("{} root {} is not the log's root {} at size {}", which,
                                          HashToHex(cp.root), HashToHex(root), cp.size));
  }
  return Status::Ok();
}

base::Result<ProvenStatement> VerifyInclusionDocument(const Json& doc, const VerifierKey& vkey) {
  TRY(CheckFields(doc, {"format", "entry", "leaf_index", "tree_size", "hashes", "checkpoint"}));
  ASSIGN_OR_RETURN(std::string entry_base64, StringField(doc, "entry"));
  auto entry = Base64Decode(entry_base64);
  if (!entry.has_value()) return Error(DocumentError("\"entry\" is not canonical base64"));
  ASSIGN_OR_RETURN(uint64_t leaf_index, IntegerField(doc, "leaf_index"));
  ASSIGN_OR_RETURN(uint64_t tree_size, IntegerField(doc, "tree_size"));
  ASSIGN_OR_RETURN(std::vector<Hash> hashes, HashesField(doc));
  ASSIGN_OR_RETURN(std::string note, StringField(doc, "checkpoint"));

  auto checkpoint = VerifyCheckpoint(note, vkey);
  if (!checkpoint.has_value()) return Error(checkpoint.error().WithPrefix("checkpoint"));
  if (checkpoint->size != tree_size) {
    return Error(Status::Corruption(
        fmt::format("proof document: tree_size {} is not the checkpoint's size {}", tree_size,
                    checkpoint->size)));
  }
  TRY(VerifyInclusion(LeafHash(*entry), leaf_index, tree_size, hashes, checkpoint->root));
  return ProvenInclusion{std::move(*entry), leaf_index, std::move(*checkpoint)};
}

base::Result<ProvenStatement> VerifyConsistencyDocument(const Json& doc, const VerifierKey& vkey) {
  TRY(CheckFields(doc, {"format", "old_checkpoint", "new_checkpoint", "hashes"}));
  ASSIGN_OR_RETURN(std::string old_note, StringField(doc, "old_checkpoint"));
  ASSIGN_OR_RETURN(std::string new_note, StringField(doc, "new_checkpoint"));
  ASSIGN_OR_RETURN(std::vector<Hash> hashes, HashesField(doc));

  auto old_cp = VerifyCheckpoint(old_note, vkey);
  if (!old_cp.has_value()) return Error(old_cp.error().WithPrefix("old checkpoint"));
  auto new_cp = VerifyCheckpoint(new_note, vkey);
  if (!new_cp.has_value()) return Error(new_cp.error().WithPrefix("new checkpoint"));
  if (old_cp->origin != new_cp->origin) {
    return Error(Status::Corruption(fmt::format(
        "checkpoints are of different logs: \"{}\" and \"{}\"", old_cp->origin, new_cp->origin)));
  }
  TRY(VerifyConsistency(old_cp->size, new_cp->size, hashes, old_cp->root, new_cp->root));
  return ProvenConsistency{std::move(*old_cp), std::move(*new_cp)};
}

}  // namespace

namespace {

std::string InclusionDocument(std::string_view entry, uint64_t leaf_index, uint64_t size,
                              std::span<const Hash> hashes, std::string_view signed_checkpoint) {
  Json doc;
  doc["format"] = kInclusionProofFormat;
  doc["entry"] = Base64Encode(entry);
  doc["leaf_index"] = leaf_index;
  doc["tree_size"] = size;
  doc["hashes"] = HashesJson(hashes);
  doc["checkpoint"] = std::string(signed_checkpoint);
  return doc.dump(2) + "\n";
}

std::string ConsistencyDocument(std::string_view old_checkpoint, std::string_view new_checkpoint,
                                std::span<const Hash> hashes) {
  Json doc;
  doc["format"] = kConsistencyProofFormat;
  doc["old_checkpoint"] = std::string(old_checkpoint);
  doc["new_checkpoint"] = std::string(new_checkpoint);
  doc["hashes"] = HashesJson(hashes);
  return doc.dump(2) + "\n";
}

base::Result<std::pair<Checkpoint, Checkpoint>> ParseCheckpointPair(
    std::string_view old_checkpoint, std::string_view new_checkpoint) {
  ASSIGN_OR_RETURN(Checkpoint old_cp, ParseCheckpoint(old_checkpoint));
  ASSIGN_OR_RETURN(Checkpoint new_cp, ParseCheckpoint(new_checkpoint));
  if (old_cp.origin != new_cp.origin) {
    return Error(Status::InvalidArgument(fmt::format(
        "checkpoints are of different logs: \"{}\" and \"{}\"", old_cp.origin, new_cp.origin)));
  }
  return std::pair(std::move(old_cp), std::move(new_cp));
}

}  // namespace

base::Result<std::string> MakeInclusionProofDocument(const MerkleTree& tree, std::string_view entry,
                                                     uint64_t leaf_index,
                                                     std::string_view signed_checkpoint) {
  ASSIGN_OR_RETURN(Checkpoint cp, ParseCheckpoint(signed_checkpoint));
  ASSIGN_OR_RETURN(std::vector<Hash> hashes, tree.InclusionProof(leaf_index, cp.size));
  if (LeafHash(entry) != tree.leaf_hash(leaf_index)) {
    return Error(Status::InvalidArgument(
        fmt::format("the entry given is not leaf {} of the log", leaf_index)));
  }
  TRY(CheckAgainstTree(tree, cp, "checkpoint"));
  return InclusionDocument(entry, leaf_index, cp.size, hashes, signed_checkpoint);
}

base::Result<std::string> MakeConsistencyProofDocument(const MerkleTree& tree,
                                                       std::string_view old_checkpoint,
                                                       std::string_view new_checkpoint) {
  ASSIGN_OR_RETURN(auto cps, ParseCheckpointPair(old_checkpoint, new_checkpoint));
  ASSIGN_OR_RETURN(std::vector<Hash> hashes,
                   tree.ConsistencyProof(cps.first.size, cps.second.size));
  TRY(CheckAgainstTree(tree, cps.first, "old checkpoint"));
  TRY(CheckAgainstTree(tree, cps.second, "new checkpoint"));
  return ConsistencyDocument(old_checkpoint, new_checkpoint, hashes);
}

base::Result<std::string> MakeInclusionProofDocumentFromPath(std::string_view entry,
                                                             uint64_t leaf_index,
                                                             std::span<const Hash> path,
                                                             std::string_view signed_checkpoint) {
  ASSIGN_OR_RETURN(Checkpoint cp, ParseCheckpoint(signed_checkpoint));
  if (leaf_index >= cp.size) {
    return Error(Status::InvalidArgument(
        fmt::format("leaf {} is not below the checkpoint's size {}", leaf_index, cp.size)));
  }
  // The path must lead from this entry's own hash to the signed root, as a verifier will
  // check it; a wrong stored hash anywhere shows here, and nothing is written.
  if (!VerifyInclusion(LeafHash(entry), leaf_index, cp.size, path, cp.root).ok()) {
    return Error(Status::Corruption(
        fmt::format("the proof path of leaf {} does not lead to the checkpoint's root at size {}",
                    leaf_index, cp.size)));
  }
  return InclusionDocument(entry, leaf_index, cp.size, path, signed_checkpoint);
}

base::Result<std::string> MakeConsistencyProofDocumentFromPath(std::string_view old_checkpoint,
                                                               std::string_view new_checkpoint,
                                                               std::span<const Hash> path) {
  ASSIGN_OR_RETURN(auto cps, ParseCheckpointPair(old_checkpoint, new_checkpoint));
  const auto& [old_cp, new_cp] = cps;
  if (old_cp.size > new_cp.size) {
    return Error(Status::InvalidArgument(fmt::format(
        "the old checkpoint's size {} is larger than the new one's {}", old_cp.size, new_cp.size)));
  }
  if (!VerifyConsistency(old_cp.size, new_cp.size, path, old_cp.root, new_cp.root).ok()) {
    return Error(Status::Corruption(
        fmt::format("the consistency proof from size {} does not lead to the checkpoints' roots "
                    "(size {})",
                    old_cp.size, new_cp.size)));
  }
  return ConsistencyDocument(old_checkpoint, new_checkpoint, path);
}

base::Result<ProvenStatement> VerifyProofDocument(std::string_view json,
                                                  std::string_view vkey_text) {
  ASSIGN_OR_RETURN(VerifierKey vkey, ParseVerifierKey(vkey_text));
  Json doc;
  try {
    doc = Json::parse(json);
  } catch (const Json::parse_error& e) {
    return Error(DocumentError(fmt::format("not JSON (byte {})", e.byte)));
  }
  if (!doc.is_object()) return Error(DocumentError("not a JSON object"));
  if (!doc.contains("format")) return Error(DocumentError("\"format\" is missing"));
  ASSIGN_OR_RETURN(std::string format, StringField(doc, "format"));
  if (format == kInclusionProofFormat) return VerifyInclusionDocument(doc, vkey);
  if (format == kConsistencyProofFormat) return VerifyConsistencyDocument(doc, vkey);
  return Error(
      DocumentError(fmt::format("unknown format \"{}\" (expected {} or {})", format.substr(0, 80),
                                kInclusionProofFormat, kConsistencyProofFormat)));
}

std::string DescribeProven(const ProvenStatement& proven) {
  if (const auto* inclusion = std::get_if<ProvenInclusion>(&proven)) {
    const Checkpoint& cp = inclusion->checkpoint;
    return fmt::format("entry sha256:{} is leaf {} of log \"{}\" at size {} (root {})",
                       Sha256Hex(inclusion->entry), inclusion->leaf_index, cp.origin, cp.size,
                       HashToHex(cp.root));
  }
  const auto& consistency = std::get<ProvenConsistency>(proven);
  return fmt::format("log \"{}\" at size {} (root {}) extends size {} (root {})",
                     consistency.new_checkpoint.origin, consistency.new_checkpoint.size,
                     HashToHex(consistency.new_checkpoint.root), consistency.old_checkpoint.size,
                     HashToHex(consistency.old_checkpoint.root));
}

}  // namespace sijill::vault
