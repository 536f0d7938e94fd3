// How claims read on a terminal and in --json: subject, predicate, object by name, the
// role, time and evidence, and each citation's exact words with where they stand.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/status.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::cli {

// Several lines, indented by `indent` spaces:
//   claim 01ab2cd3ef  accepted  commander_of
//     Faisal (person, 01ab..) -> 1st Armored Division (unit, 01cd..)
//     role commander | time ../2012-12-31 | first_hand | medium
//     "Faisal, the commander of the division" (source 01ef..:0, 12..49)
base::Result<std::string> ClaimText(store::Store& store, const knowledge::Claim& claim,
                                    int indent = 0);

// knowledge::ToJson(claim) plus "subject_name" and "object_name".
base::Result<nlohmann::json> ClaimJson(store::Store& store, const knowledge::Claim& claim);

}  // namespace sijill::cli
