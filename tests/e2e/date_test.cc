// `sijill date parse` and `sijill date find`: EDTF values checked, with bounds and flags,
// and the dates written in a document found, as a user types the commands.
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

// English and Arabic dates in one text file: a season, a numeric day, two alternative days.
constexpr char kMixedText[] =
    "In the fall of 2012 we left Homs. I was arrested on 24-4-2011 near the bridge.\n"
    "They came back on 20 أو 21 تموز 2012 at night.\n";

TEST(DateFind, PrintsSpansEdtfAndBoundsOfEnglishAndArabicDates) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", kMixedText);
  auto r = RunSijill({"date", "find", (tmp / "t.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  EXPECT_EQ(r.out,
            "0-19\t2012-23\tIn the fall of 2012\t2012-09-01..2012-11-30\n"
            "52-61\t2011-04-24\t24-4-2011\t2011-04-24..2011-04-24\n"
            "97-115\t[2012-07-20,2012-07-21]\t20 أو 21 تموز 2012\t2012-07-20..2012-07-21\n");
}

TEST(DateFind, JsonGivesOffsetsValuesAndFlags) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", kMixedText);
  auto r = RunSijill({"date", "find", (tmp / "t.txt").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 3u);
  EXPECT_EQ(j[0]["begin"], 0);
  EXPECT_EQ(j[0]["end"], 19);
  EXPECT_EQ(j[0]["text"], "In the fall of 2012");
  EXPECT_EQ(j[0]["edtf"], "2012-23");
  EXPECT_EQ(j[0]["earliest"], "2012-09-01");
  EXPECT_EQ(j[0]["latest"], "2012-11-30");
  EXPECT_EQ(j[1]["edtf"], "2011-04-24");
  EXPECT_EQ(j[2]["begin"], 97);
  EXPECT_EQ(j[2]["end"], 115);
  EXPECT_EQ(j[2]["text"], "20 أو 21 تموز 2012");
  EXPECT_EQ(j[2]["edtf"], "[2012-07-20,2012-07-21]");
  EXPECT_EQ(j[2]["earliest"], "2012-07-20");
  EXPECT_EQ(j[2]["latest"], "2012-07-21");
  EXPECT_TRUE(j[2]["certain_first"].is_null());  // one of two days: neither is certain
  EXPECT_EQ(j[2]["uncertain"], false);
  EXPECT_EQ(j[2]["approximate"], false);
}

TEST(DateFind, LastNovemberCountsBackFromTheDocumentDate) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "Last November they raided the house.\n");
  auto given = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date", "2013-01-15"});
  ASSERT_EQ(given.exit_code, 0) << given.err;
  EXPECT_EQ(given.out, "0-13\t2012-11\tLast November\t2012-11-01..2012-11-30\n");
  // Within the same year too: the latest November strictly before the document's month.
  auto december = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date=2013-12"});
  EXPECT_EQ(december.out, "0-13\t2013-11\tLast November\t2013-11-01..2013-11-30\n");
}

TEST(DateFind, TheFilesHeaderDateIsTheDefaultAndDateOverridesIt) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "Interviewed: 2014-03-02\n\nLast November they raided the house.\n");
  auto header = RunSijill({"date", "find", (tmp / "t.txt").string()});
  ASSERT_EQ(header.exit_code, 0) << header.err;
  // Offsets count from the body: the header block is metadata, not text.
  EXPECT_EQ(header.out, "0-13\t2013-11\tLast November\t2013-11-01..2013-11-30\n");
  auto flag = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date", "2011"});
  EXPECT_EQ(flag.out, "0-13\t2010-11\tLast November\t2010-11-01..2010-11-30\n");
}

