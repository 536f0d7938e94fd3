// JSON forms of archive records, shared by every command that prints --json.
// Field names are part of the CLI's contract: add fields, never rename them.
#pragma once

#include <nlohmann/json.hpp>

#include "store/records.h"

namespace sijill::cli {

nlohmann::json SourceJson(const store::SourceRecord& s);
nlohmann::json PassageJson(const store::PassageRecord& p);
nlohmann::json SearchHitJson(const store::SearchHit& h);

}  // namespace sijill::cli
