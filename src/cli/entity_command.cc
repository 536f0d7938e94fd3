// sijill entity add|list|show|edit|merge|unmerge: persons, units, places and events with
// their names in any script.
#include <fmt/format.h>

#include <algorithm>

#include "cli/command.h"
#include "cli/curate_session.h"
#include "cli/entity_ref.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "knowledge/knowledge_json.h"

namespace sijill::cli {
namespace {

using knowledge::Entity;

struct EntityArgs {
  std::string dir, type, name, other;
  std::vector<std::string> aliases, remove_aliases;
  std::optional<std::string> new_name, side, note, passphrase_file, type_filter, id;
  std::optional<double> latitude, longitude;
  bool is_protected = false, unprotected = false, json = false;
};

std::string EntityText(const Entity& e) {
  std::string text = fmt::format("{:<9} {}\n{:<9} {}\n{:<9} {}\n", "entity", e.id.ToString(),
                                 "type", knowledge::Name(e.type), "name", e.name);
  for (const auto& a : e.aliases) text += fmt::format("{:<9} {}\n", "alias", a.name);
  if (e.is_protected) {
    text += fmt::format("{:<9} yes (shown as '{}' below the confidential level)\n", "protected",
                        knowledge::Pseudonym(e));
  }
  if (e.latitude) text += fmt::format("{:<9} {}, {}\n", "location", *e.latitude, *e.longitude);
  if (e.side) text += fmt::format("{:<9} {}\n", "side", *e.side);
  if (e.note) text += fmt::format("{:<9} {}\n", "note", *e.note);
  if (e.merged_into) text += fmt::format("{:<9} {}\n", "merged in", e.merged_into->ToString());
  text += fmt::format("{:<9} {} by {}\n", "added", e.created_at, e.created_by);
  return text;
}

int Add(Console& console, const EntityArgs& a) {
  Entity e;
  auto type = knowledge::ParseEntityType(a.type);
  if (!type) {
    console.Err(fmt::format("sijill entity add: '{}' is not a type (person, unit, place, event)\n",
                            a.type));
    return kExitUsage;
  }
  e.type = *type;
  e.name = a.name;
  if (a.id) {
    auto id = base::Id::Parse(*a.id);
    if (!id) {
      console.Err(fmt::format("sijill entity add: --id: '{}' is not an id\n", *a.id));
      return kExitUsage;
    }
    e.id = *id;
  }
  for (const auto& alias : a.aliases) e.aliases.push_back({alias, std::nullopt});
  e.is_protected = a.is_protected;
  e.latitude = a.latitude;
  e.longitude = a.longitude;
  e.side = a.side;
  e.note = a.note;
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  // The same name twice is allowed (namesakes are real) but said, so it is a choice.
  auto same =
      (*archive)->store().knowledge().FindEntitiesByNameKey(knowledge::NameKey(e.name), e.type, 5);
  if (!same) return Fail(console, same.error());
  Entity added;
  base::Status s = Curate(**archive, [&](curate::Curator& c) -> base::Status {
    ASSIGN_OR_RETURN(added, c.AddEntity(e));
    return base::Status::Ok();
  });
  if (!s.ok()) return Fail(console, s);
  for (const auto& other : *same) {
    console.Err(fmt::format("note: another {} is also named so: {}\n", knowledge::Name(e.type),
                            Describe(other)));
  }
  if (a.json) {
    console.Out(DumpJson(knowledge::ToJson(added)));
  } else {
    console.Out(added.id.ToString() + "\n");
    console.Err(fmt::format("added {}\n", Describe(added)));
  }
  return kExitOk;
}

int List(Console& console, const EntityArgs& a) {
  std::optional<knowledge::EntityType> type;
  if (a.type_filter) {
    type = knowledge::ParseEntityType(*a.type_filter);
    if (!type) {
      console.Err(fmt::format("sijill entity list: '{}' is not a type\n", *a.type_filter));
      return kExitUsage;
    }
  }
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  nlohmann::json out = nlohmann::json::array();
  std::string text;
  base::Status s = (*archive)->store().knowledge().ForEachEntity(type, [&](const Entity& e) {
    if (a.json) {
      out.push_back(knowledge::ToJson(e));
    } else {
      std::string names = e.name;
      // An alias spelled as the name (extraction records where a name was seen that way)
      // says nothing new in a list.
      for (const auto& alias : e.aliases) {
        if (alias.name != e.name) names += " / " + alias.name;
      }
      text += fmt::format("{}  {:<6}  {}{}{}\n", e.id.Short(), knowledge::Name(e.type), names,
                          e.is_protected ? "  [protected]" : "",
                          e.merged_into ? "  [merged into " + e.merged_into->Short() + "]" : "");
    }
    return true;
  });
  if (!s.ok()) return Fail(console, s);
  console.Out(a.json ? DumpJson(out) : text);
  return kExitOk;
}

int Show(Console& console, const EntityArgs& a) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto e = ResolveEntity(store, a.name, std::nullopt, &console);
  if (!e) return Fail(console, e.error());
  auto group = store.knowledge().EntityGroup(e->id);
  auto history = store.knowledge().History(e->id);
  if (!group || !history) return Fail(console, !group ? group.error() : history.error());
  if (a.json) {
    nlohmann::json j = knowledge::ToJson(*e);
    j["group"] = nlohmann::json::array();
    for (const auto& id : *group) j["group"].push_back(id.ToString());
    j["history"] = nlohmann::json::array();
    for (const auto& h : *history) j["history"].push_back(knowledge::ToJson(h));
    console.Out(DumpJson(j));
    return kExitOk;
  }
  std::string text = EntityText(*e);
  for (const auto& id : *group) {
    if (id == e->id) continue;
    auto member = store.knowledge().GetEntity(id);
    if (member) text += fmt::format("{:<9} {}\n", "merged", Describe(*member));
  }
  for (const auto& h : *history) {
    text += fmt::format("{:<9} {} {} by {}\n", "history", h.at, h.action, h.actor);
  }
  console.Out(text);
  return kExitOk;
}

int Edit(Console& console, const EntityArgs& a) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto e = ResolveEntity((*archive)->store(), a.name, std::nullopt, &console);
  if (!e) return Fail(console, e.error());
  Entity edited = *e;
  if (a.new_name) {
    // The old canonical name stays findable, as an alias.
    edited.aliases.insert(edited.aliases.begin(), {edited.name, std::nullopt});
    edited.name = *a.new_name;
  }
  for (const auto& alias : a.aliases) edited.aliases.push_back({alias, std::nullopt});
  for (const auto& gone : a.remove_aliases) {
    auto before = edited.aliases.size();
    std::erase_if(edited.aliases, [&](const knowledge::Alias& x) {
      return knowledge::NameKey(x.name) == knowledge::NameKey(gone);
    });
    if (edited.aliases.size() == before) {
      return Fail(console,
                  base::Status::NotFound(fmt::format("{} has no alias '{}'", Describe(*e), gone)));
    }
  }
  std::erase_if(edited.aliases, [&](const knowledge::Alias& x) {
    return knowledge::NameKey(x.name) == knowledge::NameKey(edited.name);
  });
  if (a.is_protected) edited.is_protected = true;
  if (a.unprotected) edited.is_protected = false;
  if (a.latitude) edited.latitude = a.latitude;
  if (a.longitude) edited.longitude = a.longitude;
  if (a.side) edited.side = a.side;
  if (a.note) edited.note = a.note;
  base::Status s = Curate(**archive, [&](curate::Curator& c) { return c.EditEntity(edited); });
  if (!s.ok()) return Fail(console, s);
  console.Err(fmt::format("edited {}\n", Describe(edited)));
  return kExitOk;
}

