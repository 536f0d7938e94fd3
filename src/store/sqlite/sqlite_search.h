// SearchIndex over the passage_index FTS5 table: renders a text::SearchQuery into
// FTS5's query syntax (every token quoted, so no user text is ever FTS5 syntax) and
// ranks with bm25, taking snippets from the stored passage text.
#pragma once

#include <string>

#include "store/sqlite/connection.h"
#include "store/store.h"

namespace sijill::store::sqlite {

// Renders `query` as an FTS5 MATCH expression. Exposed for tests.
std::string RenderFts5(const text::SearchQuery& query);

class SqliteSearchIndex : public SearchIndex {
 public:
  explicit SqliteSearchIndex(Connection& conn) : conn_(conn) {}
  base::Result<std::vector<SearchHit>> Search(const text::SearchQuery& query, size_t limit,
                                              size_t offset) override;

 private:
  Connection& conn_;
};

}  // namespace sijill::store::sqlite
