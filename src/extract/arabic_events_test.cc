// Arabic events (general patterns): arrests with the arresting unit, woundings, shellings,
// the witness's defection; who took part and where.
#include <gtest/gtest.h>

#include "extract/testing/arabic_fixture.h"

namespace sijill::extract {
namespace {

using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;
using testing::ArabicExtraction;

TEST(ArabicEvents, ArrestOfARelativeWithTheArrestingUnit) {
  ArabicExtraction x(
      "أنا أبو سامي. في 2015 اعتُقل أخي سامر في دوما ولم أكن هناك. "
      "وقالت أمي إن دورية من الأمن السياسي أخذته.");
  auto arrest = x.Entity(EntityType::kEvent, "اعتُقل أخي سامر");
  auto brother = x.Person("سامر");
  ASSERT_TRUE(arrest);
  ASSERT_TRUE(brother);
  auto detainee = x.Claims(Predicate::kParticipatedIn, brother, arrest);
  ASSERT_EQ(detainee.size(), 1u);
  EXPECT_EQ(detainee[0].role, "detainee");
  EXPECT_EQ(detainee[0].time, "2015");
  EXPECT_EQ(detainee[0].evidence, Evidence::kHearsay);
  EXPECT_EQ(x.Claims(Predicate::kOccurredAt, arrest, x.Entity(EntityType::kPlace, "دوما")).size(),
            1u);
  auto unit = x.Claims(Predicate::kParticipatedIn, x.Unit("الأمن السياسي"), arrest);
  ASSERT_EQ(unit.size(), 1u);
  EXPECT_EQ(unit[0].role, "arresting unit");
}

TEST(ArabicEvents, WoundingWithPlace) {
  ArabicExtraction x("في شتاء 2013 أُصيب العقيد هشام فارس في حمص ونُقل إلى المستشفى.");
  auto wounding = x.Entity(EntityType::kEvent, "أُصيب العقيد هشام فارس في حمص");
  ASSERT_TRUE(wounding);
  auto c = x.Claims(Predicate::kParticipatedIn, x.Person("هشام فارس"), wounding);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "wounded");
  EXPECT_EQ(x.Claims(Predicate::kOccurredAt, wounding, x.Entity(EntityType::kPlace, "حمص")).size(),
            1u);
}

TEST(ArabicEvents, ShellingOfAPlace) {
  ArabicExtraction x("أذكر يوم قصف القصير جيداً.");
  auto shelling = x.Entity(EntityType::kEvent, "قصف القصير");
  ASSERT_TRUE(shelling);
  EXPECT_EQ(
      x.Claims(Predicate::kOccurredAt, shelling, x.Entity(EntityType::kPlace, "القصير")).size(),
      1u);
}

TEST(ArabicEvents, DefectionIsTheWitnessOnly) {
  ArabicExtraction x("أنا أبو سامي. انشققتُ في أيار 2016، وبعد انشقاقي بشهر عبرت الحدود.");
  auto defection = x.Entity(EntityType::kEvent, "انشققتُ");
  ASSERT_TRUE(defection);
  EXPECT_EQ(x.Entity(EntityType::kEvent, "انشقاقي"), defection);
  auto c = x.Claims(Predicate::kParticipatedIn, x.Person("أبو سامي"), defection);
  ASSERT_EQ(c.size(), 1u);
  EXPECT_EQ(c[0].role, "defector");
  EXPECT_EQ(c[0].time, "2016-05");
  ArabicExtraction nobody("انشققتُ في أيار 2016.", std::nullopt);
  EXPECT_EQ(nobody.Count(EntityType::kEvent), 0u);
}

}  // namespace
}  // namespace sijill::extract
