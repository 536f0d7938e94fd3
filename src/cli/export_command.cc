// sijill export ARCHIVE --format F [--level L] -o OUT: the knowledge layer in one of the
// export formats (export/exporter.h), safe by default: --level public unless told
// otherwise, and a report on stderr of what was withheld or pseudonymized.
#include <fmt/format.h>

#include "base/clock.h"
#include "cli/command.h"
#include "cli/passphrase.h"
#include "export/exporter.h"

namespace sijill::cli {
namespace {

std::string Report(const exporter::ExportReport& r, store::AccessLevel level,
                   const std::string& out) {
  std::string text = fmt::format(
      "exported {} entities, {} claims with {} citations and {} sources to {} "
      "(level {})\n",
      r.entities, r.claims, r.citations, r.sources, out, store::AccessLevelName(level));
  const auto& w = r.withheld;
  if (w.sources) text += fmt::format("withheld: {} source(s) above the level\n", w.sources);
  if (w.citations) text += fmt::format("withheld: {} citation(s) to them\n", w.citations);
  if (w.claims) {
    text += fmt::format("withheld: {} claim(s) with no citation at this level\n", w.claims);
  }
  if (w.aliases) text += fmt::format("withheld: {} alias(es)\n", w.aliases);
  if (w.pseudonymized) {
    text += fmt::format("pseudonymized: {} protected person(s), in every name, quote and note\n",
                        w.pseudonymized);
  }
  if (level != store::AccessLevel::kConfidential &&
      (w.sources || w.citations || w.claims || w.aliases || w.pseudonymized)) {
    text += "a full export (real names, every source) needs --level confidential\n";
  }
  return text;
}

}  // namespace

int RunExport(Console& console, std::span<const std::string> args) {
  CLI::App app{"Export entities, claims and their citations.", "sijill export"};
  ConfigureApp(app);
  std::string dir, format, level_name = "public", out;
  app.add_option("archive", dir, "The archive")->required();
  app.add_option("--format", format, "json, csv, popolo, ftm, graphml or geojson")->required();
  app.add_option("--level", level_name,
                 "public (default), restricted or confidential: sources above it are left "
                 "out, and below confidential protected persons appear by pseudonym");
  app.add_option("-o,--output", out, "The file to write (a directory for csv); must not exist")
      ->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto parsed_format = exporter::ParseFormat(format);
  if (!parsed_format) {
    console.Err(fmt::format(
        "sijill export: --format: '{}' is not a format (json, csv, popolo, ftm, graphml, "
        "geojson)\n",
        format));
    return kExitUsage;
  }
  auto level = store::ParseAccessLevel(level_name);
  if (!level) {
    console.Err(fmt::format(
        "sijill export: --level: '{}' is not a level (public, restricted, confidential)\n",
        level_name));
    return kExitUsage;
  }
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  exporter::ExportOptions options{*parsed_format, *level, base::NowUtc()};
  auto report = exporter::Export((*archive)->store(), options, out);
  if (!report) return Fail(console, report.error());
  console.Err(Report(*report, *level, out));
  return kExitOk;
}

}  // namespace sijill::cli
