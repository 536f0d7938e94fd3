#include <fmt/format.h>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "store/archive.h"

namespace sijill::cli {

int RunInit(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Create a new, empty archive in DIR (which must not exist or be empty). Asks for "
      "the passphrase of its key file (twice), which unlocks the archive's signing key "
      "(and, with encryption, its contents).",
      "sijill init"};
  ConfigureApp(app);
  std::string dir;
  std::optional<std::string> passphrase_file;
  app.add_option("archive", dir, "Directory of the new archive")->required();
  app.add_option("--passphrase-file", passphrase_file,
                 "Read the passphrase from the first line of this file (or set "
                 "SIJILL_PASSPHRASE_FILE); without either, it is asked on the terminal");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto passphrase = ReadPassphrase({"New passphrase for " + dir, true, passphrase_file});
  if (!passphrase) return Fail(console, passphrase.error());
  store::CreateOptions options;
  options.passphrase = &*passphrase;
  auto archive = store::Archive::Create(dir, options);
  if (!archive) return Fail(console, archive.error());
  console.Err(fmt::format("Created an empty Sijill archive in {}\n", dir));
  return kExitOk;
}

}  // namespace sijill::cli
