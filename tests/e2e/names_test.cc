// Names across spellings and scripts, through the CLI: `sijill names` ranks every entity
// that may bear a name and says which alias matched and how; --suggest-merges lists likely
// duplicates with the evidence; every command that takes a name reads a close spelling or
// a shortening (saying how on stderr) or lists the close choices.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class Names : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    for (auto args :
         std::vector<std::vector<std::string>>{{"person", "Ghassan Haidar", "--alias", "Abu Ali"},
                                               {"person", "غسان حيدر"},
                                               {"person", "Hassan Haddad"},
                                               {"unit", "1st Armored Division"},
                                               {"unit", "11th Armored Division"},
                                               {"place", "Deir ez-Zor"}}) {
      args.insert(args.begin(), {"entity", "add", archive_});
      auto r = RunSijill(args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      ids_[args[4]] = r.out.substr(0, r.out.find('\n'));
    }
  }

  Scratch tmp_;
  std::string archive_;
  std::map<std::string, std::string> ids_;
};

TEST_F(Names, RanksEveryEntityThatMayBearTheNameInBothScripts) {
  auto r = RunSijill({"names", archive_, "Haydar", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto matches = json::parse(r.out)["matches"];
  ASSERT_EQ(matches.size(), 2u) << r.out;
  EXPECT_EQ(matches[0]["entity"]["name"], "Ghassan Haidar");
  EXPECT_EQ(matches[0]["how"], "haydar ~ haidar (same sounds)");
  EXPECT_EQ(matches[1]["entity"]["name"], "غسان حيدر");
  EXPECT_EQ(matches[1]["how"], "haydar ~ حيدر (same consonants HDR)");
  EXPECT_GT(matches[0]["score"].get<double>(), matches[1]["score"].get<double>());

  r = RunSijill({"names", archive_, "أبو علي"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Ghassan Haidar (also: Abu Ali)"));
  EXPECT_THAT(r.out,
              HasSubstr("alias 'Abu Ali': ابو ~ abu (same sounds); علي ~ ali (same consonants L)"));

  r = RunSijill({"names", archive_, "Dayr al-Zawr", "--type", "place"});
  EXPECT_THAT(r.out, HasSubstr("Deir ez-Zor"));
  r = RunSijill({"names", archive_, "Dayr al-Zawr", "--type", "unit"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No unit has a name like 'Dayr al-Zawr'.\n");
}

TEST_F(Names, UsageErrors) {
  auto r = RunSijill({"names", archive_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "sijill names: give a name or --suggest-merges\n");
  r = RunSijill({"names", archive_, "Haidar", "--suggest-merges"});
  EXPECT_EQ(r.exit_code, 2);
  r = RunSijill({"names", archive_, "Haidar", "--type", "army"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "sijill names: --type: 'army' is not a type (person, unit, place, event)\n");
}

TEST_F(Names, SuggestsTheSpellingsOfOnePersonUntilTheyAreMerged) {
  auto r = RunSijill({"names", archive_, "--suggest-merges", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto pairs = json::parse(r.out)["suggestions"];
  ASSERT_EQ(pairs.size(), 1u) << r.out;
  EXPECT_EQ(pairs[0]["first"]["name"], "Ghassan Haidar");
  EXPECT_EQ(pairs[0]["second"]["name"], "غسان حيدر");
  EXPECT_THAT(pairs[0]["how"].get<std::string>(), HasSubstr("حيدر ~ haidar"));
  r = RunSijill({"names", archive_, "--suggest-merges"});
  EXPECT_THAT(r.out, HasSubstr("to merge: sijill entity merge " + archive_));
  ASSERT_EQ(
      RunSijill({"entity", "merge", archive_, ids_["غسان حيدر"], ids_["Ghassan Haidar"]}).exit_code,
      0);
  r = RunSijill({"names", archive_, "--suggest-merges"});
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(r.err, "No likely duplicates.\n");
}

TEST_F(Names, CommandsReadAShortenedUnitNameOrListTheChoices) {
  auto r = RunSijill({"who-commanded", archive_, "1st Div"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("'1st Div' read as '1st Armored Division'\n"));
  EXPECT_THAT(r.err, HasSubstr("No claim says who commanded 1st Armored Division"));

  r = RunSijill({"who-commanded", archive_, "Armored Div"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("sijill: error: no unit is named 'Armored Div'; it could be:\n"));
  EXPECT_THAT(r.err, HasSubstr("  unit    1st Armored Division\n"));
  EXPECT_THAT(r.err, HasSubstr("  unit    11th Armored Division\n"));
  EXPECT_THAT(r.err, HasSubstr("give the id (or a unique prefix of it) instead"));

  r = RunSijill({"who-commanded", archive_, "3rd Brigade"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: no unit is named '3rd Brigade'\n");
}

TEST_F(Names, CommandsReadAnotherSpellingAndSayWhichAliasMatched) {
  auto r = RunSijill({"about", archive_, "Abou Ali", "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "'Abou Ali' read as 'Ghassan Haidar' (alias 'Abu Ali')\n");
  r = RunSijill({"about", archive_, "Hasan Hadad"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "'Hasan Hadad' read as 'Hassan Haddad'\n");
  // Both scripts' spellings are close; the one written alike leads by enough.
  r = RunSijill({"about", archive_, "Haydar"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "'Haydar' read as 'Ghassan Haidar'\n");
  r = RunSijill({"about", archive_, "حيدر"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "'حيدر' read as 'غسان حيدر'\n");
}

}  // namespace
}  // namespace sijill::e2e
