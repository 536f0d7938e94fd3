// Bad import files fail with a message naming the file and field, and change nothing.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "export/exporter.h"
#include "export/importer.h"
#include "export/testing/knowledge_fixture.h"

namespace sijill::exporter {
namespace {

using nlohmann::json;
using testing::KnowledgeFixture;
using testing::ReadFile;

class ImportErrors : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_TRUE(fixture_.ok()) << fixture_.error();
    auto r = Export(fixture_.archive().store(),
                    {Format::kJson, store::AccessLevel::kConfidential, "t"}, tmp_.Path("k.json"));
    ASSERT_TRUE(r) << r.error().message();
    doc_ = json::parse(ReadFile(tmp_.Path("k.json")));
    fresh_ = fixture_.FreshCopy("fresh");
    ASSERT_NE(fresh_, nullptr);
    custody_before_ = fresh_->store().CustodySize().value_or(0);
  }

  // Imports `doc` written to `name`; returns the error message, or "ok".
  std::string ImportDoc(const json& doc, const std::string& name = "bad.json") {
    std::ofstream(tmp_.Path(name)) << doc.dump();
    return ImportFile(tmp_.Path(name));
  }
  std::string ImportFile(const std::filesystem::path& path) {
    auto data = path.extension() == ".json" ? ReadJsonExport(path) : ReadCsvExport(path);
    if (!data) return data.error().message();
    auto r = Import(fresh_->store(), *data, curate::Actor{"importer", "2026-11-27T13:00:00Z"});
    return r ? "ok" : r.error().message();
  }
  void ExpectUnchanged() {
    EXPECT_EQ(fresh_->store().knowledge().CountEntities().value_or(99), 0u);
    EXPECT_EQ(fresh_->store().CustodySize().value_or(99), custody_before_);
  }

  base::testing::TempDir tmp_;
  KnowledgeFixture fixture_{tmp_, KnowledgeFixture::Protected::kWitness};
  json doc_;
  std::unique_ptr<store::Archive> fresh_;
  uint64_t custody_before_ = 0;
};

TEST_F(ImportErrors, MalformedJson) {
  std::ofstream(tmp_.Path("broken.json")) << "{\"format\": \"sijill-knowledge\", \"version\": 1,";
  EXPECT_EQ(ImportFile(tmp_.Path("broken.json")),
            tmp_.Path("broken.json").string() + ": not JSON: syntax error at byte 45");
  ExpectUnchanged();
}

TEST_F(ImportErrors, NotAnExport) {
  EXPECT_EQ(ImportDoc(json{{"persons", json::array()}}),
            tmp_.Path("bad.json").string() +
                ": format: expected \"sijill-knowledge\" (is this a Sijill JSON export?)");
}

TEST_F(ImportErrors, OnlyConfidentialExportsAreImported) {
  doc_["level"] = "public";
  EXPECT_EQ(ImportDoc(doc_), tmp_.Path("bad.json").string() +
                                 ": level: only a --level confidential export is complete "
                                 "enough to import (this one has pseudonyms and withheld "
                                 "sources)");
  ExpectUnchanged();
}

TEST_F(ImportErrors, BadFieldIsNamed) {
  doc_["claims"][2]["time"] = "2012-13";
  std::string msg = ImportDoc(doc_);
  EXPECT_EQ(msg, tmp_.Path("bad.json").string() +
                     ": claims[2]: time: 2012-13: month 13 is out of range (01-12)");
  ExpectUnchanged();
}

TEST_F(ImportErrors, ClaimCitingAMissingSource) {
  base::Id missing = base::Id::Random();
  doc_["claims"][1]["citations"][0]["source"] = missing.ToString();
  EXPECT_EQ(ImportDoc(doc_), tmp_.Path("bad.json").string() +
                                 ": claims[1].citations[0].source: source " + missing.ToString() +
                                 " is not in this archive (add the same file first: sources "
                                 "are matched by id, then by SHA-256)");
  ExpectUnchanged();  // the entities before it were rolled back
}

TEST_F(ImportErrors, QuoteNotInItsSource) {
  doc_["claims"][0]["citations"][0]["quote"] = "Ghassan Haidar never commanded anything";
  std::string msg = ImportDoc(doc_);
  EXPECT_EQ(msg.rfind(tmp_.Path("bad.json").string() + ": claims[0]: citations[0]: ", 0), 0u)
      << msg;
  EXPECT_NE(msg.find("is not the source's text there"), std::string::npos) << msg;
  ExpectUnchanged();
}

TEST_F(ImportErrors, SourceIdWithOtherBytes) {
  doc_["sources"][0]["sha256"] = std::string(64, '0');
  std::string msg = ImportDoc(doc_);
  EXPECT_EQ(
      msg.rfind(tmp_.Path("bad.json").string() + ": sources[0].sha256: the archive's source", 0),
      0u)
      << msg;
  ExpectUnchanged();
}

TEST_F(ImportErrors, ImportingTwiceIsRefusedWhole) {
  ASSERT_EQ(ImportDoc(doc_), "ok");
  uint64_t custody = fresh_->store().CustodySize().value_or(0);
  std::string msg = ImportDoc(doc_);
  EXPECT_NE(msg, "ok");
  EXPECT_EQ(fresh_->store().CustodySize().value_or(0), custody);
}

TEST_F(ImportErrors, CsvErrorsNameTableLineAndColumn) {
  auto r = Export(fixture_.archive().store(),
                  {Format::kCsv, store::AccessLevel::kConfidential, "t"}, tmp_.Path("csv"));
  ASSERT_TRUE(r);
  std::string claims = ReadFile(tmp_.Path("csv") / "claims.csv");
  size_t at = claims.find(",located_at,");
  ASSERT_NE(at, std::string::npos);
  claims.replace(at, 12, ",located_in,");
  std::ofstream(tmp_.Path("csv") / "claims.csv", std::ios::trunc) << claims;
  EXPECT_EQ(ImportFile(tmp_.Path("csv")), (tmp_.Path("csv") / "claims.csv").string() +
                                              ":3: predicate: unknown value 'located_in'");
  ExpectUnchanged();
}

}  // namespace
}  // namespace sijill::exporter
