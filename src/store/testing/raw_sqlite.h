// For store tests: running SQL on an archive's database with the plain SQLite library,
// around Sijill, as an attacker with file access (or a careless script) would.
#pragma once

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

namespace sijill::store::testing {

// Runs `sql` on `dir`/sijill.db. Returns SQLite's error text, or "" on success.
inline std::string RawExec(const std::filesystem::path& dir, const char* sql) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open((dir / "sijill.db").c_str(), &db), SQLITE_OK);
  char* err = nullptr;
  sqlite3_exec(db, sql, nullptr, nullptr, &err);
  std::string message = err != nullptr ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  return message;
}

}  // namespace sijill::store::testing
