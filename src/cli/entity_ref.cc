#include "cli/entity_ref.h"

#include <fmt/format.h>

#include <algorithm>

namespace sijill::cli {
namespace {

constexpr size_t kShown = 10;

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

}  // namespace

std::string Describe(const knowledge::Entity& e) {
  return fmt::format("{} ({}, {})", e.name, knowledge::Name(e.type), e.id.Short());
}

base::Result<knowledge::Entity> ResolveEntity(store::Store& store, std::string_view typed,
                                              std::optional<knowledge::EntityType> type) {
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
      if (std::none_of(roots.begin(), roots.end(),
                       [&](const knowledge::Entity& r) { return r.id == root.id; })) {
        roots.push_back(std::move(root));
      }
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
  if (roots.empty()) {
    return base::Error(
        base::Status::NotFound(fmt::format("no {} is named '{}'", TypeWord(type), typed)));
  }
  if (roots.size() == 1) return roots.front();
  std::string message = fmt::format("'{}' is ambiguous; it could be:", typed);
  for (size_t i = 0; i < roots.size() && i < kShown; ++i) message += Choice(roots[i]);
  if (roots.size() > kShown) message += "\n  ...";
  message += "\ngive the id (or a unique prefix of it) instead";
  return base::Error(base::Status::InvalidArgument(message));
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
