// FindContradictions: incompatible claims over overlapping time.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <set>
#include <unordered_map>

#include "query/base_index.h"
#include "query/query_internal.h"
#include "query/whole_base.h"
#include "time/relations.h"

namespace sijill::query {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;
using SideSet = std::vector<std::string>;  // sorted, distinct

struct Item {
  base::Id claim;
  base::Id subject;  // root
  base::Id object;   // root
  time::Bounds bounds;
};

// What the pass collects in its one ForEachClaim.
struct Collected {
  std::unordered_map<std::string, std::vector<Item>> posts;  // unit root + role key
  IdMap<std::vector<Item>> placements;                       // by unit root
  IdMap<std::vector<Item>> memberships;                      // by person root
  IdMap<std::vector<base::Id>> parents;                      // unit root -> parent roots
};

std::string PostKey(const base::Id& unit, const knowledge::Claim& claim) {
  std::string key(reinterpret_cast<const char*>(unit.bytes().data()), 16);
  return key + knowledge::NameKey(claim.role.value_or("commander"));
}

void Collect(const internal::BaseIndex& index, const knowledge::Claim& claim,
             const time::Bounds& bounds, Collected& c) {
  if (!claim.object) return;
  const internal::EntityInfo* subject = index.Find(claim.subject);
  const internal::EntityInfo* object = index.Find(*claim.object);
  if (!subject || !object) return;
  const internal::EntityInfo* s = index.Find(subject->root);
  const internal::EntityInfo* o = index.Find(object->root);
  if (!s || !o) return;
  Item item{claim.id, subject->root, object->root, bounds};
  switch (claim.predicate) {
    case Predicate::kCommanderOf:
      c.posts[PostKey(object->root, claim)].push_back(item);
      [[fallthrough]];
    case Predicate::kMemberOf:
      if (s->type == EntityType::kPerson && o->type == EntityType::kUnit) {
        c.memberships[subject->root].push_back(item);
      }
      break;
    case Predicate::kLocatedAt:
    case Predicate::kDeployedTo:
      if (s->type == EntityType::kUnit && o->type == EntityType::kPlace && o->latitude &&
          o->longitude && bounds.certain_first) {
        c.placements[subject->root].push_back(item);
      }
      break;
    case Predicate::kSubordinateTo:
      c.parents[subject->root].push_back(object->root);
      break;
    default:
      break;
  }
}

bool ByLo(const Item& a, const Item& b) { return internal::Lo(a.bounds) < internal::Lo(b.bounds); }

// Calls `pair(a, b, overlap)` for each pair of items whose times may share a day.
template <class F>
void OverlappingPairs(std::vector<Item>& items, F pair) {
  std::sort(items.begin(), items.end(), ByLo);
  for (size_t i = 0; i < items.size(); ++i) {
    for (size_t j = i + 1;
         j < items.size() && internal::Lo(items[j].bounds) <= internal::Hi(items[i].bounds); ++j) {
      time::Answer overlap = time::Overlaps(items[i].bounds, items[j].bounds);
      if (overlap != time::Answer::kNo) pair(items[i], items[j], overlap);
    }
  }
}

Contradiction Make(ContradictionKind kind, time::Answer overlap, const base::Id& about,
                   const Item& a, const Item& b) {
  Contradiction c;
  c.kind = kind;
  c.certainty = overlap == time::Answer::kCertainly ? Certainty::kCertainly : Certainty::kPossibly;
  c.about = about;
  c.claim_a = std::min(a.claim, b.claim);
  c.claim_b = std::max(a.claim, b.claim);
  return c;
}

void TwoCommanders(Collected& c, std::vector<Contradiction>& out) {
  for (auto& [key, items] : c.posts) {
    OverlappingPairs(items, [&](const Item& a, const Item& b, time::Answer overlap) {
      if (a.subject != b.subject) {
        out.push_back(Make(ContradictionKind::kTwoCommanders, overlap, a.object, a, b));
      }
    });
  }
}

void DistantPlaces(const internal::BaseIndex& index, Collected& c, double min_km,
                   std::vector<Contradiction>& out) {
  for (auto& [unit, items] : c.placements) {
    std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
      return *a.bounds.certain_first < *b.bounds.certain_first;
    });
    for (size_t i = 0; i < items.size(); ++i) {
      for (size_t j = i + 1;
           j < items.size() && *items[j].bounds.certain_first <= *items[i].bounds.certain_last;
           ++j) {
        if (items[i].object == items[j].object) continue;
        const internal::EntityInfo* p = index.Find(items[i].object);
        const internal::EntityInfo* q = index.Find(items[j].object);
        double km = HaversineKm(*p->latitude, *p->longitude, *q->latitude, *q->longitude);
        if (km <= min_km) continue;
        Contradiction x = Make(ContradictionKind::kDistantPlaces, time::Answer::kCertainly, unit,
                               items[i], items[j]);
        x.distance_km = km;
        out.push_back(x);
      }
    }
  }
}

