// The command line itself: help, typos, exit codes, init.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

TEST(CliBasics, HelpListsCommands) {
  auto r = RunSijill({"help"});
  EXPECT_EQ(r.exit_code, 0);
  for (const char* c : {"init", "add", "sources", "show", "search"}) {
    EXPECT_THAT(r.out, HasSubstr(std::string("  ") + c)) << c;
  }
  auto sub = RunSijill({"help", "search"});
  EXPECT_EQ(sub.exit_code, 0);
  EXPECT_THAT(sub.out, HasSubstr("--limit"));
  EXPECT_EQ(RunSijill({"add", "--help"}).exit_code, 0);
}

TEST(CliBasics, NoArgumentsIsAUsageError) {
  auto r = RunSijill({});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.out, HasSubstr("usage: sijill <command>"));
}

TEST(CliBasics, TypoSuggestsACommand) {
  auto r = RunSijill({"serch", "x", "y"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "sijill: error: unknown command 'serch'; did you mean 'sijill search'?\n");
  auto far = RunSijill({"frobnicate"});
  EXPECT_EQ(far.exit_code, 2);
  EXPECT_EQ(far.err,
            "sijill: error: unknown command 'frobnicate'; run 'sijill help' for the list of "
            "commands\n");
  EXPECT_THAT(RunSijill({"help", "sourcs"}).err, HasSubstr("did you mean 'sources'?"));
}

TEST(CliBasics, UsageErrorsExitTwo) {
  auto r = RunSijill({"search"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_THAT(r.err, HasSubstr("sijill search: "));
  EXPECT_EQ(RunSijill({"add", "a", "b", "--access", "secret"}).exit_code, 2);
  EXPECT_EQ(RunSijill({"sources", "a", "--bogus"}).exit_code, 2);
}

TEST(CliBasics, InitCreatesAndRefusesToOverwrite) {
  Scratch tmp;
  auto dir = (tmp / "cases" / "ghouta").string();
  auto r = RunSijill({"init", dir});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "");
  EXPECT_TRUE(std::filesystem::exists(tmp / "cases/ghouta/SIJILL-ARCHIVE"));
  auto again = RunSijill({"init", dir});
  EXPECT_EQ(again.exit_code, 1);
  EXPECT_EQ(again.err, "sijill: error: " + dir + ": already a Sijill archive\n");
}

TEST(CliBasics, NotAnArchive) {
  Scratch tmp;
  auto r = RunSijill({"sources", tmp.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err, "sijill: error: " + tmp.path().string() +
                       ": not a Sijill archive (no SIJILL-ARCHIVE file)\n");
  auto add = RunSijill({"add", (tmp / "missing").string(), "x.txt"});
  EXPECT_EQ(add.exit_code, 1);
  EXPECT_EQ(add.err, "sijill: error: " + (tmp / "missing").string() + ": no such directory\n");
}

}  // namespace
}  // namespace sijill::e2e
