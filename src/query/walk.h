// Internal to the query module: the level-by-level walk shared by chains of command
// (subordinate_to links) and places within places (located_at links).
#pragma once

#include <functional>
#include <utility>
#include <vector>

#include "base/id.h"
#include "base/status.h"
#include "query/entity_cache.h"
#include "query/rows.h"

namespace sijill::query::internal {

// The links out of `node` that hold in the window: the node each leads to (a
// merge-group root) and the claim, as an EdgeRow oriented as the claim is.
using Expand =
    std::function<base::Result<std::vector<std::pair<base::Id, EdgeRow>>>(const base::Id& node)>;

struct WalkResult {
  IdMap<int> level;            // every node reached: its fewest links from a seed (seeds 0)
  IdMap<bool> certain;         // nodes a certain path of at most `limit` links reaches
                               // from a certain seed (seeds included)
  std::vector<EdgeRow> links;  // every link out of a node of level < limit, each claim once
};

// Walks breadth-first from `seeds` (node, certainty) at most `limit` links deep.
// Expands each node once, so cycles end.
base::Result<WalkResult> Walk(const std::vector<std::pair<base::Id, Certainty>>& seeds, int limit,
                              const Expand& expand);

}  // namespace sijill::query::internal
