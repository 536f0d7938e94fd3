// The brute-force reference of the model-based test: every query recomputed from its
// definition (queries.h, whole_base.h) by loops over plain vectors of entities and
// claims: no store, no index, no walk shared with the implementation. Times are compared
// with time::Overlaps on parsed EDTF values (the implementation uses bounds).
#pragma once

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "query/queries.h"
#include "query/rows.h"
#include "query/whole_base.h"
#include "store/records.h"
#include "time/relations.h"

namespace sijill::query::testing {

class Reference {
 public:
  Reference(std::vector<knowledge::Entity> entities, std::vector<knowledge::Claim> claims,
            std::vector<store::SourceRecord> sources, QueryOptions options = {})
      : entities_(std::move(entities)),
        claims_(std::move(claims)),
        sources_(std::move(sources)),
        options_(options) {}

  const knowledge::Entity& E(const base::Id& id) const {
    for (const auto& e : entities_) {
      if (e.id == id) return e;
    }
    std::abort();
  }
  base::Id Root(base::Id id) const {
    while (E(id).merged_into) id = *E(id).merged_into;
    return id;
  }
  bool Admitted(const knowledge::Claim& c) const {
    return c.status == knowledge::ClaimStatus::kAccepted ||
           (options_.statuses == Statuses::kWithCandidates &&
            c.status == knowledge::ClaimStatus::kCandidate);
  }
  static std::optional<time::EdtfValue> Value(const knowledge::Claim& c) {
    if (!c.time) return std::nullopt;
    return *time::ParseEdtf(*c.time);
  }
  static time::Bounds BoundsOf(const knowledge::Claim& c) {
    auto v = Value(c);
    return v ? time::BoundsOf(*v) : time::Bounds{};
  }
  // time::Overlaps on values; an unknown time overlaps possibly.
  static time::Answer Overlap(const knowledge::Claim& a, const time::EdtfValue& w) {
    auto v = Value(a);
    return v ? time::Overlaps(*v, w) : time::Answer::kPossibly;
  }
  static time::Answer Overlap(const knowledge::Claim& a, const knowledge::Claim& b) {
    auto va = Value(a), vb = Value(b);
    if (!va || !vb) return time::Answer::kPossibly;
    return time::Overlaps(*va, *vb);
  }
  static std::optional<Certainty> Holds(const knowledge::Claim& c, const time::EdtfValue& w) {
    switch (Overlap(c, w)) {
      case time::Answer::kCertainly:
        return Certainty::kCertainly;
      case time::Answer::kPossibly:
        return Certainty::kPossibly;
      default:
        return std::nullopt;
    }
  }
  ClaimRow Row(const knowledge::Claim& c, Certainty certainty) const {
    return ClaimRow{c, BoundsOf(c), certainty};
  }

  // Order of rows: certainly first, known earliest before unknown, ascending, same for
  // latest, then id.
  static bool Before(Certainty ca, const time::Bounds& a, const base::Id& ia, Certainty cb,
                     const time::Bounds& b, const base::Id& ib) {
    auto key = [](Certainty c, const time::Bounds& x, const base::Id& id) {
      return std::make_tuple(c == Certainty::kCertainly ? 0 : 1, x.earliest ? 0 : 1,
                             x.earliest.value_or(0), x.latest ? 0 : 1, x.latest.value_or(0), id);
    };
    return key(ca, a, ia) < key(cb, b, ib);
  }

  std::vector<CommanderRow> WhoCommanded(const base::Id& unit, const time::EdtfValue& w) const {
    std::vector<CommanderRow> rows;
    for (const auto& c : claims_) {
      if (!Admitted(c) || c.predicate != knowledge::Predicate::kCommanderOf) continue;
      if (Root(*c.object) != Root(unit)) continue;
      auto holds = Holds(c, w);
      if (!holds) continue;
      CommanderRow r{Row(c, *holds), E(Root(c.subject)), c.role.value_or("commander"), c.rank, {}};
      rows.push_back(r);
    }
    for (auto& a : rows) {
      for (const auto& b : rows) {
        if (a.commander.id != b.commander.id &&
            knowledge::NameKey(a.role) == knowledge::NameKey(b.role) &&
            Overlap(a.row.claim, b.row.claim) == time::Answer::kCertainly) {
          a.conflicts.push_back(b.row.claim.id);
        }
      }
      std::sort(a.conflicts.begin(), a.conflicts.end());
    }
    std::sort(rows.begin(), rows.end(), [](const CommanderRow& a, const CommanderRow& b) {
      return Before(a.row.certainty, a.row.bounds, a.row.claim.id, b.row.certainty, b.row.bounds,
                    b.row.claim.id);
    });
    return rows;
  }

