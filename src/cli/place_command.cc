// sijill at-place: the units, persons and events at a place (and the places within it)
// during a period, certainly and possibly apart.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/query_print.h"

namespace sijill::cli {

int RunAtPlace(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Units, persons and events located at or deployed to a place, or a place within it, "
      "during a period.",
      "sijill at-place"};
  ConfigureApp(app);
  std::string dir, name;
  WindowArgs window_args;
  std::optional<std::string> passphrase_file;
  bool json = false, candidates = false;
  int depth = query::AtPlaceOptions::kAllLevels;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("place", name, "The place (a name or alias in either script, or an id)")
      ->required();
  AddWindowOptions(app, &window_args);
  app.add_option("--depth", depth, "Levels of places within the place to include (default all)")
      ->check(CLI::Range(0, 1 << 30));
  app.add_flag("--candidates", candidates, "Let candidate claims answer too (marked)");
  app.add_flag("--json", json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto window = ReadWindow(window_args);
  if (!window) return UsageError(console, app, window.error());
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto place = ResolveEntity(store, name, knowledge::EntityType::kPlace, &console);
  if (!place) return Fail(console, place.error());
  query::Queries queries(store.knowledge(), {candidates ? query::Statuses::kWithCandidates
                                                        : query::Statuses::kAcceptedOnly});
  auto answer = queries.AtPlace(place->id, *window, {depth});
  if (!answer) return Fail(console, answer.error());

  auto place_name = [&](const base::Id& id) {
    for (const auto& p : answer->places) {
      if (p.place.id == id) return p.place.name;
    }
    return id.Short();
  };
  const std::pair<const char*, const std::vector<query::PresenceRow>*> groups[] = {
      {"units", &answer->units}, {"persons", &answer->persons}, {"events", &answer->events}};
  if (json) {
    nlohmann::json out = {{"place", EntityRef(*place)}, {"window", window->edtf}};
    out["places"] = nlohmann::json::array();
    for (const auto& p : answer->places) {
      out["places"].push_back({{"place", EntityRef(p.place)},
                               {"depth", p.depth},
                               {"certainty", query::Name(p.certainty)}});
    }
    for (const auto& [key, rows] : groups) {
      out[key] = nlohmann::json::array();
      for (const auto& r : *rows) {
        auto row = RowJson(store, r.row);
        if (!row) return Fail(console, row.error());
        (*row)["certainty"] = query::Name(r.certainty);
        (*row)["claim_certainty"] = query::Name(r.row.certainty);
        (*row)["subject"] = EntityRef(r.subject);
        (*row)["at"] = r.place.ToString();
        out[key].push_back(std::move(*row));
      }
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  std::string text = fmt::format("at {} {}\n", Describe(*place), DescribeWindow(window_args));
  if (answer->places.size() > 1) {
    text += "  including:";
    for (const auto& p : answer->places) {
      if (p.depth > 0) text += fmt::format(" {} ({})", p.place.name, query::Name(p.certainty));
    }
    text += "\n";
  }
  size_t shown = 0;
  for (const auto& [key, rows] : groups) {
    for (query::Certainty certainty : {query::Certainty::kCertainly, query::Certainty::kPossibly}) {
      bool header = false;
      for (const auto& r : *rows) {
        if (r.certainty != certainty) continue;
        if (!header) {
          text += fmt::format("\n{} {}:\n", key, query::Name(certainty));
          header = true;
        }
        ++shown;
        text += fmt::format("  {} — {} {}, {}  [claim {}]\n", r.subject.name,
                            knowledge::Name(r.row.claim.predicate), place_name(r.place),
                            TimeText(r.row), r.row.claim.id.Short());
        text += CitationLines(r.row.claim, 4);
      }
    }
  }
  if (shown == 0) {
    console.Err(
        fmt::format("Nothing is known at {} {}.\n", Describe(*place), DescribeWindow(window_args)));
    return kExitOk;
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
