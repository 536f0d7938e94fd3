// Checking a whole archive, as `sijill verify` does: every page of an encrypted
// database authenticated, the database's structure, every original and text blob
// re-read and re-hashed, every source recorded in the custody log with the same hashes,
// and the log's Merkle tree recomputed against every signed checkpoint and every tree
// node the archive stores. Problems are
// collected, each naming its object; nothing is repaired.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/archive.h"

namespace sijill::store {

struct VerifyReport {
  std::vector<std::string> problems;  // empty: the archive is intact
  uint64_t sources = 0, blobs = 0, custody_entries = 0, checkpoints = 0;
  bool checkpoints_checked = false;  // false when there was no verifier key to check with
};

// The SHA-256 (hex) of the blob stored under `address`, read whole; an error for a
// missing or damaged blob (an encrypted one fails to authenticate or to hash to
// `address`). What `verify` does for every blob; public for sijill-verify-bench.
base::Result<std::string> HashStoredBlob(BlobStore& blobs, const std::string& address);

// `verifier_key`: check checkpoints against this key (a copy kept outside the archive);
// nullopt: the key the archive records. Errors only when the archive cannot be read at
// all (then the reason is in the error, not in problems).
base::Result<VerifyReport> VerifyArchive(Archive& archive,
                                         const std::optional<std::string>& verifier_key);

}  // namespace sijill::store
