#include "text/normalize.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/testing/random_text.h"
#include "text/text_internal.h"

namespace sijill::text {
namespace {

TEST(ToNfc, ComposesDecomposedText) {
  EXPECT_EQ(ToNfc("Kiswe\u0301"), "Kisw\u00E9");
  EXPECT_EQ(ToNfc("\u1100\u1161"), "\uAC00");         // Hangul jamo
  EXPECT_EQ(ToNfc("\u0627\u0654"), "\u0623");         // alef + hamza above -> أ
  EXPECT_EQ(ToNfc("a\u0323\u0307"), "\u1EA1\u0307");  // canonical order, then compose
}

TEST(ToNfc, LeavesNfcTextAlone) {
  for (std::string text : {"", "plain ascii", "الكسوة مُحَمَّد", "Kisw\u00E9", "ﻻ ①"}) {
    EXPECT_EQ(ToNfc(text), text);
  }
}

TEST(FoldForSearch, CaseAndCompatibility) {
  EXPECT_EQ(FoldForSearch("KISWEH"), "kisweh");
  EXPECT_EQ(FoldForSearch("Stra\u00DFe"), "strasse");
  EXPECT_EQ(FoldForSearch("\uFF21\uFF22\uFF23"), "abc");  // full-width
  EXPECT_EQ(FoldForSearch("\uFB01le"), "file");           // ﬁ ligature
  EXPECT_EQ(FoldForSearch("\u2460"), "1");                // circled digit
  EXPECT_EQ(FoldForSearch("\u03A3\u039F\u03A3"), "\u03C3\u03BF\u03C3");
}

TEST(FoldForSearch, LatinDiacriticsAreRemoved) {
  EXPECT_EQ(FoldForSearch("Kiswé"), "kiswe");
  EXPECT_EQ(FoldForSearch("Kiswe\u0301"), "kiswe");  // decomposed input
  EXPECT_EQ(FoldForSearch("ʿAbd al-Raḥmān"), "ʿabd al-rahman");
  EXPECT_EQ(FoldForSearch("Ç\u0130ŞĞ"), "cisg");
  EXPECT_EQ(FoldForSearch("Nguyễn"), "nguyen");
  EXPECT_EQ(FoldForSearch("q\u0307"), "q");  // a mark with no precomposed letter
}

TEST(FoldForSearch, OtherScriptsKeepTheirLetters) {
  EXPECT_EQ(FoldForSearch("\u0439"), "\u0439");  // Cyrillic й
  EXPECT_EQ(FoldForSearch("\u03AC"), "\u03AC");  // Greek ά
  EXPECT_EQ(FoldForSearch("\uD55C\uAD6D"), "\uD55C\uAD6D");
}

TEST(FoldForSearch, ArabicDiacriticsAndTatweel) {
  EXPECT_EQ(FoldForSearch("مُحَمَّد"), FoldForSearch("محمد"));
  EXPECT_EQ(FoldForSearch("مُحَمَّد"), "محمد");
  EXPECT_EQ(FoldForSearch("مـحـمـد"), "محمد");
  EXPECT_EQ(FoldForSearch("رَحْمٰن"), "رحمن");  // superscript alef
  EXPECT_EQ(FoldForSearch("الْكِتَابُ"), "الكتاب");
  EXPECT_EQ(FoldForSearch("\u0645\u06DA\u0646"), "\u0645\u0646");  // Quranic mark
}

TEST(FoldForSearch, ArabicLetterVariants) {
  EXPECT_EQ(FoldForSearch("أحمد"), "احمد");
  EXPECT_EQ(FoldForSearch("إبراهيم"), "ابراهيم");
  EXPECT_EQ(FoldForSearch("آمنة"), "امنه");
  EXPECT_EQ(FoldForSearch("ٱلله"), "الله");
  EXPECT_EQ(FoldForSearch("مصطفى"), "مصطفي");
  EXPECT_EQ(FoldForSearch("\u0627\u0654\u062D\u0645\u062F"), "احمد");  // decomposed أ
  EXPECT_EQ(FoldForSearch("\u0648\u0654"), "\u0624");  // decomposed ؤ keeps its hamza
  EXPECT_EQ(FoldForSearch("\u0624"), "\u0624");
}

TEST(FoldForSearch, ArabicPresentationForms) {
  EXPECT_EQ(FoldForSearch("\uFEFB"), "لا");  // ﻻ
  EXPECT_EQ(FoldForSearch("\uFEE3\uFEA4\uFEE4\uFEAA"), "محمد");
}

TEST(FoldForSearch, ArabicIndicDigits) {
  EXPECT_EQ(FoldForSearch("٢١٥"), "215");
  EXPECT_EQ(FoldForSearch("٢١٥"), FoldForSearch("215"));
  EXPECT_EQ(FoldForSearch("۲۱۵"), "215");  // Eastern Arabic-Indic
  EXPECT_EQ(FoldForSearch("٠١٢٣٤٥٦٧٨٩"), "0123456789");
}

TEST(FoldForSearch, InvisibleFormatCharactersAreRemoved) {
  EXPECT_EQ(FoldForSearch("testi\u00ADmony"), "testimony");
  EXPECT_EQ(FoldForSearch("\u0645\u06CC\u200C\u0631\u0648\u0645"),
            "\u0645\u06CC\u0631\u0648\u0645");
}

TEST(AppendFolded, AppendsAndKeepsWhatIsThere) {
  std::string out = "x:";
  AppendFolded("ABC", &out);
  AppendFolded("é", &out);
  AppendFolded("أ", &out);
  EXPECT_EQ(out, "x:abceا");
  out.clear();
  AppendFolded("", &out);
  EXPECT_EQ(out, "");
}

// Code points chosen to exercise every branch of the fold, fast path and slow path.
std::vector<char32_t> InterestingCodePoints() {
  std::vector<char32_t> cps = {'a',    'Z',    '0',    ' ',    '-',    '\'',   0x00E9, 0x00DF,
                               0x0130, 0x0301, 0x0327, 0x0323, 0x1E25, 0x0439, 0x03AC, 0xAC00,
                               0x1100, 0x1161, 0xFB01, 0xFF21, 0x2460, 0x00AD, 0x200C, 0x200D,
                               0xFEFB, 0xFEE3, 0x06CC, 0x06C1, 0x06D2, 0x0610, 0x06E5, 0x02BF};
  for (char32_t c = 0x0620; c <= 0x0672; ++c) cps.push_back(c);  // letters, marks, digits
  for (char32_t c = 0x06D4; c <= 0x06F9; c += 3) cps.push_back(c);
  return cps;
}

using testing::RandomText;
using testing::TestRng;

TEST(FoldForSearch, FastPathAgreesWithIcuOnRandomText) {
  std::mt19937 rng = TestRng(7);
  std::vector<char32_t> alphabet = InterestingCodePoints();
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomText(rng, alphabet, 8);
    std::string slow;
    internal::AppendFoldedWithIcu(text, &slow);
    ASSERT_EQ(FoldForSearch(text), slow) << text;
  }
}

TEST(FoldForSearch, IsIdempotentAndValidUtf8) {
  std::mt19937 rng = TestRng(11);
  std::vector<char32_t> alphabet = InterestingCodePoints();
  for (int i = 0; i < 20000; ++i) {
    std::string text = RandomText(rng, alphabet, 8);
    std::string once = FoldForSearch(text);
    ASSERT_TRUE(base::IsValidUtf8(once)) << text;
    ASSERT_EQ(FoldForSearch(once), once) << text;
  }
}

TEST(FoldForSearch, EveryArabicBlockCodePointAgreesWithIcu) {
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
    std::string text = "\u0628";  // a letter first, so marks have a base
    base::AppendUtf8(c, &text);
    std::string slow;
    internal::AppendFoldedWithIcu(text, &slow);
    EXPECT_EQ(FoldForSearch(text), slow) << std::hex << static_cast<uint32_t>(c);
  }
}

}  // namespace
}  // namespace sijill::text
