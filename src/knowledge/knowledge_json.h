// Entities, claims and history events as JSON: the lossless form used by the history,
// `--json` output and the JSON export (docs/formats/knowledge-json.md). Keys are sorted;
// absent optional fields are omitted. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>

#include "base/status.h"
#include "knowledge/model.h"

namespace sijill::knowledge {

nlohmann::json ToJson(const Entity& entity);
nlohmann::json ToJson(const Claim& claim);
nlohmann::json ToJson(const Citation& citation);
nlohmann::json ToJson(const HistoryEvent& event);

// The inverse of ToJson. kInvalidArgument naming the field ("claims[3].time: ...") when a
// field is missing, mistyped or invalid; `where` prefixes the message. Values are checked
// with CheckEntity; claims only for their own fields (CheckClaim needs entity types).
base::Result<Entity> EntityFromJson(const nlohmann::json& json, std::string_view where);
base::Result<Claim> ClaimFromJson(const nlohmann::json& json, std::string_view where);

}  // namespace sijill::knowledge
