#include "query/queries.h"

#include <algorithm>
#include <utility>

#include "knowledge/model.h"
#include "query/entity_cache.h"
#include "query/query_internal.h"
#include "time/relations.h"

namespace sijill::query {
namespace internal {

store::ClaimFilter Filter(const QueryOptions& options,
                          std::optional<knowledge::Predicate> predicate) {
  store::ClaimFilter filter;
  filter.predicate = predicate;
  filter.statuses = {knowledge::ClaimStatus::kAccepted};
  if (options.statuses == Statuses::kWithCandidates) {
    filter.statuses.push_back(knowledge::ClaimStatus::kCandidate);
  }
  return filter;
}

base::Result<std::vector<ClaimRow>> Holding(store::KnowledgeStore& store,
                                            const store::ClaimFilter& filter,
                                            const time::Bounds& window) {
  ASSIGN_OR_RETURN(std::vector<knowledge::Claim> claims, store.FindClaims(filter));
  std::vector<ClaimRow> rows;
  for (knowledge::Claim& claim : claims) {
    ASSIGN_OR_RETURN(time::Bounds bounds, ClaimBounds(claim.time));
    std::optional<Certainty> holds = HoldsIn(bounds, window);
    if (holds) rows.push_back(ClaimRow{std::move(claim), bounds, *holds});
  }
  return rows;
}

bool RowBefore(const ClaimRow& a, const ClaimRow& b) {
  if (a.certainty != b.certainty) return a.certainty == Certainty::kCertainly;
  int c = CompareByEarliest(a.bounds, b.bounds);
  if (c != 0) return c < 0;
  return a.claim.id < b.claim.id;
}

}  // namespace internal

Queries::Queries(store::KnowledgeStore& store, QueryOptions options)
    : store_(store), options_(options) {}

namespace {

std::string RoleKey(const CommanderRow& row) { return knowledge::NameKey(row.role); }

// Flags pairs of rows that put two commander groups in one post on a certain day.
void FlagConflicts(std::vector<CommanderRow>& rows) {
  std::vector<std::string> keys;
  for (const CommanderRow& row : rows) keys.push_back(RoleKey(row));
  for (size_t i = 0; i < rows.size(); ++i) {
    for (size_t j = i + 1; j < rows.size(); ++j) {
      if (rows[i].commander.id == rows[j].commander.id || keys[i] != keys[j]) continue;
      if (time::Overlaps(rows[i].row.bounds, rows[j].row.bounds) != time::Answer::kCertainly) {
        continue;
      }
      rows[i].conflicts.push_back(rows[j].row.claim.id);
      rows[j].conflicts.push_back(rows[i].row.claim.id);
    }
  }
  for (CommanderRow& row : rows) std::sort(row.conflicts.begin(), row.conflicts.end());
}

}  // namespace

base::Result<std::vector<CommanderRow>> Queries::WhoCommanded(const base::Id& unit,
                                                              const Window& window) {
  EntityCache cache(store_);
  ASSIGN_OR_RETURN(const knowledge::Entity* entity, cache.Get(unit));
  TRY(CheckType(*entity, knowledge::EntityType::kUnit, "who-commanded"));
  store::ClaimFilter filter = internal::Filter(options_, knowledge::Predicate::kCommanderOf);
  filter.object = unit;
  ASSIGN_OR_RETURN(std::vector<ClaimRow> claims, internal::Holding(store_, filter, window.bounds));
  std::vector<CommanderRow> rows;
  for (ClaimRow& claim : claims) {
    ASSIGN_OR_RETURN(const knowledge::Entity* commander, cache.Root(claim.claim.subject));
    CommanderRow row;
    row.role = claim.claim.role.value_or("commander");
    row.rank = claim.claim.rank;
    row.commander = *commander;
    row.row = std::move(claim);
    rows.push_back(std::move(row));
  }
  FlagConflicts(rows);
  std::sort(rows.begin(), rows.end(), [](const CommanderRow& a, const CommanderRow& b) {
    return internal::RowBefore(a.row, b.row);
  });
  return rows;
}

}  // namespace sijill::query
