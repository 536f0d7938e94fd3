#include "curate/curator.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/testing/temp_dir.h"
#include "curate/quotes.h"
#include "ingest/add.h"
#include "knowledge/knowledge_json.h"
#include "store/archive.h"

namespace sijill::curate {
namespace {

using knowledge::Claim;
using knowledge::ClaimStatus;
using knowledge::Entity;
using knowledge::EntityType;
using knowledge::Predicate;

template <typename T>
base::Status StatusOf(const base::Result<T>& r) {
  return r ? base::Status::Ok() : r.error();
}

class CuratorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto created = store::Archive::Create(tmp_.Path("a"));
    ASSERT_TRUE(created) << created.error().message();
    archive_ = std::move(*created);
    std::ofstream(tmp_.Path("t.txt"))
        << "Title: Test\n\nFaisal, the commander of the division, gave the order.\n\n"
           "In the fall of 2012 the brigade was sent to Jobar. قال لي أبو كرام إن اللواء 47 "
           "انتشر في جوبر.\n";
    auto added = ingest::AddFile(*archive_, tmp_.Path("t.txt"), {}, ingest::Intake::Now());
    ASSERT_TRUE(added) << added.error().message();
    source_ = added->source.id;
  }

  // Runs `change` in a transaction and commits it if it succeeded.
  base::Status Change(const std::function<base::Status(Curator&)>& change) {
    auto txn = archive_->store().BeginWrite();
    if (!txn) return txn.error();
    Curator curator(archive_->store(), **txn, Actor{"tester", "2026-11-27T10:00:00Z"});
    TRY(change(curator));
    return (*txn)->Commit();
  }

  Entity Add(EntityType type, std::string name, std::vector<std::string> aliases = {}) {
    Entity e;
    e.type = type;
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back({a, std::nullopt});
    Entity out;
    EXPECT_TRUE(Change([&](Curator& c) -> base::Status {
                  ASSIGN_OR_RETURN(out, c.AddEntity(e));
                  return base::Status::Ok();
                }).ok());
    return out;
  }

  store::KnowledgeStore& ks() { return archive_->store().knowledge(); }

  base::testing::TempDir tmp_;
  std::unique_ptr<store::Archive> archive_;
  base::Id source_;
};

TEST_F(CuratorTest, EntitiesAreFoundByEveryNameInEitherScript) {
  Entity unit = Add(EntityType::kUnit, "47th Brigade", {"اللواء 47", "the 47th"});
  for (std::string name : {"47th brigade", "  The 47th ", "اللواء ٤٧", "ٱللواء 47"}) {
    auto found = ks().FindEntitiesByNameKey(knowledge::NameKey(name), std::nullopt, 10);
    ASSERT_TRUE(found) << found.error().message();
    ASSERT_EQ(found->size(), 1u) << name;
    EXPECT_EQ(found->front(), unit) << name;
  }
  auto none =
      ks().FindEntitiesByNameKey(knowledge::NameKey("47th Brigade"), EntityType::kPerson, 10);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());
}

TEST_F(CuratorTest, QuotesAreLocatedAtTheirExactSpanOrRefused) {
  auto cite = LocateQuote(archive_->store(), source_, "Faisal, the commander of the division");
  ASSERT_TRUE(cite) << cite.error().message();
  EXPECT_EQ(cite->passage, 0u);
  EXPECT_EQ(cite->cp_end - cite->cp_begin, 37u);
  EXPECT_TRUE(CheckCitation(archive_->store(), *cite).ok());

  auto arabic = LocateQuote(archive_->store(), source_, "اللواء 47 انتشر في جوبر");
  ASSERT_TRUE(arabic) << arabic.error().message();
  EXPECT_EQ(arabic->passage, 1u);
  EXPECT_TRUE(CheckCitation(archive_->store(), *arabic).ok());

  auto missing = LocateQuote(archive_->store(), source_, "Faisal, the commander of the brigade");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message(),
            "the quote is not in source " + source_.ToString() +
                " (quotes are verbatim and within one paragraph): 'Faisal, the commander of "
                "the brigade'");
  knowledge::Citation shifted = *cite;
  shifted.cp_begin += 1;
  shifted.cp_end += 1;
  EXPECT_FALSE(CheckCitation(archive_->store(), shifted).ok());
}

