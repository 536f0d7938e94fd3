#include "text/search_query.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sijill::text {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

// A compact rendering of a parsed query, for readable expectations:
// clauses joined by " | ", terms by " ", phrases as [a b], prefixes with "*",
// excluded terms with "-".
std::string Render(const SearchQuery& query) {
  auto term_text = [](const SearchTerm& term) {
    std::string text = term.tokens.size() > 1 ? "[" : "";
    for (size_t i = 0; i < term.tokens.size(); ++i) text += (i ? " " : "") + term.tokens[i];
    if (term.tokens.size() > 1) text += "]";
    return term.prefix ? text + "*" : text;
  };
  std::string out;
  for (size_t c = 0; c < query.any_of.size(); ++c) {
    if (c > 0) out += " | ";
    std::vector<std::string> terms;
    for (const SearchTerm& t : query.any_of[c].required) terms.push_back(term_text(t));
    for (const SearchTerm& t : query.any_of[c].excluded) terms.push_back("-" + term_text(t));
    for (size_t i = 0; i < terms.size(); ++i) out += (i ? " " : "") + terms[i];
  }
  return out;
}

// The rendered query, or "error: <message>".
std::string Parse(std::string_view text) {
  base::Result<SearchQuery> query = ParseSearchQuery(text);
  if (!query) {
    EXPECT_EQ(query.error().code(), base::StatusCode::kInvalidArgument);
    return "error: " + query.error().message();
  }
  return Render(*query);
}

TEST(ParseSearchQuery, WordsAreRequiredAndFolded) {
  EXPECT_EQ(Parse("Kisweh  Cairo"), "kisweh cairo");
  EXPECT_EQ(Parse("Kiswé مُحَمَّد أحمد ٢١٥"), "kiswe محمد احمد 215");
  base::Result<SearchQuery> query = ParseSearchQuery("kisweh");
  ASSERT_TRUE(query.has_value());
  ASSERT_EQ(query->any_of.size(), 1u);
  ASSERT_EQ(query->any_of[0].required.size(), 1u);
  EXPECT_THAT(query->any_of[0].required[0].tokens, ElementsAre("kisweh"));
  EXPECT_FALSE(query->any_of[0].required[0].prefix);
  EXPECT_THAT(query->any_of[0].excluded, IsEmpty());
}

TEST(ParseSearchQuery, QuotedPhrases) {
  EXPECT_EQ(Parse("\"the Kisweh\" Cairo"), "[the kisweh] cairo");
  EXPECT_EQ(Parse("“black cloth” «الكسوة الشريفة» „x y“"), "[black cloth] [الكسوه الشريفه] [x y]");
  EXPECT_EQ(Parse("\"one\""), "one");  // a one-word phrase is a word
  EXPECT_EQ(Parse("a\"b c\"d"), "a [b c] d");
}

TEST(ParseSearchQuery, UnclosedQuoteClosesAtTheEnd) {
  EXPECT_EQ(Parse("cloth \"black gold"), "cloth [black gold]");
  EXPECT_EQ(Parse("\""), "error: the query has no words to search for");
}

TEST(ParseSearchQuery, WordsThatTokenizeIntoSeveralArePhrases) {
  EXPECT_EQ(Parse("al-Sabbagh Dar'a"), "[al sabbagh] [dar a]");
  EXPECT_EQ(Parse("al-Sabb*"), "[al sabb]*");
}

TEST(ParseSearchQuery, Prefixes) {
  EXPECT_EQ(Parse("kisw* مح*"), "kisw* مح*");
  EXPECT_EQ(Parse("k* x"), "k x");       // under two characters: a plain word
  EXPECT_EQ(Parse("kisw *"), "kisw");    // a detached star is punctuation
  EXPECT_EQ(Parse("ki*sw"), "[ki sw]");  // so is a star inside a word
  EXPECT_EQ(Parse("kisw** ok"), "kisw* ok");
  EXPECT_EQ(Parse("\"black clo*\""), "[black clo]*");
  EXPECT_EQ(Parse("مُ*"), "م");  // diacritics do not count
}

