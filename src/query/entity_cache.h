// Internal to the query module: entities read once per query, and merge-group roots.
// Not thread-safe; one per query (or per whole-base pass).
#pragma once

#include <cstring>
#include <functional>
#include <string_view>
#include <unordered_map>

#include "base/id.h"
#include "base/status.h"
#include "knowledge/model.h"
#include "store/knowledge_store.h"

namespace sijill::query {

struct IdHash {
  size_t operator()(const base::Id& id) const {
    const auto& b = id.bytes();
    return std::hash<std::string_view>()(
        std::string_view(reinterpret_cast<const char*>(b.data()), b.size()));
  }
};

template <class V>
using IdMap = std::unordered_map<base::Id, V, IdHash>;

class EntityCache {
 public:
  explicit EntityCache(store::KnowledgeStore& store) : store_(store) {}

  // The entity, read once. The pointer stays valid as long as the cache.
  base::Result<const knowledge::Entity*> Get(const base::Id& id);
  // The root of `id`'s merge group (merged_into followed to the end). kCorruption if the
  // chain loops.
  base::Result<const knowledge::Entity*> Root(const base::Id& id);

 private:
  store::KnowledgeStore& store_;
  IdMap<knowledge::Entity> entities_;
  IdMap<base::Id> roots_;
};

// "entity 01j9z...: who-commanded needs a unit, not a place" unless `entity` has `type`.
base::Status CheckType(const knowledge::Entity& entity, knowledge::EntityType type,
                       std::string_view query);

}  // namespace sijill::query
