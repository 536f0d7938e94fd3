// What the query commands share: the time window options (--on / --during), and how rows
// print — certainty apart, each claim with the witnesses' exact words.
#pragma once

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "base/status.h"
#include "query/queries.h"
#include "store/store.h"

namespace sijill::cli {

struct WindowArgs {
  std::optional<std::string> on, during;
};
// Adds --on DATE and --during PERIOD (both EDTF; the same overlap semantics).
void AddWindowOptions(CLI::App& app, WindowArgs* args);
// The window given, or every day ("at any time") when neither was. kInvalidArgument
// "--on: ..." for a value that is not EDTF, or when both are given.
base::Result<query::Window> ReadWindow(const WindowArgs& args);
// "on 2012-11-01", "during 2012", "at any time".
std::string DescribeWindow(const WindowArgs& args);

// The citation lines of a claim: `"quote" (source 01ab..:3)`, indented.
std::string CitationLines(const knowledge::Claim& claim, int indent);
// A claim's time and its day bounds: "../2012-12-31 (.. to 2012-12-31)", "unknown".
std::string TimeText(const query::ClaimRow& row);

// JSON of a claim row: {"certainty", "earliest", "latest", "claim": ClaimJson}.
base::Result<nlohmann::json> RowJson(store::Store& store, const query::ClaimRow& row);
// {"id", "type", "name"} of an entity.
nlohmann::json EntityRef(const knowledge::Entity& entity);

}  // namespace sijill::cli
