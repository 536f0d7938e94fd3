#include "extract/builder.h"

#include <gtest/gtest.h>

#include "extract/gazetteer.h"

namespace sijill::extract {
namespace {

std::vector<std::string_view> SentenceTexts(std::string_view text) {
  std::vector<std::string_view> out;
  for (Span s : Sentences(text)) out.push_back(text.substr(s.begin, s.end - s.begin));
  return out;
}

TEST(Sentences, EndMarksAndParagraphsInBothScripts) {
  EXPECT_EQ(SentenceTexts("I saw him. He left!  Did he?\nNew paragraph"),
            (std::vector<std::string_view>{"I saw him.", "He left!", "Did he?", "New paragraph"}));
  EXPECT_EQ(SentenceTexts("هل رأيته؟ نعم رأيته."),
            (std::vector<std::string_view>{"هل رأيته؟", "نعم رأيته."}));
  // A closing quote stays with its sentence; a dot inside a word or number does not end one.
  EXPECT_EQ(SentenceTexts("He said “go.” Then 3.5 km on."),
            (std::vector<std::string_view>{"He said “go.”", "Then 3.5 km on."}));
  EXPECT_TRUE(Sentences("").empty());
  EXPECT_TRUE(Sentences(" \n\n ").empty());
}

TEST(ParagraphAt, NeverCrossesALineBreak) {
  std::string_view text = "First one. Second one\nThird one.";
  EXPECT_EQ(SentenceTexts(text),
            (std::vector<std::string_view>{"First one.", "Second one", "Third one."}));
  Span p = ParagraphAt(text, 0);
  EXPECT_EQ(text.substr(p.begin, p.end - p.begin), "First one. Second one");
}

TEST(DocumentBuilder, MentionsMergeByKeyAndClaimsAreNotRepeated) {
  std::string_view text = "Colonel Sabbagh met Sabbagh.";
  Document doc = PrepareDocument(text, Language::kEnglish, std::nullopt, std::nullopt);
  DocumentBuilder b(doc);
  size_t a = b.Mention(knowledge::EntityType::kPerson, "sabbagh", "Colonel Sabbagh", {0, 15}, "p");
  size_t c = b.Mention(knowledge::EntityType::kPerson, "sabbagh", "ignored", {20, 27}, "p");
  EXPECT_EQ(a, c);
  EXPECT_FALSE(b.Find(knowledge::EntityType::kUnit, "sabbagh").has_value());
  b.AddKey(a, "colonel sabbagh");
  EXPECT_EQ(b.Find(knowledge::EntityType::kPerson, "colonel sabbagh"), a);
  size_t unit = b.Mention(knowledge::EntityType::kUnit, "u", "47th Brigade", {}, "unit");
  FoundClaim claim;
  claim.subject = a;
  claim.predicate = knowledge::Predicate::kMemberOf;
  claim.object = unit;
  claim.quote = {0, 28};
  b.Claim(claim);
  b.Claim(claim);
  Extraction x = std::move(b).Finish();
  ASSERT_EQ(x.entities.size(), 2u);
  EXPECT_EQ(x.entities[0].canonical, "Colonel Sabbagh");
  EXPECT_EQ(x.entities[0].spans, (std::vector<Span>{{0, 15}, {20, 27}}));
  EXPECT_TRUE(x.entities[1].spans.empty());  // made without a span: the caller adds one
  EXPECT_EQ(x.claims.size(), 1u);
}

TEST(DocumentBuilder, ClaimTimesBecomeCanonicalEdtfOrNone) {
  std::string_view text = "He served there.";
  Document doc = PrepareDocument(text, Language::kEnglish, std::nullopt, std::nullopt);
  DocumentBuilder b(doc);
  size_t p = b.Mention(knowledge::EntityType::kPerson, "p", "He", {0, 2}, "p");
  size_t u = b.Mention(knowledge::EntityType::kUnit, "u", "Unit", {12, 17}, "u");
  FoundClaim claim;
  claim.subject = p;
  claim.object = u;
  claim.quote = {0, 16};
  claim.time = "2012-21/..";  // "from the spring of 2012": no season as an interval end
  b.Claim(claim);
  claim.role = "a";
  claim.time = "2012-13";  // unreadable: left out
  b.Claim(claim);
  claim.role = "b";
  claim.time = "2013-01-01/2013-02-03";
  b.Claim(claim);
  ASSERT_EQ(b.claims().size(), 3u);
  EXPECT_EQ(b.claims()[0].time, "2012-03/..");
  EXPECT_EQ(b.claims()[1].time, std::nullopt);
  EXPECT_EQ(b.claims()[2].time, "2013-01-01/2013-02-03");
}

// A repeat is a claim equal to an earlier one in subject, predicate, object (or object
// text), role and canonical time, however many claims came between; a difference in any
// one of these makes another claim, and the first of two repeats is the one kept.
TEST(DocumentBuilder, RepeatsAreDroppedByExactlyTheComparedFields) {
  std::string_view text = "He served there.";
  Document doc = PrepareDocument(text, Language::kEnglish, std::nullopt, std::nullopt);
  DocumentBuilder b(doc);
  size_t p = b.Mention(knowledge::EntityType::kPerson, "p", "He", {0, 2}, "p");
  size_t q = b.Mention(knowledge::EntityType::kPerson, "q", "She", {}, "p");
  size_t u = b.Mention(knowledge::EntityType::kUnit, "u", "Unit", {12, 17}, "u");
  size_t v = b.Mention(knowledge::EntityType::kUnit, "v", "Other unit", {}, "u");
  FoundClaim base;
  base.subject = p;
  base.predicate = knowledge::Predicate::kMemberOf;
  base.object = u;
  base.role = "driver";
  base.time = "2012-03/..";
  base.rank = "sergeant";
  base.quote = {0, 16};
  base.recognizer = "first";
  std::vector<FoundClaim> others(6, base);
  others[0].subject = q;
  others[1].predicate = knowledge::Predicate::kCommanderOf;
  others[2].object = v;
  others[3].object.reset();
  others[3].object_text = "a unit";
  others[4].role.reset();
  others[5].time = "2013";
  b.Claim(base);
  for (const FoundClaim& c : others) b.Claim(c);
  ASSERT_EQ(b.claims().size(), 7u);
  // Differences outside the compared fields, and a time written otherwise that means the
  // same ("the spring of 2012" onwards is March 2012 onwards), make repeats.
  FoundClaim again = base;
  again.rank = "colonel";
  again.evidence = knowledge::Evidence::kHearsay;
  again.quote = {3, 9};
  again.recognizer = "second";
  again.time = "2012-21/..";
  b.Claim(again);
  for (const FoundClaim& c : others) b.Claim(c);
  ASSERT_EQ(b.claims().size(), 7u);
  EXPECT_EQ(b.claims()[0], base);
  for (size_t i = 0; i < others.size(); ++i) EXPECT_EQ(b.claims()[i + 1], others[i]) << i;
}

TEST(PrepareDocument, DatesAsByteSpansAndLanguage) {
  std::string_view text = "في الثالث من آذار 2013 وصلنا.";
  Document doc = PrepareDocument(text, std::nullopt, std::nullopt, std::nullopt);
  EXPECT_EQ(doc.language, Language::kArabic);
  ASSERT_EQ(doc.dates.size(), 1u);
  const FoundDate& d = doc.dates[0];
  EXPECT_EQ(text.substr(d.span.begin, d.span.end - d.span.begin), "في الثالث من آذار 2013");
  EXPECT_EQ(d.edtf, "2013-03-03");
  EXPECT_EQ(DetectLanguage("The 47th Brigade, اللواء 47"), Language::kEnglish);
  EXPECT_NE(doc.gazetteer, nullptr);
}

}  // namespace
}  // namespace sijill::extract
