#include "text/tokenize.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/normalize.h"
#include "text/testing/random_text.h"

namespace sijill::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

std::vector<std::string> Folded(std::string_view text) {
  std::vector<std::string> keys;
  TokenCursor cursor(text);
  while (cursor.Next()) keys.emplace_back(cursor.folded());
  return keys;
}

std::vector<std::string> Originals(std::string_view text) {
  std::vector<std::string> words;
  TokenCursor cursor(text);
  while (cursor.Next()) words.emplace_back(cursor.original());
  return words;
}

// The stem of each token, "" where there is none.
std::vector<std::string> Stems(std::string_view text) {
  std::vector<std::string> stems;
  TokenCursor cursor(text);
  while (cursor.Next()) stems.emplace_back(cursor.stem());
  return stems;
}

TEST(TokenCursor, EmptyAndSeparatorOnlyText) {
  EXPECT_THAT(Folded(""), IsEmpty());
  EXPECT_THAT(Folded(" \n\t.,;:!?()[]'\"«»-–—…"), IsEmpty());
  TokenCursor cursor("...");
  EXPECT_FALSE(cursor.Next());
  EXPECT_FALSE(cursor.Next());  // stays at the end
  EXPECT_EQ(cursor.folded(), "");
}

TEST(TokenCursor, EnglishWordsAreFoldedWithOffsets) {
  std::string text = "The KISWEH, (embroidered) in 1927!";
  TokenCursor cursor(text);
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.folded(), "the");
  EXPECT_EQ(cursor.begin(), 0u);
  EXPECT_EQ(cursor.end(), 3u);
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.folded(), "kisweh");
  EXPECT_EQ(cursor.original(), "KISWEH");
  EXPECT_EQ(cursor.begin(), 4u);
  EXPECT_EQ(cursor.stem(), "");
  EXPECT_THAT(Folded(text), ElementsAre("the", "kisweh", "embroidered", "in", "1927"));
}

TEST(TokenCursor, ApostrophesAndHyphensSplitWords) {
  EXPECT_THAT(Folded("Dar'a"), ElementsAre("dar", "a"));
  EXPECT_THAT(Folded("Dar’a"), ElementsAre("dar", "a"));
  EXPECT_THAT(Folded("Darʼa ʿAbd Shiʿa"), ElementsAre("dar", "a", "abd", "shi", "a"));
  EXPECT_THAT(Folded("al-Sabbagh"), ElementsAre("al", "sabbagh"));
  EXPECT_THAT(Folded("well‐known"), ElementsAre("well", "known"));  // U+2010
}

TEST(TokenCursor, QuotesAndArabicPunctuationSeparate) {
  EXPECT_THAT(Folded("«الكسوة»، قال: \"نعم\"؟"), ElementsAre("الكسوه", "قال", "نعم"));
  EXPECT_THAT(Originals("«الكسوة»،"), ElementsAre("الكسوة"));
}

TEST(TokenCursor, ArabicWordsAreFolded) {
  EXPECT_THAT(Folded("مُحَمَّد أحمد ٢١٥"), ElementsAre("محمد", "احمد", "215"));
}

TEST(TokenCursor, TatweelDoesNotSplitAWord) {
  EXPECT_THAT(Folded("مـحـمـد"), ElementsAre("محمد"));
  EXPECT_THAT(Originals("مـحـمـد"), ElementsAre("مـحـمـد"));
}

TEST(TokenCursor, LoneDiacriticsAndTatweelAreSkipped) {
  EXPECT_THAT(Folded("ـ ـــ \u064E a"), ElementsAre("a"));
}

TEST(TokenCursor, CombiningMarksStayInTheToken) {
  std::string text = "Kiswe\u0301 here";
  TokenCursor cursor(text);
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.original(), "Kiswe\u0301");
  EXPECT_EQ(cursor.folded(), "kiswe");
}

TEST(TokenCursor, LigaturesFoldAsAWhole) {
  EXPECT_THAT(Folded("\uFEFB \uFB01ne"), ElementsAre("لا", "fine"));
}

TEST(TokenCursor, InvisibleJoinersDoNotSplit) {
  EXPECT_THAT(Folded("testi\u00ADmony"), ElementsAre("testimony"));
  EXPECT_THAT(Folded("\u0645\u06CC\u200C\u0631\u0648\u0645"),
              ElementsAre("\u0645\u06CC\u0631\u0648\u0645"));
  // A joiner at a word's edge is not part of the token.
  EXPECT_THAT(Originals("\u200Cword\u200D next"), ElementsAre("word", "next"));
}

TEST(TokenCursor, FoldsWithSeparatorsGiveSeveralTokens) {
  EXPECT_THAT(Folded("\u00BD \u2474 \u0149"), ElementsAre("1", "2", "1", "n"));
  EXPECT_THAT(Folded("النبي \uFDFA"), ElementsAre("النبي", "صلي", "الله", "عليه", "وسلم"));
  std::string text = "x\u00BDy";  // all keys of one run share its byte range
  TokenCursor cursor(text);
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.folded(), "x1");
  EXPECT_EQ(cursor.end(), text.size());
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.folded(), "2y");
  EXPECT_EQ(cursor.begin(), 0u);
  EXPECT_EQ(cursor.original(), text);
  EXPECT_FALSE(cursor.Next());
}

