#include "time/date_finder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/utf8.h"

namespace sijill::time {
namespace {

FindOptions DocDate(int64_t y, int m, int d) { return FindOptions::ForDay(DayFromCivil(y, m, d)); }

// "text=edtf" for each mention, joined by " | "; "?" for an open value.
std::string Find(std::string_view text, const FindOptions& options = DocDate(2024, 5, 12)) {
  std::string out;
  for (const DateMention& m : FindDates(text, options)) {
    if (!out.empty()) out += " | ";
    out += m.text + "=" + (m.value ? ToString(*m.value) : "?");
  }
  return out;
}

TEST(DateFinder, EnglishFullDates) {
  EXPECT_EQ(Find("On March 3, 2013 we left."), "March 3, 2013=2013-03-03");
  EXPECT_EQ(Find("It was 3 March 2013."), "3 March 2013=2013-03-03");
  EXPECT_EQ(Find("on the 3rd of March 2013"), "the 3rd of March 2013=2013-03-03");
  EXPECT_EQ(Find("on the third of March, 2013"), "the third of March, 2013=2013-03-03");
}

TEST(DateFinder, Spans) {
  std::vector<DateMention> m = FindDates("Hé, 3 March 2013", DocDate(2024, 5, 12));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].cp_begin, 4u);
  EXPECT_EQ(m[0].cp_end, 16u);
  m = FindDates("في ١٨ شباط ٢٠١٤", DocDate(2024, 2, 9));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].cp_begin, 0u);  // a leading preposition is part of the span
  EXPECT_EQ(m[0].cp_end, 15u);
  EXPECT_EQ(m[0].text, "في ١٨ شباط ٢٠١٤");
}

TEST(DateFinder, MonthAndYear) {
  EXPECT_EQ(Find("in February 2012 the unit moved"), "in February 2012=2012-02");
  EXPECT_EQ(Find("It was late 2013. Then in December I think we left."),
            "late 2013=2013-12~ | in December I think=2013-12?");
  EXPECT_EQ(Find("I think in July"), "I think in July=2023-07?");  // before the document
  EXPECT_EQ(Find("February 2012, the second week, I think"),
            "February 2012, the second week, I think=2012-02-08?/2012-02-14?");
}

TEST(DateFinder, Years) {
  EXPECT_EQ(Find("in 2012"), "in 2012=2012");
  EXPECT_EQ(Find("since 2010, I think"), "since 2010, I think=2010?/..");
  EXPECT_EQ(Find("until 2014"), "until 2014=2014");
  EXPECT_EQ(Find("Around 2016"), "Around 2016=2016~");
  EXPECT_EQ(Find("in the 1980s"), "in the 1980s=198X");
  EXPECT_EQ(Find("in 2015. The following year"), "in 2015=2015 | The following year=2016");
}

TEST(DateFinder, SeasonsAndParts) {
  EXPECT_EQ(Find("the fall of 2012"), "the fall of 2012=2012-23");
  EXPECT_EQ(Find("summer of 2013"), "summer of 2013=2013-22");
  EXPECT_EQ(Find("in 2013, in the autumn"), "in 2013=2013 | in the autumn=2013-23");
  EXPECT_EQ(Find("early 2015"), "early 2015=2015-01~");
  EXPECT_EQ(Find("the beginning of 2014"), "the beginning of 2014=2014-01~");
  EXPECT_EQ(Find("the middle of 2014"), "the middle of 2014=2014-06~");
  EXPECT_EQ(Find("the end of 2013"), "the end of 2013=2013-12~");
  EXPECT_EQ(Find("the end of September 2014"), "the end of September 2014=2014-09-30~");
  EXPECT_EQ(Find("the first half of 2012"), "the first half of 2012=2012-01/2012-06");
}

