// Exact examples of Redactor: what is a mention and what is not, the replacement's
// exact span, overlapping names, FindLeaks' reports and Create's refusals.
#include "redact/redactor.h"

#include <gtest/gtest.h>

#include <ostream>

namespace sijill::redact {
namespace {

constexpr const char* kAbuKaram = "Protected person AAAAAA";
constexpr const char* kAyham = "Protected person BBBBBB";
constexpr const char* kKaram = "Protected person CCCCCC";
constexpr const char* kHaddad = "Protected person DDDDDD";

std::unique_ptr<Redactor> Witnesses() {
  std::vector<ProtectedName> persons = {
      {kAbuKaram, {"Abu Karam", "أبو كرام"}},
      {kAyham, {"Ayham", "أيهم"}},
      {kKaram, {"Karam", "كرام"}},
      {kHaddad, {"Abdulrahman Haddad", "الحداد"}},
  };
  auto redactor = Redactor::Create(persons);
  EXPECT_TRUE(redactor.has_value()) << redactor.error().message();
  return std::move(*redactor);
}

}  // namespace

// Readable failure messages for lists of leaks.
void PrintTo(const Leak& leak, std::ostream* os) {
  *os << "{" << leak.pseudonym << ", " << leak.offset << ", \"" << leak.found << "\"}";
}

namespace {

std::string P(const char* pseudonym) { return pseudonym; }

TEST(RedactorTest, ReplacesLatinNamesLongestFirstKeepingPossessives) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("Abu Karam's brother Ayham"), P(kAbuKaram) + "'s brother " + P(kAyham));
  EXPECT_EQ(r->Redact("AYHAM and karam, and abu   KARAM."),
            P(kAyham) + " and " + P(kKaram) + ", and " + P(kAbuKaram) + ".");
}

TEST(RedactorTest, MultiWordNamesAcrossLineBreaksAndPunctuation) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("I saw Abu\nKaram."), "I saw " + P(kAbuKaram) + ".");
  EXPECT_EQ(r->Redact("(Abu-Karam)"), "(" + P(kAbuKaram) + ")");
  EXPECT_EQ(r->Redact("Abdulrahman\r\n  Haddad"), P(kHaddad));
}

TEST(RedactorTest, LatinEndingsAndAccents) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("the Ayhams"), "the " + P(kAyham) + "s");
  EXPECT_EQ(r->Redact("Ayham’s house"), P(kAyham) + "’s house");
  EXPECT_EQ(r->Redact("Áyhám"), P(kAyham));
  EXPECT_EQ(r->Redact("Ayhame"), "Ayhame");
}

TEST(RedactorTest, WholeWordsOnly) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("Karamanlis and Karam"), "Karamanlis and " + P(kKaram));
  EXPECT_EQ(r->Redact("Haddad alone"), "Haddad alone");  // aliases are matched as given
}

TEST(RedactorTest, ArabicSpellingVariants) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("رأيت أيهم"), "رأيت " + P(kAyham));
  EXPECT_EQ(r->Redact("رأيت اَيْهَم"), "رأيت " + P(kAyham));            // harakat, bare alef
  EXPECT_EQ(r->Redact("رأيت إيـــهم!"), "رأيت " + P(kAyham) + "!");  // hamza below, tatweel
  EXPECT_EQ(r->Redact("ابو كرام"), P(kAbuKaram));
}

TEST(RedactorTest, ArabicProcliticsStayInPlace) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("وأيهم"), "و" + P(kAyham));
  EXPECT_EQ(r->Redact("لأبو كرام"), "ل" + P(kAbuKaram));
  EXPECT_EQ(r->Redact("فبأيهم"), "فب" + P(kAyham));
  EXPECT_EQ(r->Redact("بالحداد وللحداد"), "ب" + P(kHaddad) + " و" + P(kHaddad));
  EXPECT_EQ(r->Redact("مأيهم"), "مأيهم");  // م is not a proclitic
}

TEST(RedactorTest, ReplacementCoversWholeCharactersAsWritten) {
  std::vector<ProtectedName> persons = {{"P1", {"Ross"}}, {"P2", {"أيهم"}}};
  auto r = Redactor::Create(persons);
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)->Redact("Roß!"), "P1!");  // ß folds to "ss"
  EXPECT_EQ((*r)->Redact("ROSSes"), "P1es");
  EXPECT_EQ((*r)->Redact("أَيْهَمُ."), "P2.");       // the last letter's haraka goes too
  EXPECT_EQ((*r)->Redact("أي‌هم"), "P2");  // ZWNJ inside the name
  EXPECT_EQ((*r)->Redact("أيهمـ"), "P2");        // tatweel after the name
  EXPECT_EQ((*r)->Redact("Ŕoss"), "P1");         // combining accent
}

