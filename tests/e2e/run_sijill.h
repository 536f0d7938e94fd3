// Runs the real sijill binary for end-to-end tests and captures what it printed.
#pragma once

#include <sys/types.h>

#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace sijill::e2e {

struct RunResult {
  int exit_code = -1;   // -1 if killed by a signal
  std::string out;      // stdout
  std::string err;      // stderr
  long max_rss_kb = 0;  // peak resident memory of the child
};

// Runs `sijill args...` with stdin from `stdin_path` and waits for it.
RunResult RunSijill(const std::vector<std::string>& args,
                    const std::string& stdin_path = "/dev/null");
// The same, with `input` as its standard input (answers a user would type).
RunResult RunSijillWithInput(const std::vector<std::string>& args, const std::string& input);

// Starts `sijill args...` with stdout on a pipe; the caller reads lines and may kill it.
class RunningSijill {
 public:
  explicit RunningSijill(const std::vector<std::string>& args);
  ~RunningSijill();
  // Reads one line of stdout (without the newline). Returns false at end of output.
  bool ReadLine(std::string* line);
  void Kill();  // SIGKILL, then reaps the child
  int Wait();   // exit code, or -1 if killed

 private:
  pid_t pid_ = -1;
  int out_fd_ = -1;
  std::string buffered_;
  bool reaped_ = false;
  int status_ = 0;
};

// A fresh temporary directory, removed on destruction.
class Scratch {
 public:
  Scratch();
  ~Scratch();
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

// Writes `content` to `path`, creating parent directories.
void WriteFile(const std::filesystem::path& path, const std::string& content);
// The whole file's bytes ("" if it cannot be read).
std::string ReadFile(const std::filesystem::path& path);

std::filesystem::path SharedData();  // ../shared/data beside the project
// Links the dev testimonies `names` ("t01", ...), text and gold, into `dir`.
void LinkDevTestimonies(const std::filesystem::path& dir, const std::vector<std::string>& names);
// `sijill eval --gold DIR --json`, parsed; a test failure (and null) if it did not exit 0.
nlohmann::json EvalJson(const std::filesystem::path& dir);
std::filesystem::path SourceDir();  // the project root

// Whether `init` makes encrypted archives in this run. The suite runs twice (ctest
// names the second run's tests "plain/..."): encrypted, and with
// SIJILL_E2E_NO_ENCRYPTION=1, which gives every `init` --no-encryption.
bool EncryptedArchives();

}  // namespace sijill::e2e
