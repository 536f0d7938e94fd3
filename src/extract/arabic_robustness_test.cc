// Arabic extraction on random texts built from the words its rules look for: every span
// lies on the text, every claim names entities that exist and quotes a sentence, and the
// result does not depend on anything but the text.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/testing/arabic_fixture.h"

namespace sijill::extract {
namespace {

std::string RandomText(std::mt19937& rng) {
  static const std::vector<std::string> words = {
      "اللواء", "للواء",   "47",       "٢١٥",     "الفرع",  "كتيبة",  "كتيبتنا", "المدفعية",
      "الفرقة", "الرابعة", "المدرعة",  "العميد",  "المقدم", "عقيد",   "اسمه",    "غسان",
      "حيدر",   "أبو",     "علي",      "أخي",     "علاء",   "قائد",   "رئيس",    "أركان",
      "بقيادة", "تحت",     "إمرة",     "التابعة", "من",     "كتائب",  "في",      "إلى",
      "حمص",    "دوما",    "القصير",   "أرسل",    "وصلنا",  "خدمتُ",   "رقيباً",   "سمعتُ",
      "أن",     "لا",      "أعرف",     "منذ",     "2013",   "آذار",   "انشققتُ",  "اعتُقل",
      "أُصيب",   "قصف",     "مقر",      "«",       "»",      "،",      ".",       "\n",
      "يسمّونه", "الحرس",   "الجمهوري", "دورية",   "فرقة",   "موسيقى", "رتبة",    "لواء"};
  std::uniform_int_distribution<size_t> pick(0, words.size() - 1);
  std::uniform_int_distribution<int> length(0, 60);
  std::string text;
  for (int i = length(rng); i > 0; --i) {
    const std::string& w = words[pick(rng)];
    if (!text.empty() && w != "،" && w != "." && w != "»") text += ' ';
    text += w;
  }
  return text;
}

TEST(ArabicRobustness, RandomTextsGiveWellFormedResults) {
  std::mt19937 rng(20260611);
  for (int round = 0; round < 2000; ++round) {
    std::string text = RandomText(rng);
    testing::ArabicExtraction x(text, "أبو علي");
    const Extraction& found = x.found();
    for (const FoundEntity& e : found.entities) {
      ASSERT_FALSE(e.spans.empty()) << text;
      for (Span s : e.spans) {
        ASSERT_LT(s.begin, s.end) << text;
        ASSERT_LE(s.end, text.size()) << text;
        ASSERT_TRUE(base::IsValidUtf8(x.TextOf(s))) << text;
      }
    }
    for (const FoundClaim& c : found.claims) {
      ASSERT_LT(c.subject, found.entities.size()) << text;
      ASSERT_TRUE(c.object.has_value()) << text;
      ASSERT_LT(*c.object, found.entities.size()) << text;
      ASSERT_LT(c.quote.begin, c.quote.end) << text;
      ASSERT_LE(c.quote.end, text.size()) << text;
    }
    testing::ArabicExtraction again(text, "أبو علي");
    EXPECT_EQ(again.found().claims, found.claims) << text;
  }
}

}  // namespace
}  // namespace sijill::extract
