#include "export/exporter.h"

#include <algorithm>
#include <array>

#include "export/writers.h"

namespace sijill::exporter {
namespace {

constexpr std::array<std::pair<Format, std::string_view>, 6> kFormats = {{
    {Format::kJson, "json"},
    {Format::kCsv, "csv"},
    {Format::kPopolo, "popolo"},
    {Format::kFtm, "ftm"},
    {Format::kGraphml, "graphml"},
    {Format::kGeojson, "geojson"},
}};

}  // namespace

std::string_view FormatName(Format format) {
  for (const auto& [f, name] : kFormats) {
    if (f == format) return name;
  }
  return "?";
}

std::optional<Format> ParseFormat(std::string_view name) {
  for (const auto& [f, n] : kFormats) {
    if (n == name) return f;
  }
  return std::nullopt;
}

std::vector<std::string> CitedSources(const knowledge::Claim& claim) {
  std::vector<std::string> ids;
  for (const auto& c : claim.citations) {
    std::string id = c.source.ToString();
    if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(std::move(id));
  }
  return ids;
}

base::Status ForEachShownClaim(WriteContext& ctx, Statuses statuses,
                               const std::function<bool(const knowledge::Claim&)>& visit) {
  store::ClaimFilter filter;
  if (statuses == Statuses::kAll) {
    filter.statuses = {knowledge::ClaimStatus::kCandidate, knowledge::ClaimStatus::kAccepted,
                       knowledge::ClaimStatus::kRejected};
  }
  return ctx.store.knowledge().ForEachClaim(filter, [&](const knowledge::Claim& c) {
    auto shown = ctx.view.Show(c);
    if (!shown) return true;
    ++ctx.report.claims;
    ctx.report.citations += shown->citations.size();
    return visit(*shown);
  });
}

base::Status ForEachShownEntity(WriteContext& ctx,
                                const std::function<bool(const knowledge::Entity&)>& visit) {
  return ForEachShownEntity(ctx, std::nullopt, visit);
}

base::Status ForEachShownEntity(WriteContext& ctx, std::optional<knowledge::EntityType> type,
                                const std::function<bool(const knowledge::Entity&)>& visit) {
  return ctx.store.knowledge().ForEachEntity(type, [&](const knowledge::Entity& e) {
    ++ctx.report.entities;
    return visit(ctx.view.Show(e));
  });
}

base::Result<ExportReport> Export(store::Store& store, const ExportOptions& options,
                                  const std::filesystem::path& destination) {
  ASSIGN_OR_RETURN(ExportView view, ExportView::Create(store, options.level));
  auto kind =
      options.format == Format::kCsv ? StagedOutput::Kind::kDirectory : StagedOutput::Kind::kFile;
  ASSIGN_OR_RETURN(auto out, StagedOutput::Create(destination, kind));
  ExportReport report;
  report.sources = view.sources().size();
  WriteContext ctx{store, view, *out, options, report};
  switch (options.format) {
    case Format::kJson:
      TRY(WriteJson(ctx));
      break;
    case Format::kCsv:
      TRY(WriteCsv(ctx));
      break;
    case Format::kPopolo:
      TRY(WritePopolo(ctx));
      break;
    case Format::kFtm:
      TRY(WriteFtm(ctx));
      break;
    case Format::kGraphml:
      TRY(WriteGraphml(ctx));
      break;
    case Format::kGeojson:
      TRY(WriteGeojson(ctx));
      break;
  }
  TRY(out->Commit(view.policy()));
  report.withheld = view.withheld();
  return report;
}

}  // namespace sijill::exporter
