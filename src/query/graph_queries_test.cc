// Hand-written examples for Chain, AtPlace, Timeline and About, pinning the exact rows.
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "query/queries.h"
#include "query/testing/builder.h"

namespace sijill::query {
namespace {

using knowledge::Predicate;
using testing::Builder;
using testing::ClaimSpec;

Window W(std::string_view edtf) { return *ParseWindow(edtf); }

std::string N(const base::Id& id) {
  return "#" + std::to_string(id.bytes()[14] * 256 + id.bytes()[15]);
}

std::string Show(const ChainAnswer& a) {
  std::string out;
  for (const ClaimRow& m : a.memberships)
    out += "member " + N(m.claim.id) + " " + std::string(Name(m.certainty)) + "\n";
  for (const ChainUnit& u : a.units) {
    out += fmt::format("{} {} {}", u.level, u.unit.name, Name(u.certainty));
    for (const CommanderRow& c : u.commanders) {
      out += fmt::format(" [{} {}]", c.commander.name, Name(c.row.certainty));
    }
    out += "\n";
  }
  for (const EdgeRow& e : a.links) {
    out += fmt::format("link {} {}->{} {}\n", N(e.row.claim.id), N(e.from), N(e.to),
                       Name(e.row.certainty));
  }
  return out;
}

class ChainTest : public ::testing::Test {
 protected:
  Builder b;
  base::Id corps = b.Unit("3rd Corps");        // #1
  base::Id division = b.Unit("1st Division");  // #2
  base::Id brigade = b.Unit("76th Brigade");   // #3
  base::Id battalion = b.Unit("Battalion 9");  // #4
  base::Id ministry = b.Unit("Ministry");      // #5
  base::Id faisal = b.Person("Faisal");        // #6
};

TEST_F(ChainTest, UpAndDownWithPathCertainty) {
  auto l1 = b.Claim(brigade, Predicate::kSubordinateTo, division, {"2012"});
  auto l2 = b.Claim(division, Predicate::kSubordinateTo, corps, {"../2013"});
  auto l3 = b.Claim(corps, Predicate::kSubordinateTo, ministry, {"2010/2014"});
  auto l4 = b.Claim(battalion, Predicate::kSubordinateTo, brigade, {"2012-10"});
  b.Claim(faisal, Predicate::kCommanderOf, corps, {"2012"});
  b.Claim(brigade, Predicate::kSubordinateTo, ministry, {"2014"});  // not in the window
  Queries q(b.store);
  // The corps is reached through an open-started link: possibly, and so is the
  // ministry above it, however certain its own link.
  EXPECT_EQ(Show(*q.Chain(brigade, W("2012-10"))),
            "3 Ministry possibly\n"
            "2 3rd Corps possibly [Faisal certainly]\n"
            "1 1st Division certainly\n"
            "0 76th Brigade certainly\n"
            "-1 Battalion 9 certainly\n" +
                fmt::format("link {} #1->#5 certainly\nlink {} #2->#1 possibly\n"
                            "link {} #3->#2 certainly\nlink {} #4->#3 certainly\n",
                            N(l3), N(l2), N(l1), N(l4)));
  EXPECT_EQ(Show(*q.Chain(brigade, W("2012-10"), {1, 0})),
            "1 1st Division certainly\n0 76th Brigade certainly\n" +
                fmt::format("link {} #3->#2 certainly\n", N(l1)));
}

TEST_F(ChainTest, CyclesEndAndSeveralParentsShow) {
  b.Claim(brigade, Predicate::kSubordinateTo, division, {"2012"});
  b.Claim(brigade, Predicate::kSubordinateTo, ministry, {"2012"});
  b.Claim(division, Predicate::kSubordinateTo, brigade, {"2012"});  // a wrong claim: a cycle
  Queries q(b.store);
  EXPECT_EQ(Show(*q.Chain(brigade, W("2012-05"), {5, 5})).substr(0, 71),
            "1 1st Division certainly\n1 Ministry certainly\n0 76th Brigade certainly\n");
}

TEST_F(ChainTest, APersonStartsFromTheirUnits) {
  auto m = b.Claim(faisal, Predicate::kMemberOf, battalion, {"2012-09/2012-11"});
  b.Claim(battalion, Predicate::kSubordinateTo, brigade, {"2012"});
  Queries q(b.store);
  EXPECT_EQ(Show(*q.Chain(faisal, W("2012-10"), {1, 0})).substr(0, 69),
            "member " + N(m) + " certainly\n1 76th Brigade certainly\n0 Battalion 9 certainly\n");
  EXPECT_EQ(Show(*q.Chain(faisal, W("2013"))), "");
}

std::string Show(const AtPlaceAnswer& a) {
  std::string out;
  for (const PlaceRow& p : a.places) {
    out += fmt::format("place {} {} {}\n", p.place.name, p.depth, Name(p.certainty));
  }
  for (const auto* list : {&a.units, &a.persons, &a.events}) {
    for (const PresenceRow& r : *list) {
      out += fmt::format("{} {} at {} {} (claim {})\n", knowledge::Name(r.subject.type),
                         r.subject.name, N(r.place), Name(r.certainty), Name(r.row.certainty));
    }
  }
  return out;
}

TEST(AtPlaceTest, UnitsPersonsEventsAndSubPlaces) {
  Builder b;
  base::Id idlib = b.Place("Idlib");     // #1
  base::Id maarat = b.Place("Maarat");   // #2
  base::Id kafr = b.Place("Kafr Nabl");  // #3
  base::Id unit = b.Unit("76th Brigade");
  base::Id person = b.Person("Karim");
  base::Id massacre = b.Event("Massacre");
  b.Claim(maarat, Predicate::kLocatedAt, idlib, {});  // no time: possibly
  b.Claim(kafr, Predicate::kLocatedAt, maarat, {"2000/2020"});
  b.Claim(unit, Predicate::kDeployedTo, idlib, {"2012-09/2012-12"});
  b.Claim(person, Predicate::kLocatedAt, kafr, {"2012-10-03"});
  b.Claim(massacre, Predicate::kOccurredAt, maarat, {"2012-10-03"});
  b.Claim(unit, Predicate::kDeployedTo, idlib, {"2014"});  // outside the window
  Queries q(b.store);
  EXPECT_EQ(Show(*q.AtPlace(idlib, W("2012"), {AtPlaceOptions::kAllLevels})),
            "place Idlib 0 certainly\nplace Maarat 1 possibly\nplace Kafr Nabl 2 possibly\n"
            "unit 76th Brigade at #1 certainly (claim certainly)\n"
            "person Karim at #3 possibly (claim certainly)\n"
            "event Massacre at #2 possibly (claim certainly)\n");
  EXPECT_EQ(Show(*q.AtPlace(idlib, W("2012"), {0})),
            "place Idlib 0 certainly\nunit 76th Brigade at #1 certainly (claim certainly)\n");
  EXPECT_EQ(Show(*q.AtPlace(maarat, W("2012-10-03"), {1})),
            "place Maarat 0 certainly\nplace Kafr Nabl 1 certainly\n"
            "person Karim at #3 certainly (claim certainly)\n"
            "event Massacre at #2 certainly (claim certainly)\n");
  EXPECT_EQ(q.AtPlace(unit, W("2012")).error().message(),
            "entity " + unit.ToString() + ": at-place needs a place, not a unit");
}

TEST(TimelineTest, OrderedByEarliestUnknownLast) {
  Builder b;
  base::Id unit = b.Unit("76th Brigade");
  base::Id other = b.Unit("1st Division");
  base::Id person = b.Person("Faisal");
  auto c1 = b.Claim(unit, Predicate::kSubordinateTo, other, {"2012-03"});
  auto c2 = b.Claim(person, Predicate::kCommanderOf, unit, {"../2011-06"});
  auto c3 = b.Claim(person, Predicate::kMemberOf, unit, {});
  auto c4 = b.Claim(person, Predicate::kMemberOf, unit, {"2011-21"});
  b.Claim(person, Predicate::kMemberOf, other, {"2011"});  // not about the unit
  auto rows = *Queries(b.store).Timeline(unit);
  std::string out;
  for (const TimelineRow& r : rows) {
    out += fmt::format("{} {} to {} {} {}\n", N(r.claim.id), r.earliest, r.latest,
                       r.side == Side::kSubject ? "subject" : "object", r.other->name);
  }
  EXPECT_EQ(out, fmt::format("{} 2011-03-01 to 2011-05-31 object Faisal\n"
                             "{} 2012-03-01 to 2012-03-31 subject 1st Division\n"
                             "{} .. to 2011-06-30 object Faisal\n"
                             "{} .. to .. object Faisal\n",
                             N(c4), N(c1), N(c2), N(c3)));
}

TEST(AboutTest, GroupNamesAndClaimsByStatus) {
  Builder b;
  base::Id unit = b.Unit("1st Armored Division");
  base::Id alias = b.Unit("الفرقة الأولى");
  base::Id person = b.Person("Faisal");
  b.Merge(alias, unit);
  auto a = b.Claim(person, Predicate::kCommanderOf, alias, {"2012"});
  auto c = b.Claim(person, Predicate::kMemberOf, unit,
                   {"2011", std::nullopt, knowledge::ClaimStatus::kCandidate});
  auto r = b.Claim(person, Predicate::kMemberOf, unit,
                   {"2010", std::nullopt, knowledge::ClaimStatus::kRejected});
  AboutAnswer about = *Queries(b.store).About(alias);
  EXPECT_EQ(about.entity.id, unit);
  ASSERT_EQ(about.members.size(), 1u);
  EXPECT_EQ(about.members[0].id, alias);
  ASSERT_EQ(about.aliases.size(), 1u);
  EXPECT_EQ(about.aliases[0].name, "الفرقة الأولى");
  ASSERT_EQ(about.accepted.size(), 1u);
  EXPECT_EQ(about.accepted[0].id, a);
  ASSERT_EQ(about.candidates.size(), 1u);
  EXPECT_EQ(about.candidates[0].id, c);
  ASSERT_EQ(about.rejected.size(), 1u);
  EXPECT_EQ(about.rejected[0].id, r);
}

}  // namespace
}  // namespace sijill::query
