// The CSV export's tables (docs/formats/exports.md, "CSV"): their file names and columns,
// shared by the writer and the reader so that the two cannot drift apart.
#pragma once

#include <string>
#include <vector>

namespace sijill::exporter::csv_tables {

inline const char* const kSources = "sources.csv";
inline const char* const kEntities = "entities.csv";
inline const char* const kAliases = "aliases.csv";
inline const char* const kClaims = "claims.csv";
inline const char* const kCitations = "citations.csv";

inline const std::vector<std::string>& SourceColumns() {
  static const std::vector<std::string> c = {
      "id",          "sha256",      "size",          "format",  "original_name", "kind",
      "title",       "language",    "document_date", "place",   "witness",       "access",
      "text_sha256", "text_length", "passage_count", "added_at"};
  return c;
}
inline const std::vector<std::string>& EntityColumns() {
  static const std::vector<std::string> c = {"id",          "type",       "name",      "protected",
                                             "latitude",    "longitude",  "side",      "note",
                                             "merged_into", "created_by", "created_at"};
  return c;
}
inline const std::vector<std::string>& AliasColumns() {
  static const std::vector<std::string> c = {"entity", "name", "source"};
  return c;
}
// Security Force Monitor style: beside each field a claim states, "<field>:sources" lists
// the sources that support it (here, every citing source of the claim), and "sources"
// lists them for the claim as a whole. Source ids are separated by ";".
inline const std::vector<std::string>& ClaimColumns() {
  static const std::vector<std::string> c = {
      "id",       "subject",      "predicate", "object",       "object_text", "object:sources",
      "role",     "role:sources", "rank",      "rank:sources", "time",        "time:sources",
      "evidence", "confidence",   "status",    "note",         "created_by",  "created_at",
      "sources"};
  return c;
}
inline const std::vector<std::string>& CitationColumns() {
  static const std::vector<std::string> c = {"claim", "index", "source", "passage",
                                             "begin", "end",   "quote"};
  return c;
}

}  // namespace sijill::exporter::csv_tables
