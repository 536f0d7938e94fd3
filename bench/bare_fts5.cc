#include "bare_fts5.h"

#include <fmt/format.h>

#include "bench_util.h"
#include "store/sqlite/fts_tokenizer.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(" \t\r\n");
  return s.substr(begin, end - begin + 1);
}

// Whether `line` looks like "Key: value" with a one-word alphabetic key.
bool IsHeaderLine(std::string_view line) {
  size_t colon = line.find(':');
  if (colon == 0 || colon == std::string_view::npos) return false;
  for (char c : line.substr(0, colon)) {
    if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return false;
  }
  return true;
}

// The offset where the body starts: after the header block, if there is one.
size_t BodyStart(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) return 0;
    std::string_view line = text.substr(pos, eol - pos);
    if (IsBlank(line)) return pos == 0 ? 0 : eol + 1;
    if (!IsHeaderLine(line)) return 0;
    pos = eol + 1;
  }
  return 0;
}

}  // namespace

std::vector<std::string_view> SplitPassages(std::string_view text) {
  std::vector<std::string_view> out;
  size_t pos = BodyStart(text), paragraph = pos;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    if (IsBlank(text.substr(pos, eol - pos)) || eol == text.size()) {
      size_t end = IsBlank(text.substr(pos, eol - pos)) ? pos : eol;
      std::string_view p = Trim(text.substr(paragraph, end - paragraph));
      if (!p.empty()) out.push_back(p);
      paragraph = eol + 1;
    }
    pos = eol + 1;
  }
  return out;
}

std::string QuoteWordsForFts5(std::string_view user_query) {
  std::string out;
  size_t pos = 0;
  while ((pos = user_query.find_first_not_of(" \t", pos)) != std::string_view::npos) {
    size_t end = user_query.find_first_of(" \t", pos);
    if (end == std::string_view::npos) end = user_query.size();
    if (!out.empty()) out += ' ';
    out += '"';
    for (char c : user_query.substr(pos, end - pos))
      out += c == '"' ? std::string("\"\"") : std::string(1, c);
    out += '"';
    pos = end;
  }
  return out;
}

base::Result<int64_t> CountMatches(sqlite3* db, std::string_view table, const std::string& match) {
  std::string sql = fmt::format("SELECT count(*) FROM {0} WHERE {0} MATCH ?1", table);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    return base::Error(base::Status::IOError(sqlite3_errmsg(db)));
  }
  sqlite3_bind_text(stmt, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
  int rc = sqlite3_step(stmt);
  int64_t count = rc == SQLITE_ROW ? sqlite3_column_int64(stmt, 0) : -1;
  sqlite3_finalize(stmt);
  if (count < 0) return base::Error(base::Status::IOError(sqlite3_errmsg(db)));
  return count;
}

base::Result<std::unique_ptr<BareFts5>> BareFts5::Create(const fs::path& file,
                                                         Tokenizer tokenizer) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  std::unique_ptr<BareFts5> bare(new BareFts5(db, file));
  if (rc != SQLITE_OK) return base::Error(bare->Error("cannot open"));
  if (tokenizer == Tokenizer::kSijill) TRY(store::sqlite::RegisterFtsTokenizer(db));
  TRY(bare->Exec("PRAGMA journal_mode = WAL"));
  TRY(bare->Exec("PRAGMA synchronous = FULL"));
  TRY(bare->Exec(tokenizer == Tokenizer::kSijill
                     ? "CREATE VIRTUAL TABLE t USING fts5(text, tokenize = 'sijill')"
                     : "CREATE VIRTUAL TABLE t USING fts5(text)"));
  return bare;
}

BareFts5::~BareFts5() {
  sqlite3_finalize(insert_);
  sqlite3_close_v2(db_);
}

base::Status BareFts5::Exec(const char* sql) {
  if (sqlite3_exec(db_, sql, nullptr, nullptr, nullptr) != SQLITE_OK) return Error(sql);
  return base::Status::Ok();
}

base::Status BareFts5::Error(std::string_view what) const {
  return base::Status::IOError(
      fmt::format("{}: {}: {}", file_.string(), what, db_ ? sqlite3_errmsg(db_) : "no memory"));
}

base::Result<uint64_t> BareFts5::AddFile(const fs::path& path) {
  auto text = ReadWholeFile(path);
  if (!text) return base::Error(base::Status::IOError(path.string() + ": cannot read"));
  if (!insert_ && sqlite3_prepare_v2(db_, "INSERT INTO t (text) VALUES (?1)", -1, &insert_,
                                     nullptr) != SQLITE_OK) {
    return base::Error(Error("cannot prepare the insert"));
  }
  TRY(Exec("BEGIN IMMEDIATE"));
  uint64_t count = 0;
  for (std::string_view passage : SplitPassages(*text)) {
    sqlite3_reset(insert_);
    sqlite3_bind_text(insert_, 1, passage.data(), static_cast<int>(passage.size()), SQLITE_STATIC);
    if (sqlite3_step(insert_) != SQLITE_DONE) {
      base::Status s = Error("cannot insert");
      (void)Exec("ROLLBACK");
      return base::Error(s);
    }
    ++count;
  }
  TRY(Exec("COMMIT"));
  return count;
}

}  // namespace sijill::bench
