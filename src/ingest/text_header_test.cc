#include "ingest/text_header.h"

#include <gtest/gtest.h>

namespace sijill::ingest::internal {
namespace {

using Kind = HeadResult::Kind;

HeadResult Parse(std::string_view head, InputEnd end = InputEnd::kEnd) {
  return ParseHead(head, HeadSyntax::kHeaderBlock, end);
}
HeadResult ParseMarkdown(std::string_view head, InputEnd end = InputEnd::kEnd) {
  return ParseHead(head, HeadSyntax::kHeaderBlockOrFrontMatter, end);
}

TEST(ParseHeadTest, HeaderBlockEndedByBlankLine) {
  std::string_view text =
      "Title: A testimony\nInterviewed: 2024-05-12\nPlace: Gaziantep, Turkey\n"
      "Language: en\nWitness: Abu Karam\n\nBody.\n";
  HeadResult result = Parse(text);
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(text.substr(result.body_start), "Body.\n");
  EXPECT_EQ(result.metadata.title, "A testimony");
  EXPECT_EQ(result.metadata.interviewed, "2024-05-12");
  EXPECT_EQ(result.metadata.place, "Gaziantep, Turkey");
  EXPECT_EQ(result.metadata.language, "en");
  EXPECT_EQ(result.metadata.witness, "Abu Karam");
}

TEST(ParseHeadTest, KeysAnyCaseDateIsInterviewedValuesTrimmed) {
  HeadResult result = Parse("TITLE:  x  \ndate:\t1999\n \t\nBody");
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(result.metadata.title, "x");
  EXPECT_EQ(result.metadata.interviewed, "1999");
  EXPECT_FALSE(result.metadata.place.has_value());
}

TEST(ParseHeadTest, RepeatedKeyKeepsFirstValue) {
  HeadResult result = Parse("Date: 2001\nInterviewed: 2002\n\nBody");
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(result.metadata.interviewed, "2001");
}

TEST(ParseHeadTest, EmptyValueLeavesFieldAbsent) {
  HeadResult result = Parse("Place:\nTitle: t\n\nBody");
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_FALSE(result.metadata.place.has_value());
  EXPECT_EQ(result.metadata.title, "t");
}

TEST(ParseHeadTest, NoHeaderWhenFirstLineIsNotAKey) {
  EXPECT_EQ(Parse("Interviewer: hello\n\nBody").kind, Kind::kNone);
  EXPECT_EQ(Parse("I was there.\nTitle: x\n\n").kind, Kind::kNone);
  EXPECT_EQ(Parse("\nTitle: x\n\nBody").kind, Kind::kNone);
  EXPECT_EQ(Parse(" Title: x\n\nBody").kind, Kind::kNone);
}

TEST(ParseHeadTest, NoHeaderWhenKeysAreNotEndedByBlankLine) {
  EXPECT_EQ(Parse("Title: x\nWitness: y\nThe body starts here.\n\n").kind, Kind::kNone);
  EXPECT_EQ(Parse("Title: x\nWitness: y\n").kind, Kind::kNone);
  EXPECT_EQ(Parse("Title: x").kind, Kind::kNone);
}

TEST(ParseHeadTest, NeedsMoreUntilDecided) {
  EXPECT_EQ(Parse("Title: x\nWitn", InputEnd::kMore).kind, Kind::kNeedMore);
  EXPECT_EQ(Parse("Title: x\n", InputEnd::kMore).kind, Kind::kNeedMore);
  EXPECT_EQ(Parse("", InputEnd::kMore).kind, Kind::kNeedMore);
  EXPECT_EQ(Parse("Hello\n", InputEnd::kMore).kind, Kind::kNone);
  EXPECT_EQ(Parse("Title: x\n\n", InputEnd::kMore).kind, Kind::kFound);
}

TEST(ParseHeadTest, FrontMatterInMarkdown) {
  std::string_view text =
      "---\ntitle: \"On the road\"\ndate: 2023-06-18\nplace: 'Istanbul'\ntags: [a, b]\n"
      "language: ar\nwitness: أبو حسام\n---\n# Heading\n";
  HeadResult result = ParseMarkdown(text);
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(text.substr(result.body_start), "# Heading\n");
  EXPECT_EQ(result.metadata.title, "On the road");
  EXPECT_EQ(result.metadata.interviewed, "2023-06-18");
  EXPECT_EQ(result.metadata.place, "Istanbul");
  EXPECT_EQ(result.metadata.language, "ar");
  EXPECT_EQ(result.metadata.witness, "أبو حسام");
}

TEST(ParseHeadTest, FrontMatterClosedByDots) {
  HeadResult result = ParseMarkdown("---\ntitle: x\n...\nBody");
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(result.body_start, 17u);
}

TEST(ParseHeadTest, UnclosedFrontMatterIsText) {
  EXPECT_EQ(ParseMarkdown("---\ntitle: x\nBody\n").kind, Kind::kNone);
  EXPECT_EQ(ParseMarkdown("---\ntitle: x\n", InputEnd::kMore).kind, Kind::kNeedMore);
  EXPECT_EQ(ParseMarkdown("--", InputEnd::kMore).kind, Kind::kNeedMore);
}

TEST(ParseHeadTest, MarkdownAlsoTakesHeaderBlock) {
  HeadResult result = ParseMarkdown("Title: x\n\n# Body");
  ASSERT_EQ(result.kind, Kind::kFound);
  EXPECT_EQ(result.metadata.title, "x");
}

TEST(ParseHeadTest, PlainTextIgnoresFrontMatter) {
  EXPECT_EQ(Parse("---\ntitle: x\n---\nBody").kind, Kind::kNone);
}

}  // namespace
}  // namespace sijill::ingest::internal
