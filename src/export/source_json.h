// A source's metadata as JSON, the "sources" records of the JSON export
// (docs/formats/knowledge-json.md): everything of store::SourceRecord, never the file or
// its text. Thread-safe.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

#include "base/status.h"
#include "store/records.h"

namespace sijill::exporter {

nlohmann::json SourceToJson(const store::SourceRecord& source);
// The inverse; kInvalidArgument "<where>.<field>: ..." for a missing or mistyped field.
base::Result<store::SourceRecord> SourceFromJson(const nlohmann::json& json,
                                                 std::string_view where);

}  // namespace sijill::exporter
