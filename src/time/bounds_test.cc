#include "time/bounds.h"

#include <gtest/gtest.h>

#include <string>

namespace sijill::time {
namespace {

std::string Show(std::optional<Day> d) {
  if (!d) return "..";
  CivilDate c = CivilFromDay(*d);
  return std::to_string(c.year) + "-" + std::to_string(c.month) + "-" + std::to_string(c.day);
}

// "first/last" of the value's bounds, with ".." for an open side.
std::string Range(std::string_view text) {
  auto v = ParseEdtf(text);
  if (!v) return v.error().message();
  Bounds b = BoundsOf(*v);
  return Show(b.earliest) + "/" + Show(b.latest);
}

std::string Certain(std::string_view text) {
  Bounds b = BoundsOf(*ParseEdtf(text));
  if (!b.certain_first) return "none";
  return Show(b.certain_first) + "/" + Show(b.certain_last);
}

TEST(Calendar, KnownDays) {
  EXPECT_EQ(DayFromCivil(1970, 1, 1), 0);
  EXPECT_EQ(DayFromCivil(2000, 3, 1), 11017);
  EXPECT_EQ(DayFromCivil(0, 1, 1), -719528);
  EXPECT_EQ(DayFromCivil(-1, 12, 31), -719529);
  EXPECT_TRUE(IsLeapYear(0));
  EXPECT_TRUE(IsLeapYear(-4));
  EXPECT_FALSE(IsLeapYear(1900));
  EXPECT_TRUE(IsLeapYear(2000));
  EXPECT_EQ(DaysInMonth(2012, 2), 29);
  EXPECT_EQ(DaysInMonth(2013, 2), 28);
}

TEST(Calendar, RoundTripsEveryDayOverManyCenturies) {
  Day previous = DayFromCivil(-1000, 1, 1) - 1;
  for (int64_t y = -1000; y <= 3000; ++y) {
    for (int m = 1; m <= 12; ++m) {
      for (int d = 1; d <= DaysInMonth(y, m); ++d) {
        Day day = DayFromCivil(y, m, d);
        ASSERT_EQ(day, previous + 1) << y << "-" << m << "-" << d;
        ASSERT_EQ(CivilFromDay(day), (CivilDate{y, m, d}));
        previous = day;
      }
    }
  }
  CivilDate far = CivilFromDay(DayFromCivil(-170000000, 12, 31));
  EXPECT_EQ(far, (CivilDate{-170000000, 12, 31}));
}

TEST(Bounds, SubYearGroupings) {
  EXPECT_EQ(Range("2001-21"), "2001-3-1/2001-5-31");
  EXPECT_EQ(Range("2001-22"), "2001-6-1/2001-8-31");
  EXPECT_EQ(Range("2001-23"), "2001-9-1/2001-11-30");
  EXPECT_EQ(Range("2011-24"), "2011-12-1/2012-2-29");
  EXPECT_EQ(Range("2001-25"), "2001-3-1/2001-5-31");
  EXPECT_EQ(Range("2001-28"), "2001-12-1/2002-2-28");
  EXPECT_EQ(Range("2001-29"), "2001-9-1/2001-11-30");
  EXPECT_EQ(Range("2001-30"), "2001-12-1/2002-2-28");
  EXPECT_EQ(Range("2001-31"), "2001-3-1/2001-5-31");
  EXPECT_EQ(Range("2001-32"), "2001-6-1/2001-8-31");
  EXPECT_EQ(Range("2001-33"), "2001-1-1/2001-3-31");
  EXPECT_EQ(Range("2001-36"), "2001-10-1/2001-12-31");
  EXPECT_EQ(Range("2001-37"), "2001-1-1/2001-4-30");
  EXPECT_EQ(Range("2001-38"), "2001-5-1/2001-8-31");
  EXPECT_EQ(Range("2001-39"), "2001-9-1/2001-12-31");
  EXPECT_EQ(Range("2001-40"), "2001-1-1/2001-6-30");
  EXPECT_EQ(Range("2001-41"), "2001-7-1/2001-12-31");
}

TEST(Bounds, UnspecifiedDigitsWiden) {
  EXPECT_EQ(Range("201X"), "2010-1-1/2019-12-31");
  EXPECT_EQ(Range("2012-XX-XX"), "2012-1-1/2012-12-31");
  EXPECT_EQ(Range("1560-XX-25"), "1560-1-25/1560-12-25");
  EXPECT_EQ(Range("1500-X2-30"), "1500-12-30/1500-12-30");
  EXPECT_EQ(Range("XXXX-02-29"), "0-2-29/9996-2-29");
  EXPECT_EQ(Range("-01XX"), "-199-1-1/-100-12-31");
  EXPECT_EQ(Range("20XX-41"), "2000-7-1/2099-12-31");
  EXPECT_EQ(Range("1950S2"), "1900-1-1/1999-12-31");
}

TEST(Bounds, QualifiersSetFlagsAndDoNotWiden) {
  Bounds b = BoundsOf(*ParseEdtf("2004?-~06"));
  EXPECT_EQ(Show(b.earliest) + "/" + Show(b.latest), "2004-6-1/2004-6-30");
  EXPECT_TRUE(b.uncertain);
  EXPECT_TRUE(b.approximate);
  EXPECT_FALSE(b.unspecified);
  EXPECT_TRUE(BoundsOf(*ParseEdtf("199X")).unspecified);
  EXPECT_FALSE(BoundsOf(*ParseEdtf("1999")).uncertain);
}

TEST(Bounds, OpenAndUnknownEnds) {
  EXPECT_EQ(Range("../2006"), "../2006-12-31");
  EXPECT_EQ(Range("2004-01-01/"), "2004-1-1/..");
  EXPECT_EQ(Range("[..1760-12-03]"), "../1760-12-3");
  EXPECT_EQ(Range("{1760-01,1760-12..}"), "1760-1-1/..");
}

TEST(Bounds, CertainDays) {
  EXPECT_EQ(Certain("1964/2008"), "1964-1-1/2008-12-31");
  EXPECT_EQ(Certain("2012"), "2012-1-1/2012-12-31");
  EXPECT_EQ(Certain("2012?"), "none");
  EXPECT_EQ(Certain("201X"), "none");
  EXPECT_EQ(Certain("../2012"), "none");
  EXPECT_EQ(Certain("2004-06-XX/2004-07-03"), "2004-6-30/2004-7-3");
  EXPECT_EQ(Certain("1984~/2004-06"), "1985-1-1/2004-6-30");
  EXPECT_EQ(Certain("2004-06-~01/2004-06-~20"), "2004-6-2/2004-6-19");
  EXPECT_EQ(Certain("[2012,2013]"), "none");
  EXPECT_EQ(Certain("[2012,2012-06]"), "2012-6-1/2012-6-30");
  EXPECT_EQ(Certain("{2012-01,2013}"), "2013-1-1/2013-12-31");
  EXPECT_EQ(Certain("[1670..1672]"), "none");
  EXPECT_EQ(Certain("{1670..1672}"), "1670-1-1/1672-12-31");
}

}  // namespace
}  // namespace sijill::time