TEST(DateFinder, Numeric) {
  EXPECT_EQ(Find("on 24-4-2011"), "24-4-2011=2011-04-24");
  EXPECT_EQ(Find("on 20/7/2011"), "20/7/2011=2011-07-20");
  EXPECT_EQ(Find("on 2011-04-24"), "2011-04-24=2011-04-24");
  EXPECT_EQ(Find("20 or 21 July 2012"), "20 or 21 July 2012=[2012-07-20,2012-07-21]");
  EXPECT_EQ(Find("on 31-2-2011"), "31-2-2011=?");  // no such day: open, not guessed
}

TEST(DateFinder, Ranges) {
  EXPECT_EQ(Find("from June 2011 until late 2014"),
            "from June 2011 until late 2014=2011-06/2014-12~");
  EXPECT_EQ(Find("between 2011 and 2014"), "between 2011 and 2014=2011/2014");
  EXPECT_EQ(Find("from the spring of 2012 to the summer of 2013"),
            "from the spring of 2012 to the summer of 2013=2012-03/2013-08");
}

TEST(DateFinder, HedgeBindsToTheFollowingDate) {
  EXPECT_EQ(
      Find("in the fall of 2012, maybe the first days of November"),
      "in the fall of 2012=2012-23 | maybe the first days of November=2012-11-01%/2012-11-10%");
}

TEST(DateFinder, Alternatives) {
  EXPECT_EQ(Find("early 2013, January or February"),
            "early 2013=2013-01~ | January or February=2013-01/2013-02");
  EXPECT_EQ(Find("أواخر نيسان 2013، أو ربما في بداية أيار", DocDate(2023, 6, 18)),
            "أواخر نيسان 2013، أو ربما في بداية أيار=2013-04-21%/2013-05-10%");
}

TEST(DateFinder, StepsFromThePreviousMention) {
  EXPECT_EQ(Find("on March 3, 2013. Two days later we moved."),
            "March 3, 2013=2013-03-03 | Two days later=2013-03-05");
  FindOptions doc = DocDate(2023, 6, 18);
  EXPECT_EQ(Find("في صيف 2010، وبعد سنة تطوعت", doc), "في صيف 2010=2010-22 | وبعد سنة=2011-22");
  EXPECT_EQ(Find("تموز 2014. بعد ثلاثة أشهر", doc), "تموز 2014=2014-07 | بعد ثلاثة أشهر=2014-10~");
  EXPECT_EQ(Find("١٨ شباط ٢٠١٤ وفي اليوم نفسه", doc),
            "١٨ شباط ٢٠١٤=2014-02-18 | وفي اليوم نفسه=2014-02-18");
  EXPECT_EQ(Find("in January 2014, at the end of that month"),
            "in January 2014=2014-01 | at the end of that month=2014-01-31~");
  EXPECT_EQ(Find("بعد عيد الأضحى بشهرين تقريباً", DocDate(2013, 1, 1)),
            "بعد عيد الأضحى بشهرين تقريباً=2013-12~");
  EXPECT_EQ(Find("in April 2013 and a month after that"),
            "in April 2013=2013-04 | a month after that=2013-05~");
  EXPECT_EQ(Find("Two days later we moved."), "Two days later=?");  // nothing to step from
}

