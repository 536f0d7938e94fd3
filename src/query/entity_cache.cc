#include "query/entity_cache.h"

#include <fmt/format.h>

namespace sijill::query {

base::Result<const knowledge::Entity*> EntityCache::Get(const base::Id& id) {
  auto it = entities_.find(id);
  if (it == entities_.end()) {
    ASSIGN_OR_RETURN(knowledge::Entity entity, store_.GetEntity(id));
    it = entities_.emplace(id, std::move(entity)).first;
  }
  return &it->second;
}

base::Result<const knowledge::Entity*> EntityCache::Root(const base::Id& id) {
  if (auto it = roots_.find(id); it != roots_.end()) return Get(it->second);
  ASSIGN_OR_RETURN(const knowledge::Entity* entity, Get(id));
  // A merge chain is short; a chain longer than the number of entities read would loop.
  for (size_t steps = 0; entity->merged_into; ++steps) {
    if (steps > entities_.size() + 1) {
      return base::Error(
          base::Status::Corruption(fmt::format("entity {}: its merge chain loops", id.ToString())));
    }
    ASSIGN_OR_RETURN(entity, Get(*entity->merged_into));
  }
  roots_.emplace(id, entity->id);
  return entity;
}

base::Status CheckType(const knowledge::Entity& entity, knowledge::EntityType type,
                       std::string_view query) {
  if (entity.type == type) return base::Status::Ok();
  return base::Status::InvalidArgument(
      fmt::format("entity {}: {} needs a {}, not a {}", entity.id.ToString(), query,
                  knowledge::Name(type), knowledge::Name(entity.type)));
}

}  // namespace sijill::query
