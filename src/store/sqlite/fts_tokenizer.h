// The "sijill" FTS5 tokenizer: text::TokenCursor inside SQLite, so that the index
// holds folded keys (Arabic and Latin normalization, article-less Arabic stems as
// colocated tokens) while offsets point into the stored, unfolded text — which is
// what lets snippet() and highlight() show the witness's own spelling.
#pragma once

#include <sqlite3.h>

#include "base/status.h"

namespace sijill::store::sqlite {

// Registers the tokenizer on `db` under the name "sijill". Call on every connection
// before touching an FTS5 table that uses it.
base::Status RegisterFtsTokenizer(sqlite3* db);

}  // namespace sijill::store::sqlite