TEST_F(CuratorTest, ClaimsAreCheckedStoredAndHistoried) {
  Entity faisal = Add(EntityType::kPerson, "Faisal");
  Entity division = Add(EntityType::kUnit, "1st Armored Division");
  Entity jobar = Add(EntityType::kPlace, "Jobar");
  auto cite = LocateQuote(archive_->store(), source_, "Faisal, the commander of the division");
  ASSERT_TRUE(cite);

  Claim claim;
  claim.subject = faisal.id;
  claim.predicate = Predicate::kCommanderOf;
  claim.object = jobar.id;  // a place: refused
  claim.citations = {*cite};
  base::Status wrong_type = Change([&](Curator& c) { return StatusOf(c.AddClaim(claim)); });
  EXPECT_EQ(wrong_type.message(), "object: commander_of needs a unit as object, not a place");

  claim.object = division.id;
  claim.time = "../2012-12-31";
  claim.role = "commander";
  Claim stored;
  ASSERT_TRUE(Change([&](Curator& c) -> base::Status {
                ASSIGN_OR_RETURN(stored, c.AddClaim(claim));
                return base::Status::Ok();
              }).ok());
  auto back = ks().GetClaim(stored.id);
  ASSERT_TRUE(back) << back.error().message();
  EXPECT_EQ(*back, stored);

  // Rejected, then found only when rejected claims are asked for.
  ASSERT_TRUE(
      Change([&](Curator& c) { return c.SetStatus(stored.id, ClaimStatus::kRejected); }).ok());
  auto accepted = ks().FindClaims({.object = division.id});
  ASSERT_TRUE(accepted);
  EXPECT_TRUE(accepted->empty());
  auto all = ks().FindClaims(
      {.object = division.id, .statuses = {ClaimStatus::kAccepted, ClaimStatus::kRejected}});
  ASSERT_TRUE(all);
  ASSERT_EQ(all->size(), 1u);
  EXPECT_EQ(all->front().status, ClaimStatus::kRejected);

  auto history = ks().History(stored.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 2u);
  EXPECT_EQ((*history)[0].action, "claim.add");
  EXPECT_EQ((*history)[1].action, "claim.reject");
  EXPECT_EQ((*history)[1].actor, "tester");
  EXPECT_NE((*history)[1].before->find("\"accepted\""), std::string::npos);

  // Each change is a custody entry, hashing the new state.
  auto size = archive_->store().CustodySize();
  ASSERT_TRUE(size);
  auto last = archive_->store().GetCustody(*size - 1, 1);
  ASSERT_TRUE(last);
  EXPECT_NE(last->front().entry.find("\"claim.reject\""), std::string::npos);
  EXPECT_NE(last->front().entry.find(stored.id.ToString()), std::string::npos);
}

TEST_F(CuratorTest, AnAcceptedClaimNeedsACitationAndAFailedChangeLeavesNothing) {
  Entity faisal = Add(EntityType::kPerson, "Faisal");
  Entity division = Add(EntityType::kUnit, "1st Armored Division");
  auto before = archive_->store().CustodySize();
  Claim claim;
  claim.subject = faisal.id;
  claim.predicate = Predicate::kMemberOf;
  claim.object = division.id;
  base::Status s = Change([&](Curator& c) { return StatusOf(c.AddClaim(claim)); });
  EXPECT_EQ(s.message(), "citations: an accepted claim needs at least one citation");
  claim.status = ClaimStatus::kCandidate;
  claim.time = "2012-13";
  s = Change([&](Curator& c) { return StatusOf(c.AddClaim(claim)); });
  EXPECT_EQ(s.message(), "time: 2012-13: month 13 is out of range (01-12)");
  EXPECT_EQ(*archive_->store().CustodySize(), *before);
  EXPECT_EQ(*ks().CountClaims({.statuses = {ClaimStatus::kCandidate}}), 0u);
}

TEST_F(CuratorTest, MergeAnswersForTheGroupAndCanBeUndone) {
  Entity a = Add(EntityType::kPerson, "Ghassan Haidar");
  Entity b = Add(EntityType::kPerson, "غسان حيدر");
  Entity c = Add(EntityType::kPerson, "Haydar");
  Entity unit = Add(EntityType::kUnit, "47th Brigade");
  auto cite = LocateQuote(archive_->store(), source_, "the brigade was sent to Jobar");
  ASSERT_TRUE(cite);
  Claim claim;
  claim.subject = b.id;
  claim.predicate = Predicate::kCommanderOf;
  claim.object = unit.id;
  claim.citations = {*cite};
  ASSERT_TRUE(Change([&](Curator& cur) { return StatusOf(cur.AddClaim(claim)); }).ok());
  ASSERT_TRUE(Change([&](Curator& cur) { return cur.Merge(c.id, b.id); }).ok());
  ASSERT_TRUE(Change([&](Curator& cur) { return cur.Merge(b.id, a.id); }).ok());
  auto group = ks().EntityGroup(c.id);
  ASSERT_TRUE(group);
  EXPECT_EQ(*group, (std::vector<base::Id>{a.id, b.id, c.id}));
  // A cycle is refused; merging within a group too.
  base::Status cycle = Change([&](Curator& cur) { return cur.Merge(a.id, c.id); });
  EXPECT_EQ(cycle.message(), "'Ghassan Haidar' and 'Haydar' are already one entity");
  // The claim about b answers for a, and for c, once they are one group.
  auto about_a = ks().FindClaims({.subject = a.id});
  ASSERT_TRUE(about_a);
  EXPECT_EQ(about_a->size(), 1u);
  EXPECT_EQ(ks().FindClaims({.subject = c.id, .object = unit.id})->size(), 1u);

  ASSERT_TRUE(Change([&](Curator& cur) { return cur.Unmerge(b.id); }).ok());
  EXPECT_EQ(*ks().EntityGroup(a.id), (std::vector<base::Id>{a.id}));
  EXPECT_EQ(*ks().EntityGroup(c.id), (std::vector<base::Id>{b.id, c.id}));
  auto history = ks().History(b.id);
  ASSERT_TRUE(history);
  ASSERT_EQ(history->size(), 3u);
  EXPECT_TRUE(ks().FindClaims({.subject = a.id})->empty());
  EXPECT_EQ((*history)[1].action, "entity.merge");
  EXPECT_EQ((*history)[2].action, "entity.unmerge");
}

}  // namespace
}  // namespace sijill::curate
