#include "cli/timeline_html.h"

#include <fmt/format.h>

#include <map>

namespace sijill::cli {
namespace {

std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

constexpr std::string_view kStyle = R"css(
body { font-family: "Noto Serif", "DejaVu Serif", serif; max-width: 48em; margin: 2em auto; }
h1 { font-size: 1.5em; } h2 { font-size: 1.15em; margin-top: 1.5em; }
table { border-collapse: collapse; width: 100%; }
td, th { border-top: 1px solid #bbb; padding: 0.3em; vertical-align: top; text-align: start; }
td.time { white-space: nowrap; width: 12em; }
.names, .meta { color: #444; }
ol.notes { font-size: 0.9em; }
q { quotes: "\201C" "\201D"; }
@media print { body { margin: 0; } }
)css";

}  // namespace

base::Result<std::string> ReportHtml(store::Store& store, const std::string& title,
                                     const knowledge::Entity& entity,
                                     const std::vector<ReportSection>& sections,
                                     const curate::Disclosure* disclosure, ReportCounts* counts) {
  auto show = [&](std::string_view text) {
    return Escape(disclosure ? disclosure->Text(text) : std::string(text));
  };
  ReportCounts local;
  ReportCounts& n = counts ? *counts : local;
  std::map<base::Id, store::SourceRecord> sources;
  auto source_of = [&](const base::Id& id) -> base::Result<const store::SourceRecord*> {
    auto it = sources.find(id);
    if (it == sources.end()) {
      ASSIGN_OR_RETURN(auto s, store.GetSource(id));
      it = sources.emplace(id, std::move(s)).first;
    }
    return &it->second;
  };

  std::string body;
  std::string notes;
  size_t note = 0;
  for (const ReportSection& section : sections) {
    std::string table;
    for (const query::TimelineRow& r : section.rows) {
      std::string marks;
      for (const knowledge::Citation& c : r.claim.citations) {
        ASSIGN_OR_RETURN(const store::SourceRecord* s, source_of(c.source));
        if (disclosure && !disclosure->Shows(s->access)) {
          ++n.withheld_citations;
          continue;
        }
        ++note;
        marks += fmt::format("<sup><a href=\"#n{0}\" id=\"r{0}\">{0}</a></sup>", note);
        notes += fmt::format(
            "<li id=\"n{}\"><q>{}</q> — {}, passage {} (characters {}–{}); {}, {}; source "
            "{}</li>\n",
            note, show(c.quote), show(s->title.value_or(s->original_name)), c.passage, c.cp_begin,
            c.cp_end, knowledge::Name(r.claim.evidence), s->document_date.value_or("undated"),
            c.source.ToString());
      }
      if (marks.empty()) {
        ++n.withheld_claims;
        continue;
      }
      ++n.claims;
      std::string other = r.other ? r.other->name : r.claim.object_text.value_or("");
      std::string statement =
          r.side == query::Side::kSubject
              ? fmt::format("{} {}", knowledge::Name(r.claim.predicate), other)
              : fmt::format("{} — {}", other, knowledge::Name(r.claim.predicate));
      if (r.claim.role) statement += " (" + *r.claim.role + ")";
      if (r.claim.rank) statement += ", " + *r.claim.rank;
      table += fmt::format(
          "<tr><td class=\"time\">{}<br><span class=\"meta\">{} – {}</span></td>"
          "<td>{}{}</td></tr>\n",
          Escape(r.claim.time.value_or("time unknown")), r.earliest, r.latest, show(statement),
          marks);
    }
    if (!table.empty()) {
      body += fmt::format(
          "<h2>{}</h2>\n<table>\n<tr><th>When</th><th>What the sources say</th>"
          "</tr>\n{}</table>\n",
          Escape(section.heading), table);
    }
  }
  std::string names;
  for (const auto& a : entity.aliases) names += (names.empty() ? "" : " · ") + a.name;
  std::string page = fmt::format(
      "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>{0}</title>"
      "<style>{1}</style></head>\n<body>\n<h1>{0}</h1>\n<p class=\"names\">{2}</p>\n"
      "<p class=\"meta\">{3} · {4} claims, each with the words it rests on"
      "{5}</p>\n{6}<h2>Sources</h2>\n<ol class=\"notes\">\n{7}</ol>\n</body></html>\n",
      show(title), kStyle, show(names.empty() ? "" : "Also: " + names),
      Escape(std::string(knowledge::Name(entity.type))), n.claims,
      disclosure
          ? fmt::format("; shown at the {} level", store::AccessLevelName(disclosure->level()))
          : "",
      body, notes);
  if (disclosure) TRY(disclosure->CheckNoLeak(page, "the report"));
  return page;
}

base::Result<std::string> TimelineHtml(store::Store& store, const knowledge::Entity& entity,
                                       const std::vector<query::TimelineRow>& rows) {
  return ReportHtml(store, "Timeline of " + entity.name, entity, {{"Timeline", rows}}, nullptr);
}

}  // namespace sijill::cli
