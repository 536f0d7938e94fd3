// The rows of an archive's evidence and text layers, as plain values shared by the
// Store interface and its callers. No behaviour beyond conversions; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/id.h"

namespace sijill::store {

// Who may see a source. Ordered: a reader cleared for a level sees every lower one.
enum class AccessLevel { kPublic, kRestricted, kConfidential };

std::string_view AccessLevelName(AccessLevel level);  // "public", "restricted", ...
std::optional<AccessLevel> ParseAccessLevel(std::string_view name);

// One original file taken into the archive, with what was learned from it.
struct SourceRecord {
  base::Id id;
  std::string sha256;              // hex SHA-256 of the original bytes (its blob address)
  uint64_t size = 0;               // bytes of the original
  std::string format;              // "text", "markdown", "docx", "pdf"
  std::string original_name;       // file name as given, without directories
  std::string kind = "interview";  // interview, article, report, document, ...
  std::optional<std::string> title;
  std::optional<std::string> language;       // BCP 47, e.g. "ar", "en"
  std::optional<std::string> document_date;  // EDTF
  std::optional<std::string> place;
  std::optional<std::string> witness;  // pseudonym as written in the source
  AccessLevel access = AccessLevel::kRestricted;
  std::string text_sha256;   // blob holding the extracted NFC text
  uint64_t text_length = 0;  // code points of that text
  uint32_t passage_count = 0;
  std::string added_at;  // UTC, ISO 8601 ("2025-03-14T09:30:00Z")
};

// A passage: a paragraph (or part of a long one) of a source's extracted text.
// Its id is "<source id>:<ordinal>", stable as long as the source is.
struct PassageRecord {
  base::Id source;
  uint32_t ordinal = 0;
  uint64_t cp_begin = 0;  // code points into the source's extracted text
  uint64_t cp_end = 0;
  std::string text;
};

// One ranked search result. `snippet` is a window of the passage's stored text (not
// the folded search form); `marks` are the matched words in it, as [begin, end) code
// point offsets into `snippet`. Ellipses mark where the window cuts the passage.
struct SearchHit {
  base::Id source;
  std::optional<std::string> source_title;
  uint32_t ordinal = 0;
  uint64_t cp_begin = 0;
  uint64_t cp_end = 0;
  size_t rank = 0;  // 1 for the best hit of the whole result, counting the offset
  std::string snippet;
  std::vector<std::pair<size_t, size_t>> marks;
};

// One custody log entry as stored: its position in the log (the Merkle leaf index,
// from 0), its canonical bytes (vault/custody.h) and its leaf hash (64 hex digits).
struct CustodyRecord {
  uint64_t index = 0;
  std::string entry;
  std::string leaf_hash;
};

// The custody log's stored tree: the hash of every complete, aligned subtree of at least
// 2^kCustodyNodeMinLevel leaves, i.e. MTH(D[index * 2^level : (index + 1) * 2^level]),
// written in the transaction that appends its last leaf. With them a proof needs about
// 2 log2(n) rows and at most two ranges of 2^kCustodyNodeMinLevel leaf hashes
// (docs/formats/archive.md, "Custody tree nodes").
inline constexpr uint32_t kCustodyNodeMinLevel = 8;
struct CustodyNodeRecord {
  uint32_t level = 0;
  uint64_t index = 0;
  std::string hash;  // 64 hex digits
};

// A signed checkpoint of the custody log: the Merkle root of its first `size` entries
// and the signed note that states it.
struct CheckpointRecord {
  uint64_t size = 0;
  std::string root_hash;   // 64 hex digits
  std::string note;        // the signed note, as signed
  std::string created_at;  // UTC, ISO 8601
};

}  // namespace sijill::store
