// sijill who-commanded and sijill chain: who held the posts of a unit at a date, and the
// hierarchy above (and below) it with the commanders at each level.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/query_print.h"

namespace sijill::cli {
namespace {

struct QueryArgs {
  std::string dir, name;
  WindowArgs window;
  std::optional<std::string> passphrase_file;
  bool json = false, candidates = false;
  int up = 5, down = 1;
};

void Common(CLI::App& app, QueryArgs* a, const char* what) {
  app.add_option("archive", a->dir, "The archive")->required();
  AddPassphraseFileOption(app, &a->passphrase_file);
  app.add_option("name", a->name, what)->required();
  AddWindowOptions(app, &a->window);
  app.add_flag("--candidates", a->candidates, "Let candidate claims answer too (marked)");
  app.add_flag("--json", a->json, "Print JSON");
}

std::string CommanderLines(const std::vector<query::CommanderRow>& rows, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  for (query::Certainty certainty : {query::Certainty::kCertainly, query::Certainty::kPossibly}) {
    bool header = false;
    for (const auto& r : rows) {
      if (r.row.certainty != certainty) continue;
      if (!header) {
        out += fmt::format("{}{}:\n", pad,
                           certainty == query::Certainty::kCertainly ? "certainly" : "possibly");
        header = true;
      }
      out += fmt::format(
          "{}  {} — {}{}, {}  [claim {}{}]\n", pad, r.commander.name, r.role,
          r.rank ? " (" + *r.rank + ")" : "", TimeText(r.row), r.row.claim.id.Short(),
          r.row.claim.status == knowledge::ClaimStatus::kCandidate ? ", candidate" : "");
      for (const auto& other : r.conflicts) {
        out += fmt::format(
            "{}    CONFLICT: claim {} puts someone else in this post on a day "
            "both certainly cover\n",
            pad, other.Short());
      }
      out += CitationLines(r.row.claim, indent + 4);
    }
  }
  return out;
}

base::Result<nlohmann::json> CommandersJson(store::Store& store,
                                            const std::vector<query::CommanderRow>& rows) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& r : rows) {
    ASSIGN_OR_RETURN(auto row, RowJson(store, r.row));
    row["commander"] = EntityRef(r.commander);
    row["role"] = r.role;
    if (r.rank) row["rank"] = *r.rank;
    row["conflicts"] = nlohmann::json::array();
    for (const auto& c : r.conflicts) row["conflicts"].push_back(c.ToString());
    out.push_back(std::move(row));
  }
  return out;
}

}  // namespace

int RunWhoCommanded(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Who commanded a unit (every post: commander, deputy, chief of staff...) on a day or "
      "during a period, certainly and possibly apart, with the witnesses' words.",
      "sijill who-commanded"};
  ConfigureApp(app);
  QueryArgs a;
  Common(app, &a, "The unit (a name or alias in either script, or an id)");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto window = ReadWindow(a.window);
  if (!window) return UsageError(console, app, window.error());
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto unit = ResolveEntity(store, a.name, knowledge::EntityType::kUnit, &console);
  if (!unit) return Fail(console, unit.error());
  query::Queries queries(store.knowledge(), {a.candidates ? query::Statuses::kWithCandidates
                                                          : query::Statuses::kAcceptedOnly});
  auto rows = queries.WhoCommanded(unit->id, *window);
  if (!rows) return Fail(console, rows.error());
  if (a.json) {
    auto j = CommandersJson(store, *rows);
    if (!j) return Fail(console, j.error());
    console.Out(DumpJson({{"unit", EntityRef(*unit)}, {"window", window->edtf}, {"rows", *j}}));
    return kExitOk;
  }
  if (rows->empty()) {
    console.Err(fmt::format("No claim says who commanded {} {}.\n", Describe(*unit),
                            DescribeWindow(a.window)));
    return kExitOk;
  }
  console.Out(fmt::format("{} {}\n", Describe(*unit), DescribeWindow(a.window)) +
              CommanderLines(*rows, 2));
  return kExitOk;
}

int RunChain(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "The chain of command around a unit or a person at a date: the units above (and "
      "below), with the commanders of each.",
      "sijill chain"};
  ConfigureApp(app);
  QueryArgs a;
  Common(app, &a, "A unit or a person (a name or alias in either script, or an id)");
  app.add_option("--up", a.up, "Levels above to follow (default 5)")->check(CLI::Range(0, 50));
  app.add_option("--down", a.down, "Levels below to show (default 1)")->check(CLI::Range(0, 50));
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto window = ReadWindow(a.window);
  if (!window) return UsageError(console, app, window.error());
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto start = ResolveEntity(store, a.name, std::nullopt, &console);
  if (!start) return Fail(console, start.error());
  query::Queries queries(store.knowledge(), {a.candidates ? query::Statuses::kWithCandidates
                                                          : query::Statuses::kAcceptedOnly});
  auto chain = queries.Chain(start->id, *window, {a.up, a.down});
  if (!chain) return Fail(console, chain.error());
  if (a.json) {
    nlohmann::json units = nlohmann::json::array();
    for (const auto& u : chain->units) {
      auto commanders = CommandersJson(store, u.commanders);
      if (!commanders) return Fail(console, commanders.error());
      units.push_back({{"unit", EntityRef(u.unit)},
                       {"level", u.level},
                       {"certainty", query::Name(u.certainty)},
                       {"commanders", *commanders}});
    }
    nlohmann::json links = nlohmann::json::array();
    for (const auto& l : chain->links) {
      auto row = RowJson(store, l.row);
      if (!row) return Fail(console, row.error());
      (*row)["from"] = l.from.ToString();
      (*row)["to"] = l.to.ToString();
      links.push_back(std::move(*row));
    }
    console.Out(DumpJson({{"start", EntityRef(*start)},
                          {"window", window->edtf},
                          {"units", units},
                          {"links", links}}));
    return kExitOk;
  }
  if (chain->units.empty()) {
    console.Err(
        fmt::format("No unit is known for {} {}.\n", Describe(*start), DescribeWindow(a.window)));
    return kExitOk;
  }
  std::string text =
      fmt::format("chain of command of {} {}\n", Describe(*start), DescribeWindow(a.window));
  for (const auto& u : chain->units) {
    std::string place = u.level == 0  ? "start"
                        : u.level > 0 ? fmt::format("{} up", u.level)
                                      : fmt::format("{} down", -u.level);
    text += fmt::format("\n[{}] {} — {}\n", place, Describe(u.unit), query::Name(u.certainty));
    for (const auto& l : chain->links) {
      if (l.from != u.unit.id) continue;
      std::string parent = l.to.Short();
      for (const auto& p : chain->units) {
        if (p.unit.id == l.to) parent = p.unit.name;
      }
      text += fmt::format("    under {} ({}, {})\n", parent, query::Name(l.row.certainty),
                          TimeText(l.row));
      text += CitationLines(l.row.claim, 6);
    }
    text += u.commanders.empty() ? "    no commander known\n" : CommanderLines(u.commanders, 4);
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
