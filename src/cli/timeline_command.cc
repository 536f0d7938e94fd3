// sijill timeline and sijill about: everything claimed about a person, unit, place or
// event — in time order, or grouped by status — each claim with its citations.
#include <fmt/format.h>

#include "cli/claim_text.h"
#include "cli/command.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/query_print.h"
#include "cli/timeline_html.h"

namespace sijill::cli {

int RunTimeline(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "The timeline of a person, unit, place or event: every claim about it in time "
      "order, with the witnesses' words.",
      "sijill timeline"};
  ConfigureApp(app);
  std::string dir, name, format = "text";
  std::optional<std::string> passphrase_file;
  bool candidates = false, json = false;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("name", name, "A name or alias in either script, or an id")->required();
  app.add_option("--format", format, "text (default), json or html")
      ->check(CLI::IsMember({"text", "json", "html"}));
  app.add_flag("--json", json, "The same as --format json");
  app.add_flag("--candidates", candidates, "Include candidate claims (marked)");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (json) format = "json";
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto entity = ResolveEntity(store, name, std::nullopt, &console);
  if (!entity) return Fail(console, entity.error());
  query::Queries queries(store.knowledge(), {candidates ? query::Statuses::kWithCandidates
                                                        : query::Statuses::kAcceptedOnly});
  auto rows = queries.Timeline(entity->id);
  if (!rows) return Fail(console, rows.error());
  if (format == "json") {
    nlohmann::json out = {{"entity", EntityRef(*entity)}, {"rows", nlohmann::json::array()}};
    for (const auto& r : *rows) {
      auto claim = ClaimJson(store, r.claim);
      if (!claim) return Fail(console, claim.error());
      nlohmann::json row = {{"earliest", r.earliest},
                            {"latest", r.latest},
                            {"side", r.side == query::Side::kSubject ? "subject" : "object"},
                            {"claim", std::move(*claim)}};
      if (r.other) row["other"] = EntityRef(*r.other);
      out["rows"].push_back(std::move(row));
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  if (format == "html") {
    auto html = TimelineHtml(store, *entity, *rows);
    if (!html) return Fail(console, html.error());
    console.Out(*html);
    return kExitOk;
  }
  if (rows->empty()) {
    console.Err(fmt::format("No claim is about {}.\n", Describe(*entity)));
    return kExitOk;
  }
  std::string text = fmt::format("timeline of {}\n", Describe(*entity));
  for (const auto& r : *rows) {
    std::string other = r.other ? r.other->name : r.claim.object_text.value_or("");
    std::string what = r.side == query::Side::kSubject
                           ? fmt::format("{} {}", knowledge::Name(r.claim.predicate), other)
                           : fmt::format("{} {} this", other, knowledge::Name(r.claim.predicate));
    text += fmt::format("\n{} .. {}  {}{}{}  [{}; claim {}]\n", r.earliest, r.latest, what,
                        r.claim.role ? " as " + *r.claim.role : "",
                        r.claim.time ? "" : " (time unknown)", r.claim.time.value_or("?"),
                        r.claim.id.Short());
    text += CitationLines(r.claim, 4);
  }
  console.Out(text);
  return kExitOk;
}

int RunAbout(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Everything about a person, unit, place or event: its names, merges and every "
      "claim with every citation, accepted, candidate and rejected apart.",
      "sijill about"};
  ConfigureApp(app);
  std::string dir, name;
  std::optional<std::string> passphrase_file;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("name", name, "A name or alias in either script, or an id")->required();
  app.add_flag("--json", json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto entity = ResolveEntity(store, name, std::nullopt, &console);
  if (!entity) return Fail(console, entity.error());
  query::Queries queries(store.knowledge());
  auto about = queries.About(entity->id);
  if (!about) return Fail(console, about.error());
  const std::pair<const char*, const std::vector<knowledge::Claim>*> groups[] = {
      {"accepted", &about->accepted},
      {"candidates", &about->candidates},
      {"rejected", &about->rejected}};
  if (json) {
    nlohmann::json out = {{"entity", EntityRef(about->entity)},
                          {"aliases", nlohmann::json::array()},
                          {"members", nlohmann::json::array()}};
    for (const auto& a : about->aliases) out["aliases"].push_back(a.name);
    for (const auto& m : about->members) out["members"].push_back(EntityRef(m));
    for (const auto& [key, claims] : groups) {
      out[key] = nlohmann::json::array();
      for (const auto& c : *claims) {
        auto j = ClaimJson(store, c);
        if (!j) return Fail(console, j.error());
        out[key].push_back(std::move(*j));
      }
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  std::string text = fmt::format("{}\n", Describe(about->entity));
  if (about->entity.is_protected) text += "  protected\n";
  for (const auto& a : about->aliases) text += fmt::format("  also {}\n", a.name);
  for (const auto& m : about->members) text += fmt::format("  merged {}\n", Describe(m));
  for (const auto& [key, claims] : groups) {
    if (claims->empty()) continue;
    text += fmt::format("\n{} claims ({}):\n", key, claims->size());
    for (const auto& c : *claims) {
      auto t = ClaimText(store, c, 2);
      if (!t) return Fail(console, t.error());
      text += *t;
    }
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
