// Internal to the query module: what whole-base passes need to know of every entity,
// read in one ForEachEntity pass: merge-group roots, types, coordinates and sides.
#pragma once

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "base/status.h"
#include "query/entity_cache.h"
#include "time/bounds.h"

namespace sijill::query::internal {

struct EntityInfo {
  base::Id root;
  knowledge::EntityType type = knowledge::EntityType::kPerson;
  std::optional<double> latitude, longitude;  // the entity's own
  std::optional<std::string> side;            // NameKey of the entity's own side
};

class BaseIndex {
 public:
  static base::Result<BaseIndex> Read(store::KnowledgeStore& store);
  // nullptr for an unknown id.
  const EntityInfo* Find(const base::Id& id) const;
  // The root of `id`'s group (`id` itself if unknown).
  base::Id Root(const base::Id& id) const;
  template <class F>
  void ForEach(F visit) const {
    for (const auto& [id, info] : entities_) visit(id, info);
  }

 private:
  IdMap<EntityInfo> entities_;
};

// Bounds as a closed interval of day numbers, open ends at the extremes; two claims'
// times can share a day (time::Overlaps != kNo) exactly when these intervals meet.
inline time::Day Lo(const time::Bounds& b) {
  return b.earliest.value_or(std::numeric_limits<time::Day>::min());
}
inline time::Day Hi(const time::Bounds& b) {
  return b.latest.value_or(std::numeric_limits<time::Day>::max());
}

}  // namespace sijill::query::internal