TEST(DateFinder, IslamicFeasts) {
  // Umm al-Qura days, or the day after (a month begins on sighting the moon): Eid al-Adha
  // 1433 was 2012-10-26 in Syria, Eid al-Fitr 1435 2014-07-28, Ramadan 1434 began on
  // 2013-07-10 (Umm al-Qura: 07-09).
  EXPECT_EQ(Find("in 2012, right after the Eid al-Adha holiday"),
            "in 2012=2012 | after the Eid al-Adha holiday=2012-10-26/..");
  EXPECT_EQ(Find("Eid al-Fitr of 2014"), "Eid al-Fitr of 2014=[2014-07-28,2014-07-29]");
  EXPECT_EQ(Find("عيد الأضحى 1434", DocDate(2023, 6, 18)),
            "عيد الأضحى 1434=[2013-10-15,2013-10-16]");
  EXPECT_EQ(Find("the third day of Ramadan in 2013"),
            "the third day of Ramadan in 2013=[2013-07-11,2013-07-12]");
  EXPECT_EQ(Find("in Ramadan 2013"), "in Ramadan 2013=2013-07~");
  // Outside Umm al-Qura's table (1300..1600 AH) the arithmetical calendar (ICU's
  // islamic-civil agrees: 1 Shawwal 1250 = 1835-01-31).
  EXPECT_EQ(Find("عيد الفطر 1250", DocDate(2023, 6, 18)), "عيد الفطر 1250=[1835-01-31,1835-02-01]");
  // From Eid al-Adha 2012 to the end of Eid al-Fitr 2013: the later of the two days.
  EXPECT_EQ(Find("from Eid al-Adha 2012 until Eid al-Fitr 2013"),
            "from Eid al-Adha 2012 until Eid al-Fitr 2013=2012-10-26/2013-08-09");
}

TEST(DateFinder, RelativeToDocument) {
  EXPECT_EQ(Find("last November", DocDate(2024, 5, 12)), "last November=2023-11");
  EXPECT_EQ(Find("this past January", DocDate(2024, 5, 12)), "this past January=2024-01");
  EXPECT_EQ(Find("تشرين الثاني الماضي", DocDate(2024, 5, 12)), "تشرين الثاني الماضي=2023-11");
}

TEST(DateFinder, ArabicForms) {
  FindOptions doc = DocDate(2023, 6, 18);
  EXPECT_EQ(Find("في الثالث من آذار 2013 وصلنا", doc), "في الثالث من آذار 2013=2013-03-03");
  EXPECT_EQ(Find("١٨ شباط ٢٠١٤", doc), "١٨ شباط ٢٠١٤=2014-02-18");
  EXPECT_EQ(Find("في كانون الثاني/يناير 2014", doc), "في كانون الثاني/يناير 2014=2014-01");
  EXPECT_EQ(Find("تشرين الأول 2012", doc), "تشرين الأول 2012=2012-10");
  EXPECT_EQ(Find("أيار 2014", doc), "أيار 2014=2014-05");
  EXPECT_EQ(Find("ديسمبر 2013", doc), "ديسمبر 2013=2013-12");
  EXPECT_EQ(Find("في صيف 2010", doc), "في صيف 2010=2010-22");
  EXPECT_EQ(Find("ربيع 2011", doc), "ربيع 2011=2011-21");
  EXPECT_EQ(Find("أواخر ٢٠١٣", doc), "أواخر ٢٠١٣=2013-12~");
  EXPECT_EQ(Find("مطلع 2014", doc), "مطلع 2014=2014-01~");
  EXPECT_EQ(Find("منتصف 2014", doc), "منتصف 2014=2014-06~");
  EXPECT_EQ(Find("حوالي عام 2016", doc), "حوالي عام 2016=2016~");
  EXPECT_EQ(Find("عام ٢٠١١", doc), "عام ٢٠١١=2011");
  EXPECT_EQ(Find("في 20 أو 21 تموز 2012", doc), "في 20 أو 21 تموز 2012=[2012-07-20,2012-07-21]");
  EXPECT_EQ(Find("بين عامَي 2011 و2014", doc), "بين عامَي 2011 و2014=2011/2014");
  EXPECT_EQ(Find("خريف 2012 ثم شتاء ذلك العام", doc), "خريف 2012=2012-23 | شتاء ذلك العام=2012-24");
  EXPECT_EQ(Find("منذ 2010", doc), "منذ 2010=2010/..");
}

TEST(DateFinder, NotInsideOrdinaryNumbers) {
  EXPECT_EQ(Find("Branch 215 and the 47th Brigade, 1500 men, room 2012"), "");
  EXPECT_EQ(Find("الفرع 215 واللواء 47"), "");
  EXPECT_EQ(Find("I may go. We march on. May I?"), "");
  EXPECT_EQ(Find("in May we left", DocDate(2024, 6, 1)), "in May=2024-05");
  EXPECT_EQ(Find("أبو حسام وأب لثلاثة", DocDate(2024, 6, 1)), "");
  EXPECT_EQ(Find("في آب", DocDate(2024, 9, 1)), "في آب=2024-08");
}

