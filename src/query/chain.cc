// Queries::Chain: the chain of command around a unit or a person at a window.
#include <algorithm>
#include <map>
#include <unordered_set>

#include "query/entity_cache.h"
#include "query/queries.h"
#include "query/query_internal.h"
#include "query/walk.h"

namespace sijill::query {
namespace {

using Seeds = std::vector<std::pair<base::Id, Certainty>>;

// The units a person's group is member_of or commander_of in the window, each with the
// best certainty of those claims; the claims go to `memberships`.
base::Result<Seeds> PersonUnits(store::KnowledgeStore& store, EntityCache& cache,
                                const QueryOptions& options, const base::Id& person,
                                const Window& window, std::vector<ClaimRow>& memberships) {
  IdMap<Certainty> best;
  std::vector<base::Id> order;
  for (auto predicate : {knowledge::Predicate::kMemberOf, knowledge::Predicate::kCommanderOf}) {
    store::ClaimFilter filter = internal::Filter(options, predicate);
    filter.subject = person;
    ASSIGN_OR_RETURN(std::vector<ClaimRow> rows, internal::Holding(store, filter, window.bounds));
    for (ClaimRow& row : rows) {
      ASSIGN_OR_RETURN(const knowledge::Entity* unit, cache.Root(*row.claim.object));
      auto [it, added] = best.emplace(unit->id, row.certainty);
      if (added) order.push_back(unit->id);
      if (row.certainty == Certainty::kCertainly) it->second = Certainty::kCertainly;
      memberships.push_back(std::move(row));
    }
  }
  std::sort(memberships.begin(), memberships.end(), internal::RowBefore);
  Seeds seeds;
  for (const base::Id& id : order) seeds.emplace_back(id, best[id]);
  return seeds;
}

enum class Direction { kUp, kDown };

internal::Expand SubordinateLinks(store::KnowledgeStore& store, EntityCache& cache,
                                  const QueryOptions& options, const Window& window,
                                  Direction direction) {
  return [&store, &cache, options, &window, direction](
             const base::Id& unit) -> base::Result<std::vector<std::pair<base::Id, EdgeRow>>> {
    store::ClaimFilter filter = internal::Filter(options, knowledge::Predicate::kSubordinateTo);
    (direction == Direction::kUp ? filter.subject : filter.object) = unit;
    ASSIGN_OR_RETURN(std::vector<ClaimRow> rows, internal::Holding(store, filter, window.bounds));
    std::vector<std::pair<base::Id, EdgeRow>> out;
    for (ClaimRow& row : rows) {
      ASSIGN_OR_RETURN(const knowledge::Entity* child, cache.Root(row.claim.subject));
      ASSIGN_OR_RETURN(const knowledge::Entity* parent, cache.Root(*row.claim.object));
      base::Id next = direction == Direction::kUp ? parent->id : child->id;
      out.emplace_back(next, EdgeRow{child->id, parent->id, std::move(row)});
    }
    return out;
  };
}

bool UnitBefore(const ChainUnit& a, const ChainUnit& b) {
  if (a.level != b.level) return a.level > b.level;
  if (a.certainty != b.certainty) return a.certainty == Certainty::kCertainly;
  return a.unit.id < b.unit.id;
}

}  // namespace

base::Result<ChainAnswer> Queries::Chain(const base::Id& start, const Window& window,
                                         const ChainOptions& options) {
  EntityCache cache(store_);
  ASSIGN_OR_RETURN(const knowledge::Entity* entity, cache.Root(start));
  ChainAnswer answer;
  Seeds seeds;
  if (entity->type == knowledge::EntityType::kPerson) {
    answer.person = *entity;
    ASSIGN_OR_RETURN(seeds,
                     PersonUnits(store_, cache, options_, entity->id, window, answer.memberships));
  } else {
    TRY(CheckType(*entity, knowledge::EntityType::kUnit, "chain"));
    seeds.emplace_back(entity->id, Certainty::kCertainly);
  }
  ASSIGN_OR_RETURN(
      internal::WalkResult up,
      internal::Walk(seeds, options.up_levels,
                     SubordinateLinks(store_, cache, options_, window, Direction::kUp)));
  ASSIGN_OR_RETURN(
      internal::WalkResult down,
      internal::Walk(seeds, options.down_levels,
                     SubordinateLinks(store_, cache, options_, window, Direction::kDown)));

  IdMap<ChainUnit> units;
  for (const auto& [id, certainty] : seeds) units[id] = ChainUnit{{}, 0, certainty, {}};
  auto add = [&](const internal::WalkResult& walk, int sign) {
    for (const auto& [id, level] : walk.level) {
      if (units.count(id)) continue;
      Certainty c = walk.certain.count(id) ? Certainty::kCertainly : Certainty::kPossibly;
      units[id] = ChainUnit{{}, sign * level, c, {}};
    }
  };
  add(up, 1);
  add(down, -1);
  for (auto& [id, unit] : units) {
    ASSIGN_OR_RETURN(const knowledge::Entity* e, cache.Get(id));
    unit.unit = *e;
    ASSIGN_OR_RETURN(unit.commanders, WhoCommanded(id, window));
    answer.units.push_back(std::move(unit));
  }
  std::sort(answer.units.begin(), answer.units.end(), UnitBefore);

  std::unordered_set<base::Id, IdHash> claims;
  for (auto* walk : {&up, &down}) {
    for (EdgeRow& link : walk->links) {
      if (claims.insert(link.row.claim.id).second) answer.links.push_back(std::move(link));
    }
  }
  std::sort(answer.links.begin(), answer.links.end(), [](const EdgeRow& a, const EdgeRow& b) {
    return std::tie(a.from, a.to, a.row.claim.id) < std::tie(b.from, b.to, b.row.claim.id);
  });
  return answer;
}

}  // namespace sijill::query
