// Self-contained proof documents: JSON a third party checks offline with only the
// archive's verifier key (vkey text), without the archive. Two formats:
//
//   {"format": "sijill-inclusion-proof-1",      "this entry was leaf i of the log
//    "entry": base64(canonical entry bytes),     at the signed checkpoint"
//    "leaf_index": i, "tree_size": n,
//    "hashes": [hex, ...],                       PATH(i, D[n]), RFC 9162 §2.1.3
//    "checkpoint": signed checkpoint note}       its size must be n
//
//   {"format": "sijill-consistency-proof-1",    "the new checkpoint's log extends
//    "old_checkpoint": signed note,              the old checkpoint's log"
//    "new_checkpoint": signed note,
//    "hashes": [hex, ...]}                       PROOF(m, D[n]), RFC 9162 §2.1.4
//
// Hashes are 64 lower-case hex digits; sizes and indexes are JSON integers; unknown
// fields are refused. tests/proofs/verify_proof.py checks the same documents with no
// Sijill code. All functions are thread-safe.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

#include "base/status.h"
#include "vault/checkpoint.h"
#include "vault/merkle.h"

namespace sijill::vault {

inline constexpr std::string_view kInclusionProofFormat = "sijill-inclusion-proof-1";
inline constexpr std::string_view kConsistencyProofFormat = "sijill-consistency-proof-1";

// Writes the inclusion proof document for leaf `leaf_index`, whose canonical bytes are
// `entry`, at the tree size of `signed_checkpoint` (a note from SignCheckpoint; its
// signature is not checked here). kInvalidArgument if the checkpoint is malformed or
// larger than the tree, the index is not below its size, or `entry` is not that leaf;
// kCorruption if the checkpoint's root is not the tree's root at its size.
base::Result<std::string> MakeInclusionProofDocument(const MerkleTree& tree, std::string_view entry,
                                                     uint64_t leaf_index,
                                                     std::string_view signed_checkpoint);

// Writes the consistency proof document between two signed checkpoints of `tree`.
// kInvalidArgument if either is malformed, their origins differ, the old one is larger,
// or the new one is larger than the tree; kCorruption if a root is not the tree's.
base::Result<std::string> MakeConsistencyProofDocument(const MerkleTree& tree,
                                                       std::string_view old_checkpoint,
                                                       std::string_view new_checkpoint);

// The same two documents from a proof path computed elsewhere (e.g. from the hashes an
// archive stores), for a caller that does not hold the whole tree. Nothing is trusted:
// the path is checked as a verifier would, against the checkpoint's (size, root) and
// the hash of `entry` itself. kInvalidArgument if a checkpoint is malformed or of
// another log, or the index is not below its size; kCorruption
//   "the proof path of leaf 5 does not lead to the checkpoint's root at size 8"
//   "the consistency proof from size 6 does not lead to the checkpoints' roots (size 8)"
base::Result<std::string> MakeInclusionProofDocumentFromPath(std::string_view entry,
                                                             uint64_t leaf_index,
                                                             std::span<const Hash> path,
                                                             std::string_view signed_checkpoint);
base::Result<std::string> MakeConsistencyProofDocumentFromPath(std::string_view old_checkpoint,
                                                               std::string_view new_checkpoint,
                                                               std::span<const Hash> path);

// What a verified document proves.
struct ProvenInclusion {
  std::string entry;  // the canonical entry bytes
  uint64_t leaf_index = 0;
  Checkpoint checkpoint;
};
struct ProvenConsistency {
  Checkpoint old_checkpoint;
  Checkpoint new_checkpoint;
};
using ProvenStatement = std::variant<ProvenInclusion, ProvenConsistency>;

// Verifies a proof document of either format against the verifier key text `vkey`:
// the checkpoint signatures, then the Merkle proof. Returns what was proven, or:
//   kInvalidArgument "proof document: ..."       not JSON, unknown format, a field
//                                                 missing, of the wrong type or unknown
//   kInvalidArgument "verifier key: ..."         `vkey` is malformed
//   kInvalidArgument / kNotFound / kCorruption   "checkpoint: ...", "old checkpoint:
//                                                 ...", "new checkpoint: ..." as
//                                                 VerifyCheckpoint reports them
//   kCorruption      "proof document: tree_size 8 is not the checkpoint's size 7"
//   kCorruption      "checkpoints are of different logs: \"a\" and \"b\""
//   kInvalidArgument / kCorruption               the Merkle proof fails, as
//                                                 VerifyInclusion / VerifyConsistency
base::Result<ProvenStatement> VerifyProofDocument(std::string_view json, std::string_view vkey);

// One line for people: "entry sha256:<hex> is leaf 5 of log \"o\" at size 8 (root
// <hex>)" or "log \"o\" at size 8 (root <hex>) extends size 6 (root <hex>)".
std::string DescribeProven(const ProvenStatement& proven);

}  // namespace sijill::vault
