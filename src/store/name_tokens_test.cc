// Lookup of entities by resolve token keys (KnowledgeStore::FindEntitiesByNameTokens):
// across spellings and scripts, by word start, kept up to date on edits, filled in when
// a schema 4 archive is opened, and still finding the right entity when a token is
// shared by more names than a lookup reads.
#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "store/archive.h"
#include "store/testing/raw_sqlite.h"

namespace sijill::store {
namespace {

using knowledge::Entity;
using knowledge::EntityType;

Entity Make(EntityType type, std::string name, std::vector<std::string> aliases = {}) {
  Entity e;
  e.id = base::Id::Random();
  e.type = type;
  e.name = std::move(name);
  for (auto& a : aliases) e.aliases.push_back({std::move(a), std::nullopt});
  e.created_by = "tester";
  e.created_at = "2026-11-27T14:00:00Z";
  return e;
}

void Write(Store& store, const std::vector<Entity>& entities, bool update = false) {
  auto txn = store.BeginWrite();
  ASSERT_TRUE(txn.has_value()) << txn.error().message();
  for (const auto& e : entities) {
    auto s = update ? (*txn)->knowledge().UpdateEntity(e) : (*txn)->knowledge().AddEntity(e);
    ASSERT_TRUE(s.ok()) << s.message();
  }
  ASSERT_TRUE((*txn)->Commit().ok());
}

std::vector<std::string> Found(Store& store, std::string_view name,
                               std::optional<EntityType> type = std::nullopt, size_t limit = 10) {
  auto found = store.knowledge().FindEntitiesByNameTokens(name, type, limit);
  EXPECT_TRUE(found.has_value()) << found.error().message();
  std::vector<std::string> names;
  if (found) {
    for (const auto& e : *found) names.push_back(e.name);
  }
  return names;
}

using Names = std::vector<std::string>;

TEST(NameTokens, FindsSpellingsScriptsAndWordStarts) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value());
  Store& store = (*archive)->store();
  Write(store, {Make(EntityType::kPerson, "Ghassan Haidar", {"Abu Ali"}),
                Make(EntityType::kPlace, "Deir ez-Zor"), Make(EntityType::kPlace, "المزة"),
                Make(EntityType::kUnit, "1st Armored Division"),
                Make(EntityType::kUnit, "11th Armored Division")});
  EXPECT_EQ(Found(store, "Haydar"), Names{"Ghassan Haidar"});
  EXPECT_EQ(Found(store, "حيدر"), Names{"Ghassan Haidar"});
  EXPECT_EQ(Found(store, "أبو علي"), Names{"Ghassan Haidar"});
  EXPECT_EQ(Found(store, "دير الزور"), Names{"Deir ez-Zor"});
  EXPECT_EQ(Found(store, "Mezzeh"), Names{"المزة"});
  EXPECT_EQ(Found(store, "Haydar", EntityType::kUnit), Names{});
  // Both tokens of "1st Div" meet the 1st Armored Division; only "Div" the 11th.
  EXPECT_EQ(Found(store, "1st Div"), (Names{"1st Armored Division", "11th Armored Division"}));
  EXPECT_EQ(Found(store, "1st Div", std::nullopt, 1), Names{"1st Armored Division"});
  EXPECT_EQ(Found(store, "Hama"), Names{});
  EXPECT_EQ(Found(store, ""), Names{});
}

TEST(NameTokens, EditsReplaceTheKeys) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value());
  Store& store = (*archive)->store();
  Entity e = Make(EntityType::kPerson, "Suhail al-Hassan");
  Write(store, {e});
  EXPECT_EQ(Found(store, "Tiger"), Names{});
  e.aliases.push_back({"the Tiger", std::nullopt});
  e.name = "Suheil al-Hasan";
  Write(store, {e}, /*update=*/true);
  EXPECT_EQ(Found(store, "Tiger"), Names{"Suheil al-Hasan"});
  EXPECT_EQ(Found(store, "سهيل الحسن"), Names{"Suheil al-Hasan"});
}

TEST(NameTokens, ASchema4ArchiveIsGivenItsKeysWhenOpened) {
  base::testing::TempDir tmp;
  const auto dir = tmp.path() / "a";
  {
    auto archive = Archive::Create(dir);
    ASSERT_TRUE(archive.has_value());
    Write((*archive)->store(), {Make(EntityType::kPerson, "Qaddour", {"قدور"})});
  }
  ASSERT_EQ(testing::RawExec(dir, "DROP TABLE entity_name_tokens; PRAGMA user_version = 4"), "");
  auto archive = Archive::Open(dir, OpenMode::kReadWrite);
  ASSERT_TRUE(archive.has_value()) << archive.error().message();
  EXPECT_EQ(Found((*archive)->store(), "Kaddour"), Names{"Qaddour"});
}

TEST(NameTokens, ACommonTokenDoesNotHideTheNamesThatHaveAllTokens) {
  base::testing::TempDir tmp;
  auto archive = Archive::Create(tmp.path() / "a");
  ASSERT_TRUE(archive.has_value());
  Store& store = (*archive)->store();
  std::vector<Entity> many;
  for (int i = 0; i < 1500; ++i) {
    many.push_back(Make(EntityType::kPerson, "Mohammad Kassab " + std::to_string(i)));
  }
  many.push_back(Make(EntityType::kPerson, "Muhammad Haidar"));
  for (int i = 0; i < 5; ++i) {
    many.push_back(Make(EntityType::kPerson, "Hayder Tlass " + std::to_string(i)));
  }
  Write(store, many);
  // By the whole name's key.
  auto found = Found(store, "Mohammed Haydar", std::nullopt, 3);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], "Muhammad Haidar");
  // Words in another order: by each word, the common one checked name by name.
  found = Found(store, "Haydar Mohammed", std::nullopt, 3);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0], "Muhammad Haidar");
  // A pair of words of longer names, then the names that share one word.
  found = Found(store, "Hayder Tlass", std::nullopt, 10);
  ASSERT_EQ(found.size(), 6u);
  EXPECT_EQ(found[0], "Hayder Tlass 0");
  EXPECT_EQ(found[5], "Muhammad Haidar");
}

}  // namespace
}  // namespace sijill::store
