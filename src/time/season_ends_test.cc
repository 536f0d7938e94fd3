#include "time/season_ends.h"

#include <gtest/gtest.h>

#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::time {
namespace {

TEST(GroupingEndsAsMonths, RewritesSeasonEndsToTheMonthsOfTheSameDays) {
  EXPECT_EQ(GroupingEndsAsMonths("../2012-22"), "../2012-08");
  EXPECT_EQ(GroupingEndsAsMonths("2012-23/.."), "2012-09/..");
  EXPECT_EQ(GroupingEndsAsMonths("2012-24/2013-21~"), "2012-12/2013-05~");
  EXPECT_EQ(GroupingEndsAsMonths("2012-24/2013-24"), "2012-12/2014-02");  // winter ends in Feb
  EXPECT_EQ(GroupingEndsAsMonths("2011-33/2011-36"), "2011-01/2011-12");  // quarters
  EXPECT_EQ(GroupingEndsAsMonths("2012-03/2012-22?"), "2012-03/2012-08?");
}

TEST(GroupingEndsAsMonths, LeavesEverythingElse) {
  EXPECT_EQ(GroupingEndsAsMonths("2012-03/2012-08"), std::nullopt);  // nothing to rewrite
  EXPECT_EQ(GroupingEndsAsMonths("2012-22"), std::nullopt);          // not an interval
  EXPECT_EQ(GroupingEndsAsMonths("2012-22/2012-13"), std::nullopt);  // a bad end
  EXPECT_EQ(GroupingEndsAsMonths("a/b/c"), std::nullopt);
  EXPECT_EQ(GroupingEndsAsMonths("fall 2012/.."), std::nullopt);
}

TEST(GroupingEndsAsMonths, TheRewrittenIntervalCoversTheSameDays) {
  for (int season = 21; season <= 41; ++season) {
    std::string start = "2012-" + std::to_string(season);
    auto rewritten = GroupingEndsAsMonths(start + "/" + start);
    ASSERT_TRUE(rewritten) << start;
    auto value = ParseEdtf(*rewritten);
    ASSERT_TRUE(value) << *rewritten;
    Bounds interval = BoundsOf(*value);
    Bounds grouping = BoundsOf(*ParseEdtf(start));
    EXPECT_EQ(interval.earliest, grouping.earliest) << start;
    EXPECT_EQ(interval.latest, grouping.latest) << start;
  }
}

}  // namespace
}  // namespace sijill::time
