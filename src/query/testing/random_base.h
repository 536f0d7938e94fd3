// Random knowledge bases for the model-based test: units in a random hierarchy (cycles
// and several parents included), persons, places with and without coordinates, events,
// some entities merged into others, claims with random EDTF times, statuses, roles and
// citations of sources with random witnesses. Deterministic for a seed.
#pragma once

#include <fmt/format.h>

#include <array>
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "knowledge/model.h"
#include "store/records.h"
#include "time/edtf.h"

namespace sijill::query::testing {

struct RandomBase {
  std::vector<store::SourceRecord> sources;
  std::vector<knowledge::Entity> entities;  // merge targets come before what merges into them
  std::vector<knowledge::Claim> claims;
};

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) {}

  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool Chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <class T>
  const T& Pick(const std::vector<T>& v) {
    return v[Uniform(0, static_cast<int>(v.size()) - 1)];
  }

  // Ids from the generator, so a seed gives the same base (and order) every run.
  base::Id NextId() {
    std::array<uint8_t, 16> bytes{};
    for (auto& b : bytes) b = static_cast<uint8_t>(Uniform(0, 255));
    return base::Id::FromBytes(bytes);
  }

  // A date between 2010 and 2014 at year, month or day precision.
  std::string Date() {
    int year = Uniform(2010, 2014);
    switch (Uniform(0, 2)) {
      case 0:
        return fmt::format("{}", year);
      case 1:
        return fmt::format("{}-{:02}", year, Uniform(1, 12));
      default:
        return fmt::format("{}-{:02}-{:02}", year, Uniform(1, 12), Uniform(1, 28));
    }
  }
  std::string Qualified(std::string date) {
    switch (Uniform(0, 7)) {
      case 0:
        return date + "?";
      case 1:
        return date + "~";
      case 2:
        return date + "%";
      default:
        return date;
    }
  }
  // Two dates in order (compared as text, which orders these forms except for prefixes,
  // where the interval is still valid: "2012/2012-05" is a valid interval).
  std::pair<std::string, std::string> Ordered() {
    std::string a = Date(), b = Date();
    if (b.substr(0, 4) < a.substr(0, 4) || (b.substr(0, 4) == a.substr(0, 4) && b < a)) {
      std::swap(a, b);
    }
    if (a.size() > b.size() && a.substr(0, b.size()) == b) std::swap(a, b);
    return {a, b};
  }
  // Any EDTF form testimonies use: dates, seasons, intervals with open and unknown ends,
  // qualifiers, one-of sets.
  std::string Edtf() {
    for (;;) {
      auto value = time::ParseEdtf(RawEdtf());
      if (value) return time::ToString(*value);
    }
  }
  std::string RawEdtf() {
    switch (Uniform(0, 9)) {
      case 0:
      case 1:
        return Qualified(Date());
      case 2:
        return fmt::format("{}-{}", Uniform(2010, 2014), Uniform(21, 24));
      case 3:
        return "../" + Qualified(Date());
      case 4:
        return Qualified(Date()) + "/..";
      case 5:
        return Chance(0.5) ? "/" + Date() : Date() + "/";
      case 6: {
        auto [a, b] = Ordered();
        return "[" + a + "," + b + "]";
      }
      default: {
        auto [a, b] = Ordered();
        return Qualified(a) + "/" + Qualified(b);
      }
    }
  }

 private:
  std::mt19937_64 rng_;
};

struct BaseShape {
  int units = 10, persons = 10, places = 7, events = 4, sources = 6;
  int claims = 120;
  bool literal_objects = true;  // some claims with a text object instead of an entity
};

