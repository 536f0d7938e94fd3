#include "cli/query_print.h"

#include <fmt/format.h>

#include "cli/claim_text.h"

namespace sijill::cli {

void AddWindowOptions(CLI::App& app, WindowArgs* args) {
  app.add_option("--on", args->on,
                 "A day or any EDTF date (2012-11-01, 2012-10): claims that hold on it");
  app.add_option("--during", args->during,
                 "A period in EDTF (2012, 2012-23, 2012-03/2013-06): claims that hold at some "
                 "time in it");
}

base::Result<query::Window> ReadWindow(const WindowArgs& args) {
  if (args.on && args.during) {
    return base::Error(base::Status::InvalidArgument("give --on or --during, not both"));
  }
  const std::optional<std::string>& given = args.on ? args.on : args.during;
  if (!given) return query::ParseWindow("-9999/9999");
  auto window = query::ParseWindow(*given);
  if (!window) return base::Error(window.error().WithPrefix(args.on ? "--on" : "--during"));
  return window;
}

std::string DescribeWindow(const WindowArgs& args) {
  if (args.on) return "on " + *args.on;
  if (args.during) return "during " + *args.during;
  return "at any time";
}

std::string CitationLines(const knowledge::Claim& claim, int indent) {
  std::string pad(static_cast<size_t>(indent), ' ');
  std::string out;
  for (const auto& c : claim.citations) {
    out += fmt::format("{}\"{}\" (source {}:{})\n", pad, c.quote, c.source.Short(), c.passage);
  }
  return out;
}

std::string TimeText(const query::ClaimRow& row) {
  if (!row.claim.time) return "time unknown";
  return fmt::format("{} ({} to {})", *row.claim.time, query::FormatDay(row.bounds.earliest),
                     query::FormatDay(row.bounds.latest));
}

base::Result<nlohmann::json> RowJson(store::Store& store, const query::ClaimRow& row) {
  ASSIGN_OR_RETURN(auto claim, ClaimJson(store, row.claim));
  return nlohmann::json{{"certainty", query::Name(row.certainty)},
                        {"earliest", query::FormatDay(row.bounds.earliest)},
                        {"latest", query::FormatDay(row.bounds.latest)},
                        {"claim", std::move(claim)}};
}

nlohmann::json EntityRef(const knowledge::Entity& e) {
  return {{"id", e.id.ToString()}, {"type", knowledge::Name(e.type)}, {"name", e.name}};
}

}  // namespace sijill::cli
