#include "knowledge/model.h"

#include <gtest/gtest.h>

#include "knowledge/knowledge_json.h"

namespace sijill::knowledge {
namespace {

TEST(Names, RoundTripEveryValue) {
  for (EntityType t : AllEntityTypes()) EXPECT_EQ(ParseEntityType(Name(t)), t);
  for (Predicate p : AllPredicates()) EXPECT_EQ(ParsePredicate(Name(p)), p);
  EXPECT_EQ(AllPredicates().size(), 10u);
  EXPECT_EQ(ParsePredicate("Commander_Of"), std::nullopt);
  EXPECT_EQ(ParseEvidence("first_hand"), Evidence::kFirstHand);
  EXPECT_EQ(ParseClaimStatus("candidate"), ClaimStatus::kCandidate);
}

TEST(NameKey, FoldsCaseSpacingPunctuationAndArabicVariants) {
  EXPECT_EQ(NameKey("  The 47th  Brigade. "), "the 47th brigade");
  EXPECT_EQ(NameKey("Deir ez-Zor"), "deir ez zor");
  EXPECT_EQ(NameKey("الفرقة الرابعة"), NameKey("الفرقه الرابعه"));
  EXPECT_EQ(NameKey("أبو كرام"), NameKey("ابو  كرام"));
  EXPECT_EQ(NameKey("غسّان، حيدر"), "غسان حيدر");
  EXPECT_EQ(NameKey("..."), "");
}

TEST(Pseudonym, IsStableAndRevealsNoName) {
  Entity e;
  e.id = *base::Id::Parse("7k3qzp00000000000000000000");
  e.name = "Abu Karam";
  e.is_protected = true;
  EXPECT_EQ(Pseudonym(e), "Protected person 7K3QZP");
}

TEST(CheckClaim, NamesTheField) {
  Claim c;
  c.subject = base::Id::Random();
  c.object = base::Id::Random();
  c.predicate = Predicate::kSubordinateTo;
  c.status = ClaimStatus::kCandidate;
  EXPECT_EQ(CheckClaim(c, EntityType::kPerson, EntityType::kUnit).message(),
            "subject: subordinate_to needs a unit as subject, not a person");
  EXPECT_TRUE(CheckClaim(c, EntityType::kUnit, EntityType::kUnit).ok());
  c.time = "2012-06-01/2012-05";
  EXPECT_EQ(CheckClaim(c, EntityType::kUnit, EntityType::kUnit).code(),
            base::StatusCode::kInvalidArgument);
  c.time = "2012-21";
  EXPECT_TRUE(CheckClaim(c, EntityType::kUnit, EntityType::kUnit).ok());
  c.object_text = "the brigade";
  EXPECT_EQ(CheckClaim(c, EntityType::kUnit, EntityType::kUnit).message(),
            "object: give either an entity or a text, not both or neither");
  c.object_text.reset();
  c.predicate = Predicate::kAliasOf;
  EXPECT_EQ(CheckClaim(c, EntityType::kUnit, EntityType::kPlace).message(),
            "object: alias_of needs a unit as object, not a place");
}

TEST(CheckEntity, RefusesWhatCannotBe) {
  Entity e;
  e.type = EntityType::kUnit;
  e.name = " ";
  EXPECT_EQ(CheckEntity(e).message(), "name: a name cannot be empty");
  e.name = "Branch 215";
  e.is_protected = true;
  EXPECT_EQ(CheckEntity(e).message(), "protected: only persons are protected");
  e.is_protected = false;
  e.type = EntityType::kPlace;
  e.latitude = 33.5;
  EXPECT_EQ(CheckEntity(e).message(), "coordinates: give both latitude and longitude, or neither");
  e.longitude = 236.3;
  EXPECT_EQ(CheckEntity(e).message(), "longitude: 236.3 is not within -180..180");
}

TEST(Json, EntitiesAndClaimsRoundTrip) {
  Entity e;
  e.id = base::Id::Random();
  e.type = EntityType::kPlace;
  e.name = "Kiswah";
  e.aliases = {{"الكسوة", base::Id::Random()}, {"Kisweh", std::nullopt}};
  e.latitude = 33.3583;
  e.longitude = 36.2342;
  e.note = "south of Damascus";
  e.created_by = "tester";
  e.created_at = "2026-11-27T10:00:00Z";
  auto back = EntityFromJson(ToJson(e), "e");
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, e);

  Claim c;
  c.id = base::Id::Random();
  c.subject = base::Id::Random();
  c.predicate = Predicate::kDeployedTo;
  c.object = e.id;
  c.time = "2012-23";
  c.role = "two battalions";
  c.evidence = Evidence::kHearsay;
  c.confidence = Confidence::kLow;
  c.status = ClaimStatus::kCandidate;
  c.citations = {{base::Id::Random(), 3, 120, 160, "the brigade was sent to Kiswah"}};
  c.created_by = "extract:deployment";
  c.created_at = "2026-11-27T10:00:00Z";
  auto claim = ClaimFromJson(ToJson(c), "c");
  ASSERT_TRUE(claim) << claim.error().message();
  EXPECT_EQ(*claim, c);

  auto j = ToJson(c);
  j["citations"][0]["begin"] = -4;
  EXPECT_EQ(ClaimFromJson(j, "claims[7]").error().message(),
            "claims[7].citations[0].begin: expected a number >= 0");
  j = ToJson(c);
  j["predicate"] = "commands";
  EXPECT_EQ(ClaimFromJson(j, "claims[7]").error().message(),
            "claims[7].predicate: unknown value 'commands'");
}

}  // namespace
}  // namespace sijill::knowledge
