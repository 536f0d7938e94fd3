// `sijill extract` as a user runs it: candidates proposed from a testimony, stored with
// their citations, reused entities, a second run that adds nothing, and bad input that
// changes nothing.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class Extract : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    for (const char* t : {"t01.txt", "t05.txt"}) {
      auto added = RunSijill({"add", archive_, (SharedData() / "dev" / t).string()});
      ASSERT_EQ(added.exit_code, 0) << added.err;
    }
  }

  json Entities() { return json::parse(RunSijill({"entity", "list", archive_, "--json"}).out); }
  size_t LogSize() { return json::parse(RunSijill({"log", archive_, "--json"}).out).size(); }

  Scratch tmp_;
  std::string archive_;
};

TEST_F(Extract, ProposesEntitiesOnceAndReusesThemAcrossSources) {
  auto r = RunSijill({"extract", archive_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json runs = json::parse(r.out);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_GT(runs[0]["entities_added"].get<int>(), 0);
  EXPECT_GT(runs[0]["dates"].get<int>(), 10);
  // Hama is in both testimonies (Latin and Arabic): one entity, reused by the second.
  EXPECT_GT(runs[1]["entities_known"].get<int>(), 0);
  json entities = Entities();
  int hama = 0;
  for (const auto& e : entities) {
    if (e["name"] == "Hama") {
      ++hama;
      EXPECT_EQ(e["type"], "place");
      EXPECT_THAT(e["created_by"].get<std::string>(), HasSubstr("extract:"));
    }
  }
  EXPECT_EQ(hama, 1);

  // A second run proposes nothing new.
  size_t log = LogSize();
  r = RunSijill({"extract", archive_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  for (const auto& run : json::parse(r.out)) {
    EXPECT_EQ(run["entities_added"], 0);
    EXPECT_EQ(run["claims_added"], 0);
  }
  EXPECT_EQ(Entities().size(), entities.size());
  EXPECT_EQ(LogSize(), log);
}

TEST_F(Extract, CandidatesGoToReviewWithTheirQuotesAndAreAcceptedThere) {
  auto r = RunSijill({"extract", archive_});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("candidate claims to review: sijill review"));
  json queue = json::parse(RunSijill({"review", archive_, "--json"}).out);
  ASSERT_GT(queue.size(), 10u);
  // t01: "The commander of the brigade at that time was Brigadier General Ghassan Haidar."
  const json* haidar = nullptr;
  for (const auto& c : queue) {
    EXPECT_EQ(c["status"], "candidate");
    EXPECT_THAT(c["created_by"].get<std::string>(), HasSubstr("extract:"));
    ASSERT_EQ(c["citations"].size(), 1u);
    if (c["predicate"] == "commander_of" && c["subject_name"] == "Ghassan Haidar" &&
        c["object_name"] == "47th Brigade")
      haidar = &c;
  }
  ASSERT_NE(haidar, nullptr);
  EXPECT_THAT((*haidar)["citations"][0]["quote"].get<std::string>(), HasSubstr("Ghassan Haidar"));
  // The reviewer accepts the first candidate: it leaves the queue.
  auto answered = RunSijillWithInput({"review", archive_}, "a\nq\n");
  ASSERT_EQ(answered.exit_code, 0) << answered.err;
  EXPECT_EQ(json::parse(RunSijill({"review", archive_, "--json"}).out).size(), queue.size() - 1);
}

TEST_F(Extract, UnknownSourceChangesNothing) {
  size_t log = LogSize();
  auto r = RunSijill({"extract", archive_, "zzzzzzzz"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: no source matches 'zzzzzzzz'\n");
  EXPECT_TRUE(Entities().empty());
  EXPECT_EQ(LogSize(), log);
}

TEST_F(Extract, OneSourceByPrefix) {
  json sources = json::parse(RunSijill({"sources", archive_, "--json"}).out);
  std::string first = sources[0]["id"].get<std::string>().substr(0, 6);
  auto r = RunSijill({"extract", archive_, first});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr(first));
  EXPECT_THAT(r.out, HasSubstr("new entities"));
  EXPECT_EQ(r.out.find(sources[1]["id"].get<std::string>().substr(0, 10)), std::string::npos);
}

// A news article added as one rests its statements on itself (documentary); the same
// words in an interview are the speaker's own account.
TEST_F(Extract, AnArticleIsDocumentaryAnInterviewFirstHand) {
  std::string words =
      "The Commander of the 44 Brigade, Brig.-Gen. Tanko Yaro, inspected the troops. "
      "Villagers told us that Col. Musa Bako, the commander of the 17 Battalion, had left.\n";
  WriteFile(tmp_ / "article.txt", words);
  WriteFile(tmp_ / "interview.txt", words + "That was all.\n");  // other bytes: another source
  ASSERT_EQ(
      RunSijill({"add", archive_, (tmp_ / "article.txt").string(), "--kind", "article"}).exit_code,
      0);
  ASSERT_EQ(RunSijill({"add", archive_, (tmp_ / "interview.txt").string()}).exit_code, 0);
  ASSERT_EQ(RunSijill({"extract", archive_}).exit_code, 0);
  json claims =
      json::parse(RunSijill({"claim", "list", archive_, "--status", "candidate", "--json"}).out);
  std::map<std::string, std::vector<std::string>> evidence;  // source name -> evidence
  json sources = json::parse(RunSijill({"sources", archive_, "--json"}).out);
  std::map<std::string, std::string> name_of;
  for (const auto& src : sources) name_of[src["id"]] = src["original_name"];
  for (const auto& c : claims) {
    if (c["subject_name"] != "Tanko Yaro" && c["subject_name"] != "Musa Bako") continue;
    std::string source = name_of[c["citations"][0]["source"].get<std::string>()];
    evidence[source + " " + c["subject_name"].get<std::string>()].push_back(c["evidence"]);
  }
  EXPECT_EQ(evidence["article.txt Tanko Yaro"], std::vector<std::string>{"documentary"});
  EXPECT_EQ(evidence["interview.txt Tanko Yaro"], std::vector<std::string>{"first_hand"});
  // What others told is hearsay in either.
  EXPECT_EQ(evidence["article.txt Musa Bako"], std::vector<std::string>{"hearsay"});
  EXPECT_EQ(evidence["interview.txt Musa Bako"], std::vector<std::string>{"hearsay"});
}

}  // namespace
}  // namespace sijill::e2e
