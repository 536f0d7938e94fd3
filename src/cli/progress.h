// A one-line progress bar on stderr for long work, drawn only when stderr is a
// terminal (silent in pipes, logs and CI). Lines printed through Print() appear above
// the bar without tearing it. Redraws at most every 100 ms. Not thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

#include "cli/console.h"

namespace sijill::cli {

class ProgressBar {
 public:
  ProgressBar(Console& console, uint64_t total, std::string_view unit);
  ~ProgressBar();  // clears the bar

  // Sets the count done and the item being worked on.
  void Update(uint64_t done, std::string_view item);
  // Writes a data line to stdout with the bar cleared and redrawn around it.
  void Print(std::string_view line);
  // Writes a message to stderr with the bar cleared and redrawn around it.
  void PrintError(std::string_view line);

 private:
  void Clear();
  void Draw();

  Console& console_;
  bool enabled_;
  bool drawn_ = false;
  uint64_t total_;
  uint64_t done_ = 0;
  std::string unit_;
  std::string item_;
  std::chrono::steady_clock::time_point last_draw_{};
};

}  // namespace sijill::cli