TEST(DateFinder, YearFromEarlierText) {
  EXPECT_EQ(Find("In 2013 we moved. In March we fought.", DocDate(2024, 5, 12)),
            "In 2013=2013 | In March=2013-03");
  EXPECT_EQ(Find("In March we fought.", DocDate(2024, 5, 12)), "In March=2024-03");
  // Not after the document was written: December, told in May 2024, is December 2023.
  EXPECT_EQ(Find("In December we fought.", DocDate(2024, 5, 12)), "In December=2023-12");
  EXPECT_EQ(Find("In May we fought.", DocDate(2024, 5, 12)), "In May=2024-05");
}

TEST(DateFinder, UnresolvedStaysOpen) {
  // The year stays unspecified; what cannot be written at all has no value.
  EXPECT_EQ(Find("In March we fought.", FindOptions{}), "In March=XXXX-03");
  EXPECT_EQ(Find("on March 3 we fought.", FindOptions{}), "March 3=XXXX-03-03");
  EXPECT_EQ(Find("last November", FindOptions{}), "last November=XXXX-11");
  EXPECT_EQ(Find("the following year", FindOptions{}), "the following year=?");
  EXPECT_EQ(Find("in late March", FindOptions{}), "in late March=?");
}

// Repetitive input must stay linear (once quadratic for "1 or 1 or ...").
TEST(DateFinder, RepetitiveInput) {
  for (std::string_view unit :
       {"1 or ", "بعد ", "from in ", "maybe ", "2012 or ", "the third of "}) {
    std::string text;
    for (int i = 0; i < 20000; ++i) text += unit;
    EXPECT_TRUE(FindDates(text, DocDate(2020, 1, 1)).empty()) << unit;
  }
}

TEST(DateFinder, RandomUtf8DoesNotCrash) {
  std::mt19937 rng(12345);
  const char32_t kPool[] = {U'0',   U'1',   U'2',   U'9',   U' ',   U',',   U'/',   U'-',
                            U'.',   U'a',   U'M',   U's',   0x0660, 0x0662, 0x0627, 0x0623,
                            0x0644, 0x0648, 0x064E, 0x0640, 0x060C, 0x1F600};
  const char* const kWords[] = {
      " March ", " 2013",   " 3",          "rd",       " of ",        " the ",
      " early ", " كانون ", " الثاني",     " أو ",     " بعد ",       " يومين ",
      "/",       "-",       " since ",     " from ",   " until ",     " or ",
      " maybe ", " 1980",   "s",           " spring ", " that month", " two days later",
      " عام ",   " ٢٠١٤",   " الثالث من ", " week",    " last ",      " between ",
      " and ",   "31",      "12"};
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    int n = static_cast<int>(rng() % 60);
    for (int i = 0; i < n; ++i) {
      if (rng() % 3 == 0) {  // whole words, so that the matchers get deep
        text += kWords[rng() % std::size(kWords)];
        continue;
      }
      char32_t cp = rng() % 4 == 0 ? static_cast<char32_t>(rng() % 0xD7FF + 1)
                                   : kPool[rng() % std::size(kPool)];
      base::AppendUtf8(cp, &text);
    }
    std::vector<DateMention> found = FindDates(text, DocDate(2020, 1, 1));
    uint64_t prev_end = 0;
    for (const DateMention& m : found) {
      EXPECT_LE(prev_end, m.cp_begin);
      EXPECT_LT(m.cp_begin, m.cp_end);
      prev_end = m.cp_end;
    }
    EXPECT_LE(prev_end, base::CodePointCount(text));
  }
}

}  // namespace
}  // namespace sijill::time
