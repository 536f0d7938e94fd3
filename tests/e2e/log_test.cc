// `sijill log`: the custody log as a user reads it after init and add.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

TEST(Log, RecordsCreationAndEveryAddedSourceWithItsHashes) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  ASSERT_EQ(setenv("SIJILL_ACTOR", "documenter-3", 1), 0);
  ASSERT_EQ(RunSijill({"init", archive}).exit_code, 0);
  WriteFile(tmp / "t.txt", "In the fall of 2012 we left Homs.\n");
  auto added = RunSijill({"add", archive, (tmp / "t.txt").string(), "--json"});
  ASSERT_EQ(added.exit_code, 0) << added.err;
  // Adding the same file again changes nothing, so it logs nothing.
  ASSERT_EQ(RunSijill({"add", archive, (tmp / "t.txt").string()}).exit_code, 0);
  unsetenv("SIJILL_ACTOR");

  auto r = RunSijill({"log", archive, "--json"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  auto log = nlohmann::json::parse(r.out);
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0]["index"], 0);
  EXPECT_EQ(log[0]["entry"]["action"], "archive.create");
  EXPECT_EQ(log[0]["entry"]["actor"], "documenter-3");
  EXPECT_EQ(log[1]["entry"]["action"], "source.add");
  auto sources = nlohmann::json::parse(RunSijill({"sources", archive, "--json"}).out);
  ASSERT_EQ(sources.size(), 1u);
  EXPECT_EQ(log[1]["entry"]["objects"]["source"], sources[0]["id"]);
  EXPECT_EQ(log[1]["entry"]["hashes"]["original_sha256"], sources[0]["sha256"]);
  EXPECT_EQ(log[1]["entry"]["hashes"]["text_sha256"], sources[0]["text_sha256"]);
  EXPECT_EQ(log[1]["leaf_hash"].get<std::string>().size(), 64u);

  auto text = RunSijill({"log", archive});
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr("archive.create  documenter-3"));
  EXPECT_THAT(text.out, HasSubstr("source.add"));
}

TEST(Log, NotAnArchiveFails) {
  Scratch tmp;
  auto r = RunSijill({"log", tmp.path().string()});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_THAT(r.err, HasSubstr("not a Sijill archive"));
}

}  // namespace
}  // namespace sijill::e2e
