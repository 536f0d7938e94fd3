// Exports of an archive's knowledge layer: lossless JSON, CSV tables, Popolo, FollowTheMoney
// entities, GraphML and GeoJSON (formats and their grammar: docs/formats/knowledge-json.md,
// docs/formats/exports.md). Every export is made at an access level (ExportView says what
// that hides) and written through a StagedOutput, so that the whole output is checked for
// leaks of protected names before anything appears at the destination. Evidence stays in
// every format: each claim carries the ids of its citing sources and its quotes. Records
// are streamed from the store, so memory stays bounded by the sources and, for GeoJSON,
// by the claims located at places. Not thread-safe (one store, one caller).
#pragma once

#include <filesystem>
#include <optional>
#include <string_view>

#include "base/status.h"
#include "export/export_view.h"
#include "store/store.h"

namespace sijill::exporter {

enum class Format { kJson, kCsv, kPopolo, kFtm, kGraphml, kGeojson };

std::string_view FormatName(Format format);  // "json", "csv", "popolo", ...
std::optional<Format> ParseFormat(std::string_view name);

struct ExportOptions {
  Format format = Format::kJson;
  store::AccessLevel level = store::AccessLevel::kPublic;  // safe by default
  // Written into the output's header where the format has one (UTC, ISO 8601).
  std::string exported_at;
};

// How much was written and what was withheld, for the report on stderr.
struct ExportReport {
  uint64_t sources = 0;
  uint64_t entities = 0;
  uint64_t claims = 0;
  uint64_t citations = 0;
  Withheld withheld;
};

// Writes the export of `store` to `destination` (a directory for CSV, one file
// otherwise). Errors: those of ExportView::Create and StagedOutput (kAlreadyExists,
// kPermissionDenied for a would-be leak, kIOError), and the store's. On error nothing is
// left at `destination`.
base::Result<ExportReport> Export(store::Store& store, const ExportOptions& options,
                                  const std::filesystem::path& destination);

}  // namespace sijill::exporter