// A unit group's sides: its own, or else those of every group above it reached through
// groups without a side of their own.
class Sides {
 public:
  Sides(const internal::BaseIndex& index, const Collected& c) : index_(index), c_(c) {
    index_.ForEach([&](const base::Id&, const internal::EntityInfo& info) {
      if (info.side) own_[info.root].insert(*info.side);
    });
  }
  const SideSet& Of(const base::Id& unit) {
    auto [it, added] = memo_.try_emplace(unit);
    if (!added) return it->second;
    std::set<std::string> sides;
    IdMap<bool> seen{{unit, true}};
    std::vector<base::Id> stack{unit};
    while (!stack.empty()) {
      base::Id u = stack.back();
      stack.pop_back();
      if (auto own = own_.find(u); own != own_.end()) {
        sides.insert(own->second.begin(), own->second.end());
        continue;
      }
      auto parents = c_.parents.find(u);
      if (parents == c_.parents.end()) continue;
      for (const base::Id& p : parents->second) {
        if (seen.emplace(p, true).second) stack.push_back(p);
      }
    }
    it->second.assign(sides.begin(), sides.end());
    return it->second;
  }

 private:
  const internal::BaseIndex& index_;
  const Collected& c_;
  IdMap<std::set<std::string>> own_;
  IdMap<SideSet> memo_;
};

bool Disjoint(const SideSet& a, const SideSet& b) {
  for (const std::string& s : a) {
    if (std::binary_search(b.begin(), b.end(), s)) return false;
  }
  return true;
}

std::string Join(const SideSet& sides) { return fmt::format("{}", fmt::join(sides, ", ")); }

void OppositeSides(const internal::BaseIndex& index, Collected& c,
                   std::vector<Contradiction>& out) {
  Sides sides(index, c);
  for (auto& [person, items] : c.memberships) {
    OverlappingPairs(items, [&](const Item& a, const Item& b, time::Answer overlap) {
      const SideSet& sa = sides.Of(a.object);
      const SideSet& sb = sides.Of(b.object);
      if (sa.empty() || sb.empty() || !Disjoint(sa, sb)) return;
      Contradiction x = Make(ContradictionKind::kOppositeSides, overlap, person, a, b);
      bool a_first = a.claim < b.claim;
      x.side_a = Join(a_first ? sa : sb);
      x.side_b = Join(a_first ? sb : sa);
      out.push_back(x);
    });
  }
}

}  // namespace

std::string_view Name(ContradictionKind kind) {
  switch (kind) {
    case ContradictionKind::kTwoCommanders:
      return "two_commanders";
    case ContradictionKind::kDistantPlaces:
      return "distant_places";
    case ContradictionKind::kOppositeSides:
      return "opposite_sides";
  }
  return "?";
}

double HaversineKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadiusKm = 6371.0088;
  constexpr double kRad = M_PI / 180;
  double dlat = (lat2 - lat1) * kRad, dlon = (lon2 - lon1) * kRad;
  double h = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRad) *
                                                           std::cos(lat2 * kRad) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * kRadiusKm * std::asin(std::min(1.0, std::sqrt(h)));
}

base::Result<std::vector<Contradiction>> FindContradictions(store::KnowledgeStore& store,
                                                            const ContradictionOptions& options) {
  ASSIGN_OR_RETURN(internal::BaseIndex index, internal::BaseIndex::Read(store));
  Collected collected;
  base::Status failure;
  QueryOptions query_options{options.statuses};
  TRY(store.ForEachClaim(internal::Filter(query_options, std::nullopt),
                         [&](const knowledge::Claim& claim) {
                           auto bounds = ClaimBounds(claim.time);
                           if (!bounds) {
                             failure = bounds.error();
                             return false;
                           }
                           Collect(index, claim, *bounds, collected);
                           return true;
                         }));
  if (!failure.ok()) return base::Error(failure);
  std::vector<Contradiction> out;
  TwoCommanders(collected, out);
  DistantPlaces(index, collected, options.min_distance_km, out);
  OppositeSides(index, collected, out);
  std::sort(out.begin(), out.end(), [](const Contradiction& a, const Contradiction& b) {
    auto rank = [](const Contradiction& c) { return c.certainty == Certainty::kCertainly ? 0 : 1; };
    return std::make_tuple(a.kind, rank(a), a.about, a.claim_a, a.claim_b) <
           std::make_tuple(b.kind, rank(b), b.about, b.claim_a, b.claim_b);
  });
  return out;
}

}  // namespace sijill::query
