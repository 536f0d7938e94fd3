// Importing a JSON or CSV export into an archive: the knowledge it holds is read whole,
// checked against the archive's sources (matched by id, else by SHA-256; a cited source
// that is missing, or a quote that is not in its source, is refused) and written through
// a curate::Curator in ONE write transaction, so that a bad file changes nothing.
// Entities and claims keep their ids and their created_by/created_at; the importing
// archive's history records the import as their additions (the exporting archive's
// history stays in the file). Not thread-safe.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "curate/curator.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::exporter {

// What an export file holds, with where each record came from ("x.json: claims[3]",
// "d/claims.csv:7") for messages.
struct ImportData {
  std::vector<store::SourceRecord> sources;
  std::vector<std::string> source_where;
  std::vector<knowledge::Entity> entities;
  std::vector<std::string> entity_where;
  std::vector<knowledge::Claim> claims;
  std::vector<std::string> claim_where;
};

// Reads a JSON export (docs/formats/knowledge-json.md) made at the confidential level
// (lower levels hold pseudonyms and redacted quotes). kInvalidArgument naming the file
// and field ("x.json: claims[3].time: ...", "x.json: not JSON: ..." with the byte);
// kNotFound / kIOError if it cannot be read.
base::Result<ImportData> ReadJsonExport(const std::filesystem::path& file);
// Reads a CSV export: a directory holding its tables, or one of the tables in it.
// kInvalidArgument naming the table, line and column ("d/claims.csv:7: predicate: ...").
base::Result<ImportData> ReadCsvExport(const std::filesystem::path& dir_or_file);

struct ImportReport {
  uint64_t entities = 0;
  uint64_t claims = 0;
  uint64_t merges = 0;
  // Sources of the file found in the archive under another id, by SHA-256.
  uint64_t sources_matched_by_sha256 = 0;
};

// Writes `data` into `store` as `actor`, all or nothing. Errors (nothing is written):
// kInvalidArgument naming the record and field: a cited source missing from the archive,
// a source whose id exists with another SHA-256, a quote not in its source, an entity or
// claim id already present, and every check of the Curator.
base::Result<ImportReport> Import(store::Store& store, const ImportData& data,
                                  const curate::Actor& actor);

}  // namespace sijill::exporter
