// The ranking measured on the 1,431 Arabic -> Latin name pairs of
// ../shared/data/names (issue 6's targets: the right spelling first for >= 60% of the
// Arabic names, in the top 5 for >= 85%), and the cases of issue 6 by name.
#include <gtest/gtest.h>

#include <fstream>

#include "resolve/similarity.h"

namespace sijill::resolve {
namespace {

struct Pair {
  std::string arabic, latin;
};

std::vector<Pair> ReadPairs() {
  std::ifstream in(std::string(SIJILL_SOURCE_DIR) +
                   "/../shared/data/names/google_transliteration__ar2en-eval.txt");
  std::vector<Pair> pairs;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const size_t tab = line.find('\t');
    if (tab == std::string::npos) continue;
    pairs.push_back({line.substr(0, tab), line.substr(tab + 1)});
  }
  return pairs;
}

// The rank (0 = first) of `want` when `query` ranks all `names`; ties count against it.
size_t RankOf(const AnalyzedName& query, const std::vector<AnalyzedName>& names, size_t want) {
  const double score = Compare(query, names[want]).score;
  size_t better = 0;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i != want && Compare(query, names[i]).score >= score) ++better;
  }
  return better;
}

TEST(RankingTest, ArabicNamesFindTheirLatinSpellingAmongAll) {
  const auto pairs = ReadPairs();
  ASSERT_GT(pairs.size(), 1400u) << "../shared/data/names is missing";
  std::vector<AnalyzedName> latin;
  for (const auto& p : pairs) latin.push_back(Analyze(p.latin));
  size_t first = 0, top5 = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const size_t rank = RankOf(Analyze(pairs[i].arabic), latin, i);
    first += rank == 0;
    top5 += rank < 5;
  }
  const double n = static_cast<double>(pairs.size());
  std::printf("names: %zu Arabic names; right Latin spelling first %.1f%%, top 5 %.1f%%\n",
              pairs.size(), 100.0 * static_cast<double>(first) / n,
              100.0 * static_cast<double>(top5) / n);
  EXPECT_GE(static_cast<double>(first) / n, 0.60);
  EXPECT_GE(static_cast<double>(top5) / n, 0.85);
}

double Score(std::string_view a, std::string_view b) {
  return Compare(Analyze(a), Analyze(b)).score;
}

TEST(RankingTest, SpellingsOfIssueSixMatchStrongly) {
  const std::vector<std::vector<std::string>> groups = {
      {"Haidar", "Haydar", "حيدر"},   {"Deir ez-Zor", "Dayr al-Zawr", "دير الزور", "Deir Ezzor"},
      {"Qaddour", "Kaddour", "قدور"}, {"Shahin", "Chahine", "شاهين"},
      {"Mezzeh", "Mezze", "المزة"},
  };
  for (const auto& g : groups) {
    for (const auto& a : g) {
      for (const auto& b : g) EXPECT_GE(Score(a, b), 0.8) << a << " / " << b;
    }
  }
  EXPECT_LT(Score("Haidar", "Hassan"), 0.8);
  EXPECT_LT(Score("Mezzeh", "Maaloula"), 0.5);
}

TEST(RankingTest, APartOfANameRanksItsOwnersFirst) {
  const std::vector<AnalyzedName> names = {Analyze("Hassan Haddad"), Analyze("Ghassan Haidar"),
                                           Analyze("Haidar"), Analyze("Jamil Hassan")};
  auto ranked = Rank(Analyze("Haydar"), names, 10, 0.7);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].index, 2u);
  EXPECT_EQ(ranked[1].index, 1u);
  EXPECT_GE(ranked[1].match.score, 0.9);
  ranked = Rank(Analyze("حيدر"), names, 10, 0.7);
  ASSERT_EQ(ranked.size(), 2u);
  EXPECT_EQ(ranked[0].index, 2u);
}

TEST(RankingTest, AbbreviatedWordsAndNumbers) {
  const std::vector<AnalyzedName> names = {Analyze("11th Armored Division"),
                                           Analyze("1st Armored Division"), Analyze("1st Brigade")};
  auto ranked = Rank(Analyze("1st Div"), names, 10, 0.7);
  ASSERT_EQ(ranked.size(), 1u);
  EXPECT_EQ(ranked[0].index, 1u);
  EXPECT_EQ(ranked[0].match.tokens[1].kind, TokenMatchKind::kPrefix);
}

TEST(RankingTest, ExplainSaysWhichTokensMetAndHow) {
  const auto q = Analyze("Haydar");
  const auto n = Analyze("Ghassan Haidar");
  EXPECT_EQ(Explain(q, n, Compare(q, n)), "haydar ~ haidar (same sounds)");
  const auto a = Analyze("حيدر");
  EXPECT_EQ(Explain(a, n, Compare(a, n)), "حيدر ~ haidar (same consonants HDR)");
}

TEST(RankingTest, MutualSimilarityIsHighestWhenBothNamesAreCovered) {
  EXPECT_GE(MutualSimilarity(Analyze("Ghassan Haidar"), Analyze("غسان حيدر")), 0.85);
  EXPECT_DOUBLE_EQ(MutualSimilarity(Analyze("Ali"), Analyze("Ali Mamlouk")), 0.725);
  EXPECT_LT(MutualSimilarity(Analyze("Ghassan Haidar"), Analyze("Hassan Haddad")), 0.75);
}

}  // namespace
}  // namespace sijill::resolve
