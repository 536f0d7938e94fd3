#include "eval/gold.h"

#include <gtest/gtest.h>

namespace sijill::eval {
namespace {

constexpr std::string_view kGold = R"({
  "source": "t.txt", "language": "en", "document_date": "2024-05-12",
  "entities": [
    {"id": "p1", "type": "person", "canonical": "Ghassan Haidar", "mentions": ["Haidar"]},
    {"id": "u1", "type": "unit", "canonical": "47th Brigade", "mentions": []}
  ],
  "dates": [{"text": "the fall of 2012", "edtf": "2012-23"}],
  "claims": [
    {"subject": "p1", "predicate": "commander_of", "object": "u1", "role": "commander",
     "rank": null, "time": "2012-01/..", "evidence": "first_hand", "quote": "q"},
    {"subject": "u1", "predicate": "located_at", "object": "Hama", "time": null,
     "evidence": "hearsay", "quote": "q"}
  ]
})";

TEST(ParseGold, ReadsEveryPart) {
  auto g = ParseGold(kGold, "t.gold.json");
  ASSERT_TRUE(g.has_value()) << g.error().message();
  EXPECT_EQ(g->source, "t.txt");
  EXPECT_EQ(g->document_date, "2024-05-12");
  ASSERT_EQ(g->entities.size(), 2u);
  EXPECT_EQ(g->entities[1].type, knowledge::EntityType::kUnit);
  EXPECT_EQ(g->entities[0].mentions, std::vector<std::string>{"Haidar"});
  ASSERT_EQ(g->dates.size(), 1u);
  EXPECT_EQ(g->dates[0].edtf, "2012-23");
  EXPECT_EQ(g->dates[0].range.earliest, time::DayFromCivil(2012, 9, 1));
  ASSERT_EQ(g->claims.size(), 2u);
  EXPECT_EQ(g->claims[0].subject, 0u);
  EXPECT_EQ(g->claims[0].object.entity, 1u);
  ASSERT_TRUE(g->claims[0].time.has_value());
  EXPECT_EQ(g->claims[0].evidence, knowledge::Evidence::kFirstHand);
  EXPECT_FALSE(g->claims[1].object.entity.has_value());  // not an id: a literal
  EXPECT_EQ(g->claims[1].object.literal, "Hama");
  EXPECT_FALSE(g->claims[1].time.has_value());
}

TEST(ParseGold, ErrorsNameTheFileAndField) {
  auto message = [](std::string_view text) {
    auto g = ParseGold(text, "x.gold.json");
    return g ? std::string("parsed") : g.error().message();
  };
  EXPECT_EQ(message("{"), "x.gold.json: not JSON");
  EXPECT_EQ(message("{}"), "x.gold.json: source: needs a string");
  EXPECT_EQ(message(R"({"source": "t.txt", "entities": [{"id": "p1", "type": "army",
                        "canonical": "A"}]})"),
            "x.gold.json: entities[0].type: unknown type \"army\"");
  EXPECT_EQ(message(R"({"source": "t.txt", "dates": [{"text": "x", "edtf": "2012-13"}]})"),
            "x.gold.json: dates[0].edtf: 2012-13: month 13 is out of range (01-12)");
  EXPECT_EQ(message(R"({"source": "t.txt", "claims": [{"subject": "p9",
                        "predicate": "member_of", "object": "u1"}]})"),
            "x.gold.json: claims[0].subject: no entity has id \"p9\"");
}

TEST(ParseGold, DocumentDateThatIsNoDateIsNullWithAWarning) {
  auto g = ParseGold(R"({"source": "t.txt", "document_date": "Not specified"})", "x.gold.json");
  ASSERT_TRUE(g.has_value());
  EXPECT_FALSE(g->document_date.has_value());
  EXPECT_EQ(g->warnings,
            std::vector<std::string>{"x.gold.json: document_date: \"Not specified\" is not a date; "
                                     "scored as null"});
}

TEST(RangeOfEdtf, IntervalWithSeasonEndsIsBoundedByEachEnd) {
  auto r = RangeOfEdtf("../2012-22");  // refused by ParseEdtf as an interval end
  ASSERT_TRUE(r.has_value()) << r.error().message();
  EXPECT_FALSE(r->earliest.has_value());
  EXPECT_EQ(r->latest, time::DayFromCivil(2012, 8, 31));
  r = RangeOfEdtf("2012-21/2013");
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(r->earliest, time::DayFromCivil(2012, 3, 1));
  EXPECT_EQ(r->latest, time::DayFromCivil(2013, 12, 31));
  EXPECT_FALSE(RangeOfEdtf("2012-13/2013").has_value());
}

}  // namespace
}  // namespace sijill::eval
