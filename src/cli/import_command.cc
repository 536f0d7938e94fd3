// sijill import ARCHIVE FILE: reads a JSON export (a .json file) or a CSV export (its
// directory or one of its .csv tables) into the archive, whole or not at all
// (export/importer.h).
#include <fmt/format.h>

#include <filesystem>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "export/importer.h"

namespace sijill::cli {

int RunImport(Console& console, std::span<const std::string> args) {
  CLI::App app{"Import entities and claims from a JSON or CSV export of another archive.",
               "sijill import"};
  ConfigureApp(app);
  std::string dir, file;
  app.add_option("archive", dir, "The archive, which must hold every cited source")->required();
  app.add_option("file", file, "A .json export, or a CSV export's directory or .csv file")
      ->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(file, ec)) return Fail(console, base::Status::NotFound(file + ": no such file"));
  bool csv = fs::is_directory(file, ec) || fs::path(file).extension() == ".csv";
  auto data = csv ? exporter::ReadCsvExport(file) : exporter::ReadJsonExport(file);
  if (!data) return Fail(console, data.error());
  auto archive = OpenArchive(dir, store::OpenMode::kReadWrite, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto report = exporter::Import((*archive)->store(), *data, curate::Actor::Now());
  if (!report) {
    console.Err(fmt::format("sijill: error: {}\nnothing was imported\n", report.error().message()));
    return kExitFailed;
  }
  std::string text = fmt::format("imported {} entities ({} merges) and {} claims from {}\n",
                                 report->entities, report->merges, report->claims, file);
  if (report->sources_matched_by_sha256) {
    text += fmt::format("{} source(s) matched by SHA-256 under another id\n",
                        report->sources_matched_by_sha256);
  }
  console.Err(text);
  return kExitOk;
}

}  // namespace sijill::cli
