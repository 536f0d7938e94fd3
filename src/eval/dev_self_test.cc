// The scorer against itself on the dev set (../shared/data/dev, read at test time only):
// each gold file's entities and claims, taken as predictions, score P = R = F1 = 1.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eval/gold.h"
#include "eval/predict.h"
#include "eval/score.h"

namespace sijill::eval {
namespace {

TEST(DevSelfScore, GoldAgainstItselfIsPerfect) {
  auto files = ListGoldFiles(SIJILL_SOURCE_DIR "/../shared/data/dev");
  ASSERT_TRUE(files.has_value()) << files.error().message();
  ASSERT_EQ(files->size(), 6u);
  Score total;
  for (const auto& path : *files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    auto gold = ParseGold(text.str(), path.string());
    ASSERT_TRUE(gold.has_value()) << gold.error().message();
    Score s = ScoreFile(*gold, PredictionsFromGold(*gold), "");
    EXPECT_EQ(s.entities.matched, gold->entities.size()) << path;
    EXPECT_EQ(s.claims.counts.matched, gold->claims.size()) << path;
    total += s;
  }
  EXPECT_GT(total.entities.gold, 0u);
  EXPECT_GT(total.claims.counts.gold, 0u);
  EXPECT_DOUBLE_EQ(total.entities.F1(), 1.0);
  EXPECT_DOUBLE_EQ(total.entities.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(total.entities.Recall(), 1.0);
  for (const auto& c : total.entities_by_type) EXPECT_EQ(c.matched, c.gold);
  EXPECT_DOUBLE_EQ(total.claims.counts.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(total.claims.counts.Recall(), 1.0);
  EXPECT_DOUBLE_EQ(total.claims.counts.F1(), 1.0);
  EXPECT_EQ(total.claims.evidence_agreed, total.claims.counts.matched);
}

}  // namespace
}  // namespace sijill::eval
