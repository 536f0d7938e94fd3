#include <fmt/format.h>

#include "cli/command.h"
#include "store/archive.h"

namespace sijill::cli {

int RunInit(Console& console, std::span<const std::string> args) {
  CLI::App app{"Create a new, empty archive in DIR (which must not exist or be empty).",
               "sijill init"};
  ConfigureApp(app);
  std::string dir;
  app.add_option("archive", dir, "Directory of the new archive")->required();
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = store::Archive::Create(dir);
  if (!archive) return Fail(console, archive.error());
  console.Err(fmt::format("Created an empty Sijill archive in {}\n", dir));
  return kExitOk;
}

}  // namespace sijill::cli
