// Hand-written examples for Corroborate and FindContradictions.
#include "query/whole_base.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "query/testing/builder.h"

namespace sijill::query {
namespace {

using knowledge::Predicate;
using testing::Builder;
using testing::ClaimSpec;

std::string N(const base::Id& id) {
  return "#" + std::to_string(id.bytes()[14] * 256 + id.bytes()[15]);
}

WitnessOf Witnesses(const Builder& b) {
  return [&b](const base::Id& id) -> base::Result<std::optional<std::string>> {
    for (const auto& s : b.sources) {
      if (s.id == id) return s.witness;
    }
    return base::Error(base::Status::NotFound("source " + id.ToString()));
  };
}

std::string Show(const std::vector<CorroborationGroup>& groups) {
  std::string out;
  for (const CorroborationGroup& g : groups) {
    out += fmt::format("{} {} {}:", N(g.subject), knowledge::Name(g.predicate), N(*g.object));
    for (const base::Id& c : g.claims) out += " " + N(c);
    out += " |";
    for (const std::string& k : g.independent_keys) out += " " + k;
    out += "\n";
  }
  return out;
}

TEST(CorroborateTest, TwoArticlesQuotingOneWitnessAreOneSource) {
  Builder b;
  base::Id unit = b.Unit("76th Brigade");
  base::Id faisal = b.Person("Faisal");
  base::Id alias = b.Person("Abu Faisal");
  b.Merge(alias, faisal);
  base::Id article1 = b.Source("Abu Karam");
  base::Id article2 = b.Source("abu  karam");  // the same witness, spelled otherwise
  base::Id report = b.Source(std::nullopt);
  auto c1 = b.Claim(faisal, Predicate::kCommanderOf, unit,
                    {"2012", {}, knowledge::ClaimStatus::kAccepted, {article1}});
  auto c2 = b.Claim(alias, Predicate::kCommanderOf, unit,
                    {"2012-06", {}, knowledge::ClaimStatus::kAccepted, {article2}});
  EXPECT_EQ(Show(*Corroborate(b.store, Witnesses(b))), "");
  auto c3 = b.Claim(faisal, Predicate::kCommanderOf, unit,
                    {"2012-03", {}, knowledge::ClaimStatus::kAccepted, {report}});
  // A later claim from the same report, at a time no other claim shares, stands apart.
  b.Claim(faisal, Predicate::kCommanderOf, unit,
          {"2015", {}, knowledge::ClaimStatus::kAccepted, {report}});
  // A candidate does not corroborate.
  b.Claim(faisal, Predicate::kCommanderOf, unit,
          {"2012", {}, knowledge::ClaimStatus::kCandidate, {report}});
  EXPECT_EQ(Show(*Corroborate(b.store, Witnesses(b))),
            fmt::format("{} commander_of {}: {} {} {} | source:{} witness:abu karam\n", N(faisal),
                        N(unit), N(c1), N(c2), N(c3), report.ToString()));
}

std::string Show(const std::vector<Contradiction>& list) {
  std::string out;
  for (const Contradiction& c : list) {
    out += fmt::format("{} {} {} {} {}", Name(c.kind), Name(c.certainty), N(c.about), N(c.claim_a),
                       N(c.claim_b));
    if (c.distance_km) out += fmt::format(" {:.0f} km", *c.distance_km);
    if (c.side_a) out += fmt::format(" '{}' vs '{}'", *c.side_a, *c.side_b);
    out += "\n";
  }
  return out;
}

TEST(ContradictionsTest, TwoCommandersInOnePost) {
  Builder b;
  base::Id unit = b.Unit("76th Brigade");
  base::Id faisal = b.Person("Faisal");
  base::Id karim = b.Person("Karim");
  auto c1 = b.Claim(faisal, Predicate::kCommanderOf, unit, {"2012"});
  auto c2 = b.Claim(karim, Predicate::kCommanderOf, unit, {"2012-05", "Commander"});
  auto c3 = b.Claim(karim, Predicate::kCommanderOf, unit, {"../2011-12-31"});
  b.Claim(karim, Predicate::kCommanderOf, unit, {"2012", "deputy"});  // another post
  auto c5 = b.Claim(faisal, Predicate::kCommanderOf, unit, {"2011~"});
  EXPECT_EQ(Show(*FindContradictions(b.store)),
            fmt::format("two_commanders certainly {u} {a} {b}\n"
                        "two_commanders possibly {u} {c} {e}\n",
                        fmt::arg("u", N(unit)), fmt::arg("a", N(c1)), fmt::arg("b", N(c2)),
                        fmt::arg("c", N(c3)), fmt::arg("e", N(c5))));
}

TEST(ContradictionsTest, AUnitInTwoDistantPlacesOnACertainDay) {
  Builder b;
  base::Id unit = b.Unit("76th Brigade");
  base::Id damascus = b.Place("Damascus", 33.5138, 36.2765);
  base::Id aleppo = b.Place("Aleppo", 36.2021, 37.1343);
  base::Id douma = b.Place("Douma", 33.5711, 36.4023);  // 13 km from Damascus
  base::Id nowhere = b.Place("Unknown place");
  auto c1 = b.Claim(unit, Predicate::kLocatedAt, damascus, {"2012-03"});
  auto c2 = b.Claim(unit, Predicate::kDeployedTo, aleppo, {"2012-03-15"});
  b.Claim(unit, Predicate::kDeployedTo, douma, {"2012-03-16"});
  b.Claim(unit, Predicate::kDeployedTo, nowhere, {"2012-03-16"});
  b.Claim(unit, Predicate::kDeployedTo, aleppo, {"2012-03-20?"});  // no certain day
  EXPECT_EQ(Show(*FindContradictions(b.store)),
            fmt::format("distant_places certainly {} {} {} 309 km\n", N(unit), N(c1), N(c2)));
  EXPECT_EQ(Show(*FindContradictions(b.store, {Statuses::kAcceptedOnly, 400})), "");
}

TEST(ContradictionsTest, APersonOnTwoSidesWithInheritedSides) {
  Builder b;
  base::Id army = b.Unit("Army", "Government");
  base::Id brigade = b.Unit("76th Brigade");  // no side of its own: the army's
  base::Id fsa = b.Unit("Free Army", "opposition");
  base::Id other = b.Unit("Guards", "government");
  base::Id faisal = b.Person("Faisal");
  b.Claim(brigade, Predicate::kSubordinateTo, army, {"2010"});  // any time counts
  auto c1 = b.Claim(faisal, Predicate::kMemberOf, brigade, {"2012"});
  auto c2 = b.Claim(faisal, Predicate::kMemberOf, fsa, {"2012-06/2013"});
  b.Claim(faisal, Predicate::kMemberOf, other, {"2010"});  // the same side, another time
  auto c4 = b.Claim(faisal, Predicate::kCommanderOf, fsa, {"2012/.."});
  EXPECT_EQ(Show(*FindContradictions(b.store)),
            fmt::format("opposite_sides certainly {p} {a} {b} 'government' vs 'opposition'\n"
                        "opposite_sides possibly {p} {a} {d} 'government' vs 'opposition'\n",
                        fmt::arg("p", N(faisal)), fmt::arg("a", N(c1)), fmt::arg("b", N(c2)),
                        fmt::arg("d", N(c4))));
}

TEST(ContradictionsTest, Haversine) {
  EXPECT_NEAR(HaversineKm(33.5138, 36.2765, 36.2021, 37.1343), 308.998, 0.001);
  EXPECT_DOUBLE_EQ(HaversineKm(10, 20, 10, 20), 0.0);
}

}  // namespace
}  // namespace sijill::query
