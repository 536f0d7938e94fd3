// The command table and what every subcommand shares: its console, its arguments, and
// one mapping from Status to exit code. One subcommand per file (<name>_command.cc).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "cli/console.h"

namespace sijill::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitFailed = 1;
inline constexpr int kExitUsage = 2;

struct Command {
  std::string_view name;
  std::string_view summary;  // one line, for `sijill help`
  // Runs the command. `args` excludes the program and command names.
  int (*run)(Console& console, std::span<const std::string> args);
};

// Every command, in the order `sijill help` lists them.
std::span<const Command> Commands();
const Command* FindCommand(std::string_view name);
// The command name closest to `typo` (edit distance <= 2), or empty.
std::string_view SuggestCommand(std::string_view typo);

// Prints `status` as "sijill: error: <message>" and returns kExitFailed.
int Fail(Console& console, const base::Status& status);
// For an option value that cannot be used: prints "<app name>: <message>" and returns
// kExitUsage.
int UsageError(Console& console, const CLI::App& app, const base::Status& status);

// Command entry points.
int RunInit(Console& console, std::span<const std::string> args);
int RunAdd(Console& console, std::span<const std::string> args);
int RunSources(Console& console, std::span<const std::string> args);
int RunLog(Console& console, std::span<const std::string> args);
int RunCheckpoint(Console& console, std::span<const std::string> args);
int RunProve(Console& console, std::span<const std::string> args);
int RunVerifyProof(Console& console, std::span<const std::string> args);
int RunVerify(Console& console, std::span<const std::string> args);
int RunKey(Console& console, std::span<const std::string> args);
int RunPassphrase(Console& console, std::span<const std::string> args);
int RunShow(Console& console, std::span<const std::string> args);
int RunEntity(Console& console, std::span<const std::string> args);
int RunClaim(Console& console, std::span<const std::string> args);
int RunExtract(Console& console, std::span<const std::string> args);
int RunReview(Console& console, std::span<const std::string> args);
int RunWhoCommanded(Console& console, std::span<const std::string> args);
int RunChain(Console& console, std::span<const std::string> args);
int RunAtPlace(Console& console, std::span<const std::string> args);
int RunTimeline(Console& console, std::span<const std::string> args);
int RunAbout(Console& console, std::span<const std::string> args);
int RunDossier(Console& console, std::span<const std::string> args);
int RunCorroborate(Console& console, std::span<const std::string> args);
int RunContradictions(Console& console, std::span<const std::string> args);
int RunExport(Console& console, std::span<const std::string> args);
int RunImport(Console& console, std::span<const std::string> args);
int RunSearch(Console& console, std::span<const std::string> args);
int RunGazetteer(Console& console, std::span<const std::string> args);
int RunDate(Console& console, std::span<const std::string> args);
int RunEval(Console& console, std::span<const std::string> args);
int RunHelp(Console& console, std::span<const std::string> args);
int RunVersion(Console& console, std::span<const std::string> args);

}  // namespace sijill::cli
