// `sijill review` driven as a reviewer drives it, answers typed on standard input: a
// subject or object typed in an edit is read as every command reads a name (another
// spelling or a shortening is taken and said so on stderr), and a name that fits several
// entities lists them and leaves the claim undecided instead of picking one.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <map>
#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;
using ::testing::Not;

class Review : public ::testing::Test {
 protected:
  void SetUp() override {
    archive_ = (tmp_ / "a").string();
    ASSERT_EQ(RunSijill({"init", archive_}).exit_code, 0);
    auto added = RunSijill({"add", archive_, (SharedData() / "dev" / "t01.txt").string()});
    ASSERT_EQ(added.exit_code, 0) << added.err;
    std::string source = json::parse(RunSijill({"sources", archive_, "--json"}).out)[0]["id"];
    for (auto args :
         std::vector<std::vector<std::string>>{{"person", "Ghassan Haidar"},
                                               {"person", "Mahmoud Sabbagh", "--alias", "Sabbagh"},
                                               {"person", "Sabbagh"},
                                               {"unit", "1st Armored Division"},
                                               {"unit", "11th Armored Division"}}) {
      args.insert(args.begin(), {"entity", "add", archive_});
      auto r = RunSijill(args);
      ASSERT_EQ(r.exit_code, 0) << r.err;
      ids_[args[4]] = r.out.substr(0, r.out.find('\n'));
    }
    auto claim = RunSijill({"claim", "add", archive_, "commander_of", "--subject", "Ghassan Haidar",
                            "--object", "11th Armored Division", "--role", "commander",
                            "--candidate", "--cite", source + ":Brigadier General Ghassan Haidar"});
    ASSERT_EQ(claim.exit_code, 0) << claim.err;
    claim_ = claim.out.substr(0, 26);
  }

  json Claim() { return json::parse(RunSijill({"claim", "show", archive_, claim_, "--json"}).out); }

  Scratch tmp_;
  std::string archive_;
  std::string claim_;
  std::map<std::string, std::string> ids_;
};

TEST_F(Review, AnEditedObjectIsReadAsAShortenedNameAndSaysHow) {
  auto r = RunSijillWithInput({"review", archive_}, "e\nobject=1st Div\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("'1st Div' read as '1st Armored Division'\n"));
  EXPECT_THAT(r.err, HasSubstr("1 accepted, 0 rejected, 0 skipped"));
  json claim = Claim();
  EXPECT_EQ(claim["status"], "accepted");
  EXPECT_EQ(claim["object"], ids_["1st Armored Division"]);
  EXPECT_EQ(claim["subject"], ids_["Ghassan Haidar"]);
}

TEST_F(Review, AnAmbiguousNameListsTheChoicesAndLeavesTheClaimUndecided) {
  // "Sabbagh" is one person's name and another's alias; "Armored Div" is close to two
  // units. Each is listed with ids; the empty line does not accept the claim, and the
  // good edit made in the same round (the role) is not kept either.
  auto r = RunSijillWithInput({"review", archive_},
                              "e\nrole=deputy\nsubject=Sabbagh\nobject=Armored Div\n\ns\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("subject: 'Sabbagh' is ambiguous; it could be:\n"));
  EXPECT_THAT(r.err, HasSubstr(ids_["Mahmoud Sabbagh"].substr(0, 10) +
                               "  person  Mahmoud Sabbagh (also: Sabbagh)\n"));
  EXPECT_THAT(r.err, HasSubstr(ids_["Sabbagh"].substr(0, 10) + "  person  Sabbagh\n"));
  EXPECT_THAT(r.err, HasSubstr("object: no entity is named 'Armored Div'; it could be:\n"));
  EXPECT_THAT(r.err, HasSubstr(ids_["1st Armored Division"].substr(0, 10) +
                               "  unit    1st Armored Division\n"));
  EXPECT_THAT(r.err, HasSubstr(ids_["11th Armored Division"].substr(0, 10) +
                               "  unit    11th Armored Division\n"));
  EXPECT_THAT(r.err, HasSubstr("give the id (or a unique prefix of it) instead"));
  EXPECT_THAT(r.err,
              HasSubstr("not accepted: subject, object not changed; the claim is as it was"));
  EXPECT_THAT(r.err, Not(HasSubstr("read as")));
  EXPECT_THAT(r.err, HasSubstr("0 accepted, 0 rejected, 1 skipped"));
  json claim = Claim();
  EXPECT_EQ(claim["status"], "candidate");
  EXPECT_EQ(claim["subject"], ids_["Ghassan Haidar"]);
  EXPECT_EQ(claim["object"], ids_["11th Armored Division"]);
  EXPECT_EQ(claim["role"], "commander");

  // The reviewer picks one by the id prefix the list showed, after the bad try.
  std::string pick = ids_["Mahmoud Sabbagh"].substr(0, 10);
  r = RunSijillWithInput({"review", archive_}, "e\nsubject=Sabbagh\nsubject=" + pick + "\n\n");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_THAT(r.err, HasSubstr("subject: 'Sabbagh' is ambiguous"));
  EXPECT_THAT(r.err, HasSubstr("1 accepted, 0 rejected, 0 skipped"));
  claim = Claim();
  EXPECT_EQ(claim["status"], "accepted");
  EXPECT_EQ(claim["subject"], ids_["Mahmoud Sabbagh"]);
}

}  // namespace
}  // namespace sijill::e2e
