// The baseline the benchmarks compare Sijill with: a bare FTS5 table over the same
// passages, `CREATE VIRTUAL TABLE t USING fts5(text)` with the default unicode61
// tokenizer, in WAL mode with synchronous=FULL like an archive's database
// (store/sqlite/connection.cc). For diagnosis the same table can use Sijill's own FTS5
// tokenizer instead, which separates the tokenizer's cost from the rest of the intake
// pipeline. Also helpers to query such a table and to count matches in either database.
// Not thread-safe: one object, one thread.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::bench {

class BareFts5 {
 public:
  enum class Tokenizer { kUnicode61, kSijill };

  // Makes a new database at `file` (which must not exist) holding the empty table `t`.
  static base::Result<std::unique_ptr<BareFts5>> Create(const std::filesystem::path& file,
                                                        Tokenizer tokenizer);
  ~BareFts5();

  // Reads the file at `path`, drops a leading "Key: value" header block, splits the
  // rest into paragraphs at blank lines and inserts them in one transaction. Returns
  // the number of passages inserted.
  base::Result<uint64_t> AddFile(const std::filesystem::path& path);

 private:
  BareFts5(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  base::Status Exec(const char* sql);
  base::Status Error(std::string_view what) const;

  sqlite3* db_;
  std::filesystem::path file_;
  sqlite3_stmt* insert_ = nullptr;
};

// A user's words as a bare FTS5 query: each whitespace-separated word double-quoted
// (inner quotes doubled), so `Khaled al-Sabbagh` becomes `"Khaled" "al-Sabbagh"`.
std::string QuoteWordsForFts5(std::string_view user_query);

// count(*) of `match` against the FTS5 table `table` of the open database `db`.
base::Result<int64_t> CountMatches(sqlite3* db, std::string_view table, const std::string& match);

// Splits `text` into paragraphs (runs of lines separated by lines of spaces/tabs only),
// after dropping a leading header block ("Key: value" lines ended by a blank line).
// Each paragraph is trimmed of surrounding white space. Views point into `text`.
std::vector<std::string_view> SplitPassages(std::string_view text);

}  // namespace sijill::bench
