// sijill names: every entity and alias that may be a name (across spellings and scripts),
// ranked, with the evidence; or, with --suggest-merges, entities that may be one.
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/query_print.h"
#include "query/name_lookup.h"

namespace sijill::cli {
namespace {

// Below this a name is too unlike to be worth showing.
constexpr double kShowFrom = 0.6;
// Merge suggestions: names at least this alike (a little less with a shared link).
constexpr double kSuggestFrom = 0.8;

struct NamesArgs {
  std::string dir;
  std::optional<std::string> name, type, passphrase_file;
  size_t limit = 20;
  bool suggest = false, json = false;
};

std::string AlsoNames(const knowledge::Entity& e) {
  std::string also;
  for (const auto& a : e.aliases) also += (also.empty() ? "" : ", ") + a.name;
  return also.empty() ? "" : " (also: " + also + ")";
}

std::string MatchText(const query::NameCandidate& c) {
  std::string text =
      fmt::format("{:.2f}  {:<6}  {}  {}{}\n", c.score, knowledge::Name(c.entity.type),
                  c.entity.id.Short(), c.entity.name, AlsoNames(c.entity));
  if (c.entity.merged_into)
    text += fmt::format("      merged into {}\n", c.entity.merged_into->Short());
  text += fmt::format("      {} '{}': {}\n", c.alias ? "alias" : "name", c.matched_name, c.how);
  return text;
}

nlohmann::json MatchJson(const query::NameCandidate& c) {
  nlohmann::json aliases = nlohmann::json::array();
  for (const auto& a : c.entity.aliases) aliases.push_back(a.name);
  nlohmann::json j = {{"entity", EntityRef(c.entity)},  {"aliases", aliases}, {"score", c.score},
                      {"matched_name", c.matched_name}, {"alias", c.alias},   {"how", c.how}};
  j["merged_into"] = c.entity.merged_into ? nlohmann::json(c.entity.merged_into->ToString())
                                          : nlohmann::json(nullptr);
  return j;
}

std::string SuggestionText(const query::MergeSuggestion& s, const std::string& dir) {
  std::string text =
      fmt::format("{:.2f}  {}  ~  {}\n", s.score, Describe(s.first), Describe(s.second));
  text += fmt::format("      '{}' / '{}': {}\n", s.first_name, s.second_name, s.how);
  for (const auto& link : s.shared) text += fmt::format("      both: {}\n", link);
  text += fmt::format("      to merge: sijill entity merge {} {} {}\n", dir, s.second.id.Short(),
                      s.first.id.Short());
  return text;
}

nlohmann::json SuggestionJson(const query::MergeSuggestion& s) {
  return {{"first", EntityRef(s.first)}, {"second", EntityRef(s.second)}, {"score", s.score},
          {"first_name", s.first_name},  {"second_name", s.second_name},  {"how", s.how},
          {"shared", s.shared}};
}

int Lookup(Console& console, store::Store& store, const NamesArgs& a,
           std::optional<knowledge::EntityType> type) {
  auto found = query::LookupName(store.knowledge(), *a.name, type, a.limit, kShowFrom);
  if (!found) return Fail(console, found.error());
  if (a.json) {
    nlohmann::json matches = nlohmann::json::array();
    for (const auto& c : *found) matches.push_back(MatchJson(c));
    console.Out(DumpJson({{"name", *a.name}, {"matches", matches}}));
    return kExitOk;
  }
  if (found->empty()) {
    console.Err(fmt::format("No {} has a name like '{}'.\n",
                            type ? knowledge::Name(*type) : "entity", *a.name));
    return kExitOk;
  }
  std::string text;
  for (const auto& c : *found) text += MatchText(c);
  console.Out(text);
  return kExitOk;
}

int Suggest(Console& console, store::Store& store, const NamesArgs& a,
            std::optional<knowledge::EntityType> type) {
  auto pairs = query::SuggestMerges(store.knowledge(), type, a.limit, kSuggestFrom);
  if (!pairs) return Fail(console, pairs.error());
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *pairs) out.push_back(SuggestionJson(s));
    console.Out(DumpJson({{"suggestions", out}}));
    return kExitOk;
  }
  if (pairs->empty()) {
    console.Err("No likely duplicates.\n");
    return kExitOk;
  }
  std::string text;
  for (const auto& s : *pairs) text += SuggestionText(s, a.dir);
  console.Out(text);
  return kExitOk;
}

}  // namespace

int RunNames(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Every entity and alias that may be a name, in any spelling or script (Haidar, Haydar, "
      "حيدر), ranked from 1 (the same) down, with the name that matched and how; or, with "
      "--suggest-merges, the entities that may be one and the same, with the evidence.",
      "sijill names"};
  ConfigureApp(app);
  NamesArgs a;
  app.add_option("archive", a.dir, "The archive")->required();
  AddPassphraseFileOption(app, &a.passphrase_file);
  app.add_option("name", a.name, "The name, as written anywhere (not with --suggest-merges)");
  app.add_option("--type", a.type, "Only this type: person, unit, place or event");
  app.add_option("--limit", a.limit, "At most this many (default 20)")->check(CLI::Range(1, 10000));
  app.add_flag("--suggest-merges", a.suggest, "List likely duplicate entities instead");
  app.add_flag("--json", a.json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (a.suggest == a.name.has_value()) {
    return UsageError(console, app,
                      base::Status::InvalidArgument(a.suggest ? "--suggest-merges takes no name"
                                                              : "give a name or --suggest-merges"));
  }
  std::optional<knowledge::EntityType> type;
  if (a.type) {
    type = knowledge::ParseEntityType(*a.type);
    if (!type) {
      return UsageError(console, app,
                        base::Status::InvalidArgument(fmt::format("--type: '{}' is not a type "
                                                                  "(person, unit, place, event)",
                                                                  *a.type)));
    }
  }
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  return a.suggest ? Suggest(console, store, a, type) : Lookup(console, store, a, type);
}

}  // namespace sijill::cli
