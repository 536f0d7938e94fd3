// How `sijill eval` shows a Score: a table for people and one JSON object with every
// count for scripts. Pure functions.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "eval/score.h"

namespace sijill::eval {

// {"files", "entities": {"person": {gold, predicted, matched, precision, recall, f1},
// ..., "overall": {...}}, "dates": {gold, found, normalized, found_rate,
// normalized_rate}, "claims": {gold, predicted, matched, precision, recall, f1,
// evidence_agreed, evidence_agreement}, "person_unit_posts": {gold, predicted, matched,
// precision, recall, f1}}. Rates are 0 where their denominator is 0.
nlohmann::json ScoreJson(const Score& score);

// The same counts as a table, one row per entity type, then dates and claims.
std::string ScoreTable(const Score& score);

}  // namespace sijill::eval
