#include "cli/console.h"

#include <fmt/format.h>
#include <unistd.h>

#include <vector>

namespace sijill::cli {

Console::Console(std::FILE* out, std::FILE* err)
    : out_(out),
      err_(err),
      out_tty_(::isatty(::fileno(out)) == 1),
      err_tty_(::isatty(::fileno(err)) == 1) {}

void Console::Out(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), out_);
  std::fflush(out_);
}

void Console::Err(std::string_view text) {
  std::fwrite(text.data(), 1, text.size(), err_);
  std::fflush(err_);
}

void ConfigureApp(CLI::App& app) {
  app.set_help_flag("-h,--help", "Show this help and exit");
  app.get_formatter()->column_width(30);
}

int ParseArgs(CLI::App& app, Console& console, std::span<const std::string> args) {
  std::vector<const char*> argv;
  argv.push_back(app.get_name().c_str());
  for (const auto& a : args) argv.push_back(a.c_str());
  try {
    app.parse(static_cast<int>(argv.size()), argv.data());
  } catch (const CLI::CallForHelp&) {
    console.Out(app.help());
    return 0;
  } catch (const CLI::ParseError& e) {
    console.Err(fmt::format("{}: {}\nRun '{} --help' for usage.\n", app.get_name(), e.what(),
                            app.get_name()));
    return 2;
  }
  return -1;
}

}  // namespace sijill::cli
