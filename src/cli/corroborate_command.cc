// sijill corroborate and sijill contradictions: passes over the whole knowledge base.
#include <fmt/format.h>

#include "cli/claim_text.h"
#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "query/whole_base.h"

namespace sijill::cli {
namespace {

struct PassArgs {
  std::string dir;
  std::optional<std::string> passphrase_file;
  bool json = false, candidates = false;
  double distance_km = 50;
};

void Common(CLI::App& app, PassArgs* a) {
  app.add_option("archive", a->dir, "The archive")->required();
  AddPassphraseFileOption(app, &a->passphrase_file);
  app.add_flag("--json", a->json, "Print JSON");
}

base::Result<std::string> ClaimLines(store::Store& store, const base::Id& id, int indent) {
  ASSIGN_OR_RETURN(auto claim, store.knowledge().GetClaim(id));
  return ClaimText(store, claim, indent);
}

base::Result<nlohmann::json> ClaimById(store::Store& store, const base::Id& id) {
  ASSIGN_OR_RETURN(auto claim, store.knowledge().GetClaim(id));
  return ClaimJson(store, claim);
}

}  // namespace

int RunCorroborate(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Claims that independent sources confirm: the same subject, predicate and object "
      "at compatible times, from two or more different witnesses.",
      "sijill corroborate"};
  ConfigureApp(app);
  PassArgs a;
  Common(app, &a);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto groups = query::Corroborate(store.knowledge(), query::WitnessesFrom(store));
  if (!groups) return Fail(console, groups.error());
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& g : *groups) {
      nlohmann::json claims = nlohmann::json::array();
      for (const auto& id : g.claims) {
        auto j = ClaimById(store, id);
        if (!j) return Fail(console, j.error());
        claims.push_back(std::move(*j));
      }
      out.push_back({{"subject", g.subject.ToString()},
                     {"predicate", knowledge::Name(g.predicate)},
                     {"object", g.object ? nlohmann::json(g.object->ToString()) : nullptr},
                     {"independent_sources", g.independent_keys},
                     {"claims", claims}});
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  if (groups->empty()) {
    console.Err("No claim is confirmed by two independent sources yet.\n");
    return kExitOk;
  }
  std::string text;
  for (const auto& g : *groups) {
    text += fmt::format("corroborated by {} independent sources ({}):\n", g.independent_keys.size(),
                        fmt::join(g.independent_keys, ", "));
    for (const auto& id : g.claims) {
      auto t = ClaimLines(store, id, 2);
      if (!t) return Fail(console, t.error());
      text += *t;
    }
    text += "\n";
  }
  console.Out(text);
  return kExitOk;
}

int RunContradictions(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Claims that cannot all be true: two commanders in one post on a day, a unit in "
      "two distant places on a certain day, a person in units of two sides.",
      "sijill contradictions"};
  ConfigureApp(app);
  PassArgs a;
  Common(app, &a);
  app.add_flag("--candidates", a.candidates, "Check candidate claims too");
  app.add_option("--distance", a.distance_km,
                 "Places farther apart than this many km are distant (default 50)")
      ->check(CLI::PositiveNumber);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  query::ContradictionOptions options;
  options.statuses =
      a.candidates ? query::Statuses::kWithCandidates : query::Statuses::kAcceptedOnly;
  options.min_distance_km = a.distance_km;
  auto found = query::FindContradictions(store.knowledge(), options);
  if (!found) return Fail(console, found.error());
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& c : *found) {
      auto ja = ClaimById(store, c.claim_a);
      auto jb = ClaimById(store, c.claim_b);
      if (!ja || !jb) return Fail(console, !ja ? ja.error() : jb.error());
      nlohmann::json j = {{"kind", query::Name(c.kind)},
                          {"certainty", query::Name(c.certainty)},
                          {"about", c.about.ToString()},
                          {"claims", {*ja, *jb}}};
      if (c.distance_km) j["distance_km"] = *c.distance_km;
      if (c.side_a) j["sides"] = {*c.side_a, *c.side_b};
      out.push_back(std::move(j));
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  if (found->empty()) {
    console.Err("No contradiction found.\n");
    return kExitOk;
  }
  std::string text;
  for (const auto& c : *found) {
    std::string detail;
    if (c.distance_km) detail = fmt::format(", {:.0f} km apart", *c.distance_km);
    if (c.side_a) detail = fmt::format(", sides {} / {}", *c.side_a, *c.side_b);
    text += fmt::format("{} contradiction: {}{}\n",
                        c.certainty == query::Certainty::kCertainly ? "certain" : "possible",
                        query::Name(c.kind), detail);
    for (const auto& id : {c.claim_a, c.claim_b}) {
      auto t = ClaimLines(store, id, 2);
      if (!t) return Fail(console, t.error());
      text += *t;
    }
    text += "\n";
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