// Characters that normalization joins across code points are folded together, as
// FindLeaks folds them: Hangul written as jamo or as syllables, و with a combining hamza.
TEST(RedactorTest, CharactersJoinedByNormalizationMatchEitherWay) {
  std::vector<ProtectedName> persons = {{"P1", {"\u1100\u1161 Kim"}},
                                        {"P2", {"\u0624\u0627\u062F"}}};
  auto r = Redactor::Create(persons);
  ASSERT_TRUE(r.has_value());
  for (std::string text : {"\uAC00 Kim", "\u1100\u1161 Kim", "\u1100\u064E\u1161 Kim"}) {
    EXPECT_EQ((*r)->Redact(text), "P1") << text;
    EXPECT_EQ((*r)->FindLeaks(text).size(), 1u) << text;
  }
  EXPECT_EQ((*r)->Redact("\u0648\u0654\u0627\u062F"), "P2");            // و + hamza above = ؤ
  EXPECT_EQ((*r)->Redact("\u0648\u0627\u062F"), "\u0648\u0627\u062F");  // وا is not ؤا
}

TEST(RedactorTest, OverlappingMentionsAreReplacedOnceByTheLongest) {
  auto r = Witnesses();
  EXPECT_EQ(r->Redact("Abu Karam Karam"), P(kAbuKaram) + " " + P(kKaram));
  EXPECT_EQ(r->Redact("Karam"), P(kKaram));
}

TEST(RedactorTest, FindLeaksReportsEachMention) {
  auto r = Witnesses();
  std::string text = "Abu Karam's brother (وأيهم) met KARAM.";
  std::vector<Leak> leaks = r->FindLeaks(text);
  std::vector<Leak> expected = {
      {kAbuKaram, 0, "Abu Karam's"},
      {kKaram, 4, "Karam's"},
      {kAyham, 20, "(وأيهم)"},
      {kKaram, 37, "KARAM."},
  };
  EXPECT_EQ(leaks, expected);
  EXPECT_TRUE(r->FindLeaks(r->Redact(text)).empty());
}

TEST(RedactorTest, PseudonymsAreNotLeaks) {
  auto r = Witnesses();
  EXPECT_TRUE(r->FindLeaks(std::string(kAbuKaram) + " " + kAyham).empty());
}

TEST(RedactorTest, CreateRefusesUnsafePseudonymsAndEmptyNames) {
  std::vector<ProtectedName> contains = {{"Witness Ayham", {"Ayham"}}};
  auto r = Redactor::Create(contains);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(),
            "protected person 1 of 1: the pseudonym \"Witness Ayham\" contains a protected name");

  std::vector<ProtectedName> other = {{"P1", {"Ayham"}}, {"Witness ayham", {"Karam"}}};
  r = Redactor::Create(other);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(),
            "protected person 2 of 2: the pseudonym \"Witness ayham\" "
            "contains a protected name");

  std::vector<ProtectedName> empty = {{"P1", {"Ayham", " -- "}}};
  r = Redactor::Create(empty);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(),
            "protected person 1 of 1 (P1): name 2 of 2 has no letters or digits");

  std::vector<ProtectedName> no_pseudonym = {{"", {"Ayham"}}};
  r = Redactor::Create(no_pseudonym);
  ASSERT_FALSE(r.has_value());
  EXPECT_EQ(r.error().message(), "protected person 1 of 1: the pseudonym is empty");
}

// A name that contains a pseudonym's word: replacing "Ayham" with "Witness Zed" forms
// "Witness Zed Karam", which mentions "Zed Karam". Redact must go round again.
TEST(RedactorTest, ReplacementsThatFormNewMentionsAreRedactedAgain) {
  std::vector<ProtectedName> persons = {
      {"Witness Zed", {"Ayham"}},
      {"P2", {"zed karam"}},
  };
  auto r = Redactor::Create(persons);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  std::string text = "Ayham Karam";
  std::string redacted = (*r)->Redact(text);
  EXPECT_EQ(redacted, "Witness P2");
  EXPECT_TRUE((*r)->FindLeaks(redacted).empty());
}

// A pseudonym that begins with punctuation leaves a proclitic before it as a word of its
// own, which here is a protected name.
TEST(RedactorTest, ProcliticsCutOffByAPseudonymAreRedactedAgain) {
  std::vector<ProtectedName> persons = {{"[P1]", {"Ayham"}}, {"[P2]", {"و"}}};
  auto r = Redactor::Create(persons);
  ASSERT_TRUE(r.has_value()) << r.error().message();
  std::string redacted = (*r)->Redact("وAyham");
  EXPECT_EQ(redacted, "[P2][P1]");
  EXPECT_TRUE((*r)->FindLeaks(redacted).empty());
}

TEST(RedactorTest, NoPersonsRedactsNothing) {
  auto r = Redactor::Create({});
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ((*r)->Redact("Ayham"), "Ayham");
  EXPECT_TRUE((*r)->FindLeaks("Ayham").empty());
}

}  // namespace
}  // namespace sijill::redact
