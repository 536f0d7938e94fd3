#include "export/csv.h"

#include <gtest/gtest.h>

#include <sstream>

namespace sijill::exporter {
namespace {

TEST(Csv, QuotesOnlyWhatNeedsIt) {
  std::ostringstream out;
  WriteCsvRecord(out, {"plain", "a,b", "say \"hi\"", "two\nlines", "", "عربي"});
  EXPECT_EQ(out.str(), "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,عربي\r\n");
}

TEST(Csv, ReadsBackWhatItWrites) {
  std::vector<std::vector<std::string>> records = {
      {"id", "text", "empty"}, {"1", "a,b \"c\"\r\nd", ""}, {"2", "", "x"}};
  std::ostringstream out;
  for (const auto& r : records) WriteCsvRecord(out, r);
  auto table = ParseCsv(out.str(), "t.csv");
  ASSERT_TRUE(table) << table.error().message();
  EXPECT_EQ(table->header, records[0]);
  ASSERT_EQ(table->rows.size(), 2u);
  EXPECT_EQ(table->rows[0], records[1]);
  EXPECT_EQ(table->rows[1], records[2]);
  EXPECT_EQ(table->lines[0], 2u);
  EXPECT_EQ(table->lines[1], 4u);  // the quoted field spans two lines
  EXPECT_EQ(table->Column("empty"), 2);
  EXPECT_EQ(table->Column("nope"), -1);
}

TEST(Csv, AcceptsLfLineEnds) {
  auto table = ParseCsv("a,b\n1,2\n", "t.csv");
  ASSERT_TRUE(table);
  EXPECT_EQ(table->rows.at(0), (std::vector<std::string>{"1", "2"}));
}

TEST(Csv, ErrorsNameFileAndLine) {
  auto msg = [](std::string_view text) {
    auto t = ParseCsv(text, "d/claims.csv");
    return t ? std::string("ok") : t.error().message();
  };
  EXPECT_EQ(msg(""), "d/claims.csv: empty (no header)");
  EXPECT_EQ(msg("a,b\r\n1\r\n"), "d/claims.csv:2: 1 fields, the header has 2");
  EXPECT_EQ(msg("a,b\r\n1,\"open\r\n"), "d/claims.csv:2: unterminated quoted field");
  EXPECT_EQ(msg("a\r\nx\"y\r\n"), "d/claims.csv:2: a quote inside an unquoted field");
  EXPECT_EQ(msg("a\r\n\"x\"y\r\n"),
            "d/claims.csv:2: expected a comma or the end of the record after a quoted field");
  EXPECT_EQ(msg("a\r\n\xff\r\n"), "d/claims.csv: not valid UTF-8 at byte 3");
}

}  // namespace
}  // namespace sijill::exporter
