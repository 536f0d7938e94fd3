// The Arabic unit recognizer: echelons with numbers and ordinals in every written form,
// arms, the fused ل + ال, organizations, nicknames, sub-units and "the brigade"; and its
// traps (اللواء as a rank, فرقة موسيقى as a band).
#include <gtest/gtest.h>

#include "extract/testing/arabic_fixture.h"

namespace sijill::extract {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;
using testing::ArabicExtraction;

TEST(ArabicUnits, NumbersAndOrdinalsGiveCanonicalEnglishNames) {
  ArabicExtraction x("خدم أخي في اللواء 65 ثم انتقل إلى الفرقة الخامسة عشرة ثم إلى الفوج الثاني.");
  ASSERT_TRUE(x.Unit("اللواء 65"));
  EXPECT_EQ(x.at(*x.Unit("اللواء 65")).canonical, "65th Brigade");
  ASSERT_TRUE(x.Unit("الفرقة الخامسة عشرة"));
  EXPECT_EQ(x.at(*x.Unit("الفرقة الخامسة عشرة")).canonical, "15th Division");
  ASSERT_TRUE(x.Unit("الفوج الثاني"));
  EXPECT_EQ(x.at(*x.Unit("الفوج الثاني")).canonical, "2nd Regiment");
}

TEST(ArabicUnits, ArabicIndicDigitsAreTheSameUnit) {
  ArabicExtraction x("أخذونا إلى الفرع ٢٩١ في الليل. وبقيت في الفرع 291 شهرين.");
  auto a = x.Unit("الفرع ٢٩١");
  ASSERT_TRUE(a);
  EXPECT_EQ(x.Unit("الفرع 291"), a);
  EXPECT_EQ(x.at(*a).canonical, "Branch 291");
}

TEST(ArabicUnits, LamAlifFusionIsItsOwnMention) {
  ArabicExtraction x("انضممتُ للواء 65 في الربيع، وكان اللواء 65 في حمص.");
  auto fused = x.Unit("للواء 65");
  ASSERT_TRUE(fused);
  EXPECT_EQ(x.Unit("اللواء 65"), fused);
}

TEST(ArabicUnits, ArmsAndOrdinalsInAnyOrder) {
  ArabicExtraction x("كانت معنا كتيبة الهندسة الثالثة، والفرقة السابعة المدرعة قريبة منا.");
  ASSERT_TRUE(x.Unit("كتيبة الهندسة الثالثة"));
  EXPECT_EQ(x.at(*x.Unit("كتيبة الهندسة الثالثة")).canonical, "3rd Engineering Battalion");
  ASSERT_TRUE(x.Unit("الفرقة السابعة المدرعة"));
  EXPECT_EQ(x.at(*x.Unit("الفرقة السابعة المدرعة")).canonical, "7th Armored Division");
}

TEST(ArabicUnits, BrigadeWordBeforeAKnownNameIsTheRank) {
  ArabicExtraction x(
      "كان قائدنا العميد سمير داود. بعد ترقيته صار الناس يقولون «اللواء سمير»، "
      "وحصل على رتبة لواء قبل الجميع.");
  EXPECT_EQ(x.Count(EntityType::kUnit), 0u);
  auto samir = x.Person("العميد سمير داود");
  ASSERT_TRUE(samir);
  EXPECT_EQ(x.Person("اللواء سمير"), samir);
}

TEST(ArabicUnits, TheBrigadeRefersToTheLastBrigadeNamed) {
  ArabicExtraction x("خدمتُ في اللواء 65. وكان مقر اللواء في حمص.");
  auto brigade = x.Unit("اللواء 65");
  ASSERT_TRUE(brigade);
  EXPECT_EQ(x.Unit("اللواء"), brigade);
}

TEST(ArabicUnits, ABandIsNoDivision) {
  ArabicExtraction x("عزفت فرقة موسيقى في العرس، ثم جاءت فرقة موسيقية أخرى من حمص.");
  EXPECT_EQ(x.Count(EntityType::kUnit), 0u);
}

TEST(ArabicUnits, AnUnnamedDivisionIsNoEntity) {
  ArabicExtraction x("ونُقل بعدها إلى قيادة الفرقة، ولم نره بعد ذلك.");
  EXPECT_EQ(x.Count(EntityType::kUnit), 0u);
}

TEST(ArabicUnits, OrganizationsWithoutTheirProclitics) {
  ArabicExtraction x("التحقتُ بالحرس الجمهوري، ثم اعتقلتني المخابرات الجوية وسلمتني للأمن السياسي.");
  ASSERT_TRUE(x.Unit("الحرس الجمهوري"));
  EXPECT_EQ(x.at(*x.Unit("الحرس الجمهوري")).canonical, "Republican Guard");
  ASSERT_TRUE(x.Unit("المخابرات الجوية"));
  EXPECT_EQ(x.at(*x.Unit("المخابرات الجوية")).canonical, "Air Force Intelligence");
  // ل + الأمن fuse: the fused form is the mention.
  ASSERT_TRUE(x.Unit("للأمن السياسي"));
  EXPECT_EQ(x.at(*x.Unit("للأمن السياسي")).canonical, "Political Security");
}

TEST(ArabicUnits, BranchOfAnOrganizationIsItsSubUnit) {
  ArabicExtraction x("نقلوني إلى فرع الأمن السياسي في حمص.");
  auto branch = x.Unit("فرع الأمن السياسي");
  auto org = x.Unit("الأمن السياسي");
  ASSERT_TRUE(branch);
  ASSERT_TRUE(org);
  EXPECT_NE(branch, org);
  auto up = x.Claims(Predicate::kSubordinateTo, branch, org);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0].role, "organic");
}

TEST(ArabicUnits, NicknameInGuillemetsAfterOr) {
  ArabicExtraction x("أخذونا إلى الفرع ٢٩١، أو «فرع الموت» كما يسميه المعتقلون.");
  auto branch = x.Unit("الفرع ٢٩١");
  ASSERT_TRUE(branch);
  EXPECT_EQ(x.Unit("فرع الموت"), branch);
}

TEST(ArabicUnits, SubUnitUnderItsStatedParent) {
  ArabicExtraction x("خدمتُ في كتيبة الهندسة التابعة للواء 65. وكانت كتيبتنا صغيرة.");
  auto battalion = x.Unit("كتيبة الهندسة");
  auto brigade = x.Unit("للواء 65");
  ASSERT_TRUE(battalion);
  ASSERT_TRUE(brigade);
  EXPECT_EQ(x.at(*battalion).canonical, "65th Brigade, Engineering Battalion");
  EXPECT_EQ(x.Unit("كتيبتنا"), battalion);
  auto up = x.Claims(Predicate::kSubordinateTo, battalion, brigade);
  ASSERT_EQ(up.size(), 1u);
  EXPECT_EQ(up[0].role, "organic");
}

}  // namespace
}  // namespace sijill::extract
