// JSON forms of archive records, shared by every command that prints --json.
// Field names are part of the CLI's contract: add fields, never rename them.
#pragma once

#include <nlohmann/json.hpp>

#include "store/records.h"

namespace sijill::cli {

nlohmann::json SourceJson(const store::SourceRecord& s);
nlohmann::json PassageJson(const store::PassageRecord& p);
nlohmann::json SearchHitJson(const store::SearchHit& h);

// Serializes `j` followed by a newline. Bytes that are not UTF-8 (a file name in a
// legacy encoding) become U+FFFD instead of aborting the output. indent < 0: one line.
std::string DumpJson(const nlohmann::json& j, int indent = 2);

}  // namespace sijill::cli
