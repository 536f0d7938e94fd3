#include "query/base_index.h"

#include <fmt/format.h>

namespace sijill::query::internal {

base::Result<BaseIndex> BaseIndex::Read(store::KnowledgeStore& store) {
  BaseIndex index;
  IdMap<base::Id> merged_into;
  TRY(store.ForEachEntity(std::nullopt, [&](const knowledge::Entity& e) {
    EntityInfo info{e.id, e.type, e.latitude, e.longitude, std::nullopt};
    if (e.side) info.side = knowledge::NameKey(*e.side);
    index.entities_.emplace(e.id, std::move(info));
    if (e.merged_into) merged_into.emplace(e.id, *e.merged_into);
    return true;
  }));
  for (auto& [id, info] : index.entities_) {
    base::Id root = id;
    size_t steps = 0;
    for (auto it = merged_into.find(root); it != merged_into.end(); it = merged_into.find(root)) {
      root = it->second;
      if (++steps > merged_into.size()) {
        return base::Error(base::Status::Corruption(
            fmt::format("entity {}: its merge chain loops", id.ToString())));
      }
    }
    info.root = root;
  }
  return index;
}

const EntityInfo* BaseIndex::Find(const base::Id& id) const {
  auto it = entities_.find(id);
  return it == entities_.end() ? nullptr : &it->second;
}

base::Id BaseIndex::Root(const base::Id& id) const {
  const EntityInfo* info = Find(id);
  return info ? info->root : id;
}

}  // namespace sijill::query::internal
