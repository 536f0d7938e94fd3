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
constexpr int64_t kRowsPerToken = 1000;
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

void BindType(Statement& s, int index, std::optional<knowledge::EntityType> type) {
  if (type)
    s.Bind(index, knowledge::Name(*type));
  else
    s.BindNull(index);
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

// The entities (of `type`) with a name that has the key `key`, at most `limit`.
base::Result<std::vector<int64_t>> ByExactKey(Connection& conn, const std::string& key,
                                              std::optional<knowledge::EntityType> type,
                                              int64_t limit) {
  std::vector<int64_t> out;
  if (key.empty()) return out;
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT DISTINCT t.entity FROM entity_name_tokens t JOIN "
                                        "entities e ON e.rowid = t.entity WHERE t.token = ?1 AND "
                                        "(?2 IS NULL OR e.type = ?2) LIMIT ?3"));
  s.Bind(1, key).Bind(3, limit);
  BindType(s, 2, type);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(s.Int(0));
  }
  return out;
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
  std::vector<Lookup> lookups;
  for (const auto& t : resolve::Tokenize(name)) {
    if (lookups.size() == kMaxTokens) break;
    Lookup l = LookupFor(t);
    const bool seen = std::any_of(lookups.begin(), lookups.end(),
                                  [&](const Lookup& o) { return o.lo == l.lo && o.hi == l.hi; });
    if (!seen) lookups.push_back(std::move(l));
  }
  ASSIGN_OR_RETURN(auto range,
                   conn.Prepare("SELECT t.entity FROM entity_name_tokens t JOIN entities e ON "
                                "e.rowid = t.entity WHERE t.token >= ?1 AND t.token < ?2 AND "
                                "(?3 IS NULL OR e.type = ?3) LIMIT ?4"));
  for (auto& l : lookups) {
    range.Reset();
    range.Bind(1, l.lo).Bind(2, l.hi).Bind(4, kRowsPerToken);
    BindType(range, 3, type);
    int64_t rows = 0;
    while (true) {
      ASSIGN_OR_RETURN(bool row, range.Step());
      if (!row) break;
      ++rows;
      l.entities.insert(range.Int(0));
    }
    l.capped = rows >= kRowsPerToken;
  }
  // Every candidate, with the number of typed tokens its names have; a whole name's
  // match counts above all of them.
  std::map<int64_t, size_t> hits;
  ASSIGN_OR_RETURN(auto whole, ByExactKey(conn, resolve::WholeKey(name), type, kRowsPerToken));
  for (int64_t e : whole) hits[e] += kWholeWeight;
  for (const auto& pair : resolve::PairKeys(name)) {
    ASSIGN_OR_RETURN(auto paired, ByExactKey(conn, pair, type, kRowsPerToken));
    for (int64_t e : paired) hits[e] += kPairWeight;
  }
  for (const auto& l : lookups) {
    for (int64_t e : l.entities) ++hits[e];
  }
  ASSIGN_OR_RETURN(auto member, conn.Prepare("SELECT 1 FROM entity_name_tokens INDEXED BY "
                                             "entity_name_tokens_entity WHERE entity = ?3 AND "
                                             "token >= ?1 AND token < ?2 LIMIT 1"));
  for (const auto& l : lookups) {
    if (!l.capped || hits.size() > kMaxChecked) continue;
    for (auto& [entity, count] : hits) {
      if (l.entities.count(entity) != 0) continue;
      member.Reset();
      member.Bind(1, l.lo).Bind(2, l.hi).Bind(3, entity);
      ASSIGN_OR_RETURN(bool row, member.Step());
      if (row) ++count;
    }
  }
  std::vector<std::pair<int64_t, size_t>> order(hits.begin(), hits.end());
  std::stable_sort(order.begin(), order.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::vector<int64_t> out;
  for (size_t i = 0; i < order.size() && i < limit; ++i) out.push_back(order[i].first);
  return out;
}

}  // namespace sijill::store::sqlite
