// `sijill export` and `sijill import` as a user runs them: every format, the default
// public level (protected witness pseudonymized, restricted sources withheld), round
// trips of JSON and CSV into a fresh archive holding the same sources, and bad import
// files that fail with the file and field named and leave the archive as it was.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using ::testing::HasSubstr;

class ExportImport : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    auto r = RunSijill(
        {"add", archive_, "--access", "public", (SharedData() / "dev" / "t01.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    r = RunSijill({"add", archive_, (SharedData() / "dev" / "t02.txt").string()});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json sources = json::parse(RunSijill({"sources", archive_, "--json"}).out);
    t01_ = sources[0]["id"];
    t02_ = sources[1]["id"];
    // The same sources under the same ids, before any knowledge: where imports go.
    fs::copy(archive_, tmp_ / "fresh", fs::copy_options::recursive);
    Run({"entity", "add", archive_, "unit", "47th Brigade", "--alias", "اللواء 47"});
    Run({"entity", "add", archive_, "person", "Ghassan Haidar", "--alias", "Abu Ali"});
    Run({"entity", "add", archive_, "person", "Abu Karam", "--alias", "أبو كرام", "--protected"});
    Run({"entity", "add", archive_, "unit", "Air Force Intelligence"});
    Run({"claim", "add", archive_, "commander_of", "--subject", "Ghassan Haidar", "--object",
         "47th Brigade", "--role", "commander", "--time", "2012-11-01/2012-12-31", "--cite",
         t01_ + ":The commander of the brigade at that time was Brigadier General Ghassan Haidar"});
    Run({"claim", "add", archive_, "member_of", "--subject", "Abu Karam", "--object",
         "47th Brigade", "--rank", "first lieutenant", "--time", "2012", "--cite",
         t01_ + ":The witness, who asked to be identified as Abu Karam, served as a first "
                "lieutenant in a tank battalion of the 47th Brigade"});
    Run({"claim", "add", archive_, "detained_at", "--subject", "Abu Karam", "--object",
         "Air Force Intelligence", "--time", "2013", "--cite",
         t02_ + ":the one everybody knew belonged to Air Force Intelligence"});
  }

  void Run(const std::vector<std::string>& args) {
    auto r = RunSijill(args);
    ASSERT_EQ(r.exit_code, 0) << args[0] << " " << args[1] << ": " << r.err;
  }
  RunResult Export(const std::string& archive, const std::string& format, const std::string& out,
                   std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"export", archive, "--format",
                                     format,   "-o",    (tmp_ / out).string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return RunSijill(args);
  }
  // What an unchanged archive looks like: its entities and its custody log.
  std::string State(const std::string& archive) {
    return RunSijill({"entity", "list", archive, "--json"}).out +
           RunSijill({"log", archive, "--json"}).out;
  }

  Scratch tmp_;
  std::string archive_;
  std::string t01_, t02_;
};

TEST_F(ExportImport, JsonRoundTripReproducesEntitiesAndClaims) {
  auto r = Export(archive_, "json", "one.json", {"--level", "confidential"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("exported 4 entities, 3 claims with 3 citations and 2 sources"));
  std::string fresh = (tmp_ / "fresh").string();
  r = RunSijill({"import", fresh, (tmp_ / "one.json").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("imported 4 entities (0 merges) and 3 claims"));
  ASSERT_EQ(Export(fresh, "json", "two.json", {"--level", "confidential"}).exit_code, 0);
  json one = json::parse(ReadFile(tmp_ / "one.json"));
  json two = json::parse(ReadFile(tmp_ / "two.json"));
  for (const char* section : {"sources", "entities", "claims"}) {
    EXPECT_EQ(one[section], two[section]) << section;
  }
}

TEST_F(ExportImport, CsvRoundTripGivesTheSameTables) {
  ASSERT_EQ(Export(archive_, "csv", "one", {"--level", "confidential"}).exit_code, 0);
  std::string fresh = (tmp_ / "fresh").string();
  auto r = RunSijill({"import", fresh, (tmp_ / "one" / "claims.csv").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  ASSERT_EQ(Export(fresh, "csv", "two", {"--level", "confidential"}).exit_code, 0);
  for (const char* t :
       {"sources.csv", "entities.csv", "aliases.csv", "claims.csv", "citations.csv"}) {
    EXPECT_EQ(ReadFile(tmp_ / "one" / t), ReadFile(tmp_ / "two" / t)) << t;
  }
  // Security Force Monitor style: a sources column beside each field.
  EXPECT_THAT(ReadFile(tmp_ / "one" / "claims.csv"),
              HasSubstr("role,role:sources,rank,rank:sources"));
}

TEST_F(ExportImport, DefaultLevelIsPublicAndSaysWhatItWithheld) {
  auto r = Export(archive_, "json", "pub.json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("(level public)"));
  EXPECT_THAT(r.err, HasSubstr("withheld: 1 source(s) above the level"));
  EXPECT_THAT(r.err, HasSubstr("withheld: 1 claim(s) with no citation at this level"));
  EXPECT_THAT(r.err, HasSubstr("pseudonymized: 1 protected person(s)"));
  EXPECT_THAT(r.err, HasSubstr("--level confidential"));
  std::string text = ReadFile(tmp_ / "pub.json");
  EXPECT_EQ(text.find("Abu Karam"), std::string::npos);
  EXPECT_EQ(text.find("أبو كرام"), std::string::npos);
  EXPECT_EQ(text.find(t02_), std::string::npos);
  EXPECT_THAT(text, HasSubstr("Protected person"));
  EXPECT_THAT(text, HasSubstr("Ghassan Haidar"));
}

TEST_F(ExportImport, EveryFormatAtEveryLevelBelowConfidentialHidesTheWitness) {
  for (const char* level : {"public", "restricted"}) {
    for (const char* format : {"json", "csv", "popolo", "ftm", "graphml", "geojson"}) {
      std::string out = std::string(format) + "-" + level;
      auto r = Export(archive_, format, out, {"--level", level});
      ASSERT_EQ(r.exit_code, 0) << out << ": " << r.err;
      std::string text;
      if (fs::is_directory(tmp_ / out)) {
        for (const auto& e : fs::directory_iterator(tmp_ / out)) text += ReadFile(e.path());
      } else {
        text = ReadFile(tmp_ / out);
      }
      EXPECT_FALSE(text.empty()) << out;
      EXPECT_EQ(text.find("Abu Karam"), std::string::npos) << out;
      EXPECT_EQ(text.find("كرام"), std::string::npos) << out;
    }
  }
}

TEST_F(ExportImport, ExportNeverOverwritesAndRejectsUnknownFormats) {
  WriteFile(tmp_ / "taken.json", "mine");
  auto r = Export(archive_, "json", "taken.json");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("already exists; exports never overwrite"));
  EXPECT_EQ(ReadFile(tmp_ / "taken.json"), "mine");
  r = Export(archive_, "xml", "x.xml");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("--format: 'xml' is not a format"));
}

class ImportErrors : public ExportImport {
 protected:
  void SetUp() override {
    ExportImport::SetUp();
    ASSERT_EQ(Export(archive_, "json", "k.json", {"--level", "confidential"}).exit_code, 0);
    doc_ = json::parse(ReadFile(tmp_ / "k.json"));
    fresh_ = (tmp_ / "fresh").string();
    before_ = State(fresh_);
  }
  // Imports `doc` as bad.json into the fresh archive; expects failure and no change.
  std::string ImportBad(const std::string& content, const std::string& name = "bad.json") {
    WriteFile(tmp_ / name, content);
    auto r = RunSijill({"import", fresh_, (tmp_ / name).string()});
    EXPECT_EQ(r.exit_code, 1) << r.err;
    EXPECT_EQ(State(fresh_), before_) << "the archive changed";
    return r.err;
  }

  json doc_;
  std::string fresh_, before_;
};

TEST_F(ImportErrors, MalformedJson) {
  std::string err = ImportBad(doc_.dump().substr(0, 200));
  EXPECT_THAT(err, HasSubstr("sijill: error: " + (tmp_ / "bad.json").string() +
                             ": not JSON: syntax error at byte 201"));
}

TEST_F(ImportErrors, ClaimCitingAMissingSource) {
  // An archive without the sources: the first claim's source is missing.
  std::string empty = (tmp_ / "empty").string();
  ASSERT_EQ(RunSijill({"init", empty}).exit_code, 0);
  std::string before = State(empty);
  auto r = RunSijill({"import", empty, (tmp_ / "k.json").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr((tmp_ / "k.json").string() + ": "));
  EXPECT_THAT(r.err, HasSubstr("is not in this archive"));
  EXPECT_EQ(State(empty), before);
  // With aliases carrying no source, the first claim is the one that names it.
  for (auto& e : doc_["entities"]) {
    for (auto& a : e["aliases"]) a.erase("source");
  }
  WriteFile(tmp_ / "nosrc.json", doc_.dump());
  r = RunSijill({"import", empty, (tmp_ / "nosrc.json").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(
      r.err, HasSubstr((tmp_ / "nosrc.json").string() + ": claims[0].citations[0].source: source " +
                       t01_ + " is not in this archive"));
  EXPECT_THAT(r.err, HasSubstr("nothing was imported"));
  EXPECT_EQ(State(empty), before);
}

TEST_F(ImportErrors, QuoteNotInTheSource) {
  doc_["claims"][1]["citations"][0]["quote"] = "Abu Karam was never in the 47th Brigade";
  std::string err = ImportBad(doc_.dump());
  EXPECT_THAT(err, HasSubstr((tmp_ / "bad.json").string() + ": claims[1]: citations[0]: "));
  EXPECT_THAT(err, HasSubstr("is not the source's text there"));
}

TEST_F(ImportErrors, BadCsvField) {
  ASSERT_EQ(Export(archive_, "csv", "csv", {"--level", "confidential"}).exit_code, 0);
  std::string entities = ReadFile(tmp_ / "csv" / "entities.csv");
  entities.replace(entities.find(",unit,"), 6, ",brigade,");
  std::ofstream(tmp_ / "csv" / "entities.csv", std::ios::trunc) << entities;
  auto r = RunSijill({"import", fresh_, (tmp_ / "csv").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr((tmp_ / "csv" / "entities.csv").string() +
                               ":2: type: unknown value 'brigade'"));
  EXPECT_EQ(State(fresh_), before_);
}

}  // namespace
}  // namespace sijill::e2e
