// The questions investigators ask, through the CLI: who commanded, certainly and possibly
// apart; same-post conflicts; errors that say what is wrong; dossiers that never name a
// protected person below the confidential level.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class Queries : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    WriteFile(tmp_ / "w.txt",
              "Title: W\nWitness: Abu Salim\n\n"
              "Faisal commanded the division until the end of 2012.\n\n"
              "In 2012 Karim was also the commander of the division, on the same days.\n\n"
              "My brother Ayham, أيهم, was with the division in Harasta.\n");
    ASSERT_EQ(
        RunSijill({"add", archive_, (tmp_ / "w.txt").string(), "--access", "restricted"}).exit_code,
        0);
    source_ = json::parse(RunSijill({"sources", archive_, "--json"}).out)[0]["id"];
    for (auto args : std::vector<std::vector<std::string>>{
             {"unit", "1st Armored Division", "--alias", "the division"},
             {"person", "Faisal"},
             {"person", "Karim"},
             {"person", "Ayham", "--alias", "أيهم", "--protected"},
             {"place", "Harasta", "--alias", "حرستا"}}) {
      args.insert(args.begin(), {"entity", "add", archive_});
      ASSERT_EQ(RunSijill(args).exit_code, 0);
    }
    Claim({"commander_of", "--subject", "Faisal", "--object", "the division", "--time",
           "../2012-12-31", "--cite",
           source_ + ":Faisal commanded the division until the end of 2012"});
    Claim({"commander_of", "--subject", "Karim", "--object", "the division", "--time", "2012",
           "--cite", source_ + ":Karim was also the commander of the division"});
    Claim({"member_of", "--subject", "أيهم", "--object", "the division", "--time", "2012", "--cite",
           source_ + ":My brother Ayham, أيهم, was with the division in Harasta"});
    Claim({"deployed_to", "--subject", "the division", "--object", "Harasta", "--time", "2012",
           "--cite", source_ + ":was with the division in Harasta"});
  }

  void Claim(std::vector<std::string> args) {
    args.insert(args.begin(), {"claim", "add", archive_});
    auto r = RunSijill(args);
    ASSERT_EQ(r.exit_code, 0) << r.err;
  }

  Scratch tmp_;
  std::string archive_;
  std::string source_;
};

TEST_F(Queries, WhoCommandedKeepsCertainlyAndPossiblyApartAndFlagsConflicts) {
  // Mid-2012: Karim certainly (2012), Faisal only possibly (an open start is not "always").
  auto r = RunSijill(
      {"who-commanded", archive_, "1st Armored Division", "--on", "2012-06-01", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json rows = json::parse(r.out)["rows"];
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["commander"]["name"], "Karim");
  EXPECT_EQ(rows[0]["certainty"], "certainly");
  EXPECT_EQ(rows[1]["commander"]["name"], "Faisal");
  EXPECT_EQ(rows[1]["certainty"], "possibly");
  EXPECT_EQ(rows[1]["latest"], "2012-12-31");
  EXPECT_EQ(rows[1]["earliest"], "..");
  EXPECT_EQ(rows[0]["claim"]["citations"][0]["quote"],
            "Karim was also the commander of the division");
  // Their times do not certainly share a day (Faisal's start is unknown): no conflict...
  EXPECT_TRUE(rows[0]["conflicts"].empty());
  // ...until a second claim makes Faisal certain in 2012 too.
  Claim({"commander_of", "--subject", "Faisal", "--object", "the division", "--time",
         "2012-03/2012-12", "--cite", source_ + ":on the same days"});
  auto text = RunSijill({"who-commanded", archive_, "the division", "--on", "2012-06-01"});
  ASSERT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("CONFLICT"));
  EXPECT_THAT(text.out, HasSubstr("certainly:\n    Karim"));
  // After 2012, nobody.
  auto after = RunSijill({"who-commanded", archive_, "the division", "--on", "2013-05-01"});
  EXPECT_EQ(after.exit_code, 0);
  EXPECT_EQ(after.out, "");
  EXPECT_THAT(after.err, HasSubstr("No claim says who commanded"));
}

TEST_F(Queries, MistakesAreNamed) {
  auto r = RunSijill({"who-commanded", archive_, "Harasta"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("'Harasta' is a place"));
  EXPECT_THAT(r.err, HasSubstr("not a unit"));
  r = RunSijill({"who-commanded", archive_, "the division", "--on", "2012-13"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--on: 2012-13: month 13 is out of range"));
  r = RunSijill({"at-place", archive_, "Nowhere", "--during", "2012"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("no place is named 'Nowhere'"));
  r = RunSijill({"who-comanded", archive_, "the division"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("who-commanded"));
}

TEST_F(Queries, AtPlaceAndTimelineAnswerWithTheQuotes) {
  auto r = RunSijill({"at-place", archive_, "حرستا", "--during", "2012", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json answer = json::parse(r.out);
  ASSERT_EQ(answer["units"].size(), 1u);
  EXPECT_EQ(answer["units"][0]["subject"]["name"], "1st Armored Division");
  EXPECT_EQ(answer["units"][0]["certainty"], "certainly");
  auto html = RunSijill({"timeline", archive_, "the division", "--format", "html"});
  ASSERT_EQ(html.exit_code, 0);
  EXPECT_THAT(html.out, HasSubstr("<q>Karim was also the commander of the division</q>"));
}

TEST_F(Queries, DossiersNameProtectedPersonsOnlyAtTheConfidentialLevel) {
  for (std::string level : {"public", "restricted", "confidential"}) {
    auto out = tmp_ / ("d-" + level + ".html");
    auto r = RunSijill({"dossier", archive_, "the division", "-o", out.string(), "--level", level});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    std::string html = ReadFile(out);
    if (level == "public") {
      // The only source is restricted: nothing of it is shown.
      EXPECT_THAT(html, Not(HasSubstr("Faisal")));
      EXPECT_THAT(r.err, HasSubstr("left out"));
    } else {
      EXPECT_THAT(html, HasSubstr("Faisal"));
    }
    if (level == "confidential") {
      EXPECT_THAT(html, HasSubstr("Ayham"));
      EXPECT_THAT(html, HasSubstr("أيهم"));
    } else {
      for (const char* name : {"Ayham", "أيهم", "Abu Salim"}) {
        EXPECT_THAT(html, Not(HasSubstr(name))) << level;
      }
    }
    if (level == "restricted") {
      EXPECT_THAT(html, HasSubstr("Protected person"));
    }
  }
}

}  // namespace
}  // namespace sijill::e2e
