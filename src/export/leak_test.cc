// Leak tests: random protected names in Latin and Arabic script, written into sources in
// random spellings (case, accents, harakat, proclitics, endings), into quotes, notes,
// roles, literal objects, aliases and witness fields; every export format at the public
// and restricted levels must hold none of them. Checked twice, independently of the
// export's own check: by a redact::Redactor built here from the names (FindLeaks), and
// by a plain substring search for each name as stored.
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <sstream>

#include "base/testing/temp_dir.h"
#include "curate/curator.h"
#include "curate/quotes.h"
#include "export/exporter.h"
#include "export/output.h"
#include "ingest/add.h"
#include "redact/redactor.h"
#include "redact/testing/name_variants.h"
#include "store/archive.h"

namespace sijill::exporter {
namespace {

namespace fs = std::filesystem;
using knowledge::Claim;
using knowledge::Entity;
using knowledge::EntityType;
using knowledge::Predicate;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string RandomLatinName(std::mt19937& rng) {
  static const std::vector<std::string> syllables = {"ka",  "ram", "dir", "wa",  "lun", "sha",
                                                     "mir", "zo",  "bel", "tar", "qu",  "nas"};
  std::string name;
  for (int w = 0; w < 2; ++w) {
    std::string word;
    int n = 2 + static_cast<int>(rng() % 2);
    for (int i = 0; i < n; ++i) word += redact::testing::Pick(rng, syllables);
    word[0] = static_cast<char>(word[0] - 'a' + 'A');
    name += (w ? " " : "") + word;
  }
  return name;
}

std::string RandomArabicName(std::mt19937& rng) {
  static const std::vector<std::string> letters = {"ب", "ت", "ج", "ح", "د", "ر", "س", "ش",
                                                   "ع", "ف", "ق", "ك", "ل", "م", "ن", "ه"};
  std::string name = redact::testing::Chance(rng, 0.5) ? "أبو " : "";
  for (int w = 0; w < 2; ++w) {
    int n = 3 + static_cast<int>(rng() % 3);
    if (w) name += " ";
    for (int i = 0; i < n; ++i) name += redact::testing::Pick(rng, letters);
  }
  return name;
}

struct Person {
  std::string latin, arabic;
};

class LeakTest : public ::testing::TestWithParam<int> {
 protected:
  // An archive where `persons` are protected and mentioned everywhere text can go.
  void Build(std::mt19937& rng) {
    for (int i = 0; i < 4; ++i) persons_.push_back({RandomLatinName(rng), RandomArabicName(rng)});
    auto created = store::Archive::Create(tmp_.Path("a"));
    ASSERT_TRUE(created) << created.error().message();
    archive_ = std::move(*created);
    // One paragraph per mention, so that every mention can be quoted on its own.
    std::string text = "Title: Testimony\n\n";
    for (const auto& p : persons_) {
      for (const std::string* name : {&p.latin, &p.arabic}) {
        auto m = redact::testing::RandomMention(rng, *name);
        // One paragraph per mention: a line break inside a name would split it.
        for (char& ch : m.name) {
          if (ch == '\n' || ch == '\r') ch = ' ';
        }
        std::string sentence = "The officer said that " + m.before + m.name + m.after +
                               " served in the brigade. قال إن " + m.before + m.name + m.after +
                               " كان هناك.";
        mentions_.push_back(sentence);
        text += sentence + "\n\n";
      }
    }
    std::ofstream(tmp_.Path("t.txt")) << text;
    for (auto level : {store::AccessLevel::kPublic, store::AccessLevel::kRestricted}) {
      ingest::SourceOverrides o;
      o.access = level;
      o.witness = persons_[0].latin;
      o.title = "Interview of " + persons_[1].latin;
      fs::path file = tmp_.Path(std::string(store::AccessLevelName(level)) + ".txt");
      std::ofstream(file) << text << "\n" << store::AccessLevelName(level) << "\n";
      auto added = ingest::AddFile(*archive_, file, o, ingest::Intake::Now());
      ASSERT_TRUE(added) << added.error().message();
      sources_.push_back(added->source.id);
    }
    auto txn = archive_->store().BeginWrite();
    ASSERT_TRUE(txn);
    curate::Curator c(archive_->store(), **txn, curate::Actor{"tester", "2026-11-27T10:00:00Z"});
    Entity unit;
    unit.type = EntityType::kUnit;
    unit.name = "47th Brigade";
    unit.note = "deserters: " + persons_[2].latin + ", " + persons_[3].arabic;
    auto u = c.AddEntity(unit);
    ASSERT_TRUE(u) << u.error().message();
    for (const auto& p : persons_) {
      Entity e;
      e.type = EntityType::kPerson;
      e.name = p.latin;
      e.aliases = {{p.arabic, std::nullopt}};
      e.is_protected = true;
      e.note = "brother of " + persons_[0].arabic;
      auto added = c.AddEntity(e);
      ASSERT_TRUE(added) << added.error().message();
      for (const auto& source : sources_) {
        for (const auto& sentence : mentions_) {
          Claim cl;
          cl.subject = added->id;
          cl.predicate = Predicate::kMemberOf;
          cl.object = u->id;
          cl.role = "driver for " + persons_[1].latin;
          cl.note = "said by " + persons_[2].arabic;
          auto cite = curate::LocateQuote(archive_->store(), source, sentence);
          ASSERT_TRUE(cite) << cite.error().message();
          cl.citations.push_back(*cite);
          auto claim = c.AddClaim(cl);
          ASSERT_TRUE(claim) << claim.error().message();
        }
      }
      Claim literal;
      literal.subject = added->id;
      literal.predicate = Predicate::kDetainedAt;
      literal.object_text = "the house of " + p.arabic;
      auto cite = curate::LocateQuote(archive_->store(), sources_[0], mentions_[0]);
      ASSERT_TRUE(cite);
      literal.citations.push_back(*cite);
      ASSERT_TRUE(c.AddClaim(literal));
    }
    ASSERT_TRUE((*txn)->Commit().ok());
  }

