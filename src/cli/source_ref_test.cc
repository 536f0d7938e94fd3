#include "cli/source_ref.h"

#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "store/archive.h"

namespace sijill::cli {
namespace {

class SourceRefTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = store::Archive::Create(tmp_.path() / "a");
    ASSERT_TRUE(a.has_value());
    archive_ = std::move(*a);
    Add("abcd0000000000000000000000", "First");
    Add("abcd1111111111111111111110", "Second");
    Add("wxyz2222222222222222222220", "Third");
  }
  void Add(const std::string& id_text, const std::string& title) {
    store::SourceRecord r;
    r.id = *base::Id::Parse(id_text);
    r.sha256 = std::string(64, static_cast<char>('a' + count_++));
    r.title = title;
    auto txn = archive_->store().BeginWrite();
    ASSERT_TRUE((*txn)->AddSource(r).ok());
    ASSERT_TRUE((*txn)->Commit().ok());
  }

  base::testing::TempDir tmp_;
  std::unique_ptr<store::Archive> archive_;
  int count_ = 0;
};

TEST_F(SourceRefTest, UniquePrefixResolves) {
  auto id = ResolveSource(archive_->store(), "WXYZ");
  ASSERT_TRUE(id.has_value());
  EXPECT_EQ(id->ToString(), "wxyz2222222222222222222220");
  EXPECT_TRUE(ResolveSource(archive_->store(), "abcd1").has_value());
  EXPECT_TRUE(ResolveSource(archive_->store(), "abcd0000000000000000000000").has_value());
}

TEST_F(SourceRefTest, AmbiguousPrefixListsTheChoices) {
  auto id = ResolveSource(archive_->store(), "abcd");
  ASSERT_FALSE(id.has_value());
  EXPECT_EQ(id.error().message(),
            "'abcd' is ambiguous; it could be:\n"
            "  abcd0000000000000000000000  First\n"
            "  abcd1111111111111111111110  Second");
}

TEST_F(SourceRefTest, TooShortOrUnknown) {
  EXPECT_EQ(ResolveSource(archive_->store(), "ab").error().message(),
            "'ab' is too short: give at least 4 characters of the source id");
  EXPECT_EQ(ResolveSource(archive_->store(), "qqqq").error().message(), "no source matches 'qqqq'");
  EXPECT_EQ(ResolveSource(archive_->store(), "not-an-id").error().message(),
            "no source matches 'not-an-id'");
  EXPECT_EQ(ResolveSource(archive_->store(), "zzzz0000000000000000000000").error().code(),
            base::StatusCode::kNotFound);
}

}  // namespace
}  // namespace sijill::cli
