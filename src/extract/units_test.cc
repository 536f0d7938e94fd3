#include "extract/units.h"

#include <gtest/gtest.h>

namespace sijill::extract {
namespace {

TEST(EnglishOrdinal, TeensTakeTh) {
  EXPECT_EQ(EnglishOrdinal(1), "1st");
  EXPECT_EQ(EnglishOrdinal(2), "2nd");
  EXPECT_EQ(EnglishOrdinal(3), "3rd");
  EXPECT_EQ(EnglishOrdinal(4), "4th");
  EXPECT_EQ(EnglishOrdinal(11), "11th");
  EXPECT_EQ(EnglishOrdinal(12), "12th");
  EXPECT_EQ(EnglishOrdinal(13), "13th");
  EXPECT_EQ(EnglishOrdinal(21), "21st");
  EXPECT_EQ(EnglishOrdinal(103), "103rd");
  EXPECT_EQ(EnglishOrdinal(111), "111th");
}

TEST(CanonicalUnitName, NumberBeforeOrAfterByEchelon) {
  EXPECT_EQ(CanonicalUnitName({Echelon::kBrigade, 47, ""}), "47th Brigade");
  EXPECT_EQ(CanonicalUnitName({Echelon::kDivision, 4, "Armored"}), "4th Armored Division");
  EXPECT_EQ(CanonicalUnitName({Echelon::kBranch, 215, ""}), "Branch 215");
  EXPECT_EQ(CanonicalUnitName({Echelon::kBattalion, std::nullopt, "Artillery"}),
            "Artillery Battalion");
  EXPECT_EQ(CanonicalSubUnitName({Echelon::kBrigade, 47, ""}, {Echelon::kBattalion, 2, "Tank"}),
            "47th Brigade, 2nd Tank Battalion");
}

TEST(UnitKey, SameUnitSameKeyOthersDiffer) {
  EXPECT_EQ(UnitKey({Echelon::kBrigade, 47, ""}), "unit/brigade/47/");
  EXPECT_NE(UnitKey({Echelon::kBrigade, 47, ""}), UnitKey({Echelon::kDivision, 47, ""}));
  EXPECT_NE(UnitKey({Echelon::kDivision, 4, "Armored"}), UnitKey({Echelon::kDivision, 4, ""}));
}

}  // namespace
}  // namespace sijill::extract
