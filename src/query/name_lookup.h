// Which entities a typed name may mean, across spellings and scripts, and which entities
// may be one and the same: the store's candidates (KnowledgeStore::FindEntitiesByNameTokens,
// an indexed lookup by resolve keys) ranked by resolve's similarity. No SQL.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "knowledge/model.h"
#include "resolve/similarity.h"
#include "store/knowledge_store.h"

namespace sijill::query {

// One entity a typed name may mean, and why: the best of its names.
struct NameCandidate {
  knowledge::Entity entity;
  std::string matched_name;  // the canonical name or the alias that matched best
  bool alias = false;        // whether matched_name is an alias
  double score = 0;          // resolve::Compare(typed, matched_name), 0..1
  std::string how;           // resolve::Explain, "haydar ~ haidar (same sounds)"
};

// The entities (of `type` if given; merged ones included, as the store keeps them) whose
// best name scores at least `min_score` against `typed`, best first (ties: the order the
// store gave), at most `limit`. Reads at most a fixed number of candidates from the store,
// so its cost does not grow with the number of names.
base::Result<std::vector<NameCandidate>> LookupName(store::KnowledgeStore& store,
                                                    std::string_view typed,
                                                    std::optional<knowledge::EntityType> type,
                                                    size_t limit, double min_score);

// Two entities of one type, in different merge groups, that may be one.
struct MergeSuggestion {
  knowledge::Entity first, second;      // first was added before second
  double score = 0;                     // resolve::MutualSimilarity of their closest names
  std::string first_name, second_name;  // those names
  std::string how;                      // resolve::Explain of second_name against first_name
  // Units, places or events both are linked to by claims of one predicate ("commander_of
  // 47th Brigade"), as "predicate name".
  std::vector<std::string> shared;
};

// Pairs whose names score at least `min_score`, or at least `min_score` - 0.1 when they
// share a link (a name and a shared unit say more than the name alone), best first, at
// most `limit`. Merged entities are left out (their group's root stands for them). Each
// entity's names are looked up once.
base::Result<std::vector<MergeSuggestion>> SuggestMerges(store::KnowledgeStore& store,
                                                         std::optional<knowledge::EntityType> type,
                                                         size_t limit, double min_score);

}  // namespace sijill::query