  // A walk by repeated relaxation over every claim: `from(c)` -> `to(c)` edges.
  struct Reached {
    std::map<base::Id, int> level;
    std::set<base::Id> certain;
    std::map<base::Id, EdgeRow> links;  // by claim id
  };
  template <class Edge>
  Reached Relax(const std::vector<std::pair<base::Id, Certainty>>& seeds, int limit,
                const time::EdtfValue& w, Edge edge) const {
    Reached r;
    std::map<base::Id, int> certain_dist;
    for (const auto& [s, c] : seeds) {
      r.level[s] = 0;
      if (c == Certainty::kCertainly) certain_dist[s] = 0;
    }
    // Rounds beyond the number of entities reach nothing new.
    for (int round = 0; round < limit && round <= static_cast<int>(entities_.size()); ++round) {
      for (const auto& c : claims_) {
        base::Id from, to;
        if (!Admitted(c) || !edge(c, from, to)) continue;
        auto holds = Holds(c, w);
        if (!holds) continue;
        auto it = r.level.find(from);
        if (it != r.level.end() && it->second == round) {
          if (!r.level.count(to)) r.level[to] = round + 1;
        }
        auto ct = certain_dist.find(from);
        if (*holds == Certainty::kCertainly && ct != certain_dist.end() && ct->second == round &&
            !certain_dist.count(to)) {
          certain_dist[to] = round + 1;
        }
      }
    }
    for (const auto& [id, d] : certain_dist) r.certain.insert(id);
    return r;
  }
  template <class Edge>
  void Links(const Reached& r, int limit, const time::EdtfValue& w, Edge edge, bool forward,
             std::map<base::Id, EdgeRow>& out) const {
    for (const auto& c : claims_) {
      base::Id from, to;
      if (!Admitted(c) || !edge(c, from, to)) continue;
      auto holds = Holds(c, w);
      auto it = r.level.find(from);
      if (!holds || it == r.level.end() || it->second >= limit) continue;
      base::Id s = Root(c.subject), o = Root(*c.object);
      (void)forward;
      out.emplace(c.id, EdgeRow{s, o, Row(c, *holds)});
    }
  }

