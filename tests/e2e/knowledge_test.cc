// The knowledge layer as a user drives it: entities with aliases in both scripts,
// claims that cite a witness's exact words, review of candidates, merges.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class Knowledge : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    auto added = RunSijill({"add", archive_, (SharedData() / "dev" / "t01.txt").string()});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    source_ = json::parse(RunSijill({"sources", archive_, "--json"}).out)[0]["id"];
  }

  std::string Add(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"entity", "add", archive_};
    all.insert(all.end(), args.begin(), args.end());
    auto r = RunSijill(all);
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return r.out.substr(0, r.out.find('\n'));
  }

  RunResult Claim(const std::vector<std::string>& args) {
    std::vector<std::string> all = {"claim", "add", archive_};
    all.insert(all.end(), args.begin(), args.end());
    return RunSijill(all);
  }

  size_t LogSize() { return json::parse(RunSijill({"log", archive_, "--json"}).out).size(); }

  Scratch tmp_;
  std::string archive_;
  std::string source_;
};

TEST_F(Knowledge, ClaimsCiteExactWordsAndNamesResolveInBothScripts) {
  std::string brigade =
      Add({"unit", "47th Brigade", "--alias", "اللواء 47", "--alias", "the 47th"});
  std::string haidar = Add({"person", "Ghassan Haidar", "--alias", "Haidar", "--alias", "Abu Ali"});
  ASSERT_EQ(brigade.size(), 26u);

  // The unit named by its Arabic alias, with Arabic-Indic digits.
  auto r = Claim({"commander_of", "--subject", "Abu Ali", "--object", "اللواء ٤٧", "--role",
                  "commander", "--time", "../2013-03-03", "--cite",
                  source_.substr(0, 8) + ":The commander of the brigade at that time was "
                                         "Brigadier General Ghassan Haidar",
                  "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json claim = json::parse(r.out);
  EXPECT_EQ(claim["subject"], haidar);
  EXPECT_EQ(claim["object"], brigade);
  EXPECT_EQ(claim["status"], "accepted");
  EXPECT_EQ(claim["time"], "../2013-03-03");
  ASSERT_EQ(claim["citations"].size(), 1u);
  const json& cite = claim["citations"][0];
  EXPECT_EQ(cite["quote"],
            "The commander of the brigade at that time was Brigadier General Ghassan Haidar");
  EXPECT_EQ(cite["end"].get<int>() - cite["begin"].get<int>(), 78);
  // The span really is those words of the source: `show` prints the passage it names.
  auto passage = RunSijill(
      {"show", archive_, source_ + ":" + std::to_string(cite["passage"].get<int>()), "--json"});
  ASSERT_EQ(passage.exit_code, 0) << passage.err;
  EXPECT_THAT(passage.out, HasSubstr("Brigadier General Ghassan Haidar"));

  // A date in words is read into EDTF, and said so.
  r = Claim({"member_of", "--subject", "Haidar", "--object", "the 47th", "--rank",
             "brigadier general", "--time", "late 2012", "--cite",
             source_ + ":Brigadier General Ghassan Haidar"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("time: 'late 2012' read as 2012-12~"));

  auto listed =
      json::parse(RunSijill({"claim", "list", archive_, "--subject", "Haidar", "--json"}).out);
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(listed[0]["object_name"], "47th Brigade");
}

TEST_F(Knowledge, BadClaimsAreRefusedWithTheReasonAndChangeNothing) {
  Add({"unit", "47th Brigade"});
  Add({"person", "Ghassan Haidar"});
  Add({"place", "Hama", "--alias", "حماة"});
  size_t before = LogSize();

  auto r = Claim({"commander_of", "--subject", "Ghassan Haidar", "--object", "47th Brigade",
                  "--cite", source_ + ":Ghassan Haidar commanded the Fourth Division"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("--cite: the quote is not in source " + source_));

  r = Claim({"commander_of", "--subject", "Ghassan Haidar", "--object", "Hama", "--cite",
             source_ + ":Brigadier General Ghassan Haidar"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("object: commander_of needs a unit as object, not a place"));

  r = Claim({"commander_of", "--subject", "Ghassan Haidar", "--object", "47th Brigade"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("citations: an accepted claim needs at least one citation"));

  r = Claim({"commander_of", "--subject", "Ghassan Haidar", "--object", "47th Brigade",
             "--candidate", "--time", "2012-13"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("time: 2012-13: month 13 is out of range"));

  r = Claim({"commanded", "--subject", "Ghassan Haidar", "--object", "47th Brigade"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("'commanded' is not a predicate"));

  r = Claim({"commander_of", "--subject", "Nobody", "--object", "47th Brigade", "--candidate"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no entity is named 'Nobody'"));

  EXPECT_EQ(LogSize(), before);
  auto all = json::parse(RunSijill({"claim", "list", archive_, "--json"}).out);
  EXPECT_TRUE(all.empty());
}

TEST_F(Knowledge, AnAmbiguousNameListsTheChoices) {
  std::string a = Add({"person", "Mahmoud Sabbagh", "--alias", "Sabbagh"});
  auto second = RunSijill({"entity", "add", archive_, "person", "Sabbagh"});
  ASSERT_EQ(second.exit_code, 0);
  EXPECT_THAT(second.err, HasSubstr("note: another person is also named so: Mahmoud Sabbagh"));
  auto r = RunSijill({"entity", "show", archive_, "sabbagh"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("'sabbagh' is ambiguous; it could be:"));
  EXPECT_THAT(r.err, HasSubstr(a.substr(0, 10) + "  person  Mahmoud Sabbagh (also: Sabbagh)"));
  EXPECT_EQ(RunSijill({"entity", "show", archive_, a.substr(0, 8)}).exit_code, 0);
}

TEST_F(Knowledge, ReviewAcceptsEditsAndRejectsCandidates) {
  Add({"unit", "47th Brigade"});
  Add({"person", "Ghassan Haidar"});
  auto first = Claim({"member_of", "--subject", "Ghassan Haidar", "--object", "47th Brigade",
                      "--candidate", "--cite", source_ + ":Brigadier General Ghassan Haidar"});
  auto second = Claim({"commander_of", "--subject", "Ghassan Haidar", "--object", "47th Brigade",
                       "--candidate", "--cite", source_ + ":Brigadier General Ghassan Haidar"});
  ASSERT_EQ(first.exit_code, 0) << first.err;
  ASSERT_EQ(second.exit_code, 0) << second.err;

  auto queue = json::parse(RunSijill({"review", archive_, "--json"}).out);
  ASSERT_EQ(queue.size(), 2u);

  // Edit the first (time in words, a rank) and accept it; reject the second.
  auto r = RunSijillWithInput({"review", archive_},
                              "e\ntime=the summer of 2012\nrank=brigadier general\n\nr\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("1 accepted, 1 rejected, 0 skipped"));
  std::string id = first.out.substr(0, 26);
  auto shown = json::parse(RunSijill({"claim", "show", archive_, id, "--json"}).out);
  EXPECT_EQ(shown["status"], "accepted");
  EXPECT_EQ(shown["time"], "2012-22");
  EXPECT_EQ(shown["rank"], "brigadier general");
  ASSERT_EQ(shown["history"].size(), 2u);
  EXPECT_EQ(shown["history"][1]["action"], "claim.accept");
  EXPECT_EQ(shown["history"][1]["before"]["status"], "candidate");
  auto rejected =
      json::parse(RunSijill({"claim", "list", archive_, "--status", "rejected", "--json"}).out);
  ASSERT_EQ(rejected.size(), 1u);
  EXPECT_EQ(rejected[0]["id"], second.out.substr(0, 26));
  EXPECT_TRUE(json::parse(RunSijill({"review", archive_, "--json"}).out).empty());
}

TEST_F(Knowledge, MergedEntitiesAnswerTogetherAndUnmergeUndoesIt) {
  std::string latin = Add({"person", "Ghassan Haidar"});
  std::string arabic = Add({"person", "غسان حيدر"});
  Add({"unit", "47th Brigade"});
  ASSERT_EQ(Claim({"commander_of", "--subject", "غسان حيدر", "--object", "47th Brigade", "--cite",
                   source_ + ":Brigadier General Ghassan Haidar"})
                .exit_code,
            0);
  auto merged = RunSijill({"entity", "merge", archive_, "غسان حيدر", "Ghassan Haidar"});
  ASSERT_EQ(merged.exit_code, 0) << merged.err;
  EXPECT_THAT(merged.err, HasSubstr("undo with: sijill entity unmerge"));
  // Either name now reaches the one group, and its claims.
  auto claims = json::parse(
      RunSijill({"claim", "list", archive_, "--subject", "Ghassan Haidar", "--json"}).out);
  EXPECT_EQ(claims.size(), 1u);
  auto shown = json::parse(RunSijill({"entity", "show", archive_, "غسان حيدر", "--json"}).out);
  EXPECT_EQ(shown["id"], latin);
  EXPECT_EQ(shown["group"], json::array({latin, arabic}));

  ASSERT_EQ(RunSijill({"entity", "unmerge", archive_, arabic}).exit_code, 0);
  claims = json::parse(
      RunSijill({"claim", "list", archive_, "--subject", "Ghassan Haidar", "--json"}).out);
  EXPECT_TRUE(claims.empty());
  auto history = json::parse(RunSijill({"entity", "show", archive_, arabic, "--json"}).out);
  ASSERT_EQ(history["history"].size(), 3u);
  EXPECT_EQ(history["history"][1]["action"], "entity.merge");
}

}  // namespace
}  // namespace sijill::e2e
