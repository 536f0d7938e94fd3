// The finder skips tokens that no expression can start with (MayStartDate). That list
// must stay in step with the matchers: here the fast scan is compared with the
// exhaustive one (every token tried) over the dev testimonies, python-edtf's phrases,
// the fuzz corpus and one example of every form the finder's header lists.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "base/utf8.h"
#include "time/date_finder_internal.h"

namespace sijill::time {
namespace {

std::string Slurp(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string Describe(const std::vector<DateMention>& mentions) {
  std::string out;
  for (const DateMention& m : mentions) {
    out += std::to_string(m.cp_begin) + "-" + std::to_string(m.cp_end) + " " + m.text + "=" +
           (m.value ? ToString(*m.value) : "?");
    for (const DatePart& p : m.parts)
      out += " {" + std::to_string(p.cp_begin) + " " + p.text + "=" +
             (p.value ? ToString(*p.value) : "?") + "}";
    out += "\n";
  }
  return out;
}

// Compares the two scans on `text`, as running text and as a date field.
void ExpectSameScan(std::string_view text, const std::string& where) {
  if (!base::IsValidUtf8(text)) return;
  FindOptions options = FindOptions::ForDay(DayFromCivil(2024, 5, 12));
  for (bool field : {false, true}) {
    auto fast = internal::FindDatesWith(text, options, {.field = field});
    auto full =
        internal::FindDatesWith(text, options, {.field = field, .skip_unlikely_starts = false});
    EXPECT_EQ(Describe(fast), Describe(full)) << where << (field ? " (field)" : "");
  }
}

constexpr std::string_view kForms[] = {
    "March 3, 2013",
    "3 March 2013",
    "the 3rd of March 2013",
    "الثالث من آذار 2013",
    "١٨ شباط ٢٠١٤",
    "24-4-2011",
    "20/7/2011",
    "1.2.2013",
    "2011-04-24",
    "20 أو 21 تموز 2012",
    "20 or 21 July 2012",
    "March 2013",
    "كانون الثاني/يناير 2014",
    "وفي تشرين الأول 2012",
    "بآذار",
    "in December",
    "last November",
    "this past January",
    "تشرين الثاني الماضي",
    "the fall of 2012",
    "summer 2013",
    "ربيع 2011",
    "والربيع 2011",
    "بالخريف 2012",
    "early 2014",
    "the beginning of 2014",
    "أوائل 2014",
    "مطلع 2014",
    "بداية أيلول",
    "منتصف 2014",
    "أواخر نيسان 2013",
    "the end of September 2014",
    "the first half of 2012",
    "النصف الثاني من 2013",
    "the 1980s",
    "the early 1980s",
    "the 1800s",
    "the 19th century",
    "19c",
    "c.19c?",
    "17th-19th centuries",
    "القرن التاسع عشر",
    "64 BCE",
    "1 AD",
    "2nd century B.C.",
    "300 قبل الميلاد",
    "7/2008",
    "in 2012",
    "during 2013",
    "around 2016",
    "حوالي عام 2016",
    "عام 2011",
    "the year 1897",
    "that year",
    "the following year",
    "ذلك العام",
    "العام التالي",
    "تلك السنة",
    "نفس العام",
    "السنة التالية",
    "February 2012, the second week",
    "Eid al-Adha",
    "the small Eid",
    "the big Eid",
    "Eid al-Fitr of 2014",
    "عيد الفطر",
    "the third day of Ramadan in 2013",
    "برمضان 2013",
    "in 2013. Two days later",
    "a month after that",
    "in 2013 بعد يومين",
    "in 2013 بعد ثلاثة أشهر",
    "in 2013 بشهرين",
    "in 2013 the same day",
    "في اليوم نفسه",
    "in 2013 the end of that month",
    "بعد عيد الأضحى بشهرين",
    "since 2010",
    "منذ 2010",
    "after 2010",
    "later than 2010",
    "before 1928",
    "earlier than 1928",
    "قبل 2012",
    "January or February",
    "أواخر نيسان 2013، أو ربما في بداية أيار",
    "from June 2011 until late 2014",
    "between 2011 and 2014",
    "بين عامي 2011 و2014",
    "من 2011 إلى 2014",
    "1851-1852",
    "1851-52",
    "1860s-1870s",
    "1856-ca. 1865",
    "1858/1860",
    "maybe 2012",
    "perhaps 2012",
    "2012, I think",
    "ربما 2012",
    "أظن 2012",
    "2012 على ما أذكر",
    "uncertain: 1862",
    "1862 (uncertain)",
    "1862 guess",
    "1860?",
    "about 2012",
    "approx. 1860",
    "c. 1860",
    "ca1860",
    "~ Feb 1812",
    "circa 1860",
    "2012 or so",
    "2012 تقريباً",
    "نحو 2012",
    "غالباً 2012",
    "roughly 2012",
    "approximately 2012",
    "throughout 2012",
    "طوال 2012",
    "خلال 2012",
    "حتى 2014",
    "لغاية 2014",
    "by 2012",
    "until 2014",
    "till 2014",
    "at the end of 2013",
    "mid-2013",
    "the middle of 2013",
    "first days of May 2013",
    "start of 2013",
    "I believe in 2012",
    "I guess in 2012",
    "على ما أظن 2012",
    "على ما أعتقد 2012",
    "أعتقد 2012",
    "probably 2012",
    "one day later",
    "five days later",
    "ten days later",
    "بعد خمسة أيام",
    "بعد ستة أشهر",
    "بعد أسبوع",
    "بعد أسبوعين",
    "بعد سنتين",
    "بعد عامين",
    "بعد شهر",
    "بعد سنة",
    "بعد عام",
    "بيومين",
    "بأسبوع",
    "بسنة",
    "بعام",
};

TEST(DateFinderScan, FastScanEqualsExhaustiveScan) {
  std::string all;
  for (std::string_view form : kForms) {
    ExpectSameScan(form, std::string(form));
    all += std::string(form) + ". ";
  }
  ExpectSameScan(all, "all forms in one text");
  const std::filesystem::path shared = SIJILL_SOURCE_DIR "/../shared/data";
  for (const char* stem : {"t01", "t02", "t03", "t04", "t05", "t06"})
    ExpectSameScan(Slurp(shared / "dev" / (std::string(stem) + ".txt")), stem);
  auto natlang = nlohmann::json::parse(Slurp(shared / "edtf/python-edtf__edtf_natlang_tests.json"));
  for (const auto& c : natlang["data"]["test_natlang"]["cases"])
    ExpectSameScan(c[0].get<std::string>(), c[0].get<std::string>());
  int files = 0;
  for (const auto& e :
       std::filesystem::directory_iterator(SIJILL_SOURCE_DIR "/fuzz/corpus/date_finder")) {
    ExpectSameScan(Slurp(e.path()), e.path().string());
    ++files;
  }
  EXPECT_GT(files, 50);
}

}  // namespace
}  // namespace sijill::time