  ChainAnswer Chain(const base::Id& start, const time::EdtfValue& w, const ChainOptions& o) const {
    using knowledge::Predicate;
    ChainAnswer a;
    std::vector<std::pair<base::Id, Certainty>> seeds;
    base::Id root = Root(start);
    if (E(root).type == knowledge::EntityType::kPerson) {
      a.person = E(root);
      std::map<base::Id, Certainty> best;
      std::vector<base::Id> order;
      for (const auto& c : claims_) {
        if (!Admitted(c) || Root(c.subject) != root) continue;
        if (c.predicate != Predicate::kMemberOf && c.predicate != Predicate::kCommanderOf) continue;
        auto holds = Holds(c, w);
        if (!holds) continue;
        a.memberships.push_back(Row(c, *holds));
        base::Id u = Root(*c.object);
        if (!best.count(u)) best[u] = *holds;
        if (*holds == Certainty::kCertainly) best[u] = *holds;
      }
      for (const auto& [u, c] : best) seeds.emplace_back(u, c);
      std::sort(
          a.memberships.begin(), a.memberships.end(), [](const ClaimRow& x, const ClaimRow& y) {
            return Before(x.certainty, x.bounds, x.claim.id, y.certainty, y.bounds, y.claim.id);
          });
    } else {
      seeds.emplace_back(root, Certainty::kCertainly);
    }
    auto up = [&](const knowledge::Claim& c, base::Id& from, base::Id& to) {
      if (c.predicate != Predicate::kSubordinateTo) return false;
      from = Root(c.subject);
      to = Root(*c.object);
      return true;
    };
    auto down = [&](const knowledge::Claim& c, base::Id& from, base::Id& to) {
      if (c.predicate != Predicate::kSubordinateTo) return false;
      from = Root(*c.object);
      to = Root(c.subject);
      return true;
    };
    Reached ru = Relax(seeds, o.up_levels, w, up);
    Reached rd = Relax(seeds, o.down_levels, w, down);
    std::map<base::Id, ChainUnit> units;
    for (const auto& [id, c] : seeds) units[id] = ChainUnit{E(id), 0, c, {}};
    for (const auto& [id, l] : ru.level) {
      if (!units.count(id)) {
        units[id] = ChainUnit{
            E(id), l, ru.certain.count(id) ? Certainty::kCertainly : Certainty::kPossibly, {}};
      }
    }
    for (const auto& [id, l] : rd.level) {
      if (!units.count(id)) {
        units[id] = ChainUnit{
            E(id), -l, rd.certain.count(id) ? Certainty::kCertainly : Certainty::kPossibly, {}};
      }
    }
    for (auto& [id, u] : units) {
      u.commanders = WhoCommanded(id, w);
      a.units.push_back(u);
    }
    std::sort(a.units.begin(), a.units.end(), [](const ChainUnit& x, const ChainUnit& y) {
      return std::make_tuple(-x.level, x.certainty == Certainty::kCertainly ? 0 : 1, x.unit.id) <
             std::make_tuple(-y.level, y.certainty == Certainty::kCertainly ? 0 : 1, y.unit.id);
    });
    std::map<base::Id, EdgeRow> links;
    Links(ru, o.up_levels, w, up, true, links);
    Links(rd, o.down_levels, w, down, false, links);
    for (auto& [id, e] : links) a.links.push_back(e);
    std::sort(a.links.begin(), a.links.end(), [](const EdgeRow& x, const EdgeRow& y) {
      return std::tie(x.from, x.to, x.row.claim.id) < std::tie(y.from, y.to, y.row.claim.id);
    });
    return a;
  }

  AtPlaceAnswer AtPlace(const base::Id& place, const time::EdtfValue& w, int levels) const {
    using knowledge::EntityType;
    using knowledge::Predicate;
    auto sub = [&](const knowledge::Claim& c, base::Id& from, base::Id& to) {
      if (c.predicate != Predicate::kLocatedAt || !c.object) return false;
      if (E(Root(c.subject)).type != EntityType::kPlace) return false;
      from = Root(*c.object);
      to = Root(c.subject);
      return true;
    };
    Reached r = Relax({{Root(place), Certainty::kCertainly}}, levels, w, sub);
    AtPlaceAnswer a;
    for (const auto& [id, d] : r.level) {
      a.places.push_back(
          PlaceRow{E(id), d, r.certain.count(id) ? Certainty::kCertainly : Certainty::kPossibly});
    }
    std::sort(a.places.begin(), a.places.end(), [](const PlaceRow& x, const PlaceRow& y) {
      return std::make_tuple(x.depth, x.certainty == Certainty::kCertainly ? 0 : 1, x.place.id) <
             std::make_tuple(y.depth, y.certainty == Certainty::kCertainly ? 0 : 1, y.place.id);
    });
    std::map<base::Id, EdgeRow> links;
    Links(r, levels, w, sub, false, links);
    for (auto& [id, e] : links) a.place_links.push_back(e);
    std::sort(a.place_links.begin(), a.place_links.end(), [](const EdgeRow& x, const EdgeRow& y) {
      return std::tie(x.from, x.to, x.row.claim.id) < std::tie(y.from, y.to, y.row.claim.id);
    });
    for (const auto& c : claims_) {
      if (!Admitted(c) || !c.object || !r.level.count(Root(*c.object))) continue;
      auto holds = Holds(c, w);
      if (!holds) continue;
      const knowledge::Entity& s = E(Root(c.subject));
      bool unit_or_person = s.type == EntityType::kUnit || s.type == EntityType::kPerson;
      bool presence =
          (unit_or_person &&
           (c.predicate == Predicate::kLocatedAt || c.predicate == Predicate::kDeployedTo)) ||
          (s.type == EntityType::kEvent &&
           (c.predicate == Predicate::kOccurredAt || c.predicate == Predicate::kLocatedAt));
      if (!presence) continue;
      base::Id p = Root(*c.object);
      Certainty pc = r.certain.count(p) ? Certainty::kCertainly : Certainty::kPossibly;
      PresenceRow row{Row(c, *holds), s, p, Weakest(*holds, pc)};
      (s.type == EntityType::kUnit     ? a.units
       : s.type == EntityType::kPerson ? a.persons
                                       : a.events)
          .push_back(row);
    }
    for (auto* list : {&a.units, &a.persons, &a.events}) {
      std::sort(list->begin(), list->end(), [](const PresenceRow& x, const PresenceRow& y) {
        return Before(x.certainty, x.row.bounds, x.row.claim.id, y.certainty, y.row.bounds,
                      y.row.claim.id);
      });
    }
    return a;
  }

