#include "eval/score.h"

#include <gtest/gtest.h>

#include "eval/misses.h"

namespace sijill::eval {
namespace {

using knowledge::ClaimStatus;
using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;

time::EdtfValue V(std::string_view edtf) { return *time::ParseEdtf(edtf); }
DayRange R(std::string_view edtf) { return *RangeOfEdtf(edtf); }

GoldEntity G(EntityType type, std::string canonical, std::vector<std::string> mentions = {}) {
  return {"", type, std::move(canonical), std::move(mentions), false};
}

TEST(ScoreEntities, MatchesOnAnyNormalizedNameOfTheSameType) {
  Gold gold;
  gold.entities = {G(EntityType::kPerson, "Ghassan Haidar", {"Brigadier General Ghassan Haidar"}),
                   G(EntityType::kUnit, "47th Brigade", {"the 47th “Hawks” Brigade"}),
                   G(EntityType::kPlace, "Hama")};
  Predictions p;
  p.entities = {{EntityType::kUnit, "47th Hawks Brigade", {}},   // a gold mention
                {EntityType::kPerson, "X", {"GHASSAN HAIDAR"}},  // a predicted mention
                {EntityType::kPerson, "Hama", {}}};              // wrong type
  EntityScore s = ScoreEntities(gold, p);
  EXPECT_EQ(s.match, (std::vector<int64_t>{1, 0, -1}));
  const auto& person = s.by_type[static_cast<size_t>(EntityType::kPerson)];
  EXPECT_EQ(person.gold, 1u);
  EXPECT_EQ(person.predicted, 2u);
  EXPECT_EQ(person.matched, 1u);
  const auto& place = s.by_type[static_cast<size_t>(EntityType::kPlace)];
  EXPECT_EQ(place.gold, 1u);
  EXPECT_EQ(place.predicted, 0u);
  EXPECT_EQ(s.overall.gold, 3u);
  EXPECT_EQ(s.overall.predicted, 3u);
  EXPECT_EQ(s.overall.matched, 2u);
  EXPECT_DOUBLE_EQ(s.overall.Precision(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.overall.Recall(), 2.0 / 3);
  EXPECT_DOUBLE_EQ(s.overall.F1(), 2.0 / 3);
}

TEST(ScoreEntities, OneToOneGreedyInGoldOrder) {
  Gold gold;
  // Both gold persons share the name "Haidar"; the first in gold order takes the first
  // predicted entity that fits, and one predicted entity matches at most once.
  gold.entities = {G(EntityType::kPerson, "Ghassan Haidar", {"Haidar"}),
                   G(EntityType::kPerson, "Ali Haidar", {"Haidar"})};
  Predictions p;
  p.entities = {{EntityType::kPerson, "Haidar", {}}};
  EntityScore s = ScoreEntities(gold, p);
  EXPECT_EQ(s.match, (std::vector<int64_t>{0, -1}));
  EXPECT_EQ(s.overall.matched, 1u);
  p.entities.push_back({EntityType::kPerson, "Ali Haidar", {}});
  s = ScoreEntities(gold, p);
  EXPECT_EQ(s.match, (std::vector<int64_t>{0, 1}));
}

TEST(MatchCounts, ZeroDenominatorsGiveZero) {
  MatchCounts c;
  EXPECT_EQ(c.Precision(), 0);
  EXPECT_EQ(c.Recall(), 0);
  EXPECT_EQ(c.F1(), 0);
}

TEST(DayJaccard, OpenEndsAreTheDocumentsSpan) {
  time::Day doc = time::DayFromCivil(2024, 5, 12);
  EXPECT_DOUBLE_EQ(DayJaccard(R("2012"), R("2012"), doc), 1.0);
  // The year 2012 against its first half: 182 of 366 days.
  EXPECT_DOUBLE_EQ(DayJaccard(R("2012"), R("2012-01/2012-06"), doc), 182.0 / 366);
  // "../2013": from 1900-01-01; "2013/..": to the document date.
  EXPECT_DOUBLE_EQ(DayJaccard(R("../2013"), R("1900-01-01/2013-12-31"), doc), 1.0);
  EXPECT_DOUBLE_EQ(DayJaccard(R("2013/.."), R("2013-01-01/2024-05-12"), doc), 1.0);
  EXPECT_LT(DayJaccard(R("2013/.."), R("2013"), doc), 0.5);
  EXPECT_DOUBLE_EQ(DayJaccard(R("2012"), R("2014"), doc), 0.0);
}

TEST(ScoreDates, FoundOnTheFirstOccurrenceNormalizedOnJaccard) {
  Gold gold;
  gold.dates = {{"March 2013", "2013-03", R("2013-03")},
                {"in 2012", "2012", R("2012")},
                {"never", "2001", R("2001")}};
  //                  0123456789012345678901234567890123456789
  std::string body = "In March 2013 they left; in 2012 and in 2012 again.";
  Predictions p;
  p.dates = {{3, 13, V("2013")},    // overlaps "March 2013", but a whole year: Jaccard 31/365
             {39, 44, V("2012")}};  // the second "in 2012": not the first occurrence
  time::Day doc = time::DayFromCivil(2024, 1, 1);
  DateScore s = ScoreDates(gold, p, body, doc);
  EXPECT_EQ(s.gold, 3u);
  EXPECT_EQ(s.found, 1u);
  EXPECT_EQ(s.normalized, 0u);
  p.dates.push_back({5, 8, V("2013-03")});    // a partial overlap is enough
  p.dates.push_back({28, 32, std::nullopt});  // found, value unknown
  s = ScoreDates(gold, p, body, doc);
  EXPECT_EQ(s.found, 2u);
  EXPECT_EQ(s.normalized, 1u);
}

TEST(ScoreDates, SpansCountCodePoints) {
  Gold gold;
  gold.dates = {{"عام 2012", "2012", R("2012")}};
  std::string body = "في عام 2012";
  Predictions p;
  p.dates = {{7, 11, V("2012")}};  // the digits, in code points (bytes would be 10..14)
  DateScore s = ScoreDates(gold, p, body, time::DayFromCivil(2024, 1, 1));
  EXPECT_EQ(s.found, 1u);
  EXPECT_EQ(s.normalized, 1u);
}

TEST(TimesCompatible, NullOrOverlappingBounds) {
  EXPECT_TRUE(TimesCompatible(std::nullopt, R("2012")));
  EXPECT_TRUE(TimesCompatible(R("2012"), std::nullopt));
  EXPECT_TRUE(TimesCompatible(R("2012-01/2013-03"), R("2013")));
  EXPECT_FALSE(TimesCompatible(R("2012-01/2012-12"), R("2013")));
  EXPECT_TRUE(TimesCompatible(R("2012/.."), R("2020")));  // an open end is unbounded
  EXPECT_FALSE(TimesCompatible(R("../2011"), R("2012")));
}

// Gold: p1 commander_of u1 in 2012; p1 located_at literal "Hama".
Gold ClaimGold() {
  Gold gold;
  gold.entities = {G(EntityType::kPerson, "Haidar"), G(EntityType::kUnit, "47th Brigade")};
  GoldClaim c{0, Predicate::kCommanderOf, {1, ""}, {}, {}, R("2012"), Evidence::kFirstHand, ""};
  GoldClaim lit{0,  Predicate::kLocatedAt, {std::nullopt, "Hama"}, {},
                {}, std::nullopt,          Evidence::kHearsay,     ""};
  gold.claims = {c, lit};
  return gold;
}

Predictions ClaimPredictions() {
  Predictions p;
  p.entities = {{EntityType::kUnit, "47th Brigade", {}}, {EntityType::kPerson, "Haidar", {}}};
  return p;
}

TEST(ScoreClaims, PredicateEntitiesAndTimeMustAgree) {
  Gold gold = ClaimGold();
  Predictions p = ClaimPredictions();
  // Predicted entity indexes: unit 0, person 1.
  p.claims = {{1,
               Predicate::kMemberOf,
               {0, ""},
               R("2012"),
               Evidence::kFirstHand,
               ClaimStatus::kCandidate},  // wrong predicate
              {0,
               Predicate::kCommanderOf,
               {1, ""},
               R("2012"),
               Evidence::kFirstHand,
               ClaimStatus::kCandidate},  // subject and object swapped
              {1,
               Predicate::kCommanderOf,
               {0, ""},
               R("2014"),
               Evidence::kFirstHand,
               ClaimStatus::kCandidate},  // time incompatible
              {1,
               Predicate::kCommanderOf,
               {0, ""},
               R("2012-06/2013"),
               Evidence::kHearsay,
               ClaimStatus::kAccepted},  // matches; evidence differs
              {1,
               Predicate::kLocatedAt,
               {std::nullopt, "the “Hama”"},
               std::nullopt,
               Evidence::kHearsay,
               ClaimStatus::kCandidate}};  // literal, normalized equal
  Score s = ScoreFile(gold, p, "");
  EXPECT_EQ(s.claims.counts.gold, 2u);
  EXPECT_EQ(s.claims.counts.predicted, 5u);
  EXPECT_EQ(s.claims.counts.matched, 2u);
  EXPECT_EQ(s.claims.evidence_agreed, 1u);
  // Posts: only the gold commander_of (person -> unit) and the three predicted person ->
  // unit commander_of/member_of claims count; the swapped and the literal claims do not.
  EXPECT_EQ(s.posts.counts.gold, 1u);
  EXPECT_EQ(s.posts.counts.predicted, 3u);
  EXPECT_EQ(s.posts.counts.matched, 1u);
}

TEST(ScoreClaims, RejectedClaimsAreIgnoredAndMatchOnce) {
  Gold gold = ClaimGold();
  Predictions p = ClaimPredictions();
  PredictedClaim good{1,
                      Predicate::kCommanderOf,
                      {0, ""},
                      std::nullopt,
                      Evidence::kFirstHand,
                      ClaimStatus::kRejected};
  p.claims = {good};
  Score s = ScoreFile(gold, p, "");
  EXPECT_EQ(s.claims.counts.predicted, 0u);
  EXPECT_EQ(s.claims.counts.matched, 0u);
  good.status = ClaimStatus::kCandidate;
  p.claims = {good, good};  // a duplicate matches once
  s = ScoreFile(gold, p, "");
  EXPECT_EQ(s.claims.counts.predicted, 2u);
  EXPECT_EQ(s.claims.counts.matched, 1u);
  EXPECT_DOUBLE_EQ(s.claims.counts.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.claims.counts.Recall(), 0.5);
}

TEST(ScoreClaims, UnmatchedSubjectEntityMatchesNothing) {
  Gold gold = ClaimGold();
  Predictions p;
  p.entities = {{EntityType::kUnit, "47th Brigade", {}}, {EntityType::kPerson, "Someone", {}}};
  p.claims = {{1,
               Predicate::kCommanderOf,
               {0, ""},
               std::nullopt,
               Evidence::kFirstHand,
               ClaimStatus::kCandidate}};
  EXPECT_EQ(ScoreFile(gold, p, "").claims.counts.matched, 0u);
}

TEST(Score, SumsOverFiles) {
  Score a, b;
  a.files = 1, a.entities = {2, 3, 1}, a.dates = {4, 3, 2};
  b.files = 1, b.entities = {1, 1, 1}, b.dates = {1, 1, 1};
  a += b;
  EXPECT_EQ(a.files, 2u);
  EXPECT_EQ(a.entities.matched, 2u);
  EXPECT_DOUBLE_EQ(a.entities.Precision(), 0.5);
  EXPECT_EQ(a.dates.normalized, 3u);
}

}  // namespace
}  // namespace sijill::eval

namespace sijill::eval {
namespace {

TEST(FindMisses, ListsWhatMatchedNothingOnEitherSide) {
  Gold gold = ClaimGold();
  gold.source = "t.txt";
  gold.claims[0].quote = "Haidar commanded the 47th";
  Predictions p = ClaimPredictions();
  p.entities.push_back({EntityType::kPlace, "Jobar", {"جوبر"}});
  p.claims = {{1,
               Predicate::kCommanderOf,
               {0, ""},
               R("2012"),
               Evidence::kFirstHand,
               ClaimStatus::kCandidate},
              {1,
               Predicate::kMemberOf,
               {0, ""},
               std::nullopt,
               Evidence::kHearsay,
               ClaimStatus::kCandidate}};
  EntityScore entities = ScoreEntities(gold, p);
  Misses m = FindMisses(gold, p, entities, ScoreClaims(gold, p, entities));
  EXPECT_EQ(m.source, "t.txt");
  EXPECT_TRUE(m.missed_entities.empty());
  EXPECT_EQ(m.extra_entities, (std::vector<std::string>{"place 'Jobar' [جوبر]"}));
  EXPECT_EQ(m.missed_claims,
            (std::vector<std::string>{"Haidar located_at 'Hama': “” (no claim links them)"}));
  EXPECT_EQ(m.extra_claims, (std::vector<std::string>{"Haidar member_of 47th Brigade (hearsay)"}));
  EXPECT_NE(MissesText(m).find("  extra entity: place 'Jobar' [جوبر]\n"), std::string::npos);
}

}  // namespace
}  // namespace sijill::eval

namespace sijill::eval {
namespace {

// Each missed gold claim says why, so that whoever tunes an extractor sees whether an
// entity, a predicate or a time is at fault.
TEST(FindMisses, SaysWhyAGoldClaimWasMissed) {
  Gold gold = ClaimGold();
  Predictions p = ClaimPredictions();
  auto reasons = [&] {
    EntityScore entities = ScoreEntities(gold, p);
    return FindMisses(gold, p, entities, ScoreClaims(gold, p, entities)).missed_claims;
  };
  p.claims = {
      {1, Predicate::kMemberOf, {0, ""}, R("2012"), Evidence::kFirstHand, ClaimStatus::kCandidate}};
  EXPECT_NE(reasons()[0].find("(predicted as member_of)"), std::string::npos);
  p.claims[0].predicate = Predicate::kCommanderOf;
  p.claims[0].time = R("2015");
  EXPECT_NE(reasons()[0].find("(times do not overlap)"), std::string::npos);
  p.entities[0].canonical = "48th Brigade";
  EXPECT_NE(reasons()[0].find("(object not found)"), std::string::npos);
  p.entities[1].canonical = "Hamoud";
  EXPECT_NE(reasons()[0].find("(subject not found)"), std::string::npos);
}

}  // namespace
}  // namespace sijill::eval
