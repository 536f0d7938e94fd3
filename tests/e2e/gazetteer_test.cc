// `sijill gazetteer import|list|show`: GeoNames dumps into an archive, and the built-in
// gazetteer.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class Gazetteer : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
  }

  static std::string Sample() {
    return (SourceDir() / "tests" / "data" / "geonames" / "sample-SY.txt").string();
  }

  json Places() {
    auto r = RunSijill({"entity", "list", archive_, "--type", "place", "--json"});
    EXPECT_EQ(r.exit_code, 0) << r.err;
    return json::parse(r.out);
  }

  static const json* Named(const json& places, std::string_view name) {
    for (const auto& p : places) {
      if (p["name"] == name) return &p;
    }
    return nullptr;
  }

  Scratch tmp_;
  std::string archive_;
};

TEST_F(Gazetteer, ImportAddsPlacesWithLatinAndArabicNames) {
  auto r = RunSijill({"gazetteer", "import", archive_, Sample()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "imported 5 places from " + Sample() +
                       " (0 already in the archive, 0 left out by the filters)\n");
  json places = Places();
  ASSERT_EQ(places.size(), 5u);
  const json* tall = Named(places, "Tall Sijill");
  ASSERT_NE(tall, nullptr);
  std::vector<std::string> aliases;
  for (const auto& a : (*tall)["aliases"]) aliases.push_back(a["name"]);
  // Cyrillic and the code "TSJ" are left out.
  EXPECT_EQ(aliases, (std::vector<std::string>{"Tal Sijil", "Tell Sijill", "تل سجل"}));
  EXPECT_DOUBLE_EQ((*tall)["latitude"].get<double>(), 34.5012);
  EXPECT_DOUBLE_EQ((*tall)["longitude"].get<double>(), 36.9021);
  EXPECT_EQ((*tall)["note"], "geonames:9000001 P.PPL");
}

TEST_F(Gazetteer, SecondImportSkipsPlacesAlreadyThere) {
  ASSERT_EQ(RunSijill({"gazetteer", "import", archive_, Sample()}).exit_code, 0);
  auto r = RunSijill({"gazetteer", "import", archive_, Sample()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("imported 0 places from"));
  EXPECT_THAT(r.err, HasSubstr("(5 already in the archive, "));
  EXPECT_EQ(Places().size(), 5u);
}

TEST_F(Gazetteer, SameNameNearbyIsTheSamePlaceFarAwayIsNot) {
  ASSERT_EQ(RunSijill({"gazetteer", "import", archive_, Sample()}).exit_code, 0);
  // Other ids: "Khirbat Nur" 2 km from the first one, and again 60 km away.
  std::string rows =
      "8000001\tKhirbat Nur\tKhirbat Nur\t\t34.6150\t36.8100\tP\tPPL\tSY\t\t11\t\t\t\t\t\t\t"
      "Asia/Damascus\t2024-01-01\n"
      "8000002\tKhirbat Nur\tKhirbat Nur\t\t35.1000\t37.0000\tP\tPPL\tSY\t\t10\t\t\t\t\t\t\t"
      "Asia/Damascus\t2024-01-01\n";
  WriteFile(tmp_ / "more.txt", rows);
  auto r = RunSijill({"gazetteer", "import", archive_, (tmp_ / "more.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("imported 1 places from"));
  EXPECT_THAT(r.err, HasSubstr("(1 already in the archive, "));
  EXPECT_EQ(Places().size(), 6u);
}

TEST_F(Gazetteer, FiltersByFeatureClassAndPopulation) {
  auto r = RunSijill({"gazetteer", "import", archive_, Sample(), "--feature-classes", "P,T",
                      "--min-population", "200"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("imported 2 places from"));
  EXPECT_THAT(r.err, HasSubstr("3 left out by the filters"));
  json places = Places();
  EXPECT_NE(Named(places, "Hama"), nullptr);
  EXPECT_NE(Named(places, "Tall Sijill"), nullptr);
}

TEST_F(Gazetteer, BadLineRefusesTheWholeFile) {
  std::string good = "1\tA\tA\t\t34\t36\tP\tPPL\tSY\t\t11\t\t\t\t\t\t\tAsia/Damascus\t2024-01-01\n";
  WriteFile(tmp_ / "bad.txt", good + good + "3\tC\tC\t\t34\n");
  std::string file = (tmp_ / "bad.txt").string();
  auto r = RunSijill({"gazetteer", "import", archive_, file});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: " + file + ":3: 5 columns, expected 19\nnothing was imported\n");
  WriteFile(tmp_ / "bad2.txt", good +
                                   "2\tB\tB\t\t34.1\tfar east\tP\tPPL\tSY\t\t11\t\t\t\t\t\t\t"
                                   "Asia/Damascus\t2024-01-01\n");
  r = RunSijill({"gazetteer", "import", archive_, (tmp_ / "bad2.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("bad2.txt:2: longitude: 'far east' is not a number"));
  EXPECT_TRUE(Places().empty());
}

TEST_F(Gazetteer, UnknownFeatureClassIsAUsageError) {
  auto r = RunSijill({"gazetteer", "import", archive_, Sample(), "--feature-classes", "P,X"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("'X' is not a GeoNames feature class"));
  r = RunSijill({"gazetteer", "import", archive_, (tmp_ / "none.txt").string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("none.txt: cannot read the file"));
}

TEST_F(Gazetteer, ImportedPlacesAreRecognizedByExtraction) {
  ASSERT_EQ(RunSijill({"gazetteer", "import", archive_, Sample()}).exit_code, 0);
  WriteFile(tmp_ / "w.txt",
            "They held us near Tall Sijill for a week.\n\nثم نقلونا إلى تل سجل، ومنها إلى "
            "Khirbet Nour.\n");
  ASSERT_EQ(RunSijill({"add", archive_, (tmp_ / "w.txt").string()}).exit_code, 0);
  auto r = RunSijill({"extract", archive_, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  json runs = json::parse(r.out);
  ASSERT_EQ(runs.size(), 1u);
  // Both places are the imported entities (under a name and an alias), not new ones.
  EXPECT_EQ(runs[0]["entities_known"], 2);
  EXPECT_EQ(Places().size(), 5u);
}

TEST(GazetteerBuiltin, ShowFindsAPlaceUnderAnySpelling) {
  auto r = RunSijill({"gazetteer", "show", "Dayr al-Zawr"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("Deir ez-Zor (city, sy.deir-ez-zor)\n"));
  EXPECT_THAT(r.out, HasSubstr("  also: دير الزور\n"));
  auto j = RunSijill({"gazetteer", "show", "حماه", "--json"});
  ASSERT_EQ(j.exit_code, 0) << j.err;
  EXPECT_EQ(json::parse(j.out)["id"], "sy.hama");
  auto missing = RunSijill({"gazetteer", "show", "Atlantis"});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err, "sijill: error: 'Atlantis': not a place of the built-in gazetteer\n");
}

TEST(GazetteerBuiltin, ListPrintsEveryPlace) {
  auto r = RunSijill({"gazetteer", "list"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("sy.hama\tcity\tHama\tحماة\t35.132,36.758\n"));
  auto j = RunSijill({"gazetteer", "list", "--json"});
  ASSERT_EQ(j.exit_code, 0);
  EXPECT_GT(json::parse(j.out).size(), 800u);
}

}  // namespace
}  // namespace sijill::e2e
