// What an export at each access level shows and withholds (export_view.h).
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/exporter.h"
#include "export/testing/knowledge_fixture.h"

namespace sijill::exporter {
namespace {

using nlohmann::json;
using store::AccessLevel;
using testing::KnowledgeFixture;
using testing::ReadFile;

class Levels : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fixture_.ok()) << fixture_.error(); }

  json ExportJson(AccessLevel level, ExportReport* report) {
    std::string name = std::string(store::AccessLevelName(level)) + ".json";
    auto r = Export(fixture_.archive().store(), {Format::kJson, level, "t"}, tmp_.Path(name));
    EXPECT_TRUE(r) << r.error().message();
    if (r) *report = *r;
    return json::parse(ReadFile(tmp_.Path(name)));
  }

  base::testing::TempDir tmp_;
  KnowledgeFixture fixture_{tmp_, KnowledgeFixture::Protected::kNone};
};

TEST_F(Levels, PublicShowsOnlyPublicSourcesAndWhatTheyCite) {
  ExportReport r;
  json doc = ExportJson(AccessLevel::kPublic, &r);
  ASSERT_EQ(doc["sources"].size(), 1u);
  EXPECT_EQ(doc["sources"][0]["id"], fixture_.public_source.ToString());
  EXPECT_EQ(doc["claims"].size(), 3u);
  for (const auto& c : doc["claims"]) {
    for (const auto& cite : c["citations"]) {
      EXPECT_EQ(cite["source"], fixture_.public_source.ToString());
    }
  }
  EXPECT_EQ(r.withheld.sources, 2u);
  EXPECT_EQ(r.withheld.citations, 3u);
  EXPECT_EQ(r.withheld.claims, 4u);   // three cite only hidden sources, one cites nothing
  EXPECT_EQ(r.withheld.aliases, 1u);  // "اللواء 47", seen only in the restricted source
  EXPECT_TRUE(doc["history"].empty());
  std::string text = doc.dump();
  EXPECT_EQ(text.find("اللواء 47"), std::string::npos);
  EXPECT_EQ(text.find("Abu Karam"), std::string::npos);
}

TEST_F(Levels, RestrictedAddsRestrictedSources) {
  ExportReport r;
  json doc = ExportJson(AccessLevel::kRestricted, &r);
  EXPECT_EQ(doc["sources"].size(), 2u);
  EXPECT_EQ(doc["claims"].size(), 5u);
  EXPECT_EQ(r.withheld.claims, 2u);
  EXPECT_TRUE(doc["history"].empty());
}

TEST_F(Levels, ConfidentialShowsEverything) {
  ExportReport r;
  json doc = ExportJson(AccessLevel::kConfidential, &r);
  EXPECT_EQ(doc["sources"].size(), 3u);
  EXPECT_EQ(doc["claims"].size(), 7u);
  EXPECT_EQ(r.withheld.claims, 0u);
  EXPECT_EQ(r.withheld.sources, 0u);
  EXPECT_FALSE(doc["history"].empty());
}

TEST_F(Levels, EveryFormatWithholdsTheSameSources) {
  for (Format f :
       {Format::kCsv, Format::kPopolo, Format::kFtm, Format::kGraphml, Format::kGeojson}) {
    std::string name = std::string(FormatName(f)) + "-public";
    auto r = Export(fixture_.archive().store(), {f, AccessLevel::kPublic, "t"}, tmp_.Path(name));
    ASSERT_TRUE(r) << r.error().message();
    std::string text;
    if (f == Format::kCsv) {
      for (const char* t :
           {"sources.csv", "entities.csv", "aliases.csv", "claims.csv", "citations.csv"}) {
        text += ReadFile(tmp_.Path(name) / t);
      }
    } else {
      text = ReadFile(tmp_.Path(name));
    }
    EXPECT_EQ(text.find(fixture_.restricted_source.ToString()), std::string::npos) << FormatName(f);
    EXPECT_EQ(text.find(fixture_.confidential_source.ToString()), std::string::npos)
        << FormatName(f);
    EXPECT_NE(text.find(fixture_.public_source.ToString()), std::string::npos) << FormatName(f);
  }
}

TEST_F(Levels, AnExistingDestinationIsNeverOverwritten) {
  std::ofstream(tmp_.Path("taken.json")) << "keep me";
  auto r = Export(fixture_.archive().store(), {Format::kJson, AccessLevel::kPublic, "t"},
                  tmp_.Path("taken.json"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code(), base::StatusCode::kAlreadyExists);
  EXPECT_EQ(ReadFile(tmp_.Path("taken.json")), "keep me");
}

}  // namespace
}  // namespace sijill::exporter
