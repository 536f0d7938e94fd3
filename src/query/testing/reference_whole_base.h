// The brute-force reference of the whole-base passes (whole_base.h): every pair of
// claims compared, groups joined by union-find over pairs, sides by fixpoint iteration.
#pragma once

#include <map>
#include <numeric>
#include <set>
#include <string>
#include <vector>

#include "query/testing/reference.h"

namespace sijill::query::testing {

inline std::vector<CorroborationGroup> ReferenceCorroborate(const Reference& ref) {
  const auto& claims = ref.claims();
  auto witness = [&](const base::Id& source) -> std::optional<std::string> {
    for (const auto& s : ref.sources()) {
      if (s.id == source) return s.witness;
    }
    std::abort();
  };
  std::vector<size_t> accepted;
  for (size_t i = 0; i < claims.size(); ++i) {
    if (claims[i].status == knowledge::ClaimStatus::kAccepted) accepted.push_back(i);
  }
  auto same_key = [&](const knowledge::Claim& a, const knowledge::Claim& b) {
    if (ref.Root(a.subject) != ref.Root(b.subject) || a.predicate != b.predicate) return false;
    if (a.object.has_value() != b.object.has_value()) return false;
    if (a.object) return ref.Root(*a.object) == ref.Root(*b.object);
    return knowledge::NameKey(*a.object_text) == knowledge::NameKey(*b.object_text);
  };
  std::vector<size_t> parent(claims.size());
  std::iota(parent.begin(), parent.end(), 0);
  std::function<size_t(size_t)> find = [&](size_t x) {
    return parent[x] == x ? x : parent[x] = find(parent[x]);
  };
  for (size_t i : accepted) {
    for (size_t j : accepted) {
      if (i < j && same_key(claims[i], claims[j]) &&
          Reference::Overlap(claims[i], claims[j]) != time::Answer::kNo) {
        parent[find(i)] = find(j);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> components;
  for (size_t i : accepted) components[find(i)].push_back(i);
  std::vector<CorroborationGroup> out;
  for (const auto& [root, members] : components) {
    std::set<std::string> keys;
    std::vector<base::Id> ids;
    for (size_t i : members) {
      ids.push_back(claims[i].id);
      for (const auto& c : claims[i].citations)
        keys.insert(IndependenceKey(c.source, witness(c.source)));
    }
    if (keys.size() < 2) continue;
    std::sort(ids.begin(), ids.end());
    const knowledge::Claim& c = claims[members.front()];
    CorroborationGroup g{ref.Root(c.subject), c.predicate, std::nullopt,
                         std::nullopt,        ids,         {keys.begin(), keys.end()}};
    if (c.object) {
      g.object = ref.Root(*c.object);
    } else {
      g.object_key = knowledge::NameKey(*c.object_text);
    }
    out.push_back(g);
  }
  std::sort(out.begin(), out.end(), [](const CorroborationGroup& a, const CorroborationGroup& b) {
    return std::tie(a.subject, a.predicate, a.object, a.object_key, a.claims.front()) <
           std::tie(b.subject, b.predicate, b.object, b.object_key, b.claims.front());
  });
  return out;
}

inline std::vector<Contradiction> ReferenceContradictions(const Reference& ref,
                                                          double min_km = 50) {
  using knowledge::EntityType;
  using knowledge::Predicate;
  std::vector<knowledge::Claim> claims;
  for (const auto& c : ref.claims()) {
    if (ref.Admitted(c)) claims.push_back(c);
  }
  // Sides by fixpoint: own sides, else the union of the parents' sides.
  std::map<base::Id, std::set<std::string>> own, sides;
  for (const auto& e : ref.entities()) {
    if (e.side) own[ref.Root(e.id)].insert(knowledge::NameKey(*e.side));
  }
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& e : ref.entities()) {
      base::Id u = ref.Root(e.id);
      if (e.type != EntityType::kUnit || u != e.id) continue;
      std::set<std::string> s = own[u];
      if (s.empty()) {
        for (const auto& c : claims) {
          if (c.predicate == Predicate::kSubordinateTo && ref.Root(c.subject) == u) {
            const auto& p = sides[ref.Root(*c.object)];
            s.insert(p.begin(), p.end());
          }
        }
      }
      if (s != sides[u]) {
        sides[u] = s;
        changed = true;
      }
    }
  }
  auto join = [](const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : ", ") + x;
    return out;
  };
  std::vector<Contradiction> out;
  for (size_t i = 0; i < claims.size(); ++i) {
    for (size_t j = 0; j < claims.size(); ++j) {
      const knowledge::Claim& a = claims[i];
      const knowledge::Claim& b = claims[j];
      if (!(a.id < b.id) || !a.object || !b.object) continue;
      time::Answer overlap = Reference::Overlap(a, b);
      Contradiction x;
      x.claim_a = a.id;
      x.claim_b = b.id;
      x.certainty =
          overlap == time::Answer::kCertainly ? Certainty::kCertainly : Certainty::kPossibly;
      base::Id sa = ref.Root(a.subject), sb = ref.Root(b.subject);
      base::Id oa = ref.Root(*a.object), ob = ref.Root(*b.object);
      if (a.predicate == Predicate::kCommanderOf && b.predicate == Predicate::kCommanderOf &&
          oa == ob && sa != sb &&
          knowledge::NameKey(a.role.value_or("commander")) ==
              knowledge::NameKey(b.role.value_or("commander")) &&
          overlap != time::Answer::kNo) {
        x.kind = ContradictionKind::kTwoCommanders;
        x.about = oa;
        out.push_back(x);
      }
      auto placement = [](Predicate p) {
        return p == Predicate::kLocatedAt || p == Predicate::kDeployedTo;
      };
      if (placement(a.predicate) && placement(b.predicate) && sa == sb &&
          ref.E(sa).type == EntityType::kUnit && oa != ob && ref.E(oa).type == EntityType::kPlace &&
          ref.E(ob).type == EntityType::kPlace && ref.E(oa).latitude && ref.E(ob).latitude) {
        time::Bounds ba = Reference::BoundsOf(a), bb = Reference::BoundsOf(b);
        double km = HaversineKm(*ref.E(oa).latitude, *ref.E(oa).longitude, *ref.E(ob).latitude,
                                *ref.E(ob).longitude);
        if (ba.certain_first && bb.certain_first &&
            std::max(*ba.certain_first, *bb.certain_first) <=
                std::min(*ba.certain_last, *bb.certain_last) &&
            km > min_km) {
          Contradiction d = x;
          d.kind = ContradictionKind::kDistantPlaces;
          d.certainty = Certainty::kCertainly;
          d.about = sa;
          d.distance_km = km;
          out.push_back(d);
        }
      }
      auto membership = [](Predicate p) {
        return p == Predicate::kMemberOf || p == Predicate::kCommanderOf;
      };
      if (membership(a.predicate) && membership(b.predicate) && sa == sb &&
          ref.E(sa).type == EntityType::kPerson && overlap != time::Answer::kNo) {
        const auto& s1 = sides[oa];
        const auto& s2 = sides[ob];
        bool disjoint = !s1.empty() && !s2.empty();
        for (const auto& s : s1) disjoint &= !s2.count(s);
        if (disjoint) {
          Contradiction d = x;
          d.kind = ContradictionKind::kOppositeSides;
          d.about = sa;
          d.side_a = join(s1);
          d.side_b = join(s2);
          out.push_back(d);
        }
      }
    }
  }
  std::sort(out.begin(), out.end(), [](const Contradiction& a, const Contradiction& b) {
    auto rank = [](const Contradiction& c) { return c.certainty == Certainty::kCertainly ? 0 : 1; };
    return std::make_tuple(a.kind, rank(a), a.about, a.claim_a, a.claim_b) <
           std::make_tuple(b.kind, rank(b), b.about, b.claim_a, b.claim_b);
  });
  return out;
}

}  // namespace sijill::query::testing
