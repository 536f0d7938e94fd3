// Custody log entries: who did what to which objects of an archive, when, and the
// content hashes that pin it. Every action that adds or changes anything appends one
// (in the same transaction as the change); the entries are the leaves of the archive's
// Merkle tree, so their bytes must never change once written.
//
// Canonical bytes: one JSON object, keys sorted, no whitespace, UTF-8 as is, e.g.
//   {"action":"source.add","actor":"layla","archive":"01JD...","hashes":{"original_sha256":
//   "9f86...","text_sha256":"e3b0..."},"objects":{"source":"01JD..."},"time":
//   "2026-11-27T09:30:00Z"}
// Entries hold ids and hashes only, never names or text: a proof hands an entry to a
// third party, and a witness's name must not travel with it.
// Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sijill::vault {

struct CustodyEntry {
  std::string archive;  // the archive's id
  std::string time;     // UTC, ISO 8601 with seconds ("2026-11-27T09:30:00Z")
  std::string actor;    // who acted (see CurrentActor)
  std::string action;   // "archive.create", "source.add", ...
  std::map<std::string, std::string> objects;  // role -> id ("source" -> "01JD...")
  std::map<std::string, std::string> hashes;   // name -> lower-case hex digest
  bool operator==(const CustodyEntry&) const = default;
};

// The canonical bytes of `entry` (see above).
std::string CanonicalBytes(const CustodyEntry& entry);

// Parses canonical bytes. Errors (kCorruption): not JSON, a missing or mistyped field,
// an unknown field, or bytes that are not exactly the canonical form of what they say.
base::Result<CustodyEntry> ParseCustodyEntry(std::string_view bytes);

// The Merkle leaf hash of an entry's bytes (vault::LeafHash: SHA-256(0x00 || bytes),
// RFC 9162 §2.1.1) as 64 lower-case hex digits.
std::string CustodyLeafHashHex(std::string_view bytes);

// The actor recorded for this process: $SIJILL_ACTOR if set and not empty, else the
// login name of the user, else "uid:<n>".
std::string CurrentActor();

}  // namespace sijill::vault
