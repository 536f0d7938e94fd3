#include "store/sqlite/sqlite_search.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace sijill::store::sqlite {
namespace {

// Snippet markers: Unicode noncharacters, which never occur in ingested text.
constexpr std::string_view kOpen = "\xEF\xB7\x90";   // U+FDD0
constexpr std::string_view kClose = "\xEF\xB7\x91";  // U+FDD1
constexpr int kSnippetTokens = 32;

std::string Quote(std::string_view token) {
  std::string out = "\"";
  for (char c : token) {
    out.push_back(c);
    if (c == '"') out.push_back('"');
  }
  out.push_back('"');
  return out;
}

std::string RenderTerm(const text::SearchTerm& term) {
  std::string joined;
  for (const auto& token : term.tokens) {
    if (!joined.empty()) joined.push_back(' ');
    joined += token;
  }
  std::string out = Quote(joined);
  if (term.prefix) out += "*";
  return out;
}

std::string RenderClause(const text::SearchClause& clause) {
  std::string required;
  for (const auto& term : clause.required) {
    if (!required.empty()) required += " AND ";
    required += RenderTerm(term);
  }
  if (clause.excluded.empty()) return "(" + required + ")";
  std::string excluded;
  for (const auto& term : clause.excluded) {
    if (!excluded.empty()) excluded += " OR ";
    excluded += RenderTerm(term);
  }
  return fmt::format("(({}) NOT ({}))", required, excluded);
}

// Splits FTS5's marked snippet into plain text and code-point ranges of the marks.
void Unmark(std::string_view marked, SearchHit* hit) {
  size_t cp = 0, open_at = 0;
  for (size_t i = 0; i < marked.size();) {
    if (marked.substr(i, kOpen.size()) == kOpen) {
      open_at = cp;
      i += kOpen.size();
    } else if (marked.substr(i, kClose.size()) == kClose) {
      hit->marks.emplace_back(open_at, cp);
      i += kClose.size();
    } else {
      size_t start = i;
      base::DecodeAt(marked, &i);
      hit->snippet.append(marked.substr(start, i - start));
      ++cp;
    }
  }
}

}  // namespace

std::string RenderFts5(const text::SearchQuery& query) {
  std::string out;
  for (const auto& clause : query.any_of) {
    if (!out.empty()) out += " OR ";
    out += RenderClause(clause);
  }
  return out;
}

base::Result<std::vector<SearchHit>> SqliteSearchIndex::Search(const text::SearchQuery& query,
                                                               size_t limit, size_t offset) {
  // The inner query is the plain FTS5 top-k (ORDER BY rank LIMIT), so FTS5 computes
  // snippets only for the rows it returns; the join adds the passage's coordinates.
  ASSIGN_OR_RETURN(auto s, conn_.Prepare(fmt::format(
                               "SELECT src.id, src.title, p.ordinal, p.cp_begin, p.cp_end, "
                               "hit.score, hit.snip FROM (SELECT rowid, rank AS score, "
                               "snippet(passage_index, 0, '{}', '{}', '…', {}) AS snip "
                               "FROM passage_index WHERE passage_index MATCH ?1 "
                               "ORDER BY rank LIMIT ?2 OFFSET ?3) AS hit "
                               "JOIN passages p ON p.rowid = hit.rowid "
                               "JOIN sources src ON src.rowid = p.source_rowid "
                               "ORDER BY hit.score",
                               kOpen, kClose, kSnippetTokens)));
  s.Bind(1, RenderFts5(query))
      .Bind(2, static_cast<int64_t>(limit))
      .Bind(3, static_cast<int64_t>(offset));
  std::vector<SearchHit> hits;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    SearchHit hit;
    hit.source = *base::Id::Parse(s.Text(0));
    hit.source_title = s.OptionalText(1);
    hit.ordinal = static_cast<uint32_t>(s.Int(2));
    hit.cp_begin = static_cast<uint64_t>(s.Int(3));
    hit.cp_end = static_cast<uint64_t>(s.Int(4));
    hit.score = -s.Double(5);  // bm25 rank: more negative is better
    Unmark(s.Text(6), &hit);
    hits.push_back(std::move(hit));
  }
  return hits;
}

}  // namespace sijill::store::sqlite
