// What did not match in one file, for people tuning an extractor (`sijill eval
// --details`): gold entities and claims nothing predicted matched, and predictions that
// matched no gold. Pure functions; thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "eval/score.h"

namespace sijill::eval {

struct Misses {
  std::string source;                        // the gold's source file name
  std::vector<std::string> missed_entities;  // "person 'Abu Karam' [Abu Karam]"
  std::vector<std::string> extra_entities;   // "unit '2nd Battalion' [our battalion]"
  std::vector<std::string> missed_claims;    // "Haidar commander_of 47th Brigade: “quote”"
  std::vector<std::string> extra_claims;     // "Haidar member_of 47th Brigade"
};

// `entities` and `claims` are this file's scores (ScoreEntities, ScoreClaims).
Misses FindMisses(const Gold& gold, const Predictions& predictions, const EntityScore& entities,
                  const ClaimScore& claims);

std::string MissesText(const Misses& misses);
nlohmann::json MissesJson(const Misses& misses);

}  // namespace sijill::eval
