#include "store/archive.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

#include <fstream>

#include "base/testing/temp_dir.h"
#include "store/sqlite/migrations.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

TEST(Archive, CreateThenOpen) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "cases" / "ghouta";
  auto created = Archive::Create(dir);
  ASSERT_TRUE(created.has_value()) << created.error().message();
  EXPECT_TRUE(fs::exists(dir / "SIJILL-ARCHIVE"));
  EXPECT_TRUE(fs::exists(dir / "sijill.db"));
  auto id = (*created)->store().ArchiveId();
  ASSERT_TRUE(id.has_value());
  created->reset();
  auto opened = Archive::Open(dir, OpenMode::kReadOnly);
  ASSERT_TRUE(opened.has_value()) << opened.error().message();
  EXPECT_EQ(*(*opened)->store().ArchiveId(), *id);
  // No staging directory is left beside the archive.
  size_t entries = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir.parent_path())) ++entries;
  EXPECT_EQ(entries, 1u);
}

TEST(Archive, RefusesToOverwrite) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  ASSERT_TRUE(Archive::Create(dir).has_value());
  auto again = Archive::Create(dir);
  ASSERT_FALSE(again.has_value());
  EXPECT_EQ(again.error().message(), dir.string() + ": already a Sijill archive");

  fs::path busy = tmp.path() / "busy";
  fs::create_directories(busy);
  std::ofstream(busy / "notes.txt") << "mine";
  auto refused = Archive::Create(busy);
  ASSERT_FALSE(refused.has_value());
  EXPECT_EQ(refused.error().message(), busy.string() + ": exists and is not empty");
  EXPECT_TRUE(fs::exists(busy / "notes.txt"));
}

TEST(Archive, CreatesInsideAnEmptyDirectory) {
  base::testing::TempDir tmp;
  fs::create_directories(tmp.path() / "empty");
  EXPECT_TRUE(Archive::Create(tmp.path() / "empty").has_value());
}

TEST(Archive, OpenNamesWhatIsWrong) {
  base::testing::TempDir tmp;
  auto missing = Archive::Open(tmp.path() / "nope", OpenMode::kReadOnly);
  ASSERT_FALSE(missing.has_value());
  EXPECT_EQ(missing.error().message(), (tmp.path() / "nope").string() + ": no such directory");

  auto plain = Archive::Open(tmp.path(), OpenMode::kReadOnly);
  ASSERT_FALSE(plain.has_value());
  EXPECT_EQ(plain.error().message(),
            tmp.path().string() + ": not a Sijill archive (no SIJILL-ARCHIVE file)");
}

TEST(Archive, OneWriterAtATime) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  auto writer = Archive::Create(dir);
  ASSERT_TRUE(writer.has_value());
  auto second = Archive::Open(dir, OpenMode::kReadWrite);
  ASSERT_FALSE(second.has_value());
  EXPECT_EQ(second.error().code(), base::StatusCode::kUnavailable);
  EXPECT_EQ(second.error().message(),
            dir.string() +
                ": another sijill process is writing to this archive; try again when it has "
                "finished");
  // Readers are not blocked by the writer.
  EXPECT_TRUE(Archive::Open(dir, OpenMode::kReadOnly).has_value());
  writer->reset();
  EXPECT_TRUE(Archive::Open(dir, OpenMode::kReadWrite).has_value());
}

TEST(Archive, RefusesADatabaseFromANewerBuild) {
  base::testing::TempDir tmp;
  fs::path dir = tmp.path() / "a";
  ASSERT_TRUE(Archive::Create(dir).has_value());
  std::string cmd = "sqlite3 '" + (dir / "sijill.db").string() + "' 'PRAGMA user_version = 99'";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  auto opened = Archive::Open(dir, OpenMode::kReadOnly);
  ASSERT_FALSE(opened.has_value());
  EXPECT_EQ(opened.error().message(),
            fmt::format("the archive was written by a newer Sijill (schema 99; this build knows "
                        "up to {})",
                        sqlite::CurrentSchemaVersion()));
}

}  // namespace
}  // namespace sijill::store
