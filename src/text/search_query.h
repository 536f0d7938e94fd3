// The search syntax people type, parsed into a small tree that a search index
// (store/) renders into its own engine's syntax. Accepted:
//   words            all must occur (AND)
//   "a phrase"       consecutive words
//   word*            prefix (at least 2 characters before the star)
//   a OR b           either side (OR binds looser than the implicit AND)
//   -word, -"a b"    excluded
// Anything else is text: punctuation, stray quotes, parentheses, ^, :, NEAR, AND, NOT
// are never engine syntax. Every term is already tokenized and folded, so an index
// matches it against keys made by text::TokenCursor. Pure; thread-safe.
// Details: words are separated by white space and quotes. A word that tokenizes into
// several tokens ("al-Sabbagh", "Dar'a") is a phrase term; a word of punctuation only
// is dropped. Quotes are " “ ” „ ‟ « », and any of them closes a phrase. "OR" must be
// upper case and a word of its own; an OR with nothing on one side is ignored. The '*'
// of a prefix must follow the word (or the last word of a phrase) directly, and the
// folded prefix must have two or more code points ("مُ*" has one); otherwise the star
// is punctuation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::text {

struct SearchTerm {
  std::vector<std::string> tokens;  // folded keys; >1 means a phrase
  bool prefix = false;              // last token is a prefix
};

// One alternative of an OR: every `required` term and none of the `excluded` ones.
struct SearchClause {
  std::vector<SearchTerm> required;
  std::vector<SearchTerm> excluded;
};

struct SearchQuery {
  std::vector<SearchClause> any_of;  // never empty in a parsed query
};

// Parses a query. Errors (kInvalidArgument), with a message fit to show the user:
//   "the query is empty" / "the query has no words to search for" (only punctuation),
//   "every word is excluded: add a word to search for" (a clause with only -terms).
// An unclosed quote closes at the end of the query. Bytes that are not valid UTF-8 are
// read as spaces.
base::Result<SearchQuery> ParseSearchQuery(std::string_view query);

}  // namespace sijill::text
