#include "text/search_query.h"

#include <optional>
#include <utility>

#include "base/utf8.h"
#include "text/text_internal.h"
#include "text/tokenize.h"

namespace sijill::text {
namespace {

using base::Status;
using internal::IsSpace;

// Quotation marks that open or close a phrase: " “ ” „ ‟ « ». Any of them closes a
// phrase opened by any other, since people mix them.
bool IsQuote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x00AB ||
         c == 0x00BB;
}

bool IsSpaceOrQuote(char32_t c) { return IsSpace(c) || IsQuote(c); }

// Returns `text` with each invalid UTF-8 byte replaced by a space.
std::string ReplaceInvalidUtf8(std::string_view text) {
  std::string out;
  size_t bad = 0;
  while (!base::IsValidUtf8(text, &bad)) {
    out.append(text.substr(0, bad));
    out.push_back(' ');
    text.remove_prefix(bad + 1);
  }
  out.append(text);
  return out;
}

bool IsBlank(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (!IsSpace(base::DecodeAt(text, &pos))) return false;
  }
  return true;
}

// One unit of the query: a word as typed, a quoted phrase, or the OR operator.
struct Piece {
  bool is_or = false;
  bool excluded = false;
  std::string_view text;  // the word, or the phrase without its quotes
};

// Splits a query into pieces. Knows only white space, quotes, a leading '-' and "OR";
// everything else is left in the pieces' text for the tokenizer.
class QueryLexer {
 public:
  // REQUIRES: `query` is valid UTF-8 and outlives the lexer.
  explicit QueryLexer(std::string_view query) : query_(query) {}

  // Reads the next piece into *piece. Returns false at the end of the query.
  bool Next(Piece* piece) {
    while (!AtEnd() && IsSpace(Peek())) Advance();
    if (AtEnd()) return false;
    *piece = Piece{};
    piece->excluded = ReadExclusion();
    if (!AtEnd() && IsQuote(Peek())) {
      Advance();
      piece->text = ReadWhile([](char32_t c) { return !IsQuote(c); });
      if (!AtEnd()) Advance();  // the closing quote; an unclosed one ends at the end
      return true;
    }
    piece->text = ReadWhile([](char32_t c) { return !IsSpaceOrQuote(c); });
    piece->is_or = !piece->excluded && piece->text == "OR";
    return true;
  }

 private:
  bool AtEnd() const { return pos_ >= query_.size(); }

  char32_t Peek() const {
    size_t next = pos_;
    return base::DecodeAt(query_, &next);
  }

  void Advance() { base::DecodeAt(query_, &pos_); }

  // Consumes a '-' that starts a word or a phrase; a '-' standing alone is a word.
  bool ReadExclusion() {
    if (query_[pos_] != '-' || pos_ + 1 >= query_.size()) return false;
    size_t next = pos_ + 1;
    if (IsSpace(base::DecodeAt(query_, &next))) return false;
    ++pos_;
    return true;
  }

  template <class Predicate>
  std::string_view ReadWhile(Predicate keep) {
    size_t begin = pos_;
    while (!AtEnd() && keep(Peek())) Advance();
    return query_.substr(begin, pos_ - begin);
  }

  std::string_view query_;
  size_t pos_ = 0;
};

// Tokenizes the text of one piece into a term: one token is a word, several a phrase.
// A '*' right after the last token marks it a prefix if its key has two or more code
// points. Returns nullopt if the text has no tokens (punctuation only).
std::optional<SearchTerm> MakeTerm(std::string_view text) {
  SearchTerm term;
  TokenCursor cursor(text);
  size_t last_end = 0;
  while (cursor.Next()) {
    term.tokens.emplace_back(cursor.folded());
    last_end = cursor.end();
  }
  if (term.tokens.empty()) return std::nullopt;
  term.prefix = last_end < text.size() && text[last_end] == '*' &&
                base::CodePointCount(term.tokens.back()) >= 2;
  return term;
}

// Drops empty clauses and checks that what is left can be searched.
base::Result<SearchQuery> Validate(std::vector<SearchClause> clauses) {
  SearchQuery query;
  for (SearchClause& clause : clauses) {
    if (clause.required.empty() && clause.excluded.empty()) continue;
    if (clause.required.empty()) {
      return base::Error(
          Status::InvalidArgument("every word is excluded: add a word to search for"));
    }
    query.any_of.push_back(std::move(clause));
  }
  if (query.any_of.empty()) {
    return base::Error(Status::InvalidArgument("the query has no words to search for"));
  }
  return query;
}

}  // namespace

base::Result<SearchQuery> ParseSearchQuery(std::string_view query) {
  std::string repaired;
  if (!base::IsValidUtf8(query)) {
    repaired = ReplaceInvalidUtf8(query);
    query = repaired;
  }
  if (IsBlank(query)) return base::Error(Status::InvalidArgument("the query is empty"));
  std::vector<SearchClause> clauses(1);
  QueryLexer lexer(query);
  Piece piece;
  while (lexer.Next(&piece)) {
    if (piece.is_or) {
      clauses.emplace_back();
      continue;
    }
    std::optional<SearchTerm> term = MakeTerm(piece.text);
    if (!term) continue;
    SearchClause& clause = clauses.back();
    (piece.excluded ? clause.excluded : clause.required).push_back(std::move(*term));
  }
  return Validate(std::move(clauses));
}

}  // namespace sijill::text
