// extract::Run against a real (SQLite) archive: a proposal the knowledge layer's checks
// refuse is left out with a warning that names it, and everything else is stored.
#include "extract/run.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <tuple>

#include "base/testing/temp_dir.h"
#include "curate/curator.h"
#include "ingest/add.h"
#include "store/archive.h"

namespace sijill::extract {
namespace {

using knowledge::ClaimStatus;
using knowledge::Entity;
using knowledge::EntityType;
using knowledge::Predicate;

// The witness says their brigade was attached to another; the archive may already know
// the 47th Brigade as the 153rd under its former number.
constexpr std::string_view kTestimony =
    "Title: Attached\nWitness: Abu Walid\n\n"
    "Abu Walid said: I served in the 47th Brigade from 2011. In May 2013 we were attached to "
    "the 153rd Brigade. Its commander was Colonel Amer Jaber.\n";

// A stored claim as the text gave it: predicate, subject's name, role, time, quote.
using Said = std::tuple<Predicate, std::string, std::optional<std::string>,
                        std::optional<std::string>, std::string>;

class ArchiveForRun {
 public:
  explicit ArchiveForRun(const std::filesystem::path& dir) {
    auto created = store::Archive::Create(dir / "archive");
    EXPECT_TRUE(created) << created.error().message();
    archive_ = std::move(*created);
    std::ofstream(dir / "t.txt") << kTestimony;
    auto added = ingest::AddFile(*archive_, dir / "t.txt", {}, ingest::Intake::Now());
    EXPECT_TRUE(added) << added.error().message();
    source_ = added->source;
  }

  store::Archive& archive() { return *archive_; }
  const store::SourceRecord& source() const { return source_; }
  store::KnowledgeStore& ks() { return archive_->store().knowledge(); }

  Entity AddUnit(std::string name, std::string alias) {
    Entity e;
    e.type = EntityType::kUnit;
    e.name = std::move(name);
    e.aliases.push_back({std::move(alias), std::nullopt});
    auto txn = archive_->store().BeginWrite();
    EXPECT_TRUE(txn);
    curate::Curator curator(archive_->store(), **txn,
                            curate::Actor{"tester", "2026-11-27T10:00:00Z"});
    auto added = curator.AddEntity(e);
    EXPECT_TRUE(added) << added.error().message();
    EXPECT_TRUE((*txn)->Commit().ok());
    return *added;
  }

  std::vector<knowledge::Claim> Candidates() {
    auto claims = ks().FindClaims({.statuses = {ClaimStatus::kCandidate}});
    EXPECT_TRUE(claims) << claims.error().message();
    return claims ? *claims : std::vector<knowledge::Claim>{};
  }

  std::set<Said> Stored() {
    std::set<Said> out;
    for (const auto& c : Candidates()) {
      out.insert(
          {c.predicate, ks().GetEntity(c.subject)->name, c.role, c.time, c.citations.at(0).quote});
    }
    return out;
  }

