#include "cli/entity_ref.h"

#include <fmt/format.h>

#include <algorithm>

#include "query/name_lookup.h"

namespace sijill::cli {
namespace {

constexpr size_t kShown = 10;
// Spellings scoring below this (query::LookupName) are not offered at all.
constexpr double kCloseEnough = 0.75;
// The lead over the next spelling that lets the best one be taken without asking.
constexpr double kClearLead = 0.1;

std::string TypeWord(std::optional<knowledge::EntityType> type) {
  return type ? std::string(knowledge::Name(*type)) : "entity";
}

base::Result<knowledge::Entity> Root(store::Store& store, const knowledge::Entity& e) {
  if (!e.merged_into) return e;
  ASSIGN_OR_RETURN(auto group, store.knowledge().EntityGroup(e.id));
  return store.knowledge().GetEntity(group.front());
}

std::string Choice(const knowledge::Entity& e) {
  std::string line =
      fmt::format("\n  {}  {:<6}  {}", e.id.Short(), knowledge::Name(e.type), e.name);
  if (!e.aliases.empty()) {
    std::string also;
    for (const auto& a : e.aliases) also += (also.empty() ? "" : ", ") + a.name;
    line += fmt::format(" (also: {})", also);
  }
  return line;
}

void AddRoot(knowledge::Entity root, std::vector<knowledge::Entity>* roots) {
  if (std::none_of(roots->begin(), roots->end(),
                   [&](const knowledge::Entity& r) { return r.id == root.id; })) {
    roots->push_back(std::move(root));
  }
}

std::string ChoiceList(const std::vector<knowledge::Entity>& roots) {
  std::string list;
  for (size_t i = 0; i < roots.size() && i < kShown; ++i) list += Choice(roots[i]);
  if (roots.size() > kShown) list += "\n  ...";
  return list + "\ngive the id (or a unique prefix of it) instead";
}

// A name that is no entity's name as written, read as another spelling or a shortening:
// the one clearly best entity (told on `console`), or, in *roots, the close ones to choose
// from (empty when nothing is close).
base::Result<std::optional<knowledge::Entity>> ByCloseName(
    store::Store& store, std::string_view typed, std::optional<knowledge::EntityType> type,
    Console* console, std::vector<knowledge::Entity>* roots) {
  ASSIGN_OR_RETURN(auto found,
                   query::LookupName(store.knowledge(), typed, type, kShown + 1, kCloseEnough));
  if (found.empty()) return std::nullopt;
  std::vector<double> scores;  // the best score of each root, in order
  for (const auto& c : found) {
    ASSIGN_OR_RETURN(auto root, Root(store, c.entity));
    const size_t before = roots->size();
    AddRoot(std::move(root), roots);
    if (roots->size() > before) scores.push_back(c.score);
  }
  if (scores.size() > 1 && scores[0] - scores[1] < kClearLead) return std::nullopt;
  const auto& best = found.front();
  if (console != nullptr) {
    console->Err(fmt::format(
        "'{}' read as '{}'{}\n", typed, roots->front().name,
        best.alias || best.entity.id != roots->front().id
            ? fmt::format(" ({} '{}')", best.alias ? "alias" : "name", best.matched_name)
            : ""));
  }
  return roots->front();
}

}  // namespace

std::string Describe(const knowledge::Entity& e) {
  return fmt::format("{} ({}, {})", e.name, knowledge::Name(e.type), e.id.Short());
}

base::Result<knowledge::Entity> ResolveEntity(store::Store& store, std::string_view typed,
                                              std::optional<knowledge::EntityType> type,
                                              Console* console) {
  auto& ks = store.knowledge();
  if (auto whole = base::Id::Parse(typed)) {
    if (auto e = ks.GetEntity(*whole)) return *e;
  }
  const std::string key = knowledge::NameKey(typed);
  std::vector<knowledge::Entity> roots;
  if (!key.empty()) {
    ASSIGN_OR_RETURN(auto named, ks.FindEntitiesByNameKey(key, type, 100));
    for (const auto& e : named) {
      ASSIGN_OR_RETURN(auto root, Root(store, e));
      AddRoot(std::move(root), &roots);
    }
  }
  if (roots.empty() && base::Id::IsPrefix(typed)) {
    ASSIGN_OR_RETURN(auto prefixed, ks.FindEntitiesByIdPrefix(typed, kShown + 1));
    std::erase_if(prefixed, [&](const auto& e) { return type && e.type != *type; });
    roots = std::move(prefixed);
  }
  if (roots.empty() && type && !key.empty()) {
    // Named, but as something else: say what it is rather than that nothing is.
    ASSIGN_OR_RETURN(auto other, ks.FindEntitiesByNameKey(key, std::nullopt, 1));
    if (!other.empty()) {
      return base::Error(base::Status::InvalidArgument(
          fmt::format("'{}' is a {} ({}), not a {}", typed, knowledge::Name(other.front().type),
                      other.front().id.Short(), knowledge::Name(*type))));
    }
  }
  if (roots.empty() && !key.empty()) {
    ASSIGN_OR_RETURN(auto close, ByCloseName(store, typed, type, console, &roots));
    if (close) return *close;
    if (!roots.empty()) {
      return base::Error(base::Status::InvalidArgument(
          fmt::format("no {} is named '{}'; it could be:", TypeWord(type), typed) +
          ChoiceList(roots)));
    }
  }
  if (roots.empty()) {
    return base::Error(
        base::Status::NotFound(fmt::format("no {} is named '{}'", TypeWord(type), typed)));
  }
  if (roots.size() == 1) return roots.front();
  return base::Error(base::Status::InvalidArgument(
      fmt::format("'{}' is ambiguous; it could be:", typed) + ChoiceList(roots)));
}

base::Result<base::Id> ResolveClaim(store::Store& store, std::string_view typed) {
  if (auto whole = base::Id::Parse(typed)) {
    ASSIGN_OR_RETURN(auto claim, store.knowledge().GetClaim(*whole));
    return claim.id;
  }
  if (typed.size() < base::Id::kMinPrefix || !base::Id::IsPrefix(typed)) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("'{}' is not a claim id (give at least {} characters of it)", typed,
                    base::Id::kMinPrefix)));
  }
  ASSIGN_OR_RETURN(auto ids, store.knowledge().FindClaimsByIdPrefix(typed, kShown + 1));
  if (ids.empty()) {
    return base::Error(base::Status::NotFound(fmt::format("no claim matches '{}'", typed)));
  }
  if (ids.size() == 1) return ids.front();
  std::string message = fmt::format("'{}' is ambiguous; it could be:", typed);
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) message += "\n  " + ids[i].ToString();
  return base::Error(base::Status::InvalidArgument(message));
}

}  // namespace sijill::cli
