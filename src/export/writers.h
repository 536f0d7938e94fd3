// The format writers behind Export (exporter.h); internal to the module. Each writes its
// format to the files it opens on `out`, taking every record through `view`.
#pragma once

#include "export/export_view.h"
#include "export/exporter.h"
#include "export/output.h"
#include "store/store.h"

namespace sijill::exporter {

struct WriteContext {
  store::Store& store;
  ExportView& view;
  StagedOutput& out;
  const ExportOptions& options;
  ExportReport& report;
};

base::Status WriteJson(WriteContext& ctx);
base::Status WriteCsv(WriteContext& ctx);
base::Status WritePopolo(WriteContext& ctx);
base::Status WriteFtm(WriteContext& ctx);
base::Status WriteGraphml(WriteContext& ctx);
base::Status WriteGeojson(WriteContext& ctx);

// Every claim of the statuses a format carries, as `view` shows it (withheld ones
// skipped), counted in ctx.report. `all_statuses`: candidates and rejected claims too
// (the lossless formats), else accepted claims only.
enum class Statuses { kAccepted, kAll };
base::Status ForEachShownClaim(WriteContext& ctx, Statuses statuses,
                               const std::function<bool(const knowledge::Claim&)>& visit);
// Every entity (of `type` if given) as `view` shows it, counted in ctx.report.
base::Status ForEachShownEntity(WriteContext& ctx,
                                const std::function<bool(const knowledge::Entity&)>& visit);
base::Status ForEachShownEntity(WriteContext& ctx, std::optional<knowledge::EntityType> type,
                                const std::function<bool(const knowledge::Entity&)>& visit);

// The source ids of a claim's citations, in order, without repeats.
std::vector<std::string> CitedSources(const knowledge::Claim& claim);

}  // namespace sijill::exporter
