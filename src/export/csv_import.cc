// Reading a CSV export back (csv_tables.h; docs/formats/exports.md). The tables are read
// whole and joined by id: aliases to entities, citations to claims (in their `index`
// order). Derived columns (the "<field>:sources" and "sources" lists) are not read: the
// citations are the evidence.
#include <fmt/format.h>

#include <charconv>
#include <fstream>
#include <map>
#include <sstream>

#include "export/csv.h"
#include "export/csv_tables.h"
#include "export/importer.h"

namespace sijill::exporter {
namespace {

namespace fs = std::filesystem;
namespace t = csv_tables;
using knowledge::Claim;
using knowledge::Entity;

// One row of a table, with the problem of its first bad field.
class Row {
 public:
  Row(const CsvTable& table, size_t i, std::string where)
      : table_(table), row_(table.rows[i]), where_(std::move(where)) {}

  const std::string& where() const { return where_; }
  std::string Text(const char* column) const { return row_[table_.Column(column)]; }
  std::optional<std::string> Optional(const char* column) const {
    std::string v = Text(column);
    return v.empty() ? std::nullopt : std::optional(v);
  }
  base::Result<base::Id> Id(const char* column) const {
    auto v = Optional(column);
    if (!v) return Fail(column, "missing");
    auto id = base::Id::Parse(*v);
    if (!id) return Fail(column, fmt::format("'{}' is not an id", *v));
    return *id;
  }
  base::Result<std::optional<base::Id>> OptionalId(const char* column) const {
    if (!Optional(column)) return std::optional<base::Id>();
    ASSIGN_OR_RETURN(base::Id id, Id(column));
    return std::optional(id);
  }
  base::Result<uint64_t> Unsigned(const char* column) const {
    std::string v = Text(column);
    uint64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (v.empty() || ec != std::errc() || end != v.data() + v.size()) {
      return Fail(column, fmt::format("'{}' is not a number >= 0", v));
    }
    return n;
  }
  base::Result<std::optional<double>> Number(const char* column) const {
    auto v = Optional(column);
    if (!v) return std::optional<double>();
    double d = 0;
    auto [end, ec] = std::from_chars(v->data(), v->data() + v->size(), d);
    if (ec != std::errc() || end != v->data() + v->size()) {
      return Fail(column, fmt::format("'{}' is not a number", *v));
    }
    return std::optional(d);
  }
  template <typename Enum>
  base::Result<Enum> Enumerated(const char* column,
                                std::optional<Enum> (*parse)(std::string_view)) const {
    auto v = parse(Text(column));
    if (!v) return Fail(column, fmt::format("unknown value '{}'", Text(column)));
    return *v;
  }
  tl::unexpected<base::Status> Fail(std::string_view column, std::string_view problem) const {
    return base::Error(
        base::Status::InvalidArgument(fmt::format("{}: {}: {}", where_, column, problem)));
  }

