// Internal to the query module: reading claims with their bounds, and the row order
// queries share.
#pragma once

#include <optional>
#include <vector>

#include "base/status.h"
#include "query/queries.h"
#include "query/rows.h"
#include "store/knowledge_store.h"

namespace sijill::query::internal {

// A filter for `predicate` (nullopt: any) with the statuses the options admit.
store::ClaimFilter Filter(const QueryOptions& options,
                          std::optional<knowledge::Predicate> predicate);

// FindClaims(filter), each claim with its bounds and how it holds in `window`; claims
// that do not hold are left out.
base::Result<std::vector<ClaimRow>> Holding(store::KnowledgeStore& store,
                                            const store::ClaimFilter& filter,
                                            const time::Bounds& window);

// The row order of answers: certainly first, then CompareByEarliest, then claim id.
bool RowBefore(const ClaimRow& a, const ClaimRow& b);

// A claim or entity id as the tie-breaker of every order.
inline bool IdBefore(const base::Id& a, const base::Id& b) { return a < b; }

}  // namespace sijill::query::internal
