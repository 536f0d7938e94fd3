// `sijill date parse`: EDTF values checked, with bounds and flags, as a user types them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

TEST(DateParse, SeasonShowsItsBounds) {
  auto r = RunSijill({"date", "parse", "2012-23"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out,
            "2012-23\n  edtf      2012-23\n  level     1\n  earliest  2012-09-01\n"
            "  latest    2012-11-30\n  certain   2012-09-01 .. 2012-11-30\n  flags     none\n");
}

TEST(DateParse, JsonForOpenQualifiedAndSetValues) {
  auto r = RunSijill({"date", "parse", "../2013-12~", "[2012-07-20,2012-07-21]", "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_TRUE(j[0]["earliest"].is_null());
  EXPECT_EQ(j[0]["latest"], "2013-12-31");
  EXPECT_TRUE(j[0]["certain_first"].is_null());  // an open start certifies no day
  EXPECT_EQ(j[0]["approximate"], true);
  EXPECT_EQ(j[1]["earliest"], "2012-07-20");
  EXPECT_EQ(j[1]["latest"], "2012-07-21");
  EXPECT_EQ(j[1]["level"], 2);
}

TEST(DateParse, BadValueIsNamedAndFails) {
  auto r = RunSijill({"date", "parse", "2012-13"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: 2012-13: month 13 is out of range (01-12)\n");
  EXPECT_EQ(RunSijill({"date", "parse"}).exit_code, 2);
  EXPECT_EQ(RunSijill({"date", "frobnicate"}).exit_code, 2);
}

}  // namespace
}  // namespace sijill::e2e