int Merge(Console& console, const EntityArgs& a, bool undo) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  if (undo) {
    // By id only: a name resolves to the group's root, which is never the merged one.
    auto id = base::Id::Parse(a.name);
    auto e = id ? store.knowledge().GetEntity(*id)
                : ResolveEntity(store, a.name, std::nullopt, &console);
    if (!e) return Fail(console, e.error());
    base::Status s = Curate(**archive, [&](curate::Curator& c) { return c.Unmerge(e->id); });
    if (!s.ok()) return Fail(console, s);
    console.Err(fmt::format("unmerged {}\n", Describe(*e)));
    return kExitOk;
  }
  auto from = ResolveEntity(store, a.name, std::nullopt, &console);
  if (!from) return Fail(console, from.error());
  auto into = ResolveEntity(store, a.other, from->type, &console);
  if (!into) return Fail(console, into.error());
  base::Status s =
      Curate(**archive, [&](curate::Curator& c) { return c.Merge(from->id, into->id); });
  if (!s.ok()) return Fail(console, s);
  console.Err(fmt::format("merged {} into {}; undo with: sijill entity unmerge {} {}\n",
                          Describe(*from), Describe(*into), a.dir, from->id.ToString()));
  return kExitOk;
}

void CommonOptions(CLI::App* sub, EntityArgs* a) {
  sub->add_option("archive", a->dir, "The archive")->required();
  AddPassphraseFileOption(*sub, &a->passphrase_file);
}

