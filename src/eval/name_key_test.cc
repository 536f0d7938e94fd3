#include "eval/name_key.h"

#include <gtest/gtest.h>

namespace sijill::eval {
namespace {

TEST(NormalizeName, CaseQuotesPunctuationSpacesAndArticle) {
  EXPECT_EQ(NormalizeName("The 47th “Hawks” Brigade"), "47th hawks brigade");
  EXPECT_EQ(NormalizeName("  Air   Force\tIntelligence. "), "air force intelligence");
  EXPECT_EQ(NormalizeName("\"Abu Ali\""), "abu ali");
  EXPECT_EQ(NormalizeName("Deir ez-Zor"), "deir ezzor");  // punctuation dropped, not spaced
  EXPECT_EQ(NormalizeName("the general"), "general");
  EXPECT_EQ(NormalizeName("theatre"), "theatre");  // "the" only as a word
  EXPECT_EQ(NormalizeName("the"), "the");          // never the whole name
}

TEST(NormalizeName, NfkcAndCaseFold) {
  EXPECT_EQ(NormalizeName("ＨＡＭＡ"), "hama");
  EXPECT_EQ(NormalizeName("Straße"), "strasse");
}

TEST(NormalizeName, Arabic) {
  // Diacritics, tatweel, alef forms, ى -> ي, ة -> ه, and the article.
  EXPECT_EQ(NormalizeName("الفِرْقَة الرابعة"), "فرقه الرابعه");
  EXPECT_EQ(NormalizeName("إدارة المخابرات"), "اداره المخابرات");
  EXPECT_EQ(NormalizeName("مصطفـــى"), "مصطفي");
  EXPECT_EQ(NormalizeName("«حيدر»،"), "حيدر");
  EXPECT_EQ(NormalizeName("آل"), "ال");  // alef form unified; nothing left to drop from
}

}  // namespace
}  // namespace sijill::eval
