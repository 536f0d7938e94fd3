// Taking a file into an archive: the whole intake pipeline for one file —
// read, validate, normalize, segment, hash, store the original and its text, index —
// as one transaction. Either the source and all its passages are committed, or the
// archive is left as it was (a blob written for a failed file is removed again).
// Not thread-safe: one Archive, one caller.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "base/status.h"
#include "ingest/reader.h"
#include "store/archive.h"
#include "store/records.h"

namespace sijill::ingest {

// Metadata given by the user; each field set here overrides what the file says.
struct SourceOverrides {
  std::optional<std::string> title;
  std::optional<std::string> language;
  std::optional<std::string> document_date;
  std::optional<std::string> place;
  std::optional<std::string> witness;
  std::optional<std::string> kind;
  std::optional<store::AccessLevel> access;
};

// Who takes a file in, and when: recorded with the source and in the custody log.
struct Intake {
  std::string actor;    // see vault::CurrentActor
  std::string now_utc;  // ISO 8601 UTC with seconds ("2025-03-14T09:30:00Z")
  static Intake Now();  // the current actor, now
};

struct AddResult {
  enum class Outcome { kAdded, kDuplicate };
  Outcome outcome = Outcome::kAdded;
  // The new source, or for kDuplicate the source already holding identical bytes.
  store::SourceRecord source;
};

// Adds the file at `path`, and a "source.add" custody entry in the same transaction. A
// file whose bytes are already in the archive is not added again (kDuplicate). Errors name the
// file: those of ReadFile (bad UTF-8, corrupt or empty files, ...), "<path>: header field
// Interviewed: "..." is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", and storage errors.
base::Result<AddResult> AddFile(store::Archive& archive, const std::filesystem::path& path,
                                const SourceOverrides& overrides, const Intake& intake);

// Checks a document date given as metadata: an ISO 8601 calendar date of year,
// month or day precision ("2025", "2025-03", "2025-03-14"). Returns the value trimmed.
base::Result<std::string> ValidateDocumentDate(std::string_view value);

// The document date the file itself gives (FileMetadata::interviewed: a header block's
// Interviewed/Date, DOCX dcterms:created, PDF CreationDate), checked and trimmed by
// ValidateDocumentDate; nullopt when the file gives none. Error: "<path>: header field
// Interviewed: "..." is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)" (kInvalidArgument).
base::Result<std::optional<std::string>> FileDocumentDate(const FileMetadata& metadata,
                                                          const std::filesystem::path& path);

}  // namespace sijill::ingest
