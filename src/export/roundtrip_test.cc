// Round trips of the formats Sijill both writes and reads: export -> import into a fresh
// archive holding the same sources -> export again gives identical knowledge.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/exporter.h"
#include "export/importer.h"
#include "export/testing/knowledge_fixture.h"

namespace sijill::exporter {
namespace {

using testing::KnowledgeFixture;
using testing::ReadFile;

class RoundTrip : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fixture_.ok()) << fixture_.error(); }

  ExportReport Export(store::Store& store, Format format, const std::string& name,
                      store::AccessLevel level = store::AccessLevel::kConfidential) {
    auto r = exporter::Export(store, {format, level, "2026-11-27T12:00:00Z"}, tmp_.Path(name));
    EXPECT_TRUE(r) << r.error().message();
    return r.value_or(ExportReport{});
  }

  base::testing::TempDir tmp_;
  KnowledgeFixture fixture_{tmp_, KnowledgeFixture::Protected::kWitness};
};

TEST_F(RoundTrip, JsonIsLosslessAndReproducesIds) {
  ExportReport first = Export(fixture_.archive().store(), Format::kJson, "one.json");
  EXPECT_EQ(first.entities, 7u);
  EXPECT_EQ(first.claims, 7u);  // the uncited candidate included at confidential
  auto data = ReadJsonExport(tmp_.Path("one.json"));
  ASSERT_TRUE(data) << data.error().message();
  auto fresh = fixture_.FreshCopy("fresh");
  ASSERT_NE(fresh, nullptr);
  auto imported = Import(fresh->store(), *data, curate::Actor{"importer", "2026-11-27T13:00:00Z"});
  ASSERT_TRUE(imported) << imported.error().message();
  EXPECT_EQ(imported->entities, 7u);
  EXPECT_EQ(imported->merges, 1u);
  EXPECT_EQ(imported->claims, 7u);
  Export(fresh->store(), Format::kJson, "two.json");
  auto one = nlohmann::json::parse(ReadFile(tmp_.Path("one.json")));
  auto two = nlohmann::json::parse(ReadFile(tmp_.Path("two.json")));
  for (const char* section : {"sources", "entities", "claims"}) {
    EXPECT_EQ(one[section], two[section]) << section;
  }
  // The same objects, field for field, in the store too.
  for (const auto& e : data->entities) {
    auto got = fresh->store().knowledge().GetEntity(e.id);
    ASSERT_TRUE(got);
    EXPECT_EQ(*got, e);
  }
  // The history of the first archive travels in the file; the importing archive records
  // the import as additions and the merge.
  EXPECT_EQ(one["history"].size(), 15u);
  EXPECT_EQ(two["history"].size(), 15u);
  EXPECT_EQ(two["history"][0]["actor"], "importer");
}

TEST_F(RoundTrip, CsvTablesComeBackByteForByte) {
  Export(fixture_.archive().store(), Format::kCsv, "one");
  auto data = ReadCsvExport(tmp_.Path("one") / "claims.csv");  // a table names its folder
  ASSERT_TRUE(data) << data.error().message();
  auto fresh = fixture_.FreshCopy("fresh");
  ASSERT_NE(fresh, nullptr);
  auto imported = Import(fresh->store(), *data, curate::Actor{"importer", "2026-11-27T13:00:00Z"});
  ASSERT_TRUE(imported) << imported.error().message();
  Export(fresh->store(), Format::kCsv, "two");
  for (const char* table :
       {"sources.csv", "entities.csv", "aliases.csv", "claims.csv", "citations.csv"}) {
    std::string one = ReadFile(tmp_.Path("one") / table);
    EXPECT_FALSE(one.empty()) << table;
    EXPECT_EQ(one, ReadFile(tmp_.Path("two") / table)) << table;
  }
}

TEST_F(RoundTrip, CsvAndJsonCarryTheSameKnowledge) {
  Export(fixture_.archive().store(), Format::kCsv, "csv");
  Export(fixture_.archive().store(), Format::kJson, "k.json");
  auto from_csv = ReadCsvExport(tmp_.Path("csv"));
  auto from_json = ReadJsonExport(tmp_.Path("k.json"));
  ASSERT_TRUE(from_csv && from_json);
  EXPECT_EQ(from_csv->entities, from_json->entities);
  EXPECT_EQ(from_csv->claims, from_json->claims);
}

TEST_F(RoundTrip, ImportMatchesSourcesBySha256UnderOtherIds) {
  Export(fixture_.archive().store(), Format::kJson, "one.json");
  auto data = ReadJsonExport(tmp_.Path("one.json"));
  ASSERT_TRUE(data);
  // The file says other ids for the same bytes (as after `sijill add` in another archive).
  std::map<std::string, base::Id> renamed;
  for (auto& s : data->sources) {
    base::Id other = base::Id::Random();
    renamed[s.id.ToString()] = other;
    s.id = other;
  }
  for (auto& c : data->claims) {
    for (auto& cite : c.citations) cite.source = renamed.at(cite.source.ToString());
  }
  for (auto& e : data->entities) {
    for (auto& a : e.aliases) {
      if (a.source) a.source = renamed.at(a.source->ToString());
    }
  }
  auto fresh = fixture_.FreshCopy("fresh");
  auto imported = Import(fresh->store(), *data, curate::Actor{"importer", "2026-11-27T13:00:00Z"});
  ASSERT_TRUE(imported) << imported.error().message();
  EXPECT_EQ(imported->sources_matched_by_sha256, 3u);
  auto claim = fresh->store().knowledge().GetClaim(data->claims[0].id);
  ASSERT_TRUE(claim);
  EXPECT_EQ(claim->citations[0].source, fixture_.public_source);
}

}  // namespace
}  // namespace sijill::exporter
