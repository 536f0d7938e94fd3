// Date expressions in running English and Arabic text (issue 3, part 4).
//
// FindDates scans UTF-8 text and returns each date expression it recognizes, left to
// right, without overlaps, with its span in code points and an EDTF value. Pure and
// thread-safe.
//
// Recognized (English / Arabic; Arabic matching ignores diacritics and tatweel, and
// unifies alef forms; digits may be ASCII or Arabic-Indic):
//   full dates        "March 3, 2013", "3 March 2013", "the 3rd of March 2013",
//                     "الثالث من آذار 2013", "١٨ شباط ٢٠١٤"                     -> 2013-03-03
//   numeric dates     day-month-year "24-4-2011", "20/7/2011", "1.2.2013"; ISO "2011-04-24"
//   day alternatives  "20 أو 21 تموز 2012", "20 or 21 July 2012"      -> [2012-07-20,2012-07-21]
//   month (+ year)    "March 2013", "كانون الثاني/يناير 2014"; Levantine, MSA and English
//                     names; a month alone ("in December") takes its year from context
//   relative months   "last November", "this past January", "تشرين الثاني الماضي": the
//                     latest such month strictly before the document date's month
//   seasons           "the fall of 2012", "summer 2013", "ربيع 2011"   -> 2012-23 (21..24)
//   parts             early/beginning -> YYYY-01~, mid/middle -> YYYY-06~, late/end ->
//                     YYYY-12~ (أوائل/مطلع/بداية, منتصف, أواخر/نهاية); of a month: early
//                     -> MM-01~/MM-10~, mid -> MM-11~/MM-20~, late -> MM-21~/MM-last~,
//                     "the end of" -> MM-last~; first/second half of a year -> 01/06, 07/12
//   decades           "the 1980s" -> 198X
//   years             after a preposition or approximation ("in 2012", "during 2013",
//                     "around 2016" -> 2016~, "حوالي عام 2016"), after عام/سنة/the year,
//                     or as a reference ("that year", "the following year", ذلك العام,
//                     العام التالي: the year in context, plus one)
//   weeks of a month  "February 2012, the second week" -> 2012-02-08/2012-02-14
//   Islamic feasts    "Eid al-Adha", "the small Eid", "Eid al-Fitr of 2014", "عيد الفطر",
//                     "the third day of Ramadan in 2013": the Umm al-Qura calendar (ICU;
//                     tabular outside 1300..1600 AH). Months begin on sighting the moon,
//                     often a day after the computed date, so a day is one of two:
//                     [2013-07-11,2013-07-12]; Ramadan as a whole is its main month, ~.
//                     The year is Gregorian, or Hijri when below 1600 ("عيد الأضحى 1434")
//   steps             "two days later", "a month after that", "بعد يومين", "بعد ثلاثة أشهر",
//                     "the same day", "في اليوم نفسه", "the end of that month": counted from
//                     the previous mention's (last) date; open when there is none or it is
//                     too coarse for the unit (days from a bare year); "بعد عيد الأضحى
//                     بشهرين" counts from the date inside the phrase
//   since, after      "since 2010", "after 2010", "later than 2010", "منذ 2010" -> 2010/..
//   before            "before 1928", "earlier than 1928", "قبل 2012" -> ../1928 (as
//                     python-edtf: the named unit is included)
//   alternatives      "January or February", "أواخر نيسان 2013، أو ربما في بداية أيار":
//                     an interval from the first to the second (days: a one-of set, above)
//   ranges            "from June 2011 until late 2014", "between 2011 and 2014",
//                     "بين عامي 2011 و2014", "من ... حتى/إلى ..." -> an interval; a season
//                     as an end becomes its first (or last) month. Years, decades and
//                     centuries with a dash: "1851-1852", "1851-52", "1860s-1870s" (but
//                     "2011-12", a two-digit end up to 12, is not taken: it may be ISO's
//                     December 2011); "1858/1860" -> one of the two, [1858,1860]
//   qualifiers        a hedge before or after ("maybe", "perhaps", "I think", "uncertain:",
//                     "(guess)", a "?" right after, ربما, أظن) adds ?; "around", "about",
//                     "approx.", "c.", "ca", "circa", "~", "or so", حوالي, تقريباً add ~.
//                     They are part of the span. "until 2014" is just 2014 (the named
//                     date: whether the end is included is not said).
// Years that are not written are resolved, in order, from: the most recent year named
// (explicitly, or resolved) earlier in the same text; else the document date's year (the
// year before for a month later than the document's: "in December" told in June 2013 is
// December 2012).
// With neither, a month, day or season keeps its year unspecified ("XXXX-11"), and
// anything else (a step from nothing, "that year" with no year before) is returned with
// value nullopt: the finder never guesses. A value that would not be a valid date
// (31 February) is also nullopt. A leading preposition ("in", "since", "في", "منذ") is
// part of the span.
// Not recognized: bare numbers without a date context ("Branch 215", "47th Brigade",
// "1500 men", "room 2012"), two-digit years, month-first numeric dates ("10/7/2008" is
// 10 July), durations, steps from an event ("two months after the Eid",
// "قبل خروجي بقليل"), times of day.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::time {

struct FindOptions {
  // The date the document was written or the interview held. Only its year and month
  // are used (year fallback, relative months). nullopt: no document date.
  std::optional<EdtfDate> document_date;

  static FindOptions ForDay(Day day);
};

// One end of a range or alternative, as written ("the summer of 2013" in "from the
// summer of 2013 until the end of September 2014"), with its own value.
struct DatePart {
  uint64_t cp_begin = 0, cp_end = 0;  // code points into the input, [begin, end)
  std::string text;                   // the input's bytes for the span
  std::optional<EdtfValue> value;     // nullopt when the date could not be fixed
};

struct DateMention {
  uint64_t cp_begin = 0, cp_end = 0;  // code points into the input, [begin, end)
  std::string text;                   // the input's bytes for the span
  std::optional<EdtfValue> value;     // nullopt when the date could not be fixed
  // For an expression written as two dates ("from X until Y", "X or Y", "1860s-1870s"):
  // the two, in order, inside the span. Empty otherwise.
  std::vector<DatePart> parts;
};

// REQUIRES: `utf8_text` is valid UTF-8 (see base::IsValidUtf8).
std::vector<DateMention> FindDates(std::string_view utf8_text, const FindOptions& options);

// The first date expression of a text that is known to hold a date (a spreadsheet cell,
// a catalogue or form field: "c. 1860", "1851-52", "before 1928", "19th century?"), where
// a bare four-digit number is a year. nullopt when it holds none.
// REQUIRES: `utf8_text` is valid UTF-8.
std::optional<DateMention> ReadDateField(std::string_view utf8_text, const FindOptions& options);

}  // namespace sijill::time
