#include "resolve/skeleton.h"

#include <gtest/gtest.h>

namespace sijill::resolve {
namespace {

std::vector<std::string> Keys(std::string_view name) { return TokenKeys(name); }

TEST(SkeletonTest, SpellingsOfOneNameShareTheirKeys) {
  EXPECT_EQ(Keys("Haidar"), std::vector<std::string>{"HDR"});
  EXPECT_EQ(Keys("Haydar"), Keys("Haidar"));
  EXPECT_EQ(Keys("حيدر"), Keys("Haidar"));
  EXPECT_EQ(Keys("Qaddour"), std::vector<std::string>{"KDR"});
  EXPECT_EQ(Keys("Kaddour"), Keys("Qaddour"));
  EXPECT_EQ(Keys("قدّور"), Keys("Qaddour"));
  EXPECT_EQ(Keys("Shahin"), std::vector<std::string>{"CHN"});
  EXPECT_EQ(Keys("Chahine"), Keys("Shahin"));
  EXPECT_EQ(Keys("شاهين"), Keys("Shahin"));
  EXPECT_EQ(Keys("Mezzeh"), std::vector<std::string>{"MZ"});
  EXPECT_EQ(Keys("Mezze"), Keys("Mezzeh"));
  EXPECT_EQ(Keys("المزة"), Keys("Mezzeh"));
}

TEST(SkeletonTest, ArticlesAreDroppedInBothScripts) {
  const std::vector<std::string> want = {"DR", "ZR"};
  EXPECT_EQ(Keys("Deir ez-Zor"), want);
  EXPECT_EQ(Keys("Dayr al-Zawr"), want);
  EXPECT_EQ(Keys("دير الزور"), want);
  EXPECT_EQ(Keys("Bashar al-Assad"), Keys("بشار الأسد"));
  // A lone article-like word is a name, not an article.
  EXPECT_EQ(Keys("Al"), std::vector<std::string>{"L"});
}

TEST(SkeletonTest, AFusedArticleAfterAbdIsCutOff) {
  const std::vector<std::string> want = {"BD", "RHMN"};
  EXPECT_EQ(Keys("Abd al-Rahman"), want);
  EXPECT_EQ(Keys("Abdul Rahman"), want);
  EXPECT_EQ(Keys("Abdulrahman"), want);
  EXPECT_EQ(Keys("عبد الرحمن"), want);
  EXPECT_EQ(Keys("عبدالرحمن"), want);
  EXPECT_EQ(Keys("Abdullah"), Keys("عبدالله"));
  EXPECT_EQ(Keys("Abdallah"), Keys("عبد الله"));
  EXPECT_EQ(Keys("Abdo"), std::vector<std::string>{"BD"});
}

TEST(SkeletonTest, WholeKeysOfNamesOfSeveralTokens) {
  EXPECT_EQ(WholeKey("Dayr al-Zawr"), "=DR ZR");
  EXPECT_EQ(WholeKey("دير الزور"), "=DR ZR");
  EXPECT_EQ(WholeKey("Haidar"), "");
  EXPECT_EQ(WholeKey(""), "");
  EXPECT_EQ(PairKeys("Mohammad Khaled Haidar"),
            (std::vector<std::string>{"+MHMD XLD", "+MHMD HDR", "+XLD HDR"}));
  EXPECT_EQ(PairKeys("محمد حيدر"), std::vector<std::string>{"+MHMD HDR"});
  EXPECT_TRUE(PairKeys("Haidar").empty());
}

TEST(SkeletonTest, PhoneticFormsKeepVowelsAndGlides) {
  EXPECT_EQ(Phonetic("haidar"), "HAIDAR");
  EXPECT_EQ(Phonetic("haydar"), "HAIDAR");
  EXPECT_EQ(Phonetic("\u062d\u064a\u062f\u0631"), "HIDR");         // حيدر
  EXPECT_EQ(Phonetic("\u064a\u0648\u0633\u0641"), "YUSF");         // يوسف
  EXPECT_EQ(Phonetic("\u0645\u0631\u0648\u0627\u0646"), "MRWAN");  // مروان
  EXPECT_EQ(Phonetic("youssef"), "YUSEF");
  EXPECT_EQ(Phonetic("khaled"), "XALED");
  EXPECT_EQ(Phonetic("ghassan"), "KASAN");
  EXPECT_EQ(Phonetic("\u063a\u0633\u0627\u0646"), "KSAN");  // غسان
  EXPECT_EQ(ConsonantKey("AU"), "AU");
}

TEST(SkeletonTest, TokensFoldCaseMarksDigitsAndApostrophes) {
  auto tokens = Tokenize("Mu'in  RAḤMĀN 47th ٤٧");
  ASSERT_EQ(tokens.size(), 4u);
  EXPECT_EQ(tokens[0].folded, "muin");
  EXPECT_EQ(tokens[1].key, "RHMN");
  EXPECT_TRUE(tokens[2].numeric);
  EXPECT_EQ(tokens[2].key, "47");
  EXPECT_EQ(tokens[3].key, "47");
  EXPECT_EQ(Tokenize("الفرقة الرابعة")[0].folded, "فرقه");
}

TEST(SkeletonTest, NothingToKeyGivesNoTokens) {
  EXPECT_TRUE(Tokenize("").empty());
  EXPECT_TRUE(Tokenize(" -- ; ").empty());
  EXPECT_TRUE(Tokenize("\xff\xfe").empty());
  EXPECT_EQ(Tokenize("Ali\xff Hasan").size(), 1u);  // read up to the invalid byte
}

}  // namespace
}  // namespace sijill::resolve
