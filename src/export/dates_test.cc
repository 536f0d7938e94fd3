#include "export/dates.h"

#include <gtest/gtest.h>

namespace sijill::exporter {
namespace {

std::string Show(std::string_view edtf, Partial partial = Partial::kDayOnly) {
  PlainBounds b = PlainBoundsOf(edtf, partial);
  return b.start.value_or("-") + " " + b.end.value_or("-");
}

TEST(PlainBounds, OnlyExactDaysForPopolo) {
  EXPECT_EQ(Show("2012-11-01/2012-12-31"), "2012-11-01 2012-12-31");
  EXPECT_EQ(Show("2012-11-01/.."), "2012-11-01 -");
  EXPECT_EQ(Show("../2012-12-31"), "- 2012-12-31");
  EXPECT_EQ(Show("2012-11/2013"), "- -");
  // A month is not a day: "September 2012" must not become 2012-09-01.
  EXPECT_EQ(Show("2012-09/2013-03-01"), "- 2013-03-01");
  // Qualified and unspecified ends are not certain.
  EXPECT_EQ(Show("2012-11-01?/2012-12-31~"), "- -");
  EXPECT_EQ(Show("2012-11-XX/2012-12-31"), "- 2012-12-31");
}

TEST(PlainBounds, SingleDatesHaveNoStartOrEnd) {
  EXPECT_EQ(Show("2012-11-01"), "- -");
  EXPECT_EQ(Show("2012-23"), "- -");
  EXPECT_EQ(Show("[2012,2013]"), "- -");
  EXPECT_EQ(Show("not edtf"), "- -");
}

TEST(PlainBounds, YearsAndMonthsAsWrittenWhenAllowed) {
  EXPECT_EQ(Show("2012-11/2013", Partial::kAllowYearOrMonth), "2012-11 2013");
  EXPECT_EQ(Show("2012-09~/2013-02", Partial::kAllowYearOrMonth), "- 2013-02");
  EXPECT_EQ(Show("2012?/2013", Partial::kAllowYearOrMonth), "- 2013");
}

}  // namespace
}  // namespace sijill::exporter
