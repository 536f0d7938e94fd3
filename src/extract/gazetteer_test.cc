#include "extract/gazetteer.h"

#include <gtest/gtest.h>

#include <fstream>
#include <set>
#include <sstream>

#include "extract/builtin_gazetteer.h"

namespace sijill::extract {
namespace {

// A small gazetteer with the shapes the rules are about.
Gazetteer Sample() {
  Gazetteer g;
  g.Add({"hama", "Hama", {"Hamah", "حماة"}, "city", std::nullopt, 35.13, 36.76});
  g.Add({"deir",
         "Deir ez-Zor",
         {"Dayr al-Zawr", "دير الزور", "ديرالزور"},
         "city",
         std::nullopt,
         35.3,
         40.1});
  g.Add({"deir-airport",
         "Deir ez-Zor Military Airport",
         {"مطار دير الزور"},
         "airport",
         std::string("deir"),
         35.28,
         40.17});
  g.Add({"latakia", "Latakia", {"اللاذقية"}, "city", std::nullopt, 35.5, 35.8});
  g.Add({"homs", "Homs", {"حمص"}, "city", std::nullopt, 34.7, 36.7});
  g.Add({"qaboun", "Qaboun", {"al-Qaboun", "القابون"}, "neighbourhood", std::nullopt, 33.5, 36.3});
  g.Add({"lebanon", "Lebanon", {"لبنان"}, "country", std::nullopt, 33.9, 35.8});
  g.Add({"coast", "the coast", {}, "region", std::nullopt, 35.0, 35.9});
  return g;
}

// The text of each match, with its place's id.
std::vector<std::pair<std::string, std::string>> Found(const Gazetteer& g, std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& m : g.Find(text)) {
    out.emplace_back(std::string(text.substr(m.span.begin, m.span.end - m.span.begin)),
                     g.places()[m.place].id);
  }
  return out;
}

using Pairs = std::vector<std::pair<std::string, std::string>>;

TEST(GazetteerFind, WholeWordsInTextOrder) {
  Gazetteer g = Sample();
  EXPECT_EQ(Found(g, "From Hama to Homs, then Hamah."),
            (Pairs{{"Hama", "hama"}, {"Homs", "homs"}, {"Hamah", "hama"}}));
  EXPECT_TRUE(Found(g, "Hamas and Homsi and Bahama").empty());
  EXPECT_TRUE(Found(g, "حماتها").empty());
}

TEST(GazetteerFind, LatinCaseMustBeAName) {
  Gazetteer g = Sample();
  EXPECT_TRUE(Found(g, "a hama or homs").empty());
  EXPECT_EQ(Found(g, "HOMS"), (Pairs{{"HOMS", "homs"}}));
  // Only the first capitalized word of a spelling must be capitalized in the text.
  EXPECT_EQ(Found(g, "the Deir ez-Zor military airport"),
            (Pairs{{"Deir ez-Zor military airport", "deir-airport"}}));
  // "al-Qaboun" asks for nothing of "al": both spellings of the text are found.
  EXPECT_EQ(Found(g, "in Al-Qaboun and al-Qaboun"),
            (Pairs{{"Al-Qaboun", "qaboun"}, {"al-Qaboun", "qaboun"}}));
  // A spelling without capitals matches in any case.
  EXPECT_EQ(Found(g, "The coast"), (Pairs{{"The coast", "coast"}}));
}

TEST(GazetteerFind, LongestNameWins) {
  Gazetteer g = Sample();
  EXPECT_EQ(Found(g, "Deir ez-Zor Military Airport, near Deir ez-Zor"),
            (Pairs{{"Deir ez-Zor Military Airport", "deir-airport"}, {"Deir ez-Zor", "deir"}}));
  EXPECT_EQ(Found(g, "في مطار دير الزور"), (Pairs{{"مطار دير الزور", "deir-airport"}}));
}

TEST(GazetteerFind, VariantsInBothScripts) {
  Gazetteer g = Sample();
  EXPECT_EQ(Found(g, "Dayr al-Zawr"), (Pairs{{"Dayr al-Zawr", "deir"}}));
  EXPECT_EQ(Found(g, "Deir Ez Zor"), (Pairs{{"Deir Ez Zor", "deir"}}));
  EXPECT_EQ(Found(g, "من ديرالزور إلى دير الزور"),
            (Pairs{{"ديرالزور", "deir"}, {"دير الزور", "deir"}}));
  // Arabic normalization: ة/ه, harakat, tatweel.
  EXPECT_EQ(Found(g, "حماه"), (Pairs{{"حماه", "hama"}}));
  EXPECT_EQ(Found(g, "حِمْـص"), (Pairs{{"حِمْـص", "homs"}}));
}

TEST(GazetteerFind, WordsOfANameStayOnOneLine) {
  Gazetteer g = Sample();
  EXPECT_TRUE(Found(g, "Deir.\nez-Zor").empty());
  EXPECT_TRUE(Found(g, "Deir, ez Zor").empty());
}

TEST(GazetteerFind, ArabicProcliticsLeftOutOfTheSpan) {
  Gazetteer g = Sample();
  EXPECT_EQ(Found(g, "وحمص"), (Pairs{{"حمص", "homs"}}));
  EXPECT_EQ(Found(g, "بحمص"), (Pairs{{"حمص", "homs"}}));
  EXPECT_EQ(Found(g, "وَبِحمص"), (Pairs{{"حمص", "homs"}}));
  EXPECT_EQ(Found(g, "فكحماة"), (Pairs{{"حماة", "hama"}}));
  EXPECT_EQ(Found(g, "لبنان ولبنان وللبنان"),
            (Pairs{{"لبنان", "lebanon"}, {"لبنان", "lebanon"}, {"لبنان", "lebanon"}}));
  EXPECT_EQ(Found(g, "بالقابون"), (Pairs{{"القابون", "qaboun"}}));
  EXPECT_EQ(Found(g, "وبدير الزور"), (Pairs{{"دير الزور", "deir"}}));
  // ل + ال fused: the span keeps the ل that carries the article.
  EXPECT_EQ(Found(g, "ذهبنا للاذقية وللاذقية"),
            (Pairs{{"للاذقية", "latakia"}, {"للاذقية", "latakia"}}));
  // A letter that is not a proclitic is part of another word.
  EXPECT_TRUE(Found(g, "تحمص").empty());
}

TEST(GazetteerFind, FirstPlaceWithASpellingWins) {
  Gazetteer g;
  g.Add({"a", "Tell", {}, "town", std::nullopt, 1, 1});
  g.Add({"b", "Tell", {}, "district", std::nullopt, 2, 2});
  ASSERT_EQ(g.Find("Tell").size(), 1u);
  EXPECT_EQ(g.Find("Tell")[0].place, 0u);
}

TEST(GazetteerAdd, ExistingIdGainsNames) {
  Gazetteer g = Sample();
  size_t before = g.places().size();
  g.Add({"homs", "Homs", {"Hims"}, "city", std::nullopt, std::nullopt, std::nullopt});
  EXPECT_EQ(g.places().size(), before);
  EXPECT_EQ(Found(g, "Hims"), (Pairs{{"Hims", "homs"}}));
  EXPECT_EQ(g.IndexOf("homs"), std::optional<size_t>(4));
}

TEST(GazetteerParseFile, ReadsRowsAndRefusesBadOnes) {
  std::string header = "# comment\nid\tkind\tparent\tname\tarabic\tvariants\tlatitude\tlongitude\n";
  auto ok = Gazetteer::ParseFile(
      header + "x\tcountry\t\tX Land\tإكس\tXland | Iks\t10.5\t-20\ny\tcity\tx\tWhy\t\t\t\t\n",
      "f.tsv");
  ASSERT_TRUE(ok) << ok.error().message();
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ((*ok)[0].names, (std::vector<std::string>{"إكس", "Xland", "Iks"}));
  EXPECT_EQ((*ok)[0].latitude, 10.5);
  EXPECT_EQ((*ok)[0].longitude, -20);
  EXPECT_EQ((*ok)[1].parent, std::optional<std::string>("x"));
  EXPECT_FALSE((*ok)[1].latitude);

  auto error = [&](std::string body) {
    auto r = Gazetteer::ParseFile(header + body, "f.tsv");
    return r ? std::string("parsed") : r.error().message();
  };
  EXPECT_EQ(error("x\tcity\t\tX\n"), "f.tsv:3: 4 columns, expected 8");
  EXPECT_EQ(error("x\tcity\t\tX\t\t\tnorth\t1\n"),
            "f.tsv:3: latitude: 'north' is not a number in [-90, 90]");
  EXPECT_EQ(error("x\tcity\t\tX\t\t\t1\t181\n"),
            "f.tsv:3: longitude: '181' is not a number in [-180, 180]");
  EXPECT_EQ(error("x\tcity\t\tX\t\t\t1\t\n"),
            "f.tsv:3: latitude and longitude: give both or neither");
  EXPECT_EQ(error("x\tcity\t\tX\t\t\t\t\nx\tcity\t\tY\t\t\t\t\n"),
            "f.tsv:4: duplicate id 'x' (first on line 3)");
  EXPECT_EQ(error("x\tcity\tnowhere\tX\t\t\t\t\n"),
            "f.tsv:3: parent: 'nowhere' is not an id of this file");
  EXPECT_EQ(error("x\tcity\t\t\t\t\t\t\n"), "f.tsv:3: name: empty");
  EXPECT_EQ(error("x\tcity\t\tX\xff\t\t\t\t\n"), "f.tsv:3: not valid UTF-8");
  auto no_header = Gazetteer::ParseFile("x\tcity\t\tX\t\t\t\t\n", "f.tsv");
  ASSERT_FALSE(no_header);
  EXPECT_TRUE(no_header.error().message().starts_with("f.tsv:1: expected the header line"));
}

// The shipped file: every row parses, ids and parents hold together, and every place of
// Syria lies inside the country's bounding box.
TEST(BuiltinGazetteer, EveryRowParsesWithSaneCoordinates) {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) + "/data/gazetteer/syria.tsv", std::ios::binary);
  ASSERT_TRUE(in);
  std::stringstream file;
  file << in.rdbuf();
  EXPECT_EQ(file.str(), BuiltinGazetteerTsv());  // the embedded bytes are the file's
  auto places = Gazetteer::ParseFile(file.str(), "syria.tsv");
  ASSERT_TRUE(places) << places.error().message();
  size_t data_lines = 0;
  std::istringstream lines(file.str());
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line[0] != '#') ++data_lines;
  }
  EXPECT_EQ(places->size() + 1, data_lines);  // every line but the header is a place
  std::map<std::string, int> kinds;
  for (const Place& p : *places) {
    ++kinds[p.kind];
    ASSERT_TRUE(p.latitude && p.longitude) << p.id;
    EXPECT_FALSE(p.names.empty()) << p.id << ": no Arabic name";
    if (p.id.starts_with("sy.")) {
      EXPECT_TRUE(*p.latitude > 32.2 && *p.latitude < 37.4) << p.id << " " << *p.latitude;
      EXPECT_TRUE(*p.longitude > 35.5 && *p.longitude < 42.5) << p.id << " " << *p.longitude;
    }
  }
  EXPECT_EQ(kinds["governorate"], 14);
  EXPECT_GE(kinds["district"], 60);
  EXPECT_GE(kinds["subdistrict"], 200);
  EXPECT_EQ(Gazetteer::Builtin().places().size(), places->size());
}

