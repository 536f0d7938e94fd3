// The CSV export: one RFC 4180 file per table in a directory (csv_tables.h has the
// columns; docs/formats/exports.md describes them). Empty fields are absent values.
#include <fmt/format.h>

#include "export/csv.h"
#include "export/csv_tables.h"
#include "export/writers.h"

namespace sijill::exporter {
namespace {

std::string Opt(const std::optional<std::string>& v) { return v.value_or(""); }
std::string Opt(const std::optional<base::Id>& v) { return v ? v->ToString() : ""; }
std::string Opt(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

std::string Joined(const std::vector<std::string>& ids) {
  return fmt::format("{}", fmt::join(ids, ";"));
}

std::vector<std::string> SourceRow(const store::SourceRecord& s) {
  return {s.id.ToString(),
          s.sha256,
          std::to_string(s.size),
          s.format,
          s.original_name,
          s.kind,
          Opt(s.title),
          Opt(s.language),
          Opt(s.document_date),
          Opt(s.place),
          Opt(s.witness),
          std::string(store::AccessLevelName(s.access)),
          s.text_sha256,
          std::to_string(s.text_length),
          std::to_string(s.passage_count),
          s.added_at};
}

std::vector<std::string> EntityRow(const knowledge::Entity& e) {
  return {e.id.ToString(),
          std::string(knowledge::Name(e.type)),
          e.name,
          e.is_protected ? "yes" : "no",
          Opt(e.latitude),
          Opt(e.longitude),
          Opt(e.side),
          Opt(e.note),
          Opt(e.merged_into),
          e.created_by,
          e.created_at};
}

std::vector<std::string> ClaimRow(const knowledge::Claim& c) {
  std::string sources = Joined(CitedSources(c));
  auto beside = [&](bool set) { return set ? sources : std::string(); };
  return {c.id.ToString(),
          c.subject.ToString(),
          std::string(knowledge::Name(c.predicate)),
          Opt(c.object),
          Opt(c.object_text),
          beside(c.object || c.object_text),
          Opt(c.role),
          beside(c.role.has_value()),
          Opt(c.rank),
          beside(c.rank.has_value()),
          Opt(c.time),
          beside(c.time.has_value()),
          std::string(knowledge::Name(c.evidence)),
          std::string(knowledge::Name(c.confidence)),
          std::string(knowledge::Name(c.status)),
          Opt(c.note),
          c.created_by,
          c.created_at,
          sources};
}

}  // namespace

base::Status WriteCsv(WriteContext& ctx) {
  namespace t = csv_tables;
  ASSIGN_OR_RETURN(std::ostream * sources, ctx.out.Open(t::kSources));
  WriteCsvRecord(*sources, t::SourceColumns());
  for (const auto& s : ctx.view.sources()) WriteCsvRecord(*sources, SourceRow(s));

  ASSIGN_OR_RETURN(std::ostream * entities, ctx.out.Open(t::kEntities));
  ASSIGN_OR_RETURN(std::ostream * aliases, ctx.out.Open(t::kAliases));
  WriteCsvRecord(*entities, t::EntityColumns());
  WriteCsvRecord(*aliases, t::AliasColumns());
  TRY(ForEachShownEntity(ctx, [&](const knowledge::Entity& e) {
    WriteCsvRecord(*entities, EntityRow(e));
    for (const auto& a : e.aliases) {
      WriteCsvRecord(*aliases, {e.id.ToString(), a.name, Opt(a.source)});
    }
    return true;
  }));

  ASSIGN_OR_RETURN(std::ostream * claims, ctx.out.Open(t::kClaims));
  ASSIGN_OR_RETURN(std::ostream * citations, ctx.out.Open(t::kCitations));
  WriteCsvRecord(*claims, t::ClaimColumns());
  WriteCsvRecord(*citations, t::CitationColumns());
  return ForEachShownClaim(ctx, Statuses::kAll, [&](const knowledge::Claim& c) {
    WriteCsvRecord(*claims, ClaimRow(c));
    for (size_t i = 0; i < c.citations.size(); ++i) {
      const auto& cite = c.citations[i];
      WriteCsvRecord(*citations, {c.id.ToString(), std::to_string(i), cite.source.ToString(),
                                  std::to_string(cite.passage), std::to_string(cite.cp_begin),
                                  std::to_string(cite.cp_end), cite.quote});
    }
    return true;
  });
}

}  // namespace sijill::exporter
