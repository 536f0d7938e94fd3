#include "e2e/run_sijill.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace sijill::e2e {
namespace {

// `init` gets an 8 MiB Argon2id unless the test gives --kdf-memory itself: the suite
// unlocks archives hundreds of times, and the KDF's cost is not what it tests (the unit
// tests of vault/key_slots and InitUsesTheDefaultKdfCost do).
std::vector<char*> Argv(const std::vector<std::string>& args) {
  static std::string binary = SIJILL_BINARY;
  static std::string kdf_flag = "--kdf-memory", kdf_value = "8";
  std::vector<char*> argv{binary.data()};
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  if (!args.empty() && args[0] == "init" &&
      std::find(args.begin(), args.end(), "--kdf-memory") == args.end()) {
    argv.push_back(kdf_flag.data());
    argv.push_back(kdf_value.data());
  }
  static std::string plain_flag = "--no-encryption";
  if (!args.empty() && args[0] == "init" && !EncryptedArchives() &&
      std::find(args.begin(), args.end(), plain_flag) == args.end())
    argv.push_back(plain_flag.data());
  argv.push_back(nullptr);
  return argv;
}

// Children run in a session of their own, without a controlling terminal, so that a
// command that would ask for a passphrase fails instead of waiting. Unless a test says
// otherwise (an empty value means "none"), they read tests/data/e2e-passphrase.txt.
// (Set when the test binary starts, so that commands run through a shell see it too.)
const bool kDefaultPassphrase = [] {
  std::string file = std::string(SIJILL_SOURCE_DIR) + "/tests/data/e2e-passphrase.txt";
  return setenv("SIJILL_PASSPHRASE_FILE", file.c_str(), /*overwrite=*/0) == 0;
}();

pid_t Spawn(const std::vector<std::string>& args, int out_fd, int err_fd,
            const char* stdin_path = "/dev/null") {
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSID);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, stdin_path, O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_adddup2(&actions, err_fd, 2);
  auto argv = Argv(args);
  pid_t pid = -1;
  if (posix_spawn(&pid, argv[0], &actions, &attr, argv.data(), environ) != 0) {
    throw std::runtime_error("cannot start " + std::string(argv[0]));
  }
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attr);
  return pid;
}

int ExitCode(int status) { return WIFEXITED(status) ? WEXITSTATUS(status) : -1; }

}  // namespace

RunResult RunSijillWithInput(const std::vector<std::string>& args, const std::string& input) {
  Scratch tmp;
  WriteFile(tmp / "stdin", input);
  return RunSijill(args, (tmp / "stdin").string());
}

RunResult RunSijill(const std::vector<std::string>& args, const std::string& stdin_path) {
  int out_pipe[2], err_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0 || pipe2(err_pipe, O_CLOEXEC) != 0) {
    throw std::runtime_error("pipe");
  }
  pid_t pid = Spawn(args, out_pipe[1], err_pipe[1], stdin_path.c_str());
  close(out_pipe[1]);
  close(err_pipe[1]);
  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&result.out, &result.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    poll(fds, 2, -1);
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = read(fds[i].fd, buf, sizeof buf);
      if (n > 0) {
        sinks[i]->append(buf, static_cast<size_t>(n));
      } else {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  int status = 0;
  rusage usage{};
  wait4(pid, &status, 0, &usage);
  result.exit_code = ExitCode(status);
  result.max_rss_kb = usage.ru_maxrss;
  return result;
}

RunningSijill::RunningSijill(const std::vector<std::string>& args) {
  int out_pipe[2];
  if (pipe2(out_pipe, O_CLOEXEC) != 0) throw std::runtime_error("pipe");
  int devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
  pid_ = Spawn(args, out_pipe[1], devnull);
  close(out_pipe[1]);
  close(devnull);
  out_fd_ = out_pipe[0];
}

RunningSijill::~RunningSijill() {
  if (!reaped_) Kill();
  if (out_fd_ >= 0) close(out_fd_);
}

bool RunningSijill::ReadLine(std::string* line) {
  while (true) {
    auto nl = buffered_.find('\n');
    if (nl != std::string::npos) {
      *line = buffered_.substr(0, nl);
      buffered_.erase(0, nl + 1);
      return true;
    }
    char buf[4096];
    ssize_t n = read(out_fd_, buf, sizeof buf);
    if (n <= 0) return false;
    buffered_.append(buf, static_cast<size_t>(n));
  }
}

void RunningSijill::Kill() {
  if (reaped_) return;
  kill(pid_, SIGKILL);
  Wait();
}

int RunningSijill::Wait() {
  if (!reaped_) {
    waitpid(pid_, &status_, 0);
    reaped_ = true;
  }
  return ExitCode(status_);
}

Scratch::Scratch() {
  std::string pattern = (std::filesystem::temp_directory_path() / "sijill-e2e-XXXXXX").string();
  path_ = mkdtemp(pattern.data());
}

Scratch::~Scratch() {
  std::error_code ec;
  std::filesystem::remove_all(path_, ec);
}

void WriteFile(const std::filesystem::path& path, const std::string& content) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::filesystem::path SourceDir() { return SIJILL_SOURCE_DIR; }

bool EncryptedArchives() {
  const char* plain = std::getenv("SIJILL_E2E_NO_ENCRYPTION");
  return plain == nullptr || *plain == '\0';
}
std::filesystem::path SharedData() { return SourceDir().parent_path() / "shared" / "data"; }

void LinkDevTestimonies(const std::filesystem::path& dir, const std::vector<std::string>& names) {
  for (const std::string& name : names)
    for (const char* ext : {".txt", ".gold.json"})
      std::filesystem::create_symlink(SharedData() / "dev" / (name + ext), dir / (name + ext));
}

nlohmann::json EvalJson(const std::filesystem::path& dir) {
  RunResult r = RunSijill({"eval", "--gold", dir.string(), "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return r.exit_code == 0 ? nlohmann::json::parse(r.out) : nlohmann::json();
}

}  // namespace sijill::e2e
