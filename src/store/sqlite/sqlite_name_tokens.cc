#include "store/sqlite/sqlite_name_tokens.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

#include "resolve/skeleton.h"

namespace sijill::store::sqlite {
namespace {

// Rows read per typed token; beyond it the token is too common to list candidates and
// only confirms the candidates of rarer tokens.
constexpr int64_t kRowsPerToken = 300;
// Typed tokens looked up; a name longer than this is cut.
constexpr size_t kMaxTokens = 8;
// Candidates checked one by one against a token too common to list; with more, the
// tokens' own rows (and the pair and whole keys) decide alone.
constexpr size_t kMaxChecked = 200;
// What a shared whole key and a shared pair of tokens count, against 1 for a token.
constexpr size_t kWholeWeight = 1000;
constexpr size_t kPairWeight = 10;
// Sorts after every key that starts with the same bytes (U+10FFFF in UTF-8).
constexpr std::string_view kAfterAll = "\xF4\x8F\xBF\xBF";

struct Lookup {
  std::string lo, hi;  // the token range [lo, hi)
  std::set<int64_t> entities;
  bool capped = false;
};

Lookup LookupFor(const resolve::Token& t) {
  Lookup l;
  l.lo = t.key;
  const bool prefix = !t.numeric && t.key.size() >= 2;
  l.hi = prefix ? t.key + std::string(kAfterAll) : t.key + std::string(1, '\0');
  return l;
}

// Inserts the token keys and the whole key of one name with the prepared `ins`.
base::Status InsertKeys(Statement& ins, int64_t entity, int64_t ordinal, std::string_view name) {
  std::vector<std::string> keys = resolve::TokenKeys(name);
  if (std::string whole = resolve::WholeKey(name); !whole.empty()) keys.push_back(whole);
  for (auto& pair : resolve::PairKeys(name)) keys.push_back(std::move(pair));
  for (const auto& key : keys) {
    ins.Reset();
    ins.Bind(1, key).Bind(2, entity).Bind(3, ordinal);
    TRY(ins.Run());
  }
  return base::Status::Ok();
}

// The range read of every lookup: the entities with a key in [?1, ?2), of type ?3 when
// `typed` (the join costs a lookup per row, so it is left out when no type is asked).
base::Result<Statement> RangeStatement(Connection& conn, bool typed) {
  return conn.Prepare(typed ? "SELECT t.entity FROM entity_name_tokens t JOIN entities e ON "
                              "e.rowid = t.entity WHERE t.token >= ?1 AND t.token < ?2 AND "
                              "e.type = ?3 LIMIT ?4"
                            : "SELECT t.entity FROM entity_name_tokens t WHERE t.token >= ?1 "
                              "AND t.token < ?2 LIMIT ?4");
}

// The entities `range` finds for keys in [lo, hi); sets *capped if it read kRowsPerToken.
base::Result<std::set<int64_t>> ReadRange(Statement& range, std::string_view lo,
                                          std::string_view hi,
                                          std::optional<knowledge::EntityType> type, bool* capped) {
  range.Reset();
  range.Bind(1, lo).Bind(2, hi).Bind(4, kRowsPerToken);
  if (type) range.Bind(3, knowledge::Name(*type));
  std::set<int64_t> out;
  int64_t rows = 0;
  while (true) {
    ASSIGN_OR_RETURN(bool row, range.Step());
    if (!row) break;
    ++rows;
    out.insert(range.Int(0));
  }
  if (capped != nullptr) *capped = rows >= kRowsPerToken;
  return out;
}

// The lookups of `name`'s distinct tokens, at most kMaxTokens.
std::vector<Lookup> LookupsOf(std::string_view name) {
  std::vector<Lookup> lookups;
  for (const auto& t : resolve::Tokenize(name)) {
    if (lookups.size() == kMaxTokens) break;
    Lookup l = LookupFor(t);
    const bool seen = std::any_of(lookups.begin(), lookups.end(),
                                  [&](const Lookup& o) { return o.lo == l.lo && o.hi == l.hi; });
    if (!seen) lookups.push_back(std::move(l));
  }
  return lookups;
}

// Adds to *hits, for each candidate found by a rarer key (a word that did not reach
// kRowsPerToken, a pair, the whole name), the capped words it also has, checked one by one
// when there are few enough such candidates.
base::Status CheckCappedTokens(Connection& conn, const std::vector<Lookup>& lookups,
                               std::map<int64_t, size_t>* hits) {
  std::set<int64_t> rare;
  for (const auto& [entity, count] : *hits) {
    if (count >= kPairWeight) rare.insert(entity);
  }
  for (const auto& l : lookups) {
    if (!l.capped) rare.insert(l.entities.begin(), l.entities.end());
  }
  if (rare.size() > kMaxChecked) return base::Status::Ok();
  ASSIGN_OR_RETURN(auto member, conn.Prepare("SELECT 1 FROM entity_name_tokens INDEXED BY "
                                             "entity_name_tokens_entity WHERE entity = ?3 AND "
                                             "token >= ?1 AND token < ?2 LIMIT 1"));
  for (const auto& l : lookups) {
    if (!l.capped) continue;
    for (int64_t entity : rare) {
      if (l.entities.count(entity) != 0) continue;
      member.Reset();
      member.Bind(1, l.lo).Bind(2, l.hi).Bind(3, entity);
      ASSIGN_OR_RETURN(bool row, member.Step());
      if (row) ++(*hits)[entity];
    }
  }
  return base::Status::Ok();
}

}  // namespace

base::Status WriteNameTokens(Connection& conn, int64_t rowid, const knowledge::Entity& e) {
  ASSIGN_OR_RETURN(auto del, conn.Prepare("DELETE FROM entity_name_tokens WHERE entity = ?1"));
  del.Bind(1, rowid);
  TRY(del.Run());
  ASSIGN_OR_RETURN(auto ins, conn.Prepare("INSERT OR IGNORE INTO entity_name_tokens (token, "
                                          "entity, ordinal) VALUES (?1, ?2, ?3)"));
  TRY(InsertKeys(ins, rowid, 0, e.name));
  for (size_t i = 0; i < e.aliases.size(); ++i) {
    TRY(InsertKeys(ins, rowid, static_cast<int64_t>(i + 1), e.aliases[i].name));
  }
  return base::Status::Ok();
}

base::Status BackfillNameTokens(Connection& conn) {
  ASSIGN_OR_RETURN(auto names, conn.Prepare("SELECT entity, ordinal, name FROM entity_names"));
  ASSIGN_OR_RETURN(auto ins, conn.Prepare("INSERT OR IGNORE INTO entity_name_tokens (token, "
                                          "entity, ordinal) VALUES (?1, ?2, ?3)"));
  while (true) {
    ASSIGN_OR_RETURN(bool row, names.Step());
    if (!row) break;
    TRY(InsertKeys(ins, names.Int(0), names.Int(1), names.Text(2)));
  }
  return base::Status::Ok();
}

base::Result<std::vector<int64_t>> FindNameTokenCandidates(
    Connection& conn, std::string_view name, std::optional<knowledge::EntityType> type,
    size_t limit) {
  ASSIGN_OR_RETURN(auto range, RangeStatement(conn, type.has_value()));
  // The whole name and its pairs of words first: they are precise whatever the words.
  std::map<int64_t, size_t> hits;
  std::vector<std::pair<std::string, size_t>> exact;
  if (std::string whole = resolve::WholeKey(name); !whole.empty()) {
    exact.push_back({std::move(whole), kWholeWeight});
  }
  for (auto& pair : resolve::PairKeys(name)) exact.push_back({std::move(pair), kPairWeight});
  for (const auto& [key, weight] : exact) {
    ASSIGN_OR_RETURN(auto found, ReadRange(range, key, key + std::string(1, '\0'), type, nullptr));
    for (int64_t e : found) hits[e] += weight;
  }
  // Single words (and word starts) only when those leave room: a word counts less than a
  // pair, so its entities would come after them.
  if (hits.size() < limit) {
    std::vector<Lookup> lookups = LookupsOf(name);
    for (auto& l : lookups) {
      ASSIGN_OR_RETURN(l.entities, ReadRange(range, l.lo, l.hi, type, &l.capped));
      for (int64_t e : l.entities) ++hits[e];
    }
    TRY(CheckCappedTokens(conn, lookups, &hits));
  }
  std::vector<std::pair<int64_t, size_t>> order(hits.begin(), hits.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<int64_t> out;
  for (size_t i = 0; i < order.size() && i < limit; ++i) out.push_back(order[i].first);
  return out;
}

}  // namespace sijill::store::sqlite
