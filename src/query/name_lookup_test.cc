// Name lookup and merge suggestions over the in-memory store: the ranking, the evidence
// given, merged entities left out of suggestions, shared links reported.
#include "query/name_lookup.h"

#include <gtest/gtest.h>

#include "query/testing/builder.h"

namespace sijill::query {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;
using testing::Builder;

class NameLookupTest : public ::testing::Test {
 protected:
  void SetUp() override {
    b.store.Add(Entity(EntityType::kPerson, "Ghassan Haidar", {"Abu Ali"}));
    b.store.Add(Entity(EntityType::kPerson, "Haydar"));
    b.store.Add(Entity(EntityType::kPerson, "Hassan Haddad"));
    b.store.Add(Entity(EntityType::kUnit, "Haidar Brigade"));
  }
  knowledge::Entity Entity(EntityType type, std::string name,
                           std::vector<std::string> aliases = {}) {
    knowledge::Entity e;
    e.id = base::Id::Random();
    e.type = type;
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back({std::move(a), std::nullopt});
    return e;
  }
  Builder b;
};

TEST_F(NameLookupTest, RanksEveryEntityThatMayBeTheName) {
  auto found = LookupName(b.store, "حيدر", EntityType::kPerson, 10, 0.6);
  ASSERT_TRUE(found.has_value());
  ASSERT_EQ(found->size(), 2u);
  EXPECT_EQ((*found)[0].entity.name, "Haydar");
  EXPECT_EQ((*found)[1].entity.name, "Ghassan Haidar");
  EXPECT_GT((*found)[0].score, (*found)[1].score);
  EXPECT_EQ((*found)[1].how, "حيدر ~ haidar (same consonants HDR)");
  found = LookupName(b.store, "Haidar", std::nullopt, 10, 0.6);
  ASSERT_EQ(found->size(), 3u);
  EXPECT_EQ((*found)[2].entity.name, "Haidar Brigade");
}

TEST_F(NameLookupTest, SaysWhichAliasMatched) {
  auto found = LookupName(b.store, "أبو علي", std::nullopt, 10, 0.6);
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].matched_name, "Abu Ali");
  EXPECT_TRUE((*found)[0].alias);
}

TEST_F(NameLookupTest, SuggestsSpellingsOfOneNameWithSharedLinks) {
  const auto unit = b.Unit("47th Brigade");
  const auto& people = b.store.entities();
  const base::Id ghassan = people[0].id, haydar = people[1].id;
  b.Claim(ghassan, Predicate::kCommanderOf, unit, {"2012"});
  b.Claim(haydar, Predicate::kCommanderOf, unit, {"2013"});
  auto pairs = SuggestMerges(b.store, EntityType::kPerson, 10, 0.8);
  ASSERT_TRUE(pairs.has_value());
  ASSERT_EQ(pairs->size(), 1u);
  EXPECT_DOUBLE_EQ((*pairs)[0].score, 0.725);
  EXPECT_EQ((*pairs)[0].first.name, "Ghassan Haidar");
  EXPECT_EQ((*pairs)[0].second.name, "Haydar");
  EXPECT_EQ((*pairs)[0].shared, std::vector<std::string>{"commander_of 47th Brigade"});
  EXPECT_EQ((*pairs)[0].first_name, "Ghassan Haidar");
  EXPECT_EQ((*pairs)[0].second_name, "Haydar");
  EXPECT_EQ((*pairs)[0].how, "haydar ~ haidar (same sounds)");
  // Suggestions pair entities of one type only.
  EXPECT_TRUE(SuggestMerges(b.store, EntityType::kUnit, 10, 0.8)->empty());
  b.Merge(haydar, ghassan);
  pairs = SuggestMerges(b.store, EntityType::kPerson, 10, 0.8);
  EXPECT_TRUE(pairs->empty());
}

}  // namespace
}  // namespace sijill::query
