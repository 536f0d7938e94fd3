#include <fmt/format.h>

#include <algorithm>

#include "cli/command.h"

#ifndef SIJILL_VERSION
#define SIJILL_VERSION "0.1.0"
#endif

namespace sijill::cli {

int RunHelp(Console& console, std::span<const std::string> args) {
  if (!args.empty()) {
    const Command* command = FindCommand(args[0]);
    if (!command) {
      std::string_view suggestion = SuggestCommand(args[0]);
      console.Err(fmt::format(
          "sijill: error: unknown command '{}'{}\n", args[0],
          suggestion.empty() ? std::string() : fmt::format("; did you mean '{}'?", suggestion)));
      return kExitUsage;
    }
    if (command->run == RunHelp) return RunHelp(console, {});
    const std::string help_flag = "--help";
    return command->run(console, std::span<const std::string>(&help_flag, 1));
  }
  std::string text =
      "Sijill keeps testimonies safe, provable and searchable.\n\n"
      "usage: sijill <command> <archive> [args]\n\ncommands:\n";
  size_t width = 0;
  for (const auto& c : Commands()) width = std::max(width, c.name.size());
  for (const auto& c : Commands()) {
    text += fmt::format("  {:<{}}  {}\n", c.name, width, c.summary);
  }
  text += "\nRun 'sijill help <command>' for a command's options.\n";
  console.Out(text);
  return kExitOk;
}

int RunVersion(Console& console, std::span<const std::string>) {
  console.Out("sijill " SIJILL_VERSION "\n");
  return kExitOk;
}

}  // namespace sijill::cli
