#include "store/sqlite/fts_tokenizer.h"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <string>

namespace sijill::store::sqlite {
namespace {

// Counts rows of `table` whose text matches `query` (an FTS5 string literal).
int Matches(sqlite3* db, const std::string& table, const std::string& query) {
  sqlite3_stmt* stmt = nullptr;
  std::string sql = "SELECT count(*) FROM " + table + " WHERE " + table + " MATCH ?1";
  EXPECT_EQ(sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr), SQLITE_OK);
  std::string quoted = "\"" + query + "\"";
  sqlite3_bind_text(stmt, 1, quoted.c_str(), -1, SQLITE_TRANSIENT);
  EXPECT_EQ(sqlite3_step(stmt), SQLITE_ROW);
  int n = sqlite3_column_int(stmt, 0);
  sqlite3_finalize(stmt);
  return n;
}

class FtsTokenizerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(sqlite3_open(":memory:", &db_), SQLITE_OK);
    ASSERT_TRUE(RegisterFtsTokenizer(db_).ok());
    const char* sql =
        "CREATE VIRTUAL TABLE bare USING fts5(text, tokenize = 'unicode61 remove_diacritics 2');"
        "CREATE VIRTUAL TABLE ours USING fts5(text, tokenize = 'sijill');";
    ASSERT_EQ(sqlite3_exec(db_, sql, nullptr, nullptr, nullptr), SQLITE_OK);
    for (const char* table : {"bare", "ours"}) {
      for (const char* row :
           {"قال مُحَمَّد", "في حماة", "أحمد وإبراهيم", "على مستوى", "الفرع ٢١٥", "قائد اللواء"}) {
        std::string insert = std::string("INSERT INTO ") + table + " VALUES ('" + row + "')";
        ASSERT_EQ(sqlite3_exec(db_, insert.c_str(), nullptr, nullptr, nullptr), SQLITE_OK);
      }
    }
  }
  void TearDown() override { sqlite3_close(db_); }
  sqlite3* db_ = nullptr;
};

// Debian's FTS5 (unicode61, even with remove_diacritics 2) does none of the Arabic
// folding steps; this pins the reason the "sijill" tokenizer exists.
TEST_F(FtsTokenizerTest, Unicode61DoesNotFoldArabic) {
  for (const char* q : {"محمد", "حماه", "احمد", "ابراهيم", "مستوي", "215", "لواء"}) {
    EXPECT_EQ(Matches(db_, "bare", q), 0) << q;
    EXPECT_EQ(Matches(db_, "ours", q), 1) << q;
  }
}

TEST_F(FtsTokenizerTest, ExactSpellingStillMatches) {
  EXPECT_EQ(Matches(db_, "ours", "مُحَمَّد"), 1);
  EXPECT_EQ(Matches(db_, "ours", "اللواء"), 1);
  EXPECT_EQ(Matches(db_, "ours", "٢١٥"), 1);
}

}  // namespace
}  // namespace sijill::store::sqlite
