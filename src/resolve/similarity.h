// How alike two names are, token by token, over the phonetic forms of skeleton.h, and
// the ranking of names by that likeness. Pure functions; thread-safe.
//
// Two tokens are compared by a weighted edit distance in which what spellings of one
// name disagree on is cheap (a vowel written or not, 0.3; one vowel for another, 0.2;
// a W/Y/H written or not, 0.5; neighbouring consonants such as K/X or T/D, 0.5) and a
// different consonant costs 1; the similarity is 1 - distance / the longer token's weight.
// Digit tokens match only themselves. A typed token may also be the start of a name's
// token ("Div" for "Division": 0.9 when the spelling is a prefix, 0.8 when the key is).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "resolve/skeleton.h"

namespace sijill::resolve {

// A name with its tokens (Tokenize), analysed once and compared many times.
struct AnalyzedName {
  std::string text;
  std::vector<Token> tokens;
};
AnalyzedName Analyze(std::string_view name);

// How one token of the query was matched to one token of the name, from strongest to
// weakest: the same folded spelling, the same sounds, the same consonant key, a close
// spelling, the start of the name's token.
enum class TokenMatchKind { kSameSpelling, kSameSound, kSameKey, kClose, kPrefix };
std::string_view Describe(TokenMatchKind kind);

struct TokenMatch {
  size_t query_token = 0;
  size_t name_token = 0;
  double score = 0;
  TokenMatchKind kind = TokenMatchKind::kClose;
};

struct NameMatch {
  double score = 0;                // 0..1
  std::vector<TokenMatch> tokens;  // in query token order
};

// 0..1; symmetric; 1 for tokens of one sound.
double TokenSimilarity(const Token& a, const Token& b);

// How well `name` answers `query` as typed: each query token is paired with at most one
// name token (best pairs first, pairs below 0.5 ignored); the score is the mean over the
// query's tokens times 0.9 + 0.1 x the share of the name's tokens paired, so "Haidar"
// finds "Ghassan Haidar" (0.95) just below "Haidar" itself (1). Not symmetric.
NameMatch Compare(const AnalyzedName& query, const AnalyzedName& name);

// The likeness of two names as two entities' names (for merge suggestions): the mean of
// the two directed scores, so that "Haydar" and "Ghassan Haidar" (0.5 one way, 0.95 the
// other) meet at 0.725, below two full spellings of one name.
double MutualSimilarity(const AnalyzedName& a, const AnalyzedName& b);

// "Haydar ~ Haidar (same consonants HDR)" for each paired token, joined by "; ".
std::string Explain(const AnalyzedName& query, const AnalyzedName& name, const NameMatch& m);

struct Ranked {
  size_t index = 0;  // into the names ranked
  NameMatch match;
};

// The names scoring at least `min_score`, best first (ties in input order), at most
// `limit`.
std::vector<Ranked> Rank(const AnalyzedName& query, std::span<const AnalyzedName> names,
                         size_t limit, double min_score = 0);

}  // namespace sijill::resolve
