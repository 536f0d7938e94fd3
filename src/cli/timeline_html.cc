#include "cli/timeline_html.h"

#include <fmt/format.h>

#include <map>

#include "export/markup.h"

namespace sijill::cli {
namespace {

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

// The claim as a phrase a reader understands, from the side of the entity the report is
// about: "commander of 47th Brigade", "Samer Qaddour: commander".
std::string Statement(const query::TimelineRow& r) {
  using knowledge::Predicate;
  const std::string other = r.other ? r.other->name : r.claim.object_text.value_or("");
  const std::string role = r.claim.role.value_or("");
  std::string text;
  if (r.side == query::Side::kSubject) {
    switch (r.claim.predicate) {
      case Predicate::kCommanderOf:
        text = (role.empty() ? "commander" : role) + " of " + other;
        break;
      case Predicate::kMemberOf:
        text = "member of " + other;
        break;
      case Predicate::kSubordinateTo:
        text = "under " + other;
        break;
      case Predicate::kLocatedAt:
        text = "located at " + other;
        break;
      case Predicate::kDeployedTo:
        text = "deployed to " + other;
        break;
      case Predicate::kParticipatedIn:
        text = "took part in " + other;
        break;
      case Predicate::kOccurredAt:
        text = "took place at " + other;
        break;
      case Predicate::kRelativeOf:
        text = (role.empty() ? "relative" : role) + " of " + other;
        break;
      case Predicate::kAliasOf:
        text = "the same as " + other;
        break;
      case Predicate::kDetainedAt:
        text = "detained at " + other;
        break;
    }
    if (!role.empty() && r.claim.predicate != Predicate::kCommanderOf &&
        r.claim.predicate != Predicate::kRelativeOf) {
      text += " (" + role + ")";
    }
  } else {
    switch (r.claim.predicate) {
      case Predicate::kCommanderOf:
        text = other + ": " + (role.empty() ? "commander" : role);
        break;
      case Predicate::kMemberOf:
        text = other + ": member" + (role.empty() ? "" : ", " + role);
        break;
      case Predicate::kSubordinateTo:
        text = other + " under it";
        break;
      case Predicate::kLocatedAt:
        text = other + " located here";
        break;
      case Predicate::kDeployedTo:
        text = other + " deployed here";
        break;
      case Predicate::kParticipatedIn:
        text = other + " took part" + (role.empty() ? "" : " (" + role + ")");
        break;
      case Predicate::kOccurredAt:
        text = other + " took place here";
        break;
      case Predicate::kRelativeOf:
        text = other + (role.empty() ? ", a relative" : ", " + role);
        break;
      case Predicate::kAliasOf:
        text = other + ", the same";
        break;
      case Predicate::kDetainedAt:
        text = other + " detained here";
        break;
    }
  }
  if (r.claim.rank) text += ", " + *r.claim.rank;
  return text;
}

}  // namespace

base::Result<std::string> ReportHtml(store::Store& store, const std::string& title,
                                     const knowledge::Entity& entity,
                                     const std::vector<ReportSection>& sections,
                                     const curate::Disclosure* disclosure, ReportCounts* counts) {
  auto show = [&](std::string_view text) {
    return exporter::Markup(disclosure ? disclosure->Text(text) : std::string(text));
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
      const std::string statement = Statement(r);
      table += fmt::format(
          "<tr><td class=\"time\">{}<br><span class=\"meta\">{} – {}</span></td>"
          "<td>{}{}</td></tr>\n",
          exporter::Markup(r.claim.time.value_or("time unknown")), r.earliest, r.latest,
          show(statement), marks);
    }
    if (!table.empty()) {
      body += fmt::format(
          "<h2>{}</h2>\n<table>\n<tr><th>When</th><th>What the sources say</th>"
          "</tr>\n{}</table>\n",
          exporter::Markup(section.heading), table);
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
      exporter::Markup(std::string(knowledge::Name(entity.type))), n.claims,
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