TEST(TokenCursor, SymbolsAndEmojiSeparate) {
  EXPECT_THAT(Folded("a+b=c 😀x €5 #tag @user"),
              ElementsAre("a", "b", "c", "x", "5", "tag", "user"));
}

TEST(TokenCursor, NumbersWithSeparatorsSplit) {
  EXPECT_THAT(Folded("1,000.5 12/3/2011"), ElementsAre("1", "000", "5", "12", "3", "2011"));
}

TEST(TokenCursor, MixedScriptsInOneRunAreOneToken) {
  EXPECT_THAT(Folded("abcمحمد"), ElementsAre("abcمحمد"));
}

TEST(TokenCursor, StemStripsArticleAndFusedParticles) {
  EXPECT_THAT(Stems("الصباغ للجيش والجيش بالبيت كالأسد فالأمر"),
              ElementsAre("صباغ", "جيش", "جيش", "بيت", "اسد", "امر"));
  EXPECT_THAT(Stems("الْجَيْش"), ElementsAre("جيش"));
}

TEST(TokenCursor, StemNeedsTwoLettersAfterThePrefix) {
  EXPECT_THAT(Stems("ال الم لله الجو"), ElementsAre("", "", "", "جو"));
}

TEST(TokenCursor, StemIsEmptyForOtherWords) {
  EXPECT_THAT(Stems("Alabama also محمد بيت ٢١٥"), ElementsAre("", "", "", "", ""));
}

TEST(TokenCursor, NameOfGodHasNoStem) {
  // No "له" stem; "والله" is wa- + الله, and keeps the word itself as its stem.
  EXPECT_THAT(Stems("الله والله بالله"), ElementsAre("", "الله", ""));
}

TEST(TokenCursor, ConjunctionWaIsStrippedBeforeThreeLetters) {
  EXPECT_THAT(Stems("وإبراهيم ومحمد وائل ولد"), ElementsAre("ابراهيم", "محمد", "ائل", ""));
}

TEST(TokenCursor, StemIsClearedBetweenTokens) {
  TokenCursor cursor("الجيش kisweh");
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.stem(), "جيش");
  ASSERT_TRUE(cursor.Next());
  EXPECT_EQ(cursor.stem(), "");
  EXPECT_FALSE(cursor.Next());
  EXPECT_EQ(cursor.stem(), "");
}

// Random text over an alphabet of letters, marks, digits and separators of both scripts.
std::string RandomMixedText(std::mt19937& rng, size_t len) {
  static const std::vector<char32_t> alphabet = {
      'a',    'B',     'z',    '7',    ' ',    ' ',    '\n',   '\'',   '-',    '.',
      '"',    0x00E9,  0x0301, 0x0627, 0x0644, 0x0623, 0x0629, 0x0649, 0x064E, 0x0651,
      0x0640, 0x0662,  0x06F5, 0x061F, 0x060C, 0x00AB, 0x00BB, 0x200C, 0x00AD, 0x02BF,
      0xFEFB, 0x1F600, 0x00A0, 0x2019, 0x00BD, 0x2474, 0xFDFA, 0x0149};
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string text;
  for (size_t i = 0; i < len; ++i) base::AppendUtf8(alphabet[pick(rng)], &text);
  return text;
}

TEST(TokenCursor, RandomTextGivesOrderedTokensWithTheirOwnFolds) {
  std::mt19937 rng = testing::TestRng(3);
  for (int i = 0; i < 3000; ++i) {
    std::string text = RandomMixedText(rng, 40);
    TokenCursor cursor(text);
    size_t last_begin = 0, last_end = 0;
    while (cursor.Next()) {
      // Keys of one split fold share a range; otherwise ranges follow each other.
      bool same_run = cursor.begin() == last_begin && cursor.end() == last_end;
      ASSERT_TRUE(same_run || cursor.begin() >= last_end) << text;
      ASSERT_LT(cursor.begin(), cursor.end()) << text;
      ASSERT_LE(cursor.end(), text.size()) << text;
      ASSERT_FALSE(cursor.folded().empty()) << text;
      ASSERT_EQ(Folded(cursor.folded()), std::vector<std::string>{std::string(cursor.folded())})
          << text;  // a key is a fixed point of tokenizing
      std::string fold = FoldForSearch(cursor.original());
      ASSERT_NE(fold.find(cursor.folded()), std::string::npos) << text;
      ASSERT_TRUE(base::IsValidUtf8(cursor.original())) << text;
      last_begin = cursor.begin();
      last_end = cursor.end();
    }
  }
}

TEST(TokenCursor, TokensDoNotDependOnSurroundingText) {
  std::mt19937 rng = testing::TestRng(5);
  for (int i = 0; i < 1000; ++i) {
    std::string a = RandomMixedText(rng, 20), b = RandomMixedText(rng, 20);
    std::string both = a;
    both.append(" ").append(b);
    std::vector<std::string> joined = Folded(both);
    std::vector<std::string> separate = Folded(a);
    for (std::string& key : Folded(b)) separate.push_back(key);
    ASSERT_EQ(joined, separate) << a << "|" << b;
  }
}

}  // namespace
}  // namespace sijill::text
