// The date finder on centuries, eras, spans of years written with a dash, open-ended
// phrases ("before", "after"), the two ends of a range, and date fields (ReadDateField).
#include <gtest/gtest.h>

#include <string>

#include "time/date_finder.h"

namespace sijill::time {
namespace {

FindOptions Doc() { return FindOptions::ForDay(DayFromCivil(2024, 5, 12)); }

std::string Find(std::string_view text, const FindOptions& options = Doc()) {
  std::string out;
  for (const DateMention& m : FindDates(text, options)) {
    if (!out.empty()) out += " | ";
    out += m.text + "=" + (m.value ? ToString(*m.value) : "?");
  }
  return out;
}

std::string Field(std::string_view text) {
  std::optional<DateMention> m = ReadDateField(text, FindOptions{});
  if (!m) return "none";
  return m->value ? ToString(*m->value) : "?";
}

TEST(DateFinderRanges, Centuries) {
  EXPECT_EQ(Find("in the 19th century"), "in the 19th century=18XX");
  EXPECT_EQ(Find("the early 20th century"), "the early 20th century=19XX~");
  EXPECT_EQ(Find("from the 17th to the 19th century"),
            "from the 17th to the 19th century=16XX/18XX");
  EXPECT_EQ(Find("17th-19th centuries"), "17th-19th centuries=16XX/18XX");
  EXPECT_EQ(Find("the 2nd century BC"), "the 2nd century BC=-01XX");
  EXPECT_EQ(Find("في القرن التاسع عشر"), "في القرن التاسع عشر=18XX");
  EXPECT_EQ(Find("القرن 20"), "القرن 20=19XX");
  EXPECT_EQ(Find("the 47th Brigade, the 3rd century"), "the 3rd century=02XX");
}

TEST(DateFinderRanges, Decades) {
  EXPECT_EQ(Find("the 1800s"), "the 1800s=18XX");  // the century
  EXPECT_EQ(Find("the 2000s"), "the 2000s=200X");  // the decade
  EXPECT_EQ(Find("in the late 1990s"), "in the late 1990s=199X~");
  EXPECT_EQ(Find("the mid-1980s"), "the mid-1980s=198X~");
}

TEST(DateFinderRanges, ErasAreAstronomical) {
  EXPECT_EQ(Find("in 64 BCE"), "in 64 BCE=-0063");  // 1 BCE is year 0
  EXPECT_EQ(Find("1 AD"), "1 AD=0001");
  EXPECT_EQ(Find("300 B.C."), "300 B.C.=-0299");
  EXPECT_EQ(Find("عام 300 قبل الميلاد"), "عام 300 قبل الميلاد=-0299");
  EXPECT_EQ(Find("Branch 215 is in Damascus"), "");
  // Steps count across the era: a month after December 1 BCE is January 1 CE.
  EXPECT_EQ(Find("in 1 BCE. the end of that month, and a month after that"),
            "in 1 BCE=0000 | the end of that month=? | a month after that=?");
  EXPECT_EQ(Find("in December 1 BCE, and a month after that"),
            "in December 1 BCE=0000-12 | a month after that=0001-01~");
  EXPECT_EQ(Find("in March 64 BCE, and a month after that"),
            "in March 64 BCE=-0063-03 | a month after that=-0063-04~");
}

TEST(DateFinderRanges, SpansOfYearsWithADash) {
  EXPECT_EQ(Find("in 2011-2014"), "in 2011-2014=2011/2014");
  EXPECT_EQ(Find("during 2011–13"), "during 2011–13=2011/2013");
  EXPECT_EQ(Find("the 1980s-1990s"), "the 1980s-1990s=198X/199X");
  EXPECT_EQ(Find("in 2012 - ca. 2015"), "in 2012 - ca. 2015=2012/2015~");
  EXPECT_EQ(Find("in 2011-12"), "in 2011=2011");                // ISO's December 2011? not taken
  EXPECT_EQ(Find("in 2014-2012"), "in 2014=2014");              // backwards: not a span
  EXPECT_EQ(Find("in 2012/2013"), "in 2012/2013=[2012,2013]");  // one of the two
  EXPECT_EQ(Find("2011-2014 was hard"), "");                    // bare years need a context
}

TEST(DateFinderRanges, BeforeAndAfterAreOpen) {
  EXPECT_EQ(Find("before 2012"), "before 2012=../2012");
  EXPECT_EQ(Find("after March 2013"), "after March 2013=2013-03/..");
  EXPECT_EQ(Find("later than the summer of 2012"), "later than the summer of 2012=2012-06/..");
  EXPECT_EQ(Find("earlier than late 2013"), "earlier than late 2013=../2013-12~");
  EXPECT_EQ(Find("قبل 2012"), "قبل 2012=../2012");
  EXPECT_EQ(Find("before approx. January 1928"), "before approx. January 1928=../1928-01~");
  EXPECT_EQ(Find("until 2014"), "until 2014=2014");  // unchanged: the end may be included
}

TEST(DateFinderRanges, QuestionMarkAndCatalogueQualifiers) {
  EXPECT_EQ(Find("in 2012?"), "in 2012?=2012?");
  EXPECT_EQ(Find("in 2012 ?"), "in 2012=2012");  // only a mark right after the date
  EXPECT_EQ(Find("c. 1860 and ca1870"), "c. 1860=1860~ | ca1870=1870~");
  EXPECT_EQ(Find("~ Feb 1812"), "~ Feb 1812=1812-02~");
  EXPECT_EQ(Field("uncertain: 1862"), "1862?");
  EXPECT_EQ(Find("in 1862 (uncertain)"), "in 1862 (uncertain)=1862?");
  EXPECT_EQ(Find("in 7/2008"), "in 7/2008=2008-07");
  EXPECT_EQ(Find("Section c of the report"), "");
}

TEST(DateFinderRanges, TheEndsOfARangeAreMentionsToo) {
  std::vector<DateMention> m =
      FindDates("I was inside from the summer of 2013 until the end of September 2014.", Doc());
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(ToString(*m[0].value), "2013-06/2014-09-30~");
  EXPECT_EQ(m[0].text, "from the summer of 2013 until the end of September 2014");
  ASSERT_EQ(m[0].parts.size(), 2u);
  EXPECT_EQ(m[0].parts[0].text, "the summer of 2013");
  EXPECT_EQ(m[0].parts[0].cp_begin, 18u);
  EXPECT_EQ(ToString(*m[0].parts[0].value), "2013-22");
  EXPECT_EQ(m[0].parts[1].text, "the end of September 2014");
  EXPECT_EQ(ToString(*m[0].parts[1].value), "2014-09-30~");
  m = FindDates("January or February 2013", Doc());
  ASSERT_EQ(m.size(), 1u);
  ASSERT_EQ(m[0].parts.size(), 2u);
  EXPECT_EQ(ToString(*m[0].parts[0].value), "2013-01");
  EXPECT_EQ(m[0].parts[1].text, "February 2013");
  EXPECT_TRUE(FindDates("in March 2013", Doc())[0].parts.empty());
}

TEST(DateFinderRanges, DateFieldsTakeBareYearsAndTheFirstDate) {
  EXPECT_EQ(Field("1860"), "1860");
  EXPECT_EQ(Field("notcirca 1860"), "1860");
  EXPECT_EQ(Field("1863, printed 1870"), "1863");
  EXPECT_EQ(Field("1851-52"), "1851/1852");
  EXPECT_EQ(Field("c1800s?"), "18XX%");
  EXPECT_EQ(Field("January 12"), "XXXX-01-12");
  EXPECT_EQ(Field("23rd Dynasty"), "none");
  EXPECT_EQ(Field("this isn't a date"), "none");
  EXPECT_EQ(Field(""), "none");
  EXPECT_EQ(Field("90"), "none");  // two-digit years are not guessed
  // In running text the same bare year is not a date.
  EXPECT_EQ(Find("1860"), "");
}

}  // namespace
}  // namespace sijill::time
