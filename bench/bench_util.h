// Small helpers shared by the benchmark programs: wall-clock timing, percentiles,
// corpus file listing, argument parsing and running a measured step in a forked child
// (so that each side of a comparison has its own peak RSS). Not part of the library.
// Thread-compatible: no shared state.
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::bench {

// Seconds since an arbitrary fixed point (steady clock).
double NowSeconds();

struct Percentiles {
  double p50 = 0, p90 = 0, p99 = 0, max = 0;
};

// Nearest-rank percentiles of `samples` (any order). All zero when empty.
Percentiles ComputePercentiles(std::vector<double> samples);

// Every regular *.txt file under `dir` (recursively), sorted by path.
std::vector<std::filesystem::path> ListTextFiles(const std::filesystem::path& dir);

// Sum of the sizes of `files`.
uint64_t TotalBytes(std::span<const std::filesystem::path> files);

// Reads a whole file; nullopt if it cannot be read.
std::optional<std::string> ReadWholeFile(const std::filesystem::path& path);

// The UTF-8 *.txt files under `dir`, in path order, until `max_bytes` are read. nullopt,
// after printing "<program>: <problem>" to stderr, when a file is not UTF-8 or there is
// none.
struct CorpusTexts {
  std::vector<std::string> texts;
  uint64_t bytes = 0;
};
std::optional<CorpusTexts> ReadCorpusTexts(const std::filesystem::path& dir, uint64_t max_bytes,
                                           std::string_view program);

// Reads `files` once and discards the bytes, so that every side of a comparison reads
// its input from the page cache.
void WarmPageCache(std::span<const std::filesystem::path> files);

// What a forked child reported: the text it wrote, its exit status and its peak RSS.
struct ChildResult {
  bool ok = false;          // exited normally with status 0
  std::string output;       // what `body` returned
  long max_rss_kb = 0;      // peak resident set size of the child (wait4)
  double cpu_seconds = 0;   // user + system CPU time of the child
  double wall_seconds = 0;  // from fork to exit, as seen by the parent
};

// Runs `body` in a forked child and waits for it. `body` returns its report (a few
// lines of text) or nullopt on failure (it prints its own error to stderr).
// REQUIRES: the calling process has no other threads.
ChildResult RunInChild(const std::function<std::optional<std::string>()>& body);

// A tiny flag parser: positional arguments, "--name value" / "--name=value" pairs, and
// the value-less `switches` ("--stages").
class Args {
 public:
  Args(int argc, char** argv, std::span<const std::string_view> switches = {});
  // The value of --name, or nullopt. Marks the flag as used.
  std::optional<std::string> Flag(std::string_view name);
  bool Has(std::string_view name);  // whether a switch (or flag) was given
  const std::vector<std::string>& positional() const { return positional_; }
  // Flags given but never asked for, for "unknown flag" errors.
  std::vector<std::string> Unused() const;

 private:
  struct Entry {
    std::string name;
    std::optional<std::string> value;
    bool used = false;
  };
  std::vector<Entry> flags_;
  std::vector<std::string> positional_;
};

// Parses a non-negative integer or a number with a k/M suffix ("20k", "1M").
std::optional<uint64_t> ParseCount(std::string_view text);

// "12.3 MB/s"-style helpers: bytes as MB (10^6), KiB as MB.
double Megabytes(uint64_t bytes);

}  // namespace sijill::bench
