// An in-memory KnowledgeStore over plain vectors, for the query module's tests: the data
// holder of the model-based test's reference side, and a fake for example tests. Reads
// only (entities and claims are added directly); linear scans, no indexes.
// Not thread-safe.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "resolve/skeleton.h"
#include "store/knowledge_store.h"

namespace sijill::query::testing {

class MemoryKnowledgeStore : public store::KnowledgeStore {
 public:
  void Add(knowledge::Entity entity) {
    roots_.clear();
    entities_.push_back(std::move(entity));
  }
  void Add(knowledge::Claim claim) { claims_.push_back(std::move(claim)); }
  // Merges `member` into `root` (sets merged_into).
  void Merge(const base::Id& member, const base::Id& root) {
    roots_.clear();
    for (auto& e : entities_) {
      if (e.id == member) e.merged_into = root;
    }
  }
  const std::vector<knowledge::Entity>& entities() const { return entities_; }
  const std::vector<knowledge::Claim>& claims() const { return claims_; }

  base::Result<knowledge::Entity> GetEntity(const base::Id& id) override {
    for (const auto& e : entities_) {
      if (e.id == id) return e;
    }
    return base::Error(base::Status::NotFound("entity " + id.ToString()));
  }
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameKey(
      std::string_view name_key, std::optional<knowledge::EntityType> type, size_t limit) override {
    std::vector<knowledge::Entity> out;
    for (const auto& e : entities_) {
      bool match = knowledge::NameKey(e.name) == name_key;
      for (const auto& a : e.aliases) match |= knowledge::NameKey(a.name) == name_key;
      if (match && (!type || e.type == *type) && out.size() < limit) out.push_back(e);
    }
    return out;
  }
  // The same matches as the SQLite store (equal keys, or keys starting with a typed key of
  // two characters or more), in the order added rather than by tokens shared.
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameTokens(
      std::string_view name, std::optional<knowledge::EntityType> type, size_t limit) override {
    const auto typed = resolve::Tokenize(name);
    auto token_matches = [&](std::string_view key) {
      return std::any_of(typed.begin(), typed.end(), [&](const resolve::Token& t) {
        return key == t.key || (!t.numeric && t.key.size() >= 2 && key.starts_with(t.key));
      });
    };
    auto name_matches = [&](std::string_view n) {
      const auto keys = resolve::TokenKeys(n);
      return std::any_of(keys.begin(), keys.end(), token_matches);
    };
    std::vector<knowledge::Entity> out;
    for (const auto& e : entities_) {
      bool match = name_matches(e.name);
      for (const auto& a : e.aliases) match = match || name_matches(a.name);
      if (match && (!type || e.type == *type) && out.size() < limit) out.push_back(e);
    }
    return out;
  }
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByIdPrefix(std::string_view prefix,
                                                                      size_t limit) override {
    std::vector<knowledge::Entity> out;
    for (const auto& e : entities_) {
      if (e.id.ToString().starts_with(prefix) && out.size() < limit) out.push_back(e);
    }
    return out;
  }
  base::Result<std::vector<base::Id>> EntityGroup(const base::Id& id) override {
    ASSIGN_OR_RETURN(base::Id root, RootOf(id));
    std::vector<base::Id> group{root};
    for (const auto& e : entities_) {
      ASSIGN_OR_RETURN(base::Id r, RootOf(e.id));
      if (r == root && e.id != root) group.push_back(e.id);
    }
    return group;
  }
  base::Status ForEachEntity(std::optional<knowledge::EntityType> type,
                             const std::function<bool(const knowledge::Entity&)>& visit) override {
    for (const auto& e : entities_) {
      if ((!type || e.type == *type) && !visit(e)) break;
    }
    return base::Status::Ok();
  }
  base::Result<knowledge::Claim> GetClaim(const base::Id& id) override {
    for (const auto& c : claims_) {
      if (c.id == id) return c;
    }
    return base::Error(base::Status::NotFound("claim " + id.ToString()));
  }
  base::Result<std::vector<base::Id>> FindClaimsByIdPrefix(std::string_view prefix,
                                                           size_t limit) override {
    std::vector<base::Id> out;
    for (const auto& c : claims_) {
      if (c.id.ToString().starts_with(prefix) && out.size() < limit) out.push_back(c.id);
    }
    return out;
  }
  base::Result<std::vector<knowledge::Claim>> FindClaims(
      const store::ClaimFilter& filter) override {
    std::vector<knowledge::Claim> out;
    std::optional<base::Id> subject_root, object_root;
    if (filter.subject) {
      ASSIGN_OR_RETURN(subject_root, RootOf(*filter.subject));
    }
    if (filter.object) {
      ASSIGN_OR_RETURN(object_root, RootOf(*filter.object));
    }
    for (const auto& c : claims_) {
      if (!Matches(filter, c)) continue;
      if (subject_root && *RootOf(c.subject) != *subject_root) continue;
      if (object_root && (!c.object || *RootOf(*c.object) != *object_root)) continue;
      out.push_back(c);
    }
    return out;
  }
  base::Status ForEachClaim(const store::ClaimFilter& filter,
                            const std::function<bool(const knowledge::Claim&)>& visit) override {
    for (const auto& c : claims_) {
      if (Matches(filter, c) && !visit(c)) break;
    }
    return base::Status::Ok();
  }
  base::Result<uint64_t> CountEntities() override { return entities_.size(); }
  base::Result<uint64_t> CountClaims(const store::ClaimFilter& filter) override {
    ASSIGN_OR_RETURN(auto claims, FindClaims(filter));
    return claims.size();
  }
  base::Result<std::vector<knowledge::HistoryEvent>> History(const base::Id&) override {
    return std::vector<knowledge::HistoryEvent>{};
  }
  // Keeps no history, like History above.
  base::Status ForEachHistory(const std::function<bool(const knowledge::HistoryEvent&)>&) override {
    return base::Status::Ok();
  }

  // The root of `id`'s merge group.
  base::Result<base::Id> RootOf(const base::Id& id) {
    if (auto it = roots_.find(id); it != roots_.end()) return it->second;
    ASSIGN_OR_RETURN(knowledge::Entity e, GetEntity(id));
    for (size_t steps = 0; e.merged_into && steps <= entities_.size(); ++steps) {
      ASSIGN_OR_RETURN(e, GetEntity(*e.merged_into));
    }
    roots_.emplace(id, e.id);
    return e.id;
  }

 private:
  static bool Matches(const store::ClaimFilter& filter, const knowledge::Claim& c) {
    if (filter.predicate && c.predicate != *filter.predicate) return false;
    if (filter.statuses.empty()) return c.status == knowledge::ClaimStatus::kAccepted;
    return std::find(filter.statuses.begin(), filter.statuses.end(), c.status) !=
           filter.statuses.end();
  }

  std::vector<knowledge::Entity> entities_;
  std::vector<knowledge::Claim> claims_;
  std::map<base::Id, base::Id> roots_;  // RootOf's answers, cleared when entities change
};

}  // namespace sijill::query::testing
