// Where a command writes: data to `out` (stdout), messages to `err` (stderr), and
// whether each is a terminal (progress bars and colour only on a terminal).
// Also the shared CLI11 glue, so every command parses and reports usage the same way.
#pragma once

#include <CLI/CLI.hpp>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>

namespace sijill::cli {

class Console {
 public:
  Console(std::FILE* out, std::FILE* err);
  void Out(std::string_view text);  // writes and flushes
  void Err(std::string_view text);
  bool out_is_tty() const { return out_tty_; }
  bool err_is_tty() const { return err_tty_; }
  std::FILE* err_file() { return err_; }

 private:
  std::FILE* out_;
  std::FILE* err_;
  bool out_tty_;
  bool err_tty_;
};

// Parses `args` for the subcommand `app` (named "sijill <command>"). Returns -1 when
// the command should go on; otherwise the exit code to return (0 after --help, 2 after
// a usage error, which has been reported as "sijill <command>: <problem>").
int ParseArgs(CLI::App& app, Console& console, std::span<const std::string> args);

// A CLI11 app for `sijill <name>`, with the house formatting.
void ConfigureApp(CLI::App& app);

}  // namespace sijill::cli