 private:
  const CsvTable& table_;
  const std::vector<std::string>& row_;
  std::string where_;
};

// Reads `file` of `dir` and checks that it has every column of `columns`.
base::Result<CsvTable> ReadTable(const fs::path& dir, const char* file,
                                 const std::vector<std::string>& columns) {
  fs::path path = dir / file;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return base::Error(
        base::Status::NotFound(fmt::format("{}: cannot open for reading", path.string())));
  }
  std::ostringstream text;
  text << in.rdbuf();
  ASSIGN_OR_RETURN(CsvTable table, ParseCsv(text.str(), path.string()));
  for (const auto& c : columns) {
    if (table.Column(c) < 0) {
      return base::Error(base::Status::InvalidArgument(
          fmt::format("{}:1: the header has no column '{}'", path.string(), c)));
    }
  }
  return table;
}

std::string Where(const fs::path& dir, const char* file, const CsvTable& table, size_t i) {
  return fmt::format("{}:{}", (dir / file).string(), table.lines[i]);
}

base::Result<store::SourceRecord> ReadSource(const Row& r) {
  store::SourceRecord s;
  ASSIGN_OR_RETURN(s.id, r.Id("id"));
  s.sha256 = r.Text("sha256");
  ASSIGN_OR_RETURN(s.size, r.Unsigned("size"));
  s.format = r.Text("format");
  s.original_name = r.Text("original_name");
  s.kind = r.Text("kind");
  s.title = r.Optional("title");
  s.language = r.Optional("language");
  s.document_date = r.Optional("document_date");
  s.place = r.Optional("place");
  s.witness = r.Optional("witness");
  ASSIGN_OR_RETURN(s.access, r.Enumerated("access", &store::ParseAccessLevel));
  s.text_sha256 = r.Text("text_sha256");
  ASSIGN_OR_RETURN(s.text_length, r.Unsigned("text_length"));
  ASSIGN_OR_RETURN(uint64_t passages, r.Unsigned("passage_count"));
  s.passage_count = static_cast<uint32_t>(passages);
  s.added_at = r.Text("added_at");
  return s;
}

base::Result<Entity> ReadEntity(const Row& r) {
  Entity e;
  ASSIGN_OR_RETURN(e.id, r.Id("id"));
  ASSIGN_OR_RETURN(e.type, r.Enumerated("type", &knowledge::ParseEntityType));
  e.name = r.Text("name");
  std::string p = r.Text("protected");
  if (p != "yes" && p != "no") return r.Fail("protected", "expected yes or no");
  e.is_protected = p == "yes";
  ASSIGN_OR_RETURN(e.latitude, r.Number("latitude"));
  ASSIGN_OR_RETURN(e.longitude, r.Number("longitude"));
  e.side = r.Optional("side");
  e.note = r.Optional("note");
  ASSIGN_OR_RETURN(e.merged_into, r.OptionalId("merged_into"));
  e.created_by = r.Text("created_by");
  e.created_at = r.Text("created_at");
  if (auto s = knowledge::CheckEntity(e); !s.ok()) return base::Error(s.WithPrefix(r.where()));
  return e;
}

base::Result<Claim> ReadClaim(const Row& r) {
  Claim c;
  ASSIGN_OR_RETURN(c.id, r.Id("id"));
  ASSIGN_OR_RETURN(c.subject, r.Id("subject"));
  ASSIGN_OR_RETURN(c.predicate, r.Enumerated("predicate", &knowledge::ParsePredicate));
  ASSIGN_OR_RETURN(c.object, r.OptionalId("object"));
  c.object_text = r.Optional("object_text");
  c.role = r.Optional("role");
  c.rank = r.Optional("rank");
  c.time = r.Optional("time");
  ASSIGN_OR_RETURN(c.evidence, r.Enumerated("evidence", &knowledge::ParseEvidence));
  ASSIGN_OR_RETURN(c.confidence, r.Enumerated("confidence", &knowledge::ParseConfidence));
  ASSIGN_OR_RETURN(c.status, r.Enumerated("status", &knowledge::ParseClaimStatus));
  c.note = r.Optional("note");
  c.created_by = r.Text("created_by");
  c.created_at = r.Text("created_at");
  return c;
}

base::Result<knowledge::Citation> ReadCitation(const Row& r) {
  knowledge::Citation c;
  ASSIGN_OR_RETURN(c.source, r.Id("source"));
  ASSIGN_OR_RETURN(uint64_t passage, r.Unsigned("passage"));
  c.passage = static_cast<uint32_t>(passage);
  ASSIGN_OR_RETURN(c.cp_begin, r.Unsigned("begin"));
  ASSIGN_OR_RETURN(c.cp_end, r.Unsigned("end"));
  c.quote = r.Text("quote");
  return c;
}

// Attaches aliases to their entities and citations to their claims.
base::Status Join(const fs::path& dir, const CsvTable& aliases, const CsvTable& citations,
                  ImportData& data) {
  std::map<std::string, size_t> entity_at, claim_at;
  for (size_t i = 0; i < data.entities.size(); ++i) entity_at[data.entities[i].id.ToString()] = i;
  for (size_t i = 0; i < data.claims.size(); ++i) claim_at[data.claims[i].id.ToString()] = i;
  for (size_t i = 0; i < aliases.rows.size(); ++i) {
    Row r(aliases, i, Where(dir, t::kAliases, aliases, i));
    ASSIGN_OR_RETURN(base::Id id, r.Id("entity"));
    auto it = entity_at.find(id.ToString());
    if (it == entity_at.end()) return r.Fail("entity", "no such entity in entities.csv").value();
    ASSIGN_OR_RETURN(auto source, r.OptionalId("source"));
    data.entities[it->second].aliases.push_back({r.Text("name"), source});
  }
  std::map<std::string, std::map<uint64_t, knowledge::Citation>> cites;
  for (size_t i = 0; i < citations.rows.size(); ++i) {
    Row r(citations, i, Where(dir, t::kCitations, citations, i));
    ASSIGN_OR_RETURN(base::Id id, r.Id("claim"));
    if (!claim_at.count(id.ToString())) {
      return r.Fail("claim", "no such claim in claims.csv").value();
    }
    ASSIGN_OR_RETURN(uint64_t index, r.Unsigned("index"));
    ASSIGN_OR_RETURN(auto citation, ReadCitation(r));
    if (!cites[id.ToString()].emplace(index, citation).second) {
      return r.Fail("index", "a second citation with this index").value();
    }
  }
  for (auto& [id, by_index] : cites) {
    for (auto& [index, c] : by_index) data.claims[claim_at[id]].citations.push_back(c);
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<ImportData> ReadCsvExport(const fs::path& dir_or_file) {
  std::error_code ec;
  fs::path dir = fs::is_directory(dir_or_file, ec) ? dir_or_file : dir_or_file.parent_path();
  if (dir.empty()) dir = ".";
  ASSIGN_OR_RETURN(auto sources, ReadTable(dir, t::kSources, t::SourceColumns()));
  ASSIGN_OR_RETURN(auto entities, ReadTable(dir, t::kEntities, t::EntityColumns()));
  ASSIGN_OR_RETURN(auto aliases, ReadTable(dir, t::kAliases, t::AliasColumns()));
  ASSIGN_OR_RETURN(auto claims, ReadTable(dir, t::kClaims, t::ClaimColumns()));
  ASSIGN_OR_RETURN(auto citations, ReadTable(dir, t::kCitations, t::CitationColumns()));
  ImportData data;
  for (size_t i = 0; i < sources.rows.size(); ++i) {
    Row r(sources, i, Where(dir, t::kSources, sources, i));
    ASSIGN_OR_RETURN(auto s, ReadSource(r));
    data.sources.push_back(std::move(s));
    data.source_where.push_back(r.where());
  }
  for (size_t i = 0; i < entities.rows.size(); ++i) {
    Row r(entities, i, Where(dir, t::kEntities, entities, i));
    ASSIGN_OR_RETURN(auto e, ReadEntity(r));
    data.entities.push_back(std::move(e));
    data.entity_where.push_back(r.where());
  }
  for (size_t i = 0; i < claims.rows.size(); ++i) {
    Row r(claims, i, Where(dir, t::kClaims, claims, i));
    ASSIGN_OR_RETURN(auto c, ReadClaim(r));
    data.claims.push_back(std::move(c));
    data.claim_where.push_back(r.where());
  }
  TRY(Join(dir, aliases, citations, data));
  for (size_t i = 0; i < data.entities.size(); ++i) {
    if (auto s = knowledge::CheckEntity(data.entities[i]); !s.ok()) {
      return base::Error(s.WithPrefix(data.entity_where[i]));
    }
  }
  return data;
}

}  // namespace sijill::exporter
