#include "curate/disclosure.h"

#include <gtest/gtest.h>

#include <fstream>

#include "base/testing/temp_dir.h"
#include "curate/curator.h"
#include "ingest/add.h"
#include "store/archive.h"

namespace sijill::curate {
namespace {

using knowledge::Entity;
using knowledge::EntityType;

class DisclosureTest : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = std::move(*store::Archive::Create(tmp_.Path("a")));
    std::ofstream(tmp_.Path("t.txt")) << "Title: T\nWitness: Abu Hussam\n\nBody.\n";
    ASSERT_TRUE(ingest::AddFile(*archive_, tmp_.Path("t.txt"), {}, ingest::Intake::Now()));
  }

  Entity Add(std::string name, std::vector<std::string> aliases, bool is_protected) {
    Entity e;
    e.type = EntityType::kPerson;
    e.name = std::move(name);
    for (auto& a : aliases) e.aliases.push_back({a, std::nullopt});
    e.is_protected = is_protected;
    auto txn = archive_->store().BeginWrite();
    Curator c(archive_->store(), **txn, Actor{"t", "2026-11-27T00:00:00Z"});
    Entity out = *c.AddEntity(e);
    EXPECT_TRUE((*txn)->Commit().ok());
    return out;
  }

  base::testing::TempDir tmp_;
  std::unique_ptr<store::Archive> archive_;
};

TEST_F(DisclosureTest, BelowConfidentialEveryNameOfAProtectedGroupIsReplaced) {
  Entity ayham = Add("Ayham", {"أيهم"}, true);
  Entity other = Add("Ayham al-Khatib", {"ايهم الخطيب"}, false);
  Entity officer = Add("Mahmoud Sabbagh", {}, false);
  {  // The protected Ayham is found to be the same man under another spelling.
    auto txn = archive_->store().BeginWrite();
    Curator c(archive_->store(), **txn, Actor{"t", "2026-11-27T00:00:00Z"});
    ASSERT_TRUE(c.Merge(other.id, ayham.id).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  const std::string text =
      "Ayham al-Khatib, وأيهم and Abu Hussam met Mahmoud Sabbagh; ايهم الخطيب too.";
  auto pub = Disclosure::At(archive_->store(), store::AccessLevel::kPublic);
  ASSERT_TRUE(pub) << pub.error().message();
  std::string shown = pub->Text(text);
  const std::string p = knowledge::Pseudonym(ayham);
  const std::string w = "Protected witness " + [&] {
    auto s = archive_->store().ListSources()->front().id.ToString().substr(0, 6);
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
  }();
  EXPECT_EQ(shown, p + ", و" + p + " and " + w + " met Mahmoud Sabbagh; " + p + " too.");
  EXPECT_TRUE(pub->CheckNoLeak(shown, "out").ok());
  base::Status leak = pub->CheckNoLeak(text, "dossier.html");
  EXPECT_EQ(leak.code(), base::StatusCode::kPermissionDenied);
  EXPECT_EQ(leak.message().find("Ayham"), std::string::npos);
  EXPECT_NE(leak.message().find("dossier.html: it would show a name of " + p), std::string::npos);
  EXPECT_FALSE(pub->Shows(store::AccessLevel::kRestricted));

  auto full = Disclosure::At(archive_->store(), store::AccessLevel::kConfidential);
  ASSERT_TRUE(full);
  EXPECT_EQ(full->Text(text), text);
  EXPECT_TRUE(full->CheckNoLeak(text, "out").ok());
  EXPECT_TRUE(full->Shows(store::AccessLevel::kConfidential));
  (void)officer;
}

}  // namespace
}  // namespace sijill::curate
