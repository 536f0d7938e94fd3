// The Arabic claim patterns: commanders by apposition and relative clause, membership
// with rank, hierarchy, deployment, headquarters; evidence from the wording; no claim from
// a planned movement.
#include <gtest/gtest.h>

#include "extract/testing/arabic_fixture.h"

namespace sijill::extract {
namespace {

using knowledge::Evidence;
using knowledge::Predicate;
using testing::ArabicExtraction;

TEST(ArabicClaims, CommanderByAppositionAlsoMemberWithRank) {
  ArabicExtraction x("قائد اللواء 65 في تلك السنة كان العميد نادر سليمان، رأيته مرات كثيرة.");
  auto p = x.Person("العميد نادر سليمان");
  auto u = x.Unit("اللواء 65");
  auto commands = x.Claims(Predicate::kCommanderOf, p, u);
  ASSERT_EQ(commands.size(), 1u);
  EXPECT_EQ(commands[0].role, "commander");
  EXPECT_EQ(commands[0].evidence, Evidence::kFirstHand);
  EXPECT_EQ(x.TextOf(commands[0].quote),
            "قائد اللواء 65 في تلك السنة كان العميد نادر سليمان، رأيته مرات كثيرة.");
  auto member = x.Claims(Predicate::kMemberOf, p, u);
  ASSERT_EQ(member.size(), 1u);
  EXPECT_EQ(member[0].rank, "brigadier general");
}

// In an article (no speaker of its own) the same words rest on the document.
TEST(ArabicClaims, UncuedStatementsOfADocumentAreDocumentary) {
  ArabicExtraction x("قائد اللواء 65 في تلك السنة كان العميد نادر سليمان.", std::nullopt,
                     Evidence::kDocumentary);
  auto c = x.Claims(Predicate::kCommanderOf, x.Person("العميد نادر سليمان"), x.Unit("اللواء 65"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].evidence, Evidence::kDocumentary);
}

// The Arabic repeat check compares less than the builder's: a post stated again with a
// date is the post already found (the first statement kept), membership is one claim
// whatever the post, and a commander and a chief of staff of one unit are two posts.
TEST(ArabicClaims, APostStatedAgainIsNotRepeated) {
  ArabicExtraction x(
      "قائد اللواء 65 كان العميد نادر سليمان. رئيس أركان اللواء 65 كان العميد نادر سليمان. "
      "وفي عام 2013 كان قائد اللواء 65 العميد نادر سليمان.");
  auto p = x.Person("العميد نادر سليمان");
  auto u = x.Unit("اللواء 65");
  auto commands = x.Claims(Predicate::kCommanderOf, p, u);
  ASSERT_EQ(commands.size(), 2u);
  EXPECT_EQ(commands[0].role, "commander");
  EXPECT_EQ(commands[0].time, std::nullopt);
  EXPECT_EQ(x.TextOf(commands[0].quote), "قائد اللواء 65 كان العميد نادر سليمان.");
  EXPECT_EQ(commands[1].role, "chief of staff");
  EXPECT_EQ(x.Claims(Predicate::kMemberOf, p, u).size(), 1u);
}

TEST(ArabicClaims, ChiefOfStaffByRelativeClause) {
  ArabicExtraction x("خدمتُ في اللواء 65. وجاء العقيد هشام فارس، الذي كان رئيس أركان اللواء.");
  auto p = x.Person("العقيد هشام فارس");
  auto u = x.Unit("اللواء 65");
  auto c = x.Claims(Predicate::kCommanderOf, p, u);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "chief of staff");
}

TEST(ArabicClaims, LedByAfterTheUnit) {
  ArabicExtraction x("وكانت قربنا كتيبة المشاة الرابعة بقيادة الرائد كمال حداد.");
  auto c = x.Claims(Predicate::kCommanderOf, x.Person("الرائد كمال حداد"),
                    x.Unit("كتيبة المشاة الرابعة"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(
      x.Claims(Predicate::kMemberOf, x.Person("الرائد كمال حداد"), x.Unit("كتيبة المشاة الرابعة"))
          .at(0)
          .rank,
      "major");
}

TEST(ArabicClaims, BranchHead) {
  ArabicExtraction x("أخذوني إلى الفرع ٢٩١. رئيس الفرع كان العميد فادي يونس.");
  auto c = x.Claims(Predicate::kCommanderOf, x.Person("العميد فادي يونس"), x.Unit("الفرع ٢٩١"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "branch head");
}

TEST(ArabicClaims, WitnessMembershipWithRankAndStart) {
  ArabicExtraction x("أبو سامي يروي: خدمتُ رقيباً في اللواء 65 منذ عام 2012.");
  auto c = x.Claims(Predicate::kMemberOf, x.Person("أبو سامي"), x.Unit("اللواء 65"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].rank, "sergeant");
  EXPECT_EQ(c[0].time, "2012/..");
}

TEST(ArabicClaims, HearsayDeploymentOfOneBattalion) {
  ArabicExtraction x("خدمتُ في اللواء 65. سمعتُ من الأصدقاء أن اللواء أرسل كتيبة إلى القصير.");
  auto qusayr = x.Entity(knowledge::EntityType::kPlace, "القصير");
  auto c = x.Claims(Predicate::kDeployedTo, x.Unit("اللواء 65"), qusayr);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "one battalion");
  EXPECT_EQ(c[0].evidence, Evidence::kHearsay);
}

TEST(ArabicClaims, HeardWithMyOwnEarsIsFirstHand) {
  ArabicExtraction x(
      "خدمتُ في اللواء 65. سمعتُ بأذني العميد نادر سليمان على الجهاز، وكان قائد اللواء.");
  auto c = x.Claims(Predicate::kCommanderOf, x.Person("العميد نادر سليمان"), x.Unit("اللواء 65"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].evidence, Evidence::kFirstHand);
}

TEST(ArabicClaims, HearsayFromTheNextSentence) {
  ArabicExtraction y("في 2015 أُرسلت الكتيبة الثالثة إلى دوما. لم أكن هناك؛ أخي أخبرني بذلك.");
  auto c = y.Claims(Predicate::kDeployedTo, y.Unit("الكتيبة الثالثة"),
                    y.Entity(knowledge::EntityType::kPlace, "دوما"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].evidence, Evidence::kHearsay);
  EXPECT_EQ(c[0].time, "2015/..");
}

TEST(ArabicClaims, DocumentaryFromPapers) {
  ArabicExtraction x("قائد الكتيبة الثالثة كان المقدم عادل سلوم، وكانت كل الأوراق تحمل توقيعه.");
  auto c =
      x.Claims(Predicate::kCommanderOf, x.Person("المقدم عادل سلوم"), x.Unit("الكتيبة الثالثة"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].evidence, Evidence::kDocumentary);
}

TEST(ArabicClaims, PlannedMovementGivesNoDeployment) {
  ArabicExtraction x("قال الضباط إن الفرقة الخامسة ستصل قريباً إلى دوما، لكنني لم أرَ أحداً منهم.");
  EXPECT_EQ(x.Count(Predicate::kDeployedTo), 0u);
  ArabicExtraction y("وصلت الفرقة الخامسة إلى دوما، لكنني لم أرَ أحداً منهم.");
  EXPECT_EQ(y.Count(Predicate::kDeployedTo), 0u);
}

TEST(ArabicClaims, WeArrivedMeansTheWitnessUnit) {
  ArabicExtraction x("أنا أبو سامي. خدمتُ في الكتيبة الثالثة. في آذار 2014 وصلنا إلى أطراف دوما.");
  auto c = x.Claims(Predicate::kDeployedTo, x.Unit("الكتيبة الثالثة"),
                    x.Entity(knowledge::EntityType::kPlace, "دوما"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].time, "2014-03/..");
}

TEST(ArabicClaims, HeadquartersAndOperationalAttachment) {
  ArabicExtraction x(
      "أنا أبو سامي. خدمتُ في الكتيبة الثالثة، وكانت كتيبتنا واحدة من كتائب اللواء 65. وكان مقر "
      "اللواء في "
      "حمص. ثم وُضعنا تحت إمرة الفرقة الخامسة.");
  auto battalion = x.Unit("الكتيبة الثالثة");
  auto brigade = x.Unit("اللواء 65");
  auto division = x.Unit("الفرقة الخامسة");
  auto hq =
      x.Claims(Predicate::kLocatedAt, brigade, x.Entity(knowledge::EntityType::kPlace, "حمص"));
  ASSERT_EQ(hq.size(), 1u);
  EXPECT_EQ(hq[0].role, "headquarters");
  auto organic = x.Claims(Predicate::kSubordinateTo, battalion, brigade);
  ASSERT_EQ(organic.size(), 1u);
  EXPECT_EQ(organic[0].role, "organic");
  auto attached = x.Claims(Predicate::kSubordinateTo, battalion, division);
  ASSERT_EQ(attached.size(), 1u);
  EXPECT_EQ(attached[0].role, "operational attachment");
}

TEST(ArabicClaims, CorrectedDateReplacesTheRetractedOne) {
  ArabicExtraction x("أنا أبو سامي. انشققتُ في صيف 2016... لا، كان ذلك في أيار 2016.");
  ASSERT_EQ(x.Count(Predicate::kParticipatedIn), 1u);
  for (const FoundClaim& c : x.found().claims) {
    if (c.predicate == Predicate::kParticipatedIn) {
      EXPECT_EQ(c.time, "2016-05");
    }
  }
}

TEST(ArabicClaims, RoleAsPredicateAfterTheName) {
  ArabicExtraction x("خدمتُ في اللواء 65. وبقي العميد نادر سليمان قائداً للواء حتى عام 2014.");
  auto c = x.Claims(Predicate::kCommanderOf, x.Person("العميد نادر سليمان"), x.Unit("اللواء 65"));
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].time, "../2014");
}

TEST(ArabicClaims, AnOrderIsNoCommander) {
  ArabicExtraction x("وصل أمر اللواء 65 بالتحرك مع العقيد هشام فارس في الصباح.");
  EXPECT_EQ(x.Count(Predicate::kCommanderOf), 0u);
}

TEST(ArabicClaims, NameRightAfterTheRole) {
  ArabicExtraction x("وكان قائد الكتيبة الثالثة فراس عيسى رجلاً قاسياً.");
  auto p = x.Person("فراس عيسى");
  ASSERT_TRUE(p);
  EXPECT_EQ(x.Claims(Predicate::kCommanderOf, p, x.Unit("الكتيبة الثالثة")).size(), 1u);
  EXPECT_EQ(x.Claims(Predicate::kMemberOf, p, x.Unit("الكتيبة الثالثة")).size(), 0u);  // no rank
}

}  // namespace
}  // namespace sijill::extract
