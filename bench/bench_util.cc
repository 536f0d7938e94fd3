#include "bench_util.h"

#include <fmt/format.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

#include "base/utf8.h"

namespace sijill::bench {

namespace fs = std::filesystem;

double NowSeconds() {
  using Clock = std::chrono::steady_clock;
  return std::chrono::duration<double>(Clock::now().time_since_epoch()).count();
}

Percentiles ComputePercentiles(std::vector<double> samples) {
  Percentiles p;
  if (samples.empty()) return p;
  std::sort(samples.begin(), samples.end());
  auto rank = [&](double q) {
    auto k = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
    return samples[std::clamp<size_t>(k, 1, samples.size()) - 1];
  };
  p.p50 = rank(0.50);
  p.p90 = rank(0.90);
  p.p99 = rank(0.99);
  p.max = samples.back();
  return p;
}

std::vector<fs::path> ListTextFiles(const fs::path& dir) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file() && entry.path().extension() == ".txt") {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

uint64_t TotalBytes(std::span<const fs::path> files) {
  uint64_t total = 0;
  for (const auto& f : files) total += fs::file_size(f);
  return total;
}

std::optional<std::string> ReadWholeFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(out).str();
}

void WarmPageCache(std::span<const fs::path> files) {
  std::vector<char> buffer(1 << 20);
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()))) {
    }
  }
}

namespace {

// Writes all of `text` to `fd`; gives up on error (the parent then sees a short report).
void WriteAll(int fd, std::string_view text) {
  while (!text.empty()) {
    ssize_t n = ::write(fd, text.data(), text.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;
    text.remove_prefix(static_cast<size_t>(n));
  }
}

std::string ReadAll(int fd) {
  std::string out;
  char buffer[4096];
  while (true) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return out;
    out.append(buffer, static_cast<size_t>(n));
  }
}

}  // namespace

ChildResult RunInChild(const std::function<std::optional<std::string>()>& body) {
  ChildResult result;
  int fds[2];
  if (::pipe(fds) != 0) return result;
  std::fflush(nullptr);
  double start = NowSeconds();
  pid_t pid = ::fork();
  if (pid < 0) return result;
  if (pid == 0) {
    ::close(fds[0]);
    std::optional<std::string> report = body();
    if (report) WriteAll(fds[1], *report);
    std::fflush(nullptr);
    ::_exit(report ? 0 : 1);
  }
  ::close(fds[1]);
  result.output = ReadAll(fds[0]);
  ::close(fds[0]);
  int status = 0;
  struct rusage usage {};
  while (::wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
  }
  result.wall_seconds = NowSeconds() - start;
  result.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  result.max_rss_kb = usage.ru_maxrss;
  auto seconds = [](const timeval& tv) {
    return static_cast<double>(tv.tv_sec) + static_cast<double>(tv.tv_usec) / 1e6;
  };
  result.cpu_seconds = seconds(usage.ru_utime) + seconds(usage.ru_stime);
  return result;
}

Args::Args(int argc, char** argv, std::span<const std::string_view> switches) {
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (!arg.starts_with("--")) {
      positional_.push_back(arg);
      continue;
    }
    Entry e;
    if (size_t eq = arg.find('='); eq != std::string::npos) {
      e.name = arg.substr(2, eq - 2);
      e.value = arg.substr(eq + 1);
    } else {
      e.name = arg.substr(2);
      bool is_switch = std::find(switches.begin(), switches.end(), e.name) != switches.end();
      if (!is_switch && i + 1 < argc && !std::string_view(argv[i + 1]).starts_with("--")) {
        e.value = argv[++i];
      }
    }
    flags_.push_back(std::move(e));
  }
}

std::optional<std::string> Args::Flag(std::string_view name) {
  std::optional<std::string> value;
  for (auto& e : flags_) {
    if (e.name == name) {
      e.used = true;
      value = e.value;  // the last one given wins
    }
  }
  return value;
}

bool Args::Has(std::string_view name) {
  bool found = false;
  for (auto& e : flags_) {
    if (e.name == name) found = e.used = true;
  }
  return found;
}

std::vector<std::string> Args::Unused() const {
  std::vector<std::string> out;
  for (const auto& e : flags_) {
    if (!e.used) out.push_back("--" + e.name);
  }
  return out;
}

std::optional<uint64_t> ParseCount(std::string_view text) {
  uint64_t multiplier = 1;
  if (!text.empty() && (text.back() == 'k' || text.back() == 'K')) multiplier = 1000;
  if (!text.empty() && text.back() == 'M') multiplier = 1000000;
  if (multiplier != 1) text.remove_suffix(1);
  if (text.empty() || text.size() > 12) return std::nullopt;
  uint64_t value = 0;
  for (char c : text) {
    if (c < '0' || c > '9') return std::nullopt;
    value = value * 10 + static_cast<uint64_t>(c - '0');
  }
  return value * multiplier;
}

double Megabytes(uint64_t bytes) { return static_cast<double>(bytes) / 1e6; }

std::optional<CorpusTexts> ReadCorpusTexts(const std::filesystem::path& dir, uint64_t max_bytes,
                                           std::string_view program) {
  CorpusTexts corpus;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    fmt::print(stderr, "{}: {}: not a directory\n", program, dir.string());
    return std::nullopt;
  }
  for (const auto& path : ListTextFiles(dir)) {
    if (corpus.bytes >= max_bytes) break;
    auto text = ReadWholeFile(path);
    if (!text || !base::IsValidUtf8(*text)) {
      fmt::print(stderr, "{}: {}: cannot read as UTF-8\n", program, path.string());
      return std::nullopt;
    }
    corpus.bytes += text->size();
    corpus.texts.push_back(std::move(*text));
  }
  if (corpus.texts.empty()) {
    fmt::print(stderr, "{}: no *.txt files under {}\n", program, dir.string());
    return std::nullopt;
  }
  return corpus;
}

}  // namespace sijill::bench