void AttributeOptions(CLI::App* sub, EntityArgs* a) {
  sub->add_option("--alias", a->aliases, "Another name, in any script (repeatable)");
  sub->add_flag("--protected", a->is_protected,
                "A witness, a relative of one, or anyone whose name must not leave the archive");
  sub->add_option("--lat", a->latitude, "Latitude of a place (WGS 84 degrees)");
  sub->add_option("--lon", a->longitude, "Longitude of a place");
  sub->add_option("--side", a->side, "The side a unit fought on (government, opposition, ...)");
  sub->add_option("--note", a->note, "A note");
}

}  // namespace

int RunEntity(Console& console, std::span<const std::string> args) {
  CLI::App app{"Persons, units, places and events, with their names in any script.",
               "sijill entity"};
  ConfigureApp(app);
  app.require_subcommand(1);
  EntityArgs a;
  auto* add = app.add_subcommand("add", "Add an entity");
  CommonOptions(add, &a);
  add->add_option("type", a.type, "person, unit, place or event")->required();
  add->add_option("name", a.name, "Its canonical name")->required();
  AttributeOptions(add, &a);
  add->add_flag("--json", a.json, "Print the entity as JSON");
  add->add_option("--id", a.id, "Use this id (for scripts that keep ids across archives)");
  auto* list = app.add_subcommand("list", "List entities");
  CommonOptions(list, &a);
  list->add_option("--type", a.type_filter, "Only this type");
  list->add_flag("--json", a.json, "Print JSON");
  auto* show = app.add_subcommand("show", "Show an entity, its merges and its history");
  CommonOptions(show, &a);
  show->add_option("name", a.name, "A name, alias or id")->required();
  show->add_flag("--json", a.json, "Print JSON");
  auto* edit = app.add_subcommand("edit", "Change an entity's names or attributes");
  CommonOptions(edit, &a);
  edit->add_option("name", a.name, "A name, alias or id")->required();
  edit->add_option("--name", a.new_name, "A new canonical name (the old one becomes an alias)");
  edit->add_option("--remove-alias", a.remove_aliases, "Remove an alias (repeatable)");
  edit->add_flag("--unprotected", a.unprotected, "No longer protected");
  AttributeOptions(edit, &a);
  auto* merge = app.add_subcommand("merge", "Merge an entity into another (undo: unmerge)");
  CommonOptions(merge, &a);
  merge->add_option("from", a.name, "The entity merged away")->required();
  merge->add_option("into", a.other, "The entity it becomes part of")->required();
  auto* unmerge = app.add_subcommand("unmerge", "Undo the merge of an entity");
  CommonOptions(unmerge, &a);
  unmerge->add_option("id", a.name, "The merged entity's id")->required();
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (add->parsed()) return Add(console, a);
  if (list->parsed()) return List(console, a);
  if (show->parsed()) return Show(console, a);
  if (edit->parsed()) return Edit(console, a);
  return Merge(console, a, unmerge->parsed());
}

}  // namespace sijill::cli
