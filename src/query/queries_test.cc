// Hand-written examples for each query, pinning the exact rows.
#include "query/queries.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "query/testing/builder.h"

namespace sijill::query {
namespace {

using knowledge::Predicate;
using testing::Builder;
using testing::ClaimSpec;

// Claim and entity ids of Builder are sequential: "#7" is the 7th id made.
std::string N(const base::Id& id) {
  return "#" + std::to_string(id.bytes()[14] * 256 + id.bytes()[15]);
}

std::string Show(const std::vector<CommanderRow>& rows) {
  std::string out;
  for (const CommanderRow& r : rows) {
    out += fmt::format("{} {} {} {} [{}..{}]", N(r.row.claim.id), Name(r.row.certainty),
                       r.commander.name, r.role, FormatDay(r.row.bounds.earliest),
                       FormatDay(r.row.bounds.latest));
    for (const base::Id& c : r.conflicts) out += " conflict " + N(c);
    out += "\n";
  }
  return out;
}

Window W(std::string_view edtf) { return *ParseWindow(edtf); }

class WhoCommandedTest : public ::testing::Test {
 protected:
  Builder b;
  base::Id division = b.Unit("1st Armored Division");
  base::Id faisal = b.Person("Faisal");
  base::Id karim = b.Person("Karim");
  base::Id samir = b.Person("Samir");
};

TEST_F(WhoCommandedTest, AnOpenStartIsPossiblyNeverCertainly) {
  auto c = b.Claim(faisal, Predicate::kCommanderOf, division, {"../2012-12-31"});
  Queries q(b.store);
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-06-01"))),
            N(c) + " possibly Faisal commander [....2012-12-31]\n");
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("1990"))),
            N(c) + " possibly Faisal commander [....2012-12-31]\n");
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2013-01-01"))), "");
  // Overlap, not containment: the year 2012 possibly overlaps, 2012/2013 too.
  EXPECT_EQ(q.WhoCommanded(division, W("2012/2013"))->size(), 1u);
}

TEST_F(WhoCommandedTest, AHandoverOnAKnownDay) {
  auto a = b.Claim(faisal, Predicate::kCommanderOf, division, {"2011-03/2012-08-15"});
  auto k = b.Claim(karim, Predicate::kCommanderOf, division, {"2012-08-16/2013"});
  Queries q(b.store);
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-08-15"))),
            N(a) + " certainly Faisal commander [2011-03-01..2012-08-15]\n");
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-08-16"))),
            N(k) + " certainly Karim commander [2012-08-16..2013-12-31]\n");
  // The month holds both, certainly, without a conflict: they share no day.
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-08"))),
            N(a) + " certainly Faisal commander [2011-03-01..2012-08-15]\n" + N(k) +
                " certainly Karim commander [2012-08-16..2013-12-31]\n");
}

TEST_F(WhoCommandedTest, TwoCommandersOnOneDayAreBothFlagged) {
  auto a = b.Claim(faisal, Predicate::kCommanderOf, division, {"2012-11-01"});
  auto k = b.Claim(karim, Predicate::kCommanderOf, division, {"2012-11", "Commander"});
  auto o = b.Claim(karim, Predicate::kCommanderOf, division, {"2012-10-31/2012-11-01?"});
  auto d = b.Claim(samir, Predicate::kCommanderOf, division, {"2012-11-01", "deputy"});
  auto u = b.Claim(samir, Predicate::kCommanderOf, division, {std::nullopt});
  Queries q(b.store);
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-11-01"))),
            // A month covers its days certainly; a qualified end only possibly, so the
            // second claim about Karim holds possibly and conflicts with no one.
            N(a) + " certainly Faisal commander [2012-11-01..2012-11-01] conflict " + N(k) + "\n" +
                N(d) + " certainly Samir deputy [2012-11-01..2012-11-01]\n" + N(k) +
                " certainly Karim Commander [2012-11-01..2012-11-30] conflict " + N(a) + "\n" +
                N(o) + " possibly Karim commander [2012-10-31..2012-11-01]\n" + N(u) +
                " possibly Samir commander [......]\n");
}

TEST_F(WhoCommandedTest, QualifiedDatesAreNeverCertain) {
  auto a = b.Claim(faisal, Predicate::kCommanderOf, division, {"2012-11~"});
  Queries q(b.store);
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-11-05"))),
            N(a) + " possibly Faisal commander [2012-11-01..2012-11-30]\n");
}

TEST_F(WhoCommandedTest, CandidatesOnlyWhenAskedRejectedNever) {
  auto c = b.Claim(faisal, Predicate::kCommanderOf, division,
                   {"2012", std::nullopt, knowledge::ClaimStatus::kCandidate});
  b.Claim(karim, Predicate::kCommanderOf, division,
          {"2012", std::nullopt, knowledge::ClaimStatus::kRejected});
  EXPECT_EQ(Show(*Queries(b.store).WhoCommanded(division, W("2012-05"))), "");
  auto rows = *Queries(b.store, {Statuses::kWithCandidates}).WhoCommanded(division, W("2012-05"));
  EXPECT_EQ(Show(rows), N(c) + " certainly Faisal commander [2012-01-01..2012-12-31]\n");
  EXPECT_EQ(rows[0].row.claim.status, knowledge::ClaimStatus::kCandidate);
}

TEST_F(WhoCommandedTest, MergeGroupsAnswerForTheirRoot) {
  base::Id alias_unit = b.Unit("1st Division");
  base::Id alias_person = b.Person("Abu Faisal");
  auto c = b.Claim(alias_person, Predicate::kCommanderOf, alias_unit, {"2012"});
  b.Merge(alias_unit, division);
  b.Merge(alias_person, faisal);
  Queries q(b.store);
  EXPECT_EQ(Show(*q.WhoCommanded(division, W("2012-05"))),
            N(c) + " certainly Faisal commander [2012-01-01..2012-12-31]\n");
  EXPECT_EQ(Show(*q.WhoCommanded(alias_unit, W("2012-05"))),
            N(c) + " certainly Faisal commander [2012-01-01..2012-12-31]\n");
}

TEST_F(WhoCommandedTest, WrongTypeAndMissingEntity) {
  Queries q(b.store);
  auto r = q.WhoCommanded(faisal, W("2012"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(r.error().message(),
            "entity " + faisal.ToString() + ": who-commanded needs a unit, not a person");
  EXPECT_EQ(q.WhoCommanded(b.NextId(), W("2012")).error().code(), base::StatusCode::kNotFound);
  EXPECT_EQ(ParseWindow("2012-13").error().message(), "2012-13: month 13 is out of range (01-12)");
}

}  // namespace
}  // namespace sijill::query
