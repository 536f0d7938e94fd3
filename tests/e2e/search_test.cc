// `sijill search`, `sources` and `show` on the dev testimonies (English and Arabic).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

class SearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    tmp_ = new Scratch;
    archive_ = (*tmp_ / "dev").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    std::vector<std::string> args{"add", archive_};
    for (const auto& e : std::filesystem::directory_iterator(SharedData() / "dev")) {
      if (e.path().extension() == ".txt") args.push_back(e.path().string());
    }
    ASSERT_EQ(args.size(), 8u);  // the six testimonies
    auto r = RunSijill(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }
  static void TearDownTestSuite() { delete tmp_; }

  static nlohmann::json Search(const std::string& q, std::vector<std::string> extra = {}) {
    std::vector<std::string> args{"search", archive_, q, "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = RunSijill(args);
    EXPECT_EQ(r.exit_code, 0) << q << ": " << r.err;
    return nlohmann::json::parse(r.out.empty() ? "[]" : r.out);
  }

  // The number of distinct source files whose passages match.
  static std::set<std::string> SourcesMatching(const std::string& q) {
    std::set<std::string> titles;
    for (const auto& h : Search(q, {"--limit", "1000"})) titles.insert(h["source"]);
    return titles;
  }

  static Scratch* tmp_;
  static std::string archive_;
};
Scratch* SearchTest::tmp_ = nullptr;
std::string SearchTest::archive_;

TEST_F(SearchTest, EnglishWordsAndPhrases) {
  auto hits = Search("Haidar");
  ASSERT_FALSE(hits.empty());
  for (const auto& h : hits) {
    std::string snippet = h["snippet"];
    ASSERT_FALSE(h["marks"].empty());
    EXPECT_THAT(snippet, HasSubstr("Haidar"));
  }
  EXPECT_FALSE(Search("\"Branch 215\"").empty());
  EXPECT_FALSE(Search("Jobar market").empty());
}

TEST_F(SearchTest, ArabicMatchesWithoutDiacriticsOrLetterForms) {
  // t05 writes "سلّوم" with a shadda; the plain spelling finds it.
  auto plain = Search("سلوم");
  ASSERT_FALSE(plain.empty());
  EXPECT_THAT(plain[0]["snippet"].get<std::string>(), HasSubstr("سلّوم"));
  // Arabic-Indic digits in t06 (الفرع ٢١٥) are found with Western digits.
  bool found_indic = false;
  for (const auto& h : Search("الفرع 215", {"--limit", "100"})) {
    found_indic |= h["snippet"].get<std::string>().find("٢١٥") != std::string::npos;
  }
  EXPECT_TRUE(found_indic);
  // ة/ه: t05 writes both حماة and حماه.
  EXPECT_EQ(SourcesMatching("حماة"), SourcesMatching("حماه"));
  // Article-less stem: "صباغ" finds "الصباغ".
  EXPECT_FALSE(Search("صباغ").empty());
}

TEST_F(SearchTest, TextOutputMarksMatches) {
  auto r = RunSijill({"search", archive_, "Qudsaya", "--limit", "2"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_THAT(r.out, HasSubstr("[Qudsaya]"));
}

TEST_F(SearchTest, LimitAndNoMatches) {
  EXPECT_EQ(Search("the", {"--limit", "3"}).size(), 3u);
  auto none = RunSijill({"search", archive_, "xylophone"});
  EXPECT_EQ(none.exit_code, 0);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(none.err, "No passage matches xylophone.\n");
}

TEST_F(SearchTest, AnyTypedQueryGivesResultsOrAClearMessage) {
  for (const char* q : {"NEAR(a b)", "\"unclosed", "a AND", "*", "-", "((", "col:val", "^start",
                        "' OR 1=1 --", "Haidar -", "OR", "\"\"", "٢١٥*", "🙂"}) {
    auto r = RunSijill({"search", archive_, q});
    EXPECT_TRUE(r.exit_code == 0 || r.exit_code == 2) << q << ": " << r.err;
    if (r.exit_code == 2) {
      EXPECT_THAT(r.err, HasSubstr("sijill search: ")) << q;
    }
    EXPECT_EQ(r.err.find("fts5"), std::string::npos) << q << ": " << r.err;
  }
  auto empty = RunSijill({"search", archive_, "   "});
  EXPECT_EQ(empty.exit_code, 2);
  EXPECT_EQ(empty.err, "sijill search: the query is empty\n");
}

TEST_F(SearchTest, SourcesAndShow) {
  auto list = RunSijill({"sources", archive_});
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_THAT(list.out, HasSubstr("ID "));
  auto json = nlohmann::json::parse(RunSijill({"sources", archive_, "--json"}).out);
  std::string id;
  for (const auto& s : json) {
    if (s["original_name"] == "t05.txt") id = s["id"];
  }
  ASSERT_FALSE(id.empty());
  auto show = RunSijill({"show", archive_, id.substr(0, 6)});
  ASSERT_EQ(show.exit_code, 0) << show.err;
  EXPECT_THAT(show.out, HasSubstr("witness   أبو حسام"));
  EXPECT_THAT(show.out, HasSubstr("[0] المحاوِر:"));
  auto one =
      nlohmann::json::parse(RunSijill({"show", archive_, id, "--passage", "1", "--json"}).out);
  ASSERT_EQ(one["passages"].size(), 1u);
  EXPECT_EQ(one["passages"][0]["ordinal"], 1);
  auto by_passage_id = RunSijill({"show", archive_, id.substr(0, 10) + ":1"});
  ASSERT_EQ(by_passage_id.exit_code, 0) << by_passage_id.err;
  EXPECT_EQ(by_passage_id.out, "[1] " + one["passages"][0]["text"].get<std::string>() + "\n\n");
  auto missing = RunSijill({"show", archive_, id, "--passage", "999"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_THAT(missing.err, HasSubstr("there is no passage 999"));
  auto unknown = RunSijill({"show", archive_, "zzzzzzzz"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_EQ(unknown.err, "sijill: error: no source matches 'zzzzzzzz'\n");
}

// Passage offsets are code points into the stored text: the passage text is exactly
// that slice (checked against the text reconstructed from all passages' positions).
TEST_F(SearchTest, PassageOffsetsAreCodePoints) {
  auto json = nlohmann::json::parse(RunSijill({"sources", archive_, "--json"}).out);
  for (const auto& s : json) {
    auto show = nlohmann::json::parse(RunSijill({"show", archive_, s["id"], "--json"}).out);
    uint64_t previous_end = 0;
    for (const auto& p : show["passages"]) {
      std::string text = p["text"];
      size_t cps = 0;
      for (unsigned char c : text) cps += (c & 0xC0) != 0x80;
      EXPECT_EQ(p["end"].get<uint64_t>() - p["start"].get<uint64_t>(), cps);
      EXPECT_GE(p["start"].get<uint64_t>(), previous_end);
      previous_end = p["end"];
    }
    EXPECT_LE(previous_end, s["text_length"].get<uint64_t>());
  }
}

}  // namespace
}  // namespace sijill::e2e