 private:
  std::unique_ptr<store::Archive> archive_;
  store::SourceRecord source_;
};

TEST(Run, AProposalTheChecksRefuseIsLeftOutNamedAndTheRestIsStored) {
  base::testing::TempDir tmp;
  std::filesystem::create_directories(tmp.Path("plain"));
  std::filesystem::create_directories(tmp.Path("known"));
  // Where the archive knows nothing, all four proposals are stored.
  ArchiveForRun plain(tmp.Path("plain"));
  auto all = extract::Run(plain.archive(), plain.source());
  ASSERT_TRUE(all) << all.error().message();
  EXPECT_TRUE(all->refused.empty());
  ASSERT_EQ(all->claims_added, 4u);
  std::set<Said> expected = plain.Stored();
  size_t erased = std::erase_if(expected, [](const Said& s) {
    return std::get<0>(s) == Predicate::kSubordinateTo && std::get<1>(s) == "47th Brigade";
  });
  ASSERT_EQ(erased, 1u);

  // Where the 47th Brigade is known as an alias of the 153rd, the hierarchy claim would
  // make the 153rd subordinate to itself: it is left out, and only it.
  ArchiveForRun known(tmp.Path("known"));
  Entity brigade = known.AddUnit("153rd Brigade", "47th Brigade");
  auto run = extract::Run(known.archive(), known.source());
  ASSERT_TRUE(run) << run.error().message();
  ASSERT_EQ(run->refused.size(), 1u);
  EXPECT_EQ(run->refused[0],
            "subordinate_to 47th Brigade -> 153rd Brigade (hierarchy: \"In May 2013 we were "
            "attached to the 153rd Brigade.\"): object: a claim's object cannot be its subject");
  EXPECT_EQ(run->claims_added, 3u);
  EXPECT_EQ(run->entities_known, 2u);  // both brigades are the one known unit
  EXPECT_EQ(run->entities_added, 2u);  // Abu Walid, Amer Jaber
  EXPECT_EQ(known.Stored(), expected);
  for (const auto& c : known.Candidates()) {
    ASSERT_TRUE(c.object.has_value());
    EXPECT_EQ(*c.object, brigade.id);
  }

  // A second run stores nothing more and refuses the same proposal again.
  auto again = extract::Run(known.archive(), known.source());
  ASSERT_TRUE(again) << again.error().message();
  EXPECT_EQ(again->claims_added, 0u);
  EXPECT_EQ(again->claims_known, 3u);
  EXPECT_EQ(again->refused, run->refused);
  EXPECT_EQ(known.Candidates().size(), 3u);
}

// Words that point back ("the brigade", "the general", "his unit", "الكتيبة") are no names:
// they are not stored as aliases, and a later source's "the brigade" is not taken for the
// unit an earlier one called so.
TEST(Run, WordsThatPointBackAreNoNamesAndJoinNothing) {
  base::testing::TempDir tmp;
  auto created = store::Archive::Create(tmp.Path("archive"));
  ASSERT_TRUE(created) << created.error().message();
  store::Archive& archive = **created;
  std::ofstream(tmp.Path("a.txt"))
      << "Title: A\nWitness: Abu Walid\n\nAbu Walid said: I served in the 47th Brigade. The "
         "brigade was stationed near Homs. The general, Brigadier General Nizar Aziz, visited "
         "us.\n";
  std::ofstream(tmp.Path("b.txt"))
      << "Title: B\nWitness: Abu Fares\n\nAbu Fares said: We were attached to the 33rd "
         "Brigade. The brigade was commanded by Colonel Amer Jaber.\n";
  std::ofstream(tmp.Path("c.txt"))
      << "Title: C\nWitness: أبو سامي\n\nخدمتُ في اللواء ٦٥ في حمص. وكان قائد اللواء "
         "العميد نادر سليمان.\n";
  std::vector<store::SourceRecord> sources;
  for (const char* name : {"a.txt", "b.txt", "c.txt"}) {
    auto added = ingest::AddFile(archive, tmp.Path(name), {}, ingest::Intake::Now());
    ASSERT_TRUE(added) << added.error().message();
    sources.push_back(added->source);
  }
  for (const auto& source : sources) {
    auto run = extract::Run(archive, source);
    ASSERT_TRUE(run) << run.error().message();
  }
  store::KnowledgeStore& ks = archive.store().knowledge();
  std::set<std::string> units;
  ASSERT_TRUE(ks.ForEachEntity(EntityType::kUnit, [&](const Entity& e) {
                  units.insert(e.name);
                  for (const auto& alias : e.aliases) {
                    EXPECT_NE(knowledge::NameKey(alias.name), "the brigade") << e.name;
                    EXPECT_NE(knowledge::NameKey(alias.name), knowledge::NameKey("اللواء"))
                        << e.name;
                  }
                  return true;
                }).ok());
  EXPECT_EQ(units, (std::set<std::string>{"47th Brigade", "33rd Brigade", "65th Brigade"}));
  ASSERT_TRUE(ks.ForEachEntity(EntityType::kPerson, [&](const Entity& e) {
                  for (const auto& alias : e.aliases)
                    EXPECT_NE(knowledge::NameKey(alias.name), "the general") << e.name;
                  return true;
                }).ok());
  auto claims = ks.FindClaims({.statuses = {ClaimStatus::kCandidate}});
  ASSERT_TRUE(claims) << claims.error().message();
  bool jaber_commands_33rd = false;
  for (const auto& c : *claims) {
    if (c.predicate != Predicate::kCommanderOf || ks.GetEntity(c.subject)->name != "Amer Jaber")
      continue;
    EXPECT_EQ(ks.GetEntity(*c.object)->name, "33rd Brigade");
    jaber_commands_33rd = true;
  }
  EXPECT_TRUE(jaber_commands_33rd);
}

}  // namespace
}  // namespace sijill::extract
