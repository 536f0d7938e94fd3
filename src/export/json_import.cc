// Reading a JSON export back (the grammar is in json_export.cc and
// docs/formats/knowledge-json.md). The file is parsed whole: imports are not on a hot
// path, and a file is checked completely before anything is written.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "export/importer.h"
#include "export/source_json.h"
#include "knowledge/knowledge_json.h"

namespace sijill::exporter {

namespace {

base::Result<std::string> ReadWhole(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    return base::Error(
        base::Status::NotFound(fmt::format("{}: cannot open for reading", file.string())));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

base::Result<ImportData> ReadJsonExport(const std::filesystem::path& file) {
  using nlohmann::json;
  const std::string name = file.string();
  ASSIGN_OR_RETURN(std::string text, ReadWhole(file));
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: not JSON: syntax error at byte {}", name, e.byte)));
  }
  auto fail = [&](std::string_view field, std::string_view problem) {
    return base::Error(
        base::Status::InvalidArgument(fmt::format("{}: {}: {}", name, field, problem)));
  };
  if (!doc.is_object()) return fail("(top level)", "expected an object");
  if (!doc.contains("format") || doc["format"] != "sijill-knowledge") {
    return fail("format", "expected \"sijill-knowledge\" (is this a Sijill JSON export?)");
  }
  if (!doc.contains("version") || doc["version"] != 1) {
    return fail("version", "this Sijill reads version 1");
  }
  // Below the confidential level names are pseudonyms and quotes redacted: importing
  // them would store pseudonyms as names, so only full exports are read.
  if (!doc.contains("level") || doc["level"] != "confidential") {
    return fail("level",
                "only a --level confidential export is complete enough to import (this one "
                "has pseudonyms and withheld sources)");
  }
  for (const char* key : {"sources", "entities", "claims"}) {
    if (!doc.contains(key) || !doc[key].is_array()) return fail(key, "expected an array");
  }
  ImportData data;
  for (size_t i = 0; i < doc["sources"].size(); ++i) {
    std::string where = fmt::format("{}: sources[{}]", name, i);
    ASSIGN_OR_RETURN(auto s, SourceFromJson(doc["sources"][i], where));
    data.sources.push_back(std::move(s));
    data.source_where.push_back(std::move(where));
  }
  for (size_t i = 0; i < doc["entities"].size(); ++i) {
    std::string where = fmt::format("{}: entities[{}]", name, i);
    ASSIGN_OR_RETURN(auto e, knowledge::EntityFromJson(doc["entities"][i], where));
    data.entities.push_back(std::move(e));
    data.entity_where.push_back(std::move(where));
  }
  for (size_t i = 0; i < doc["claims"].size(); ++i) {
    std::string where = fmt::format("{}: claims[{}]", name, i);
    ASSIGN_OR_RETURN(auto c, knowledge::ClaimFromJson(doc["claims"][i], where));
    data.claims.push_back(std::move(c));
    data.claim_where.push_back(std::move(where));
  }
  return data;
}

}  // namespace sijill::exporter
