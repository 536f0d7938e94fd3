#include "time/edtf.h"

#include <gtest/gtest.h>

namespace sijill::time {
namespace {

std::string Error(std::string_view text) {
  auto v = ParseEdtf(text);
  return v ? "parsed: " + ToString(*v) : v.error().message();
}

std::string Canonical(std::string_view text) {
  auto v = ParseEdtf(text);
  return v ? ToString(*v) : "error: " + v.error().message();
}

TEST(ParseEdtf, ErrorMessagesNameThePositionAndProblem) {
  EXPECT_EQ(Error("2012-13"), "2012-13: month 13 is out of range (01-12)");
  EXPECT_EQ(Error("2012-00"), "2012-00: month 00 is out of range (01-12)");
  EXPECT_EQ(Error("2016-05-32"), "2016-05-32: day 32 is out of range (01-31)");
  EXPECT_EQ(Error("2016-02-30"), "2016-02-30: day 30 does not exist in 2016-02");
  EXPECT_EQ(Error("2012-1"), "2012-1: expected 2 digits for the month at column 6");
  EXPECT_EQ(Error(""), ": the value is empty");
  EXPECT_EQ(Error("-0000"), "-0000: year zero has no sign (write 0000)");
  EXPECT_EQ(Error("12345"), "12345: expected the end at column 5");
  EXPECT_EQ(Error("Y9999"), "Y9999: a Y year needs more than 4 digits and no leading zero");
  EXPECT_EQ(Error("156X-02-3X"), "156X-02-3X: no calendar date matches 156X-02-3X");
  EXPECT_EQ(Error("2005/2004"), "2005/2004: the interval ends before it starts");
  EXPECT_EQ(Error("../.."), "../..: an interval needs a date at one end at least");
  EXPECT_EQ(Error("2012-21/2012-22"),
            "2012-21/2012-22: an interval end cannot be a season or sub-year grouping");
  EXPECT_EQ(Error("[1999}"), "[1999}: expected ',' or ']' at column 6");
  EXPECT_EQ(Error("[1999,..2000]"),
            "[1999,..2000]: only the first member of a set may start "
            "with '..'");
  EXPECT_EQ(Error("2016-05-02T24:00:01"), "2016-05-02T24:00:01: time 24:00:01 is out of range");
  EXPECT_EQ(Error("2016-05-02T12:00:00-00:00"),
            "2016-05-02T12:00:00-00:00: the offset is out of range (-12:00 to +14:00, and "
            "-00:00 is not allowed)");
  EXPECT_EQ(Error("2016?-05-02T12:00:00"),
            "2016?-05-02T12:00:00: a time of day needs a complete, unqualified date");
  EXPECT_EQ(Error("1950S5"), "1950S5: 5 significant digits do not fit a 4-digit year");
  EXPECT_EQ(Error("Y1E16"), "Y1E16: the year is too large (at most 15 digits)");
}

TEST(ParseEdtf, CanonicalForms) {
  EXPECT_EQ(Canonical("2001-02-03"), "2001-02-03");
  EXPECT_EQ(Canonical("?2001"), "2001?");
  EXPECT_EQ(Canonical("2004-06-11%"), "2004-06-11%");
  EXPECT_EQ(Canonical("2004?-06-11"), "?2004-06-11");
  EXPECT_EQ(Canonical("2004-06~-11"), "~2004-~06-11");
  EXPECT_EQ(Canonical("2001-?09~-09"), "~2001-%09-09");
  EXPECT_EQ(Canonical("2004-?06-?11"), "2004-?06-?11");
  EXPECT_EQ(Canonical("2016-05-02T16:54:59+0230"), "2016-05-02T16:54:59+02:30");
  EXPECT_EQ(Canonical("2016-05-02T16:54:59.042Z"), "2016-05-02T16:54:59.042Z");
  EXPECT_EQ(Canonical("2016-05-02T16:54:59-12"), "2016-05-02T16:54:59-12:00");
  EXPECT_EQ(Canonical("Y-17E7"), "Y-17E7");
  EXPECT_EQ(Canonical("Y17101E4S3"), "Y17101E4S3");
  EXPECT_EQ(Canonical("[1667, 1668, 1670..1672]"), "[1667,1668,1670..1672]");
  EXPECT_EQ(Canonical("[..1760-12-03]"), "[..1760-12-03]");
  EXPECT_EQ(Canonical("{1760-01, 1760-12..}"), "{1760-01,1760-12..}");
  EXPECT_EQ(Canonical("/2006"), "/2006");
  EXPECT_EQ(Canonical("2004-01-01/.."), "2004-01-01/..");
  EXPECT_EQ(Canonical("-01XX~"), "-01XX~");
}

TEST(ParseEdtf, Levels) {
  auto level = [](std::string_view text) { return Level(*ParseEdtf(text)); };
  EXPECT_EQ(level("2001-02-03T09:30:01Z"), 0);
  EXPECT_EQ(level("1964/2008"), 0);
  EXPECT_EQ(level("1984?"), 1);
  EXPECT_EQ(level("201X"), 1);
  EXPECT_EQ(level("1985-XX-XX"), 1);
  EXPECT_EQ(level("2001-21"), 1);
  EXPECT_EQ(level("../2006"), 1);
  EXPECT_EQ(level("Y170000002"), 1);
  EXPECT_EQ(level("?2001"), 2);
  EXPECT_EQ(level("1XX3"), 2);
  EXPECT_EQ(level("15XX-12-25"), 2);
  EXPECT_EQ(level("2001-33"), 2);
  EXPECT_EQ(level("Y17E7"), 2);
  EXPECT_EQ(level("{1960,1961-12}"), 2);
  EXPECT_EQ(level("1984~/2004-06"), 1);
  EXPECT_EQ(level("2004-06-~01/2004-06-~20"), 2);
  EXPECT_EQ(level("XXXX-XX"), 1);
  EXPECT_EQ(level("1XXX-XX"), 2);
}

TEST(ParseEdtf, RestrictionsAreExplained) {
  EXPECT_EQ(Error("2004-01-01T10:00:00/2005"),
            "2004-01-01T10:00:00/2005: a time of day is allowed only on a single date");
  EXPECT_EQ(Error("[2004-01-01T10:00:00]"),
            "[2004-01-01T10:00:00]: a time of day is allowed only on a single date");
  EXPECT_EQ(Error("Y17E7-12-26"), "Y17E7-12-26: expected the end at column 6");
  EXPECT_EQ(Error("2012/2013/2014"), "2012/2013/2014: an interval has exactly one '/'");
  EXPECT_EQ(Error("[1990..1980]"), "[1990..1980]: the range at column 2 ends before it starts");
  EXPECT_EQ(Error("19"), "19: expected 4 digits for the year at column 1");
  EXPECT_EQ(Error("2016-05-02T12:00:00.1234567891"),
            "2016-05-02T12:00:00.1234567891: a fraction of a second has at most 9 digits");
}

TEST(ParseEdtf, SetsRoundTripWithQualifiedMembers) {
  EXPECT_EQ(Canonical("[2004?-06 , 2005~]"), "[?2004-06,2005~]");
  EXPECT_EQ(Canonical("{..2004-06-XX, 2010}"), "{..2004-06-XX,2010}");
}

TEST(ParseEdtf, EquivalenceIgnoresSyntax) {
  EXPECT_EQ(*ParseEdtf("?2001"), *ParseEdtf("2001?"));
  EXPECT_EQ(*ParseEdtf("2004-06-11%"), *ParseEdtf("%2004-%06-%11"));
  EXPECT_FALSE(*ParseEdtf("2004?-06") == *ParseEdtf("2004-06?"));
}

}  // namespace
}  // namespace sijill::time