TEST(DateFind, WhatCannotBeFixedIsLeftOpen) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "In December we fled to the north. Two days later we crossed.\n");
  auto r = RunSijill({"date", "find", (tmp / "t.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  // No year anywhere and no document date: the year stays unspecified, and a step
  // from it cannot be counted.
  EXPECT_EQ(r.out,
            "0-11\tXXXX-12\tIn December\t0000-12-01..9999-12-31\n"
            "34-48\t?\tTwo days later\t?\n");
  auto j =
      nlohmann::json::parse(RunSijill({"date", "find", (tmp / "t.txt").string(), "--json"}).out);
  ASSERT_EQ(j.size(), 2u);
  EXPECT_EQ(j[0]["edtf"], "XXXX-12");
  EXPECT_EQ(j[0]["unspecified"], true);
  EXPECT_EQ(j[1]["text"], "Two days later");
  EXPECT_TRUE(j[1]["edtf"].is_null());
  EXPECT_TRUE(j[1]["earliest"].is_null());
  EXPECT_TRUE(j[1]["latest"].is_null());
}

TEST(DateFind, JsonGivesTheEndsOfARange) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "I was held from the summer of 2013 until the end of September 2014.\n");
  auto r = RunSijill({"date", "find", (tmp / "t.txt").string(), "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j.size(), 1u);
  EXPECT_EQ(j[0]["edtf"], "2013-06/2014-09-30~");
  ASSERT_EQ(j[0]["parts"].size(), 2u);
  EXPECT_EQ(j[0]["parts"][0]["text"], "the summer of 2013");
  EXPECT_EQ(j[0]["parts"][0]["begin"], 16);
  EXPECT_EQ(j[0]["parts"][0]["edtf"], "2013-22");
  EXPECT_EQ(j[0]["parts"][1]["edtf"], "2014-09-30~");
  EXPECT_EQ(j[0]["parts"][1]["approximate"], true);
}

TEST(DateFind, ReadsDocxAsAddDoes) {
  auto docx = SourceDir() / "tests/data/ingest/testimony.docx";
  auto r = RunSijill({"date", "find", docx.string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.out, HasSubstr("\t2013-03-14\t14 March 2013\t2013-03-14..2013-03-14\n"));
  EXPECT_THAT(r.out, HasSubstr("\t2013-21\tربيع عام 2013\t2013-03-01..2013-05-31\n"));
  EXPECT_THAT(r.out, HasSubstr("\t2013-03-14\tفي الرابع عشر من آذار\t"));
}

TEST(DateFind, ALineBreakInAMentionIsEscaped) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "It was in March\n2013, I think.\n");
  auto r = RunSijill({"date", "find", (tmp / "t.txt").string()});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "7-29\t2013-03?\tin March\\n2013, I think\t2013-03-01..2013-03-31\n");
}

TEST(DateFind, BadDocumentDateIsAUsageError) {
  Scratch tmp;
  WriteFile(tmp / "t.txt", "In December we fled.\n");
  auto month = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date", "2012-13"});
  EXPECT_EQ(month.exit_code, 2);
  EXPECT_EQ(month.err, "sijill date find: --date: 2012-13: month 13 is out of range (01-12)\n");
  EXPECT_EQ(month.out, "");
  auto range = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date", "2012/2013"});
  EXPECT_EQ(range.exit_code, 2);
  EXPECT_EQ(range.err,
            "sijill date find: --date: 2012/2013 is not a single date (use YYYY, YYYY-MM or "
            "YYYY-MM-DD)\n");
  auto missing = RunSijill({"date", "find", (tmp / "t.txt").string(), "--date"});
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_THAT(missing.err, HasSubstr("--date needs a value"));
}

TEST(DateFind, MissingOrBadFilesAreNamed) {
  Scratch tmp;
  auto none = RunSijill({"date", "find"});
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.err, "sijill date find: give the FILE to search for dates\n");
  auto missing = RunSijill({"date", "find", (tmp / "nope.txt").string()});
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_EQ(missing.err,
            "sijill: error: " + (tmp / "nope.txt").string() + ": no such file or directory\n");
  WriteFile(tmp / "bad.txt", "In March 2013\xff.\n");
  auto bad = RunSijill({"date", "find", (tmp / "bad.txt").string()});
  EXPECT_EQ(bad.exit_code, 1);
  EXPECT_EQ(bad.err,
            "sijill: error: " + (tmp / "bad.txt").string() + ": not valid UTF-8 at byte 13\n");
  EXPECT_EQ(bad.out, "");
  WriteFile(tmp / "header.txt", "Interviewed: last spring\n\nIn December we fled.\n");
  auto header = RunSijill({"date", "find", (tmp / "header.txt").string()});
  EXPECT_EQ(header.exit_code, 1);
  EXPECT_EQ(header.err, "sijill: error: " + (tmp / "header.txt").string() +
                            ": header field Interviewed: \"last spring\" is not a date (use "
                            "YYYY, YYYY-MM or YYYY-MM-DD)\n");
}

TEST(DateFind, HelpDescribesFindWithAnExample) {
  auto help = RunSijill({"help", "date"});
  EXPECT_EQ(help.exit_code, 0);
  EXPECT_THAT(help.out, HasSubstr("sijill date find FILE [--date DOC_DATE] [--json]"));
  EXPECT_THAT(help.out, HasSubstr("sijill date find interview.txt --date 2013-06-18"));
  auto find = RunSijill({"date", "find", "--help"});
  EXPECT_EQ(find.exit_code, 0);
  EXPECT_THAT(find.out, HasSubstr("Example: sijill date find interview.docx"));
}

}  // namespace
}  // namespace sijill::e2e
