#include "cli/cli.h"

#include <fmt/format.h>

#include <clocale>
#include <exception>
#include <string>
#include <vector>

#include "cli/command.h"

namespace sijill::cli {

int Main(int argc, char** argv) {
  std::setlocale(LC_CTYPE, "C.UTF-8");
  Console console(stdout, stderr);
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    RunHelp(console, {});
    return kExitUsage;
  }
  std::string name = args.front();
  if (name == "-h" || name == "--help") name = "help";
  if (name == "--version") name = "version";
  const Command* command = FindCommand(name);
  if (!command) {
    std::string_view suggestion = SuggestCommand(name);
    std::string hint = suggestion.empty()
                           ? std::string("run 'sijill help' for the list of commands")
                           : fmt::format("did you mean 'sijill {}'?", suggestion);
    console.Err(fmt::format("sijill: error: unknown command '{}'; {}\n", name, hint));
    return kExitUsage;
  }
  try {
    return command->run(console, std::span<const std::string>(args).subspan(1));
  } catch (const std::exception& e) {
    // Exceptions are bugs; this is the one boundary where they become a message.
    console.Err(fmt::format("sijill: internal error: {}\n", e.what()));
    return kExitFailed;
  }
}

}  // namespace sijill::cli