  // Every leak of a protected name in `text`, as a message (empty: none).
  std::string Leaks(const std::string& text, const std::string& what) {
    std::vector<redact::ProtectedName> names;
    for (const auto& p : persons_) names.push_back({"P", {p.latin, p.arabic}});
    auto redactor = redact::Redactor::Create(names);
    EXPECT_TRUE(redactor);
    std::string found;
    for (const auto& leak : (*redactor)->FindLeaks(text)) {
      found += what + ": FindLeaks at byte " + std::to_string(leak.offset) + "\n";
    }
    for (const auto& p : persons_) {
      for (const std::string* name : {&p.latin, &p.arabic}) {
        if (text.find(*name) != std::string::npos) found += what + ": plain name\n";
      }
    }
    return found;
  }

  base::testing::TempDir tmp_;
  std::unique_ptr<store::Archive> archive_;
  std::vector<Person> persons_;
  std::vector<std::string> mentions_;
  std::vector<base::Id> sources_;
};

TEST_P(LeakTest, NoFormatAtAnyLevelBelowConfidentialShowsAProtectedName) {
  std::mt19937 rng(static_cast<uint32_t>(GetParam()));
  Build(rng);
  if (HasFatalFailure()) return;
  for (auto level : {store::AccessLevel::kPublic, store::AccessLevel::kRestricted}) {
    for (Format f : {Format::kJson, Format::kCsv, Format::kPopolo, Format::kFtm, Format::kGraphml,
                     Format::kGeojson}) {
      std::string name =
          std::string(FormatName(f)) + "-" + std::string(store::AccessLevelName(level));
      auto r = Export(archive_->store(), {f, level, "t"}, tmp_.Path(name));
      ASSERT_TRUE(r) << name << ": " << r.error().message();
      EXPECT_GT(r->claims, 0u) << name;
      EXPECT_EQ(r->withheld.pseudonymized, 4u) << name;
      std::vector<fs::path> files;
      if (fs::is_directory(tmp_.Path(name))) {
        for (const auto& e : fs::directory_iterator(tmp_.Path(name))) files.push_back(e.path());
      } else {
        files.push_back(tmp_.Path(name));
      }
      for (const auto& file : files) {
        std::string text = ReadFile(file);
        EXPECT_EQ(Leaks(text, file.filename().string()), "") << name;
        // Where persons are listed, they are there by pseudonym.
        bool lists_persons = f != Format::kGeojson && file.filename() != "aliases.csv";
        if (lists_persons) {
          EXPECT_NE(text.find("Protected person"), std::string::npos) << file;
        }
      }
    }
  }
  // At the confidential level the names are there (the check is not vacuous).
  auto r = Export(archive_->store(), {Format::kJson, store::AccessLevel::kConfidential, "t"},
                  tmp_.Path("full.json"));
  ASSERT_TRUE(r);
  EXPECT_NE(Leaks(ReadFile(tmp_.Path("full.json")), "full"), "");
}

INSTANTIATE_TEST_SUITE_P(Seeds, LeakTest, ::testing::Range(1, 7));

TEST(StagedOutput, AnOutputWithAProtectedNameIsNeverWritten) {
  base::testing::TempDir tmp;
  auto archive = store::Archive::Create(tmp.Path("a"));
  ASSERT_TRUE(archive);
  {
    auto txn = (*archive)->store().BeginWrite();
    curate::Curator c((*archive)->store(), **txn, curate::Actor{"t", "2026-11-27T10:00:00Z"});
    Entity e;
    e.type = EntityType::kPerson;
    e.name = "Abu Karam";
    e.aliases = {{"أبو كرام", std::nullopt}};
    e.is_protected = true;
    ASSERT_TRUE(c.AddEntity(e));
    ASSERT_TRUE((*txn)->Commit().ok());
  }
  auto policy = curate::Disclosure::At((*archive)->store(), store::AccessLevel::kPublic);
  ASSERT_TRUE(policy);
  fs::create_directory(tmp.Path("out"));
  auto out = StagedOutput::Create(tmp.Path("out") / "x", StagedOutput::Kind::kDirectory);
  ASSERT_TRUE(out);
  auto a = (*out)->Open("a.csv");
  auto b = (*out)->Open("b.csv");
  ASSERT_TRUE(a && b);
  **a << "nothing here\n";
  // Past the first chunk, to exercise the overlapping reads.
  **b << std::string(9u << 20, 'x') << "\n... and then وأبو كرام said\n";
  base::Status s = (*out)->Commit(*policy);
  EXPECT_EQ(s.code(), base::StatusCode::kPermissionDenied);
  EXPECT_NE(s.message().find((tmp.Path("out") / "x" / "b.csv").string()), std::string::npos)
      << s.message();
  EXPECT_EQ(s.message().find("كرام"), std::string::npos) << "the message must not leak";
  out->reset();
  EXPECT_TRUE(fs::is_empty(tmp.Path("out")));
}

}  // namespace
}  // namespace sijill::exporter
