#include "resolve/similarity.h"

#include <fmt/format.h>

#include <algorithm>

#include "resolve/phonetic_internal.h"

namespace sijill::resolve {
namespace {

using internal::IsVowel;

constexpr double kPairFloor = 0.5;

bool IsGlide(char c) { return c == 'W' || c == 'Y' || c == 'H'; }

double IndelCost(char c) {
  if (IsVowel(c)) return 0.2;
  if (IsGlide(c)) return 0.5;
  return 1.0;
}

bool Near(char a, char b) {
  static constexpr std::string_view kPairs[] = {"KX", "XH", "KJ", "SC", "SZ", "ZJ", "CJ",
                                                "TD", "DZ", "TS", "BF", "KC", "HA"};
  for (auto p : kPairs) {
    if ((p[0] == a && p[1] == b) || (p[0] == b && p[1] == a)) return true;
  }
  return false;
}

double SubstituteCost(char a, char b) {
  if (a == b) return 0;
  if (IsVowel(a) && IsVowel(b)) return 0.2;
  if ((a == 'W' && b == 'U') || (a == 'U' && b == 'W') || (a == 'Y' && b == 'I') ||
      (a == 'I' && b == 'Y')) {
    return 0.2;
  }
  if (Near(a, b)) return 0.5;
  return 1.0;
}

double Weight(std::string_view s) {
  double w = 0;
  for (char c : s) w += IndelCost(c);
  return w;
}

double EditDistance(std::string_view a, std::string_view b) {
  std::vector<double> prev(b.size() + 1), cur(b.size() + 1);
  prev[0] = 0;
  for (size_t j = 1; j <= b.size(); ++j) prev[j] = prev[j - 1] + IndelCost(b[j - 1]);
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = prev[0] + IndelCost(a[i - 1]);
    for (size_t j = 1; j <= b.size(); ++j) {
      cur[j] = std::min({prev[j] + IndelCost(a[i - 1]), cur[j - 1] + IndelCost(b[j - 1]),
                         prev[j - 1] + SubstituteCost(a[i - 1], b[j - 1])});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

TokenMatch Pair(const Token& q, const Token& n) {
  TokenMatch m;
  if (q.folded == n.folded) {
    m.score = 1;
    m.kind = TokenMatchKind::kSameSpelling;
  } else {
    m.score = TokenSimilarity(q, n);
    m.kind = q.phonetic == n.phonetic ? TokenMatchKind::kSameSound
             : q.key == n.key         ? TokenMatchKind::kSameKey
                                      : TokenMatchKind::kClose;
  }
  if (q.numeric || n.numeric || m.score >= 0.9) return m;
  double prefix = 0;
  if (q.folded.size() >= 3 && n.folded.starts_with(q.folded)) {
    prefix = 0.9;
  } else if (q.key.size() >= 2 && n.key.size() > q.key.size() && n.key.starts_with(q.key)) {
    prefix = 0.8;
  }
  if (prefix > m.score) {
    m.score = prefix;
    m.kind = TokenMatchKind::kPrefix;
  }
  return m;
}

}  // namespace

AnalyzedName Analyze(std::string_view name) { return {std::string(name), Tokenize(name)}; }

std::string_view Describe(TokenMatchKind kind) {
  switch (kind) {
    case TokenMatchKind::kSameSpelling:
      return "same spelling";
    case TokenMatchKind::kSameSound:
      return "same sounds";
    case TokenMatchKind::kSameKey:
      return "same consonants";
    case TokenMatchKind::kClose:
      return "close spelling";
    case TokenMatchKind::kPrefix:
      return "start of the word";
  }
  return "";
}

double TokenSimilarity(const Token& a, const Token& b) {
  if (a.numeric || b.numeric) return a.phonetic == b.phonetic ? 1.0 : 0.0;
  if (a.phonetic == b.phonetic) return 1.0;
  const double longer = std::max(Weight(a.phonetic), Weight(b.phonetic));
  if (longer == 0) return 0;
  return std::max(0.0, 1.0 - EditDistance(a.phonetic, b.phonetic) / longer);
}

NameMatch Compare(const AnalyzedName& query, const AnalyzedName& name) {
  NameMatch result;
  if (query.tokens.empty() || name.tokens.empty()) return result;
  std::vector<TokenMatch> pairs;
  for (size_t i = 0; i < query.tokens.size(); ++i) {
    for (size_t j = 0; j < name.tokens.size(); ++j) {
      TokenMatch m = Pair(query.tokens[i], name.tokens[j]);
      m.query_token = i;
      m.name_token = j;
      if (m.score >= kPairFloor) pairs.push_back(m);
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(),
                   [](const TokenMatch& a, const TokenMatch& b) { return a.score > b.score; });
  std::vector<bool> query_used(query.tokens.size()), name_used(name.tokens.size());
  double sum = 0;
  for (const auto& m : pairs) {
    if (query_used[m.query_token] || name_used[m.name_token]) continue;
    query_used[m.query_token] = name_used[m.name_token] = true;
    sum += m.score;
    result.tokens.push_back(m);
  }
  std::sort(result.tokens.begin(), result.tokens.end(),
            [](const TokenMatch& a, const TokenMatch& b) { return a.query_token < b.query_token; });
  const double paired = static_cast<double>(result.tokens.size());
  result.score = sum / static_cast<double>(query.tokens.size()) *
                 (0.9 + 0.1 * paired / static_cast<double>(name.tokens.size()));
  return result;
}

double MutualSimilarity(const AnalyzedName& a, const AnalyzedName& b) {
  return (Compare(a, b).score + Compare(b, a).score) / 2;
}

std::string Explain(const AnalyzedName& query, const AnalyzedName& name, const NameMatch& m) {
  std::string out;
  for (const auto& t : m.tokens) {
    const Token& q = query.tokens[t.query_token];
    const Token& n = name.tokens[t.name_token];
    if (!out.empty()) out += "; ";
    out += fmt::format("{} ~ {} ({}", q.folded, n.folded, Describe(t.kind));
    if (t.kind == TokenMatchKind::kSameKey) out += " " + n.key;
    if (t.kind == TokenMatchKind::kClose) out += fmt::format(" {:.2f}", t.score);
    out += ")";
  }
  return out;
}

std::vector<Ranked> Rank(const AnalyzedName& query, std::span<const AnalyzedName> names,
                         size_t limit, double min_score) {
  std::vector<Ranked> ranked;
  for (size_t i = 0; i < names.size(); ++i) {
    NameMatch m = Compare(query, names[i]);
    if (m.score >= min_score && m.score > 0) ranked.push_back({i, std::move(m)});
  }
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const Ranked& a, const Ranked& b) { return a.match.score > b.match.score; });
  if (ranked.size() > limit) ranked.resize(limit);
  return ranked;
}

}  // namespace sijill::resolve
