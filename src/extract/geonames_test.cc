#include "extract/geonames.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace sijill::extract {
namespace {

// One line of a dump with the given fields (the rest as GeoNames writes them).
std::string Line(std::string_view id, std::string_view name, std::string_view alternates,
                 std::string_view lat, std::string_view lon, std::string_view feature_class,
                 std::string_view population) {
  return fmt::format(
      "{}\t{}\t{}\t{}\t{}\t{}\t{}\tPPL\tSY\t\t11\t\t\t\t{}\t\t400\tAsia/Damascus\t2024-01-01\n", id,
      name, name, alternates, lat, lon, feature_class, population);
}

TEST(GeoNames, ReadsPlacesWithLatinAndArabicAliasesOnly) {
  std::string text = Line("1", "Tall Sijill", "Tal Sijil,تل سجل,Тель Сиджил,TSJ,Tall Sijill,",
                          "34.5", "36.9", "P", "4200");
  auto file = ParseGeoNames(text, "SY.txt", {});
  ASSERT_TRUE(file) << file.error().message();
  ASSERT_EQ(file->places.size(), 1u);
  const GeoNamesPlace& p = file->places[0];
  EXPECT_EQ(p.geonameid, 1);
  EXPECT_EQ(p.name, "Tall Sijill");
  EXPECT_EQ(p.aliases, (std::vector<std::string>{"Tal Sijil", "تل سجل"}));
  EXPECT_DOUBLE_EQ(p.latitude, 34.5);
  EXPECT_DOUBLE_EQ(p.longitude, 36.9);
  EXPECT_EQ(p.feature_class, 'P');
  EXPECT_EQ(p.feature_code, "PPL");
  EXPECT_EQ(p.population, 4200);
}

TEST(GeoNames, FiltersByClassAndPopulation) {
  std::string text = Line("1", "A", "", "34", "36", "P", "100") + "\n" +
                     Line("2", "B", "", "34", "36", "H", "") +
                     Line("3", "C", "", "34", "36", "P", "5000");
  auto file = ParseGeoNames(text, "SY.txt", {1000, "PS"});
  ASSERT_TRUE(file) << file.error().message();
  ASSERT_EQ(file->places.size(), 1u);
  EXPECT_EQ(file->places[0].name, "C");
  EXPECT_EQ(file->filtered_out, 2u);
  auto all = ParseGeoNames(text, "SY.txt", {});
  ASSERT_TRUE(all);
  EXPECT_EQ(all->places.size(), 3u);
}

TEST(GeoNames, RefusesBadLinesNamingThem) {
  std::string good = Line("1", "A", "", "34", "36", "P", "");
  auto error = [&](const std::string& bad) {
    auto r = ParseGeoNames(good + bad, "SY.txt", {});
    return r ? std::string("parsed") : r.error().message();
  };
  EXPECT_EQ(error("2\tB\tB\n"), "SY.txt:2: 3 columns, expected 19");
  EXPECT_EQ(error(Line("2", "B", "", "north", "36", "P", "")),
            "SY.txt:2: latitude: 'north' is not a number in [-90, 90]");
  EXPECT_EQ(error(Line("2", "B", "", "34", "200", "P", "")),
            "SY.txt:2: longitude: '200' is not a number in [-180, 180]");
  EXPECT_EQ(error(Line("x2", "B", "", "34", "36", "P", "")),
            "SY.txt:2: geonameid: 'x2' is not a number");
  EXPECT_EQ(error(Line("2", "", "", "34", "36", "P", "")), "SY.txt:2: name: empty");
  EXPECT_EQ(error(Line("2", "B", "", "34", "36", "P", "many")),
            "SY.txt:2: population: 'many' is not a number");
  EXPECT_EQ(error(Line("2", "B\xff", "", "34", "36", "P", "")), "SY.txt:2: not valid UTF-8");
}

TEST(GeoNames, DistanceKm) {
  EXPECT_NEAR(DistanceKm(33.5131, 36.2913, 33.5131, 36.2913), 0.0, 1e-9);
  // One degree of latitude is about 111 km.
  EXPECT_NEAR(DistanceKm(34, 36, 35, 36), 111.2, 0.5);
  // Damascus to Aleppo, about 310 km.
  EXPECT_NEAR(DistanceKm(33.513, 36.292, 36.202, 37.134), 310, 15);
}

}  // namespace
}  // namespace sijill::extract