TEST(BuiltinGazetteer, FindsTheUsualSpellings) {
  const Gazetteer& g = Gazetteer::Builtin();
  auto id_of = [&](std::string_view text) {
    auto found = g.Find(text);
    return found.size() == 1 ? g.places()[found[0].place].id : std::string("?");
  };
  for (std::string_view s : {"Deir ez-Zor", "Deir Ez Zor", "Dayr al-Zawr", "Deir al-Zor",
                             "دير الزور", "ديرالزور", "الدير"})
    EXPECT_EQ(id_of(s), "sy.deir-ez-zor") << s;
  for (std::string_view s : {"Hama", "Hamah", "حماة", "حماه"}) EXPECT_EQ(id_of(s), "sy.hama") << s;
  for (std::string_view s : {"Daraa", "Dar'a", "Deraa", "درعا"})
    EXPECT_EQ(id_of(s), "sy.daraa") << s;
  for (std::string_view s : {"Palmyra", "Tadmur", "Tadmor", "تدمر"})
    EXPECT_EQ(id_of(s), "sy.tadmur") << s;
  for (std::string_view s : {"Qudsaya", "Qudsayya", "قدسيا"}) EXPECT_EQ(id_of(s), "sy.qudsaya");
  for (std::string_view s : {"Harasta", "Haresta", "حرستا"}) EXPECT_EQ(id_of(s), "sy.harasta");
  for (std::string_view s : {"Mezzeh", "Mezze", "Mazzeh", "المزة"})
    EXPECT_EQ(id_of(s), "sy.dam.mezzeh") << s;
  EXPECT_EQ(id_of("Bab Amr"), id_of("Baba Amr"));
  EXPECT_EQ(id_of("للاذقية"), "sy.latakia");
  EXPECT_EQ(id_of("the Mezzeh military airport"), "sy.mezzeh-military-airport");
  EXPECT_EQ(id_of("مطار المزة"), "sy.mezzeh-military-airport");
}

}  // namespace
}  // namespace sijill::extract
