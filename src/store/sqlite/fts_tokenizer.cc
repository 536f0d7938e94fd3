#include "store/sqlite/fts_tokenizer.h"

#include <string_view>

#include "base/utf8.h"
#include "text/tokenize.h"

namespace sijill::store::sqlite {
namespace {

// FTS5 needs a tokenizer object; ours has no configuration.
struct Tokenizer {};

int Create(void*, const char**, int, Fts5Tokenizer** out) {
  *out = reinterpret_cast<Fts5Tokenizer*>(new Tokenizer);
  return SQLITE_OK;
}

void Delete(Fts5Tokenizer* tokenizer) { delete reinterpret_cast<Tokenizer*>(tokenizer); }

int Tokenize(Fts5Tokenizer*, void* ctx, int flags, const char* text, int length,
             int (*emit)(void*, int, const char*, int, int, int)) {
  std::string_view input(text, static_cast<size_t>(length));
  // Query strings are built by us from folded tokens; documents are stored passage
  // text, valid UTF-8 by construction. Anything else is refused rather than guessed.
  if (!base::IsValidUtf8(input)) return SQLITE_ERROR;
  const bool document = (flags & FTS5_TOKENIZE_DOCUMENT) != 0;
  text::TokenCursor cursor(input);
  while (cursor.Next()) {
    auto folded = cursor.folded();
    const int begin = static_cast<int>(cursor.begin());
    const int end = static_cast<int>(cursor.end());
    int rc = emit(ctx, 0, folded.data(), static_cast<int>(folded.size()), begin, end);
    if (rc != SQLITE_OK) return rc;
    if (document && !cursor.stem().empty()) {
      auto stem = cursor.stem();
      rc = emit(ctx, FTS5_TOKEN_COLOCATED, stem.data(), static_cast<int>(stem.size()), begin, end);
      if (rc != SQLITE_OK) return rc;
    }
  }
  return SQLITE_OK;
}

fts5_api* GetFts5Api(sqlite3* db) {
  fts5_api* api = nullptr;
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, nullptr) != SQLITE_OK) return nullptr;
  sqlite3_bind_pointer(stmt, 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return api;
}

}  // namespace

base::Status RegisterFtsTokenizer(sqlite3* db) {
  fts5_api* api = GetFts5Api(db);
  if (!api) return base::Status::Internal("this SQLite has no FTS5");
  fts5_tokenizer tokenizer{Create, Delete, Tokenize};
  if (api->xCreateTokenizer(api, "sijill", nullptr, &tokenizer, nullptr) != SQLITE_OK) {
    return base::Status::Internal("cannot register the sijill FTS5 tokenizer");
  }
  return base::Status::Ok();
}

}  // namespace sijill::store::sqlite
