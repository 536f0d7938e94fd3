#include <fmt/format.h>

#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "store/archive.h"

namespace sijill::cli {

int RunSources(Console& console, std::span<const std::string> args) {
  CLI::App app{"List the sources in an archive, in the order they were added.", "sijill sources"};
  ConfigureApp(app);
  std::string dir;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_flag("--json", json, "Print a JSON array");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto sources = (*archive)->store().ListSources();
  if (!sources) return Fail(console, sources.error());

  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& s : *sources) out.push_back(SourceJson(s));
    console.Out(DumpJson(out));
    return kExitOk;
  }
  if (sources->empty()) {
    console.Err("The archive holds no sources yet; add some with 'sijill add'.\n");
    return kExitOk;
  }
  std::string text = fmt::format("{:<10}  {:<8}  {:<4}  {:<10}  {:>8}  {}\n", "ID", "FORMAT",
                                 "LANG", "DATE", "PASSAGES", "TITLE");
  for (const auto& s : *sources) {
    text += fmt::format("{:<10}  {:<8}  {:<4}  {:<10}  {:>8}  {}\n", s.id.Short(), s.format,
                        s.language.value_or("-"), s.document_date.value_or("-"), s.passage_count,
                        s.title.value_or(s.original_name));
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
