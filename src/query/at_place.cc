// Queries::AtPlace: units, persons and events at a place (and the places within it)
// during a window.
#include <algorithm>

#include "query/entity_cache.h"
#include "query/queries.h"
#include "query/query_internal.h"
#include "query/walk.h"

namespace sijill::query {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;

// Whether a claim of this predicate puts a subject of this type at its object place.
bool IsPresence(EntityType subject, Predicate predicate) {
  switch (subject) {
    case EntityType::kUnit:
    case EntityType::kPerson:
      return predicate == Predicate::kLocatedAt || predicate == Predicate::kDeployedTo;
    case EntityType::kEvent:
      return predicate == Predicate::kOccurredAt || predicate == Predicate::kLocatedAt;
    case EntityType::kPlace:
      return false;
  }
  return false;
}

// Claims whose object is in a place's group and that hold in the window, split into
// links from sub-places and presences; read once per place.
struct PlaceClaims {
  std::vector<std::pair<base::Id, EdgeRow>> sub_places;
  std::vector<std::pair<const knowledge::Entity*, ClaimRow>> presences;
};

base::Result<PlaceClaims> ReadPlace(store::KnowledgeStore& store, EntityCache& cache,
                                    const QueryOptions& options, const base::Id& place,
                                    const Window& window) {
  store::ClaimFilter filter = internal::Filter(options, std::nullopt);
  filter.object = place;
  ASSIGN_OR_RETURN(std::vector<ClaimRow> rows, internal::Holding(store, filter, window.bounds));
  PlaceClaims out;
  for (ClaimRow& row : rows) {
    ASSIGN_OR_RETURN(const knowledge::Entity* subject, cache.Root(row.claim.subject));
    if (subject->type == EntityType::kPlace && row.claim.predicate == Predicate::kLocatedAt) {
      out.sub_places.emplace_back(subject->id, EdgeRow{subject->id, place, std::move(row)});
    } else if (IsPresence(subject->type, row.claim.predicate)) {
      out.presences.emplace_back(subject, std::move(row));
    }
  }
  return out;
}

bool PresenceBefore(const PresenceRow& a, const PresenceRow& b) {
  if (a.certainty != b.certainty) return a.certainty == Certainty::kCertainly;
  int c = CompareByEarliest(a.row.bounds, b.row.bounds);
  if (c != 0) return c < 0;
  return a.row.claim.id < b.row.claim.id;
}

}  // namespace

base::Result<AtPlaceAnswer> Queries::AtPlace(const base::Id& place, const Window& window,
                                             const AtPlaceOptions& options) {
  EntityCache cache(store_);
  ASSIGN_OR_RETURN(const knowledge::Entity* root, cache.Root(place));
  TRY(CheckType(*root, EntityType::kPlace, "at-place"));
  IdMap<PlaceClaims> read;
  internal::Expand expand =
      [&](const base::Id& node) -> base::Result<std::vector<std::pair<base::Id, EdgeRow>>> {
    ASSIGN_OR_RETURN(PlaceClaims claims, ReadPlace(store_, cache, options_, node, window));
    auto out = claims.sub_places;
    read.emplace(node, std::move(claims));
    return out;
  };
  ASSIGN_OR_RETURN(internal::WalkResult walk, internal::Walk({{root->id, Certainty::kCertainly}},
                                                             options.sub_place_levels, expand));
  AtPlaceAnswer answer;
  answer.place_links = std::move(walk.links);
  for (const auto& [id, depth] : walk.level) {
    Certainty certainty = walk.certain.count(id) ? Certainty::kCertainly : Certainty::kPossibly;
    ASSIGN_OR_RETURN(const knowledge::Entity* entity, cache.Get(id));
    answer.places.push_back(PlaceRow{*entity, depth, certainty});
    auto it = read.find(id);
    if (it == read.end()) {  // the deepest level was not expanded
      ASSIGN_OR_RETURN(PlaceClaims claims, ReadPlace(store_, cache, options_, id, window));
      it = read.emplace(id, std::move(claims)).first;
    }
    for (auto& [subject, row] : it->second.presences) {
      PresenceRow presence{std::move(row), *subject, id, Certainty::kPossibly};
      presence.certainty = Weakest(presence.row.certainty, certainty);
      auto& list = subject->type == EntityType::kUnit     ? answer.units
                   : subject->type == EntityType::kPerson ? answer.persons
                                                          : answer.events;
      list.push_back(std::move(presence));
    }
  }
  std::sort(answer.places.begin(), answer.places.end(), [](const PlaceRow& a, const PlaceRow& b) {
    if (a.depth != b.depth) return a.depth < b.depth;
    if (a.certainty != b.certainty) return a.certainty == Certainty::kCertainly;
    return a.place.id < b.place.id;
  });
  std::sort(
      answer.place_links.begin(), answer.place_links.end(), [](const EdgeRow& a, const EdgeRow& b) {
        return std::tie(a.from, a.to, a.row.claim.id) < std::tie(b.from, b.to, b.row.claim.id);
      });
  for (auto* list : {&answer.units, &answer.persons, &answer.events}) {
    std::sort(list->begin(), list->end(), PresenceBefore);
  }
  return answer;
}

}  // namespace sijill::query
