#include "query/walk.h"

#include <unordered_set>

namespace sijill::query::internal {

base::Result<WalkResult> Walk(const std::vector<std::pair<base::Id, Certainty>>& seeds, int limit,
                              const Expand& expand) {
  WalkResult result;
  // Links kept per node for the second, certain-only pass.
  IdMap<std::vector<std::pair<base::Id, Certainty>>> adjacency;
  std::unordered_set<base::Id, IdHash> claims_seen;
  std::vector<base::Id> frontier;
  for (const auto& [node, certainty] : seeds) {
    if (result.level.emplace(node, 0).second) frontier.push_back(node);
  }
  for (int level = 1; level <= limit && !frontier.empty(); ++level) {
    std::vector<base::Id> next;
    for (const base::Id& node : frontier) {
      ASSIGN_OR_RETURN(auto out, expand(node));
      auto& adjacent = adjacency[node];
      for (auto& [other, edge] : out) {
        adjacent.emplace_back(other, edge.row.certainty);
        if (result.level.emplace(other, level).second) next.push_back(other);
        if (claims_seen.insert(edge.row.claim.id).second) result.links.push_back(std::move(edge));
      }
    }
    frontier = std::move(next);
  }
  frontier.clear();
  // Certain paths: nodes at distance d < limit here are at level <= d in the walk above,
  // so their links were read.
  for (const auto& [node, certainty] : seeds) {
    if (certainty == Certainty::kCertainly && result.certain.emplace(node, true).second) {
      frontier.push_back(node);
    }
  }
  for (int level = 1; level <= limit && !frontier.empty(); ++level) {
    std::vector<base::Id> next;
    for (const base::Id& node : frontier) {
      for (const auto& [other, certainty] : adjacency[node]) {
        if (certainty == Certainty::kCertainly && result.certain.emplace(other, true).second) {
          next.push_back(other);
        }
      }
    }
    frontier = std::move(next);
  }
  return result;
}

}  // namespace sijill::query::internal
