#include "ingest/pdf_text.h"

#include <gtest/gtest.h>

namespace sijill::ingest::internal {
namespace {

TEST(PdfDateTest, ReducesToIsoDate) {
  EXPECT_EQ(PdfDate("D:20240512103000Z'"), "2024-05-12");
  EXPECT_EQ(PdfDate("D:20240512103000+03'00'"), "2024-05-12");
  EXPECT_EQ(PdfDate("20240512"), "2024-05-12");
  EXPECT_EQ(PdfDate("D:202405"), "2024-05");
  EXPECT_EQ(PdfDate("D:2024"), "2024");
  EXPECT_EQ(PdfDate("D:2024-05"), "2024");
  EXPECT_EQ(PdfDate(""), std::nullopt);
  EXPECT_EQ(PdfDate("D:"), std::nullopt);
  EXPECT_EQ(PdfDate("Friday"), std::nullopt);
}

TEST(LogicalLineTest, TrimsAndCollapsesSpaces) {
  EXPECT_EQ(LogicalLine("   Interviewer:      Who   was there?  "), "Interviewer: Who was there?");
  EXPECT_EQ(LogicalLine("a \t  b"), "a \tb");
  EXPECT_EQ(LogicalLine("    "), "");
}

TEST(LogicalLineTest, DropsControlCharactersAndRepairsUtf8) {
  EXPECT_EQ(LogicalLine("a\x01"
                        "b\x7F"
                        "c\r"),
            "abc");
  EXPECT_EQ(LogicalLine("a\xFF"
                        "b"),
            "a\xEF\xBF\xBD"
            "b");
}

// Lines as poppler writes them for a page whose text is mostly left to right: each
// right-to-left stretch reversed into logical order and wrapped in RLE ... PDF, the
// stretches themselves left in visual order.
TEST(LogicalLineTest, RightToLeftLineOnALeftToRightPage) {
  EXPECT_EQ(LogicalLine("\u202B وانتظرنا\u202C،\u202B في الرابع عشر من آذار أغلق الحاجز عند "
                        "الجسر\u202C.2013 \u202Bكنت معلما في دوما حتى ربيع عام\u202C"),
            "كنت معلما في دوما حتى ربيع عام 2013. في الرابع عشر من آذار أغلق الحاجز عند الجسر، "
            "وانتظرنا");
  EXPECT_EQ(LogicalLine("                  .\u202Bهناك ست ساعات\u202C"), "هناك ست ساعات.");
}

TEST(LogicalLineTest, ArabicNameInAnEnglishLine) {
  EXPECT_EQ(LogicalLine("He met \u202B أبو علي\u202Cin Homs."), "He met أبو علي in Homs.");
}

// A page whose text is mostly right to left: poppler reverses the whole line, keeps
// left-to-right stretches in order inside LRE ... PDF, and wraps it all in RLE ... PDF.
TEST(LogicalLineTest, LineOnARightToLeftPage) {
  EXPECT_EQ(LogicalLine("\u202Bقال الشاهد إن الضابط \u202A Samer Qaddour\u202Cكان في المقر سنة "
                        "\u202A 2013\u202Cمع \u202A 40\u202Cجنديا\u202A.\u202C\u202C"),
            "قال الشاهد إن الضابط Samer Qaddour كان في المقر سنة 2013 مع 40 جنديا.");
}

TEST(PageParagraphsTest, BlankLinesEndParagraphs) {
  EXPECT_EQ(PageParagraphs("one\ntwo\n\n   \nthree\n\f"), "one\ntwo\n\nthree\n\n");
  EXPECT_EQ(PageParagraphs("last line without LF"), "last line without LF\n\n");
}

TEST(PageParagraphsTest, EmptyPage) {
  EXPECT_EQ(PageParagraphs(""), "");
  EXPECT_EQ(PageParagraphs("  \n\f\n"), "");
}

}  // namespace
}  // namespace sijill::ingest::internal
