// Any bytes as a search query: parsing never fails except with its documented
// messages, and a parsed query always runs against a real FTS5 index.
#include <sqlite3.h>

#include "fuzz/fuzz_support.h"
#include "store/sqlite/fts_tokenizer.h"
#include "store/sqlite/sqlite_search.h"
#include "text/search_query.h"

namespace {

sqlite3* Database() {
  static sqlite3* db = [] {
    sqlite3* d = nullptr;
    sqlite3_open(":memory:", &d);
    sijill::fuzz::Check(sijill::store::sqlite::RegisterFtsTokenizer(d).ok(), "tokenizer");
    sqlite3_exec(d,
                 "CREATE VIRTUAL TABLE t USING fts5(text, tokenize='sijill');"
                 "INSERT INTO t VALUES ('The brigade at Kisweh; اللواء في الكسوة ٢١٥');",
                 nullptr, nullptr, nullptr);
    return d;
  }();
  return db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  auto query = sijill::text::ParseSearchQuery(sijill::fuzz::AsText(data, size));
  if (!query) {
    const std::string& m = query.error().message();
    Check(m == "the query is empty" || m == "the query has no words to search for" ||
              m == "every word is excluded: add a word to search for",
          "undocumented query error");
    return 0;
  }
  std::string match = sijill::store::sqlite::RenderFts5(*query);
  sqlite3_stmt* stmt = nullptr;
  Check(sqlite3_prepare_v2(Database(), "SELECT rowid FROM t WHERE t MATCH ?1", -1, &stmt,
                           nullptr) == SQLITE_OK,
        "prepare");
  sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
  int rc;
  while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
  }
  sqlite3_finalize(stmt);
  Check(rc == SQLITE_DONE, "a parsed query was refused by FTS5");
  return 0;
}