  std::vector<TimelineRow> Timeline(const base::Id& entity) const {
    base::Id root = Root(entity);
    std::vector<TimelineRow> rows;
    for (const auto& c : claims_) {
      if (!Admitted(c)) continue;
      bool as_subject = Root(c.subject) == root;
      bool as_object = c.object && Root(*c.object) == root;
      if (!as_subject && !as_object) continue;
      TimelineRow r;
      r.claim = c;
      r.bounds = BoundsOf(c);
      r.earliest = FormatDay(r.bounds.earliest);
      r.latest = FormatDay(r.bounds.latest);
      r.side = as_subject ? Side::kSubject : Side::kObject;
      if (!as_subject) {
        r.other = E(Root(c.subject));
      } else if (c.object) {
        r.other = E(Root(*c.object));
      }
      rows.push_back(r);
    }
    std::sort(rows.begin(), rows.end(), [](const TimelineRow& x, const TimelineRow& y) {
      return Before(Certainty::kCertainly, x.bounds, x.claim.id, Certainty::kCertainly, y.bounds,
                    y.claim.id);
    });
    return rows;
  }

  AboutAnswer About(const base::Id& entity) const {
    AboutAnswer a;
    base::Id root = Root(entity);
    a.entity = E(root);
    std::set<std::string> names{a.entity.name};
    for (const auto& al : a.entity.aliases) {
      if (names.insert(al.name).second) a.aliases.push_back(al);
    }
    for (const auto& e : entities_) {
      if (e.id == root || Root(e.id) != root) continue;
      a.members.push_back(e);
      if (names.insert(e.name).second) a.aliases.push_back({e.name, std::nullopt});
      for (const auto& al : e.aliases) {
        if (names.insert(al.name).second) a.aliases.push_back(al);
      }
    }
    std::vector<knowledge::Claim> claims;
    for (const auto& c : claims_) {
      if (Root(c.subject) == root || (c.object && Root(*c.object) == root)) claims.push_back(c);
    }
    std::sort(claims.begin(), claims.end(),
              [](const knowledge::Claim& x, const knowledge::Claim& y) {
                return Before(Certainty::kCertainly, BoundsOf(x), x.id, Certainty::kCertainly,
                              BoundsOf(y), y.id);
              });
    for (const auto& c : claims) {
      (c.status == knowledge::ClaimStatus::kAccepted    ? a.accepted
       : c.status == knowledge::ClaimStatus::kCandidate ? a.candidates
                                                        : a.rejected)
          .push_back(c);
    }
    return a;
  }

  const std::vector<knowledge::Entity>& entities() const { return entities_; }
  const std::vector<knowledge::Claim>& claims() const { return claims_; }
  const std::vector<store::SourceRecord>& sources() const { return sources_; }

 private:
  std::vector<knowledge::Entity> entities_;
  std::vector<knowledge::Claim> claims_;
  std::vector<store::SourceRecord> sources_;
  QueryOptions options_;
};

}  // namespace sijill::query::testing