TEST(ParseSearchQuery, OrSplitsClauses) {
  EXPECT_EQ(Parse("kisweh OR kiswa cloth"), "kisweh | kiswa cloth");
  EXPECT_EQ(Parse("a b OR \"c d\" OR e"), "a b | [c d] | e");
}

TEST(ParseSearchQuery, StrayOrIsIgnored) {
  EXPECT_EQ(Parse("OR kisweh"), "kisweh");
  EXPECT_EQ(Parse("kisweh OR"), "kisweh");
  EXPECT_EQ(Parse("a OR OR b"), "a | b");
  EXPECT_EQ(Parse("a OR !!! OR b"), "a | b");
  EXPECT_EQ(Parse("OR"), "error: the query has no words to search for");
}

TEST(ParseSearchQuery, OrIsOnlyAnOperatorInUpperCaseAndAlone) {
  EXPECT_EQ(Parse("war or peace"), "war or peace");
  EXPECT_EQ(Parse("war Or peace"), "war or peace");
  EXPECT_EQ(Parse("war \"OR\" peace"), "war or peace");
  EXPECT_EQ(Parse("war OR: peace"), "war or peace");
  EXPECT_EQ(Parse("ORacle"), "oracle");
}

TEST(ParseSearchQuery, ExcludedWordsAndPhrases) {
  EXPECT_EQ(Parse("kisweh -cairo"), "kisweh -cairo");
  EXPECT_EQ(Parse("kisweh -\"black cloth\" -al-Sabbagh"), "kisweh -[black cloth] -[al sabbagh]");
  EXPECT_EQ(Parse("a -b OR c -d"), "a -b | c -d");
  EXPECT_EQ(Parse("x -OR"), "x -or");
}

TEST(ParseSearchQuery, StrayHyphensAreText) {
  EXPECT_EQ(Parse("a - b"), "a b");
  EXPECT_EQ(Parse("a -- b"), "a b");
  EXPECT_EQ(Parse("a --b"), "a -b");
  EXPECT_EQ(Parse("well-known"), "[well known]");
}

TEST(ParseSearchQuery, EngineSyntaxIsJustText) {
  EXPECT_EQ(Parse("(kisweh AND cairo) NOT x NEAR y"), "kisweh and cairo not x near y");
  EXPECT_EQ(Parse("title:kisweh ^2 {a} [b] a+b \\c"), "[title kisweh] 2 a b [a b] c");
  EXPECT_EQ(Parse("* ** -* \" ' ( )"), "error: the query has no words to search for");
}

TEST(ParseSearchQuery, EmptyQuery) {
  EXPECT_EQ(Parse(""), "error: the query is empty");
  EXPECT_EQ(Parse(" \t\n\u00A0"), "error: the query is empty");
}

TEST(ParseSearchQuery, OnlyPunctuation) {
  EXPECT_EQ(Parse("!?"), "error: the query has no words to search for");
  EXPECT_EQ(Parse("« »  ،؟"), "error: the query has no words to search for");
}

TEST(ParseSearchQuery, EveryWordExcluded) {
  const std::string error = "error: every word is excluded: add a word to search for";
  EXPECT_EQ(Parse("-cairo"), error);
  EXPECT_EQ(Parse("-cairo -\"black cloth\""), error);
  EXPECT_EQ(Parse("kisweh OR -cairo"), error);
  EXPECT_EQ(Parse("-cairo !!!"), error);
}

TEST(ParseSearchQuery, InvalidUtf8IsReadAsSpaces) {
  EXPECT_EQ(Parse(std::string("kis\xFFweh")), "kis weh");
  EXPECT_EQ(Parse(std::string("\xC3")), "error: the query is empty");
}

}  // namespace
}  // namespace sijill::text