inline RandomBase MakeRandomBase(Generator& g, const BaseShape& shape) {
  using knowledge::EntityType;
  using knowledge::Predicate;
  RandomBase base;
  const std::vector<std::optional<std::string>> witnesses = {std::nullopt, "Abu Karam",
                                                             "abu  karam", "Witness 2", "W3"};
  for (int i = 0; i < shape.sources; ++i) {
    store::SourceRecord s;
    s.id = g.NextId();
    s.witness = g.Pick(witnesses);
    s.title = fmt::format("source {}", i);
    base.sources.push_back(s);
  }
  std::vector<std::vector<base::Id>> by_type(4);
  const std::vector<std::optional<std::string>> sides = {std::nullopt, std::nullopt, "government",
                                                         "Government", "opposition", "ISIS"};
  auto add_entities = [&](EntityType type, int n) {
    for (int i = 0; i < n; ++i) {
      knowledge::Entity e;
      e.id = g.NextId();
      e.type = type;
      e.name = fmt::format("{} {}", knowledge::Name(type), i);
      if (g.Chance(0.3))
        e.aliases.push_back({fmt::format("alias of {} {}", knowledge::Name(type), i), {}});
      if (type == EntityType::kUnit) e.side = g.Pick(sides);
      if (type == EntityType::kPlace && g.Chance(0.8)) {
        // About 0..450 km apart, so some pairs are near (< 50 km) and some far.
        e.latitude = 33.0 + g.Uniform(0, 3000) / 1000.0;
        e.longitude = 36.0 + g.Uniform(0, 3000) / 1000.0;
      }
      auto& same = by_type[static_cast<int>(type)];
      if (!same.empty() && g.Chance(0.15)) e.merged_into = g.Pick(same);
      same.push_back(e.id);
      e.created_by = "test";
      e.created_at = "2025-01-01T00:00:00Z";
      base.entities.push_back(std::move(e));
    }
  };
  add_entities(EntityType::kUnit, shape.units);
  add_entities(EntityType::kPerson, shape.persons);
  add_entities(EntityType::kPlace, shape.places);
  add_entities(EntityType::kEvent, shape.events);
  auto of = [&](EntityType t) { return g.Pick(by_type[static_cast<int>(t)]); };
  const std::vector<std::optional<std::string>> roles = {std::nullopt, "commander", "Commander",
                                                         "deputy", "chief of staff"};
  for (int i = 0; i < shape.claims; ++i) {
    knowledge::Claim c;
    c.id = g.NextId();
    switch (g.Uniform(0, 9)) {
      case 0:
      case 1:
        c.predicate = Predicate::kCommanderOf;
        c.subject = of(EntityType::kPerson);
        c.object = of(EntityType::kUnit);
        c.role = g.Pick(roles);
        break;
      case 2:
        c.predicate = Predicate::kMemberOf;
        c.subject = of(EntityType::kPerson);
        c.object = of(EntityType::kUnit);
        if (g.Chance(0.5)) c.rank = "colonel";
        break;
      case 3:
      case 4:
        c.predicate = Predicate::kSubordinateTo;
        c.subject = of(EntityType::kUnit);
        c.object = of(EntityType::kUnit);
        break;
      case 5:
        c.predicate = Predicate::kLocatedAt;
        c.subject = of(g.Pick(std::vector<EntityType>{EntityType::kUnit, EntityType::kPerson,
                                                      EntityType::kPlace, EntityType::kEvent}));
        c.object = of(EntityType::kPlace);
        break;
      case 6:
        c.predicate = Predicate::kDeployedTo;
        c.subject = of(g.Chance(0.7) ? EntityType::kUnit : EntityType::kPerson);
        c.object = of(g.Chance(0.85) ? EntityType::kPlace : EntityType::kEvent);
        break;
      case 7:
        c.predicate = Predicate::kOccurredAt;
        c.subject = of(EntityType::kEvent);
        c.object = of(EntityType::kPlace);
        break;
      default:
        c.predicate = Predicate::kParticipatedIn;
        c.subject = of(EntityType::kPerson);
        if (shape.literal_objects && g.Chance(0.5)) {
          c.object_text = g.Chance(0.5) ? "The Massacre" : "the  massacre.";
        } else {
          c.object = of(EntityType::kEvent);
        }
        break;
    }
    if (!g.Chance(0.12)) c.time = g.Edtf();
    int status = g.Uniform(0, 9);
    c.status = status < 7   ? knowledge::ClaimStatus::kAccepted
               : status < 9 ? knowledge::ClaimStatus::kCandidate
                            : knowledge::ClaimStatus::kRejected;
    int citations = g.Uniform(1, 2);
    for (int k = 0; k < citations; ++k) {
      const store::SourceRecord& s = g.Pick(base.sources);
      c.citations.push_back({s.id, 0, 0, 5, "quote"});
    }
    c.created_by = "test";
    c.created_at = "2025-01-01T00:00:00Z";
    base.claims.push_back(std::move(c));
  }
  return base;
}

}  // namespace sijill::query::testing
