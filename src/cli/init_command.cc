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
  bool no_encryption = false;
  uint64_t kdf_memory_mib = vault::KdfCost::Default().memlimit >> 20;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_flag("--no-encryption", no_encryption,
               "Keep the database and files in the clear (a public archive); the key file "
               "still signs the custody log");
  app.add_option("--kdf-memory", kdf_memory_mib,
                 "Memory (MiB) Argon2id uses to turn the passphrase into a key: more is harder "
                 "to guess by force; lower it only for a machine with little memory")
      ->check(CLI::Range(uint64_t{1}, vault::KdfCost::kMaxMem >> 20))
      ->default_val(kdf_memory_mib);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto passphrase = ReadPassphrase({"New passphrase for " + dir, true, passphrase_file});
  if (!passphrase) return Fail(console, passphrase.error());
  store::CreateOptions options;
  options.passphrase = &*passphrase;
  options.encrypt = !no_encryption;
  options.cost.memlimit = kdf_memory_mib << 20;
  auto archive = store::Archive::Create(dir, options);
  if (!archive) return Fail(console, archive.error());
  console.Err(fmt::format("Created an empty{} Sijill archive in {}\n",
                          no_encryption ? "" : ", encrypted", dir));
  return kExitOk;
}

}  // namespace sijill::cli
