// The Arabic person recognizer: names after ranks, kunyas, first-person kinship (protected
// relatives), nicknames after a naming verb, later references by surname.
#include <gtest/gtest.h>

#include "extract/testing/arabic_fixture.h"

namespace sijill::extract {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;
using testing::ArabicExtraction;

TEST(ArabicPersons, NameAfterRankWithSurnameReferenceLater) {
  ArabicExtraction x("كان العقيدُ باسل منصور يزورنا كل أسبوع. ثم غاب منصور عن الموقع.");
  auto p = x.Person("العقيدُ باسل منصور");
  ASSERT_TRUE(p);
  EXPECT_EQ(x.Person("باسل منصور"), p);
  EXPECT_EQ(x.Person("منصور"), p);
  EXPECT_FALSE(x.at(*p).is_protected);
}

TEST(ArabicPersons, IndefiniteRankNamesThroughIsmuhu) {
  ArabicExtraction x("وقالوا إن المسؤول هناك نقيب اسمه وسيم عباس.");
  EXPECT_TRUE(x.Person("وسيم عباس"));
}

TEST(ArabicPersons, RankAloneOrBeforeAVerbIsNoName) {
  ArabicExtraction x("وصل المقدم في الصباح، ثم قال المقدم إن الطريق مغلق.");
  EXPECT_EQ(x.Count(EntityType::kPerson), 0u);
}

TEST(ArabicPersons, KunyaIsAPerson) {
  ArabicExtraction x("كان معنا رجل من حمص يعرفه الجميع، أبو خالد، وكان طباخ الكتيبة.");
  EXPECT_TRUE(x.Person("أبو خالد"));
}

TEST(ArabicPersons, WitnessAndFirstPersonKinAreProtected) {
  ArabicExtraction x("أنا أبو سامي. اعتُقل أخي الأكبر يوسف في حمص، وأختي ليلى بقيت مع أمي.");
  auto witness = x.Person("أبو سامي");
  ASSERT_TRUE(witness);
  EXPECT_TRUE(x.at(*witness).is_protected);
  auto brother = x.Person("يوسف");
  auto sister = x.Person("ليلى");
  ASSERT_TRUE(brother);
  ASSERT_TRUE(sister);
  EXPECT_TRUE(x.at(*brother).is_protected);
  EXPECT_TRUE(x.at(*sister).is_protected);
  auto rel = x.Claims(Predicate::kRelativeOf, brother, witness);
  ASSERT_EQ(rel.size(), 1u);
  EXPECT_EQ(rel[0].role, "brother");
  EXPECT_EQ(x.Claims(Predicate::kRelativeOf, sister, witness).at(0).role, "sister");
}

TEST(ArabicPersons, MotherWhoToldIsNoName) {
  ArabicExtraction x("أمي أخبرتني بذلك على الهاتف.");
  EXPECT_EQ(x.Count(EntityType::kPerson), 0u);
}

TEST(ArabicPersons, NicknameAfterNamingVerb) {
  ArabicExtraction x("رأيت العميد نادر سليمان مرتين. وكان الجنود يلقبونه «الذئب».");
  auto p = x.Person("العميد نادر سليمان");
  ASSERT_TRUE(p);
  EXPECT_EQ(x.Person("الذئب"), p);
}

TEST(ArabicPersons, DiacriticsAndShaddaDoNotSplitAName) {
  ArabicExtraction x("تسلّم القيادة المقدّم عادل سلّوم، ثم رأيتُ سلوم في حمص.");
  auto p = x.Person("عادل سلّوم");
  ASSERT_TRUE(p);
  EXPECT_EQ(x.Person("سلوم"), p);
}

TEST(ArabicPersons, TwoWordRanks) {
  ArabicExtraction x("قائد السرية الثانية كان الملازم أول ماهر زيدان.");
  auto p = x.Person("الملازم أول ماهر زيدان");
  ASSERT_TRUE(p);
  auto m = x.Claims(Predicate::kMemberOf, p, x.Unit("السرية الثانية"));
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].rank, "first lieutenant");
}

TEST(ArabicPersons, KnownAsInGuillemets) {
  ArabicExtraction x("جاء المقدم رامز خليل، المعروف بـ«الأستاذ»، إلى الحاجز.");
  auto p = x.Person("المقدم رامز خليل");
  ASSERT_TRUE(p);
  EXPECT_EQ(x.Person("الأستاذ"), p);
}

}  // namespace
}  // namespace sijill::extract
