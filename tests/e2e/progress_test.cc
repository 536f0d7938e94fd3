// `sijill add` on a folder of 10,000 files: a progress bar on a terminal, none in a
// pipe, and a final count.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdio>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

using ::testing::HasSubstr;

// Runs a shell command under `script`, which gives it a pseudo-terminal; returns what
// the terminal showed.
std::string RunOnTerminal(const std::string& command) {
  std::string cmd = "script -qec '" + command + "' /dev/null";
  std::string out;
  FILE* p = popen(cmd.c_str(), "r");
  char buf[65536];
  size_t n;
  while (p && (n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  if (p) pclose(p);
  return out;
}

TEST(Progress, TenThousandFilesShowProgressOnATerminalOnly) {
  Scratch tmp;
  for (int i = 0; i < 10000; ++i) {
    WriteFile(tmp / ("in/d" + std::to_string(i / 1000) + "/f" + std::to_string(i) + ".txt"),
              "Testimony " + std::to_string(i) + " mentions Kisweh and الكسوة.\n");
  }
  std::string archive = (tmp / "a").string();
  ASSERT_EQ(RunSijill({"init", archive}).exit_code, 0);
  std::string shown =
      RunOnTerminal(std::string(SIJILL_BINARY) + " add " + archive + " " + (tmp / "in").string());
  EXPECT_THAT(shown, HasSubstr("\x1b[2K["));           // the bar is drawn ...
  EXPECT_THAT(shown, HasSubstr("10000/10000 files"));  // ... and reaches the end
  EXPECT_THAT(shown, HasSubstr("10000 added, 0 already in the archive, 0 failed"));

  // In a pipe: no bar, and every file reported once more as a duplicate.
  auto piped = RunSijill({"add", archive, (tmp / "in").string()});
  EXPECT_EQ(piped.exit_code, 0);
  EXPECT_EQ(piped.err, "0 added, 10000 already in the archive, 0 failed\n");
  EXPECT_EQ(piped.err.find('\r'), std::string::npos);
}

TEST(Progress, UnreadableFileIsNamed) {
  Scratch tmp;
  std::string archive = (tmp / "a").string();
  ASSERT_EQ(RunSijill({"init", archive}).exit_code, 0);
  // Reading /proc/self/mem at offset 0 fails with EIO even for root.
  auto r = RunSijill({"add", archive, "/proc/self/mem"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_EQ(r.err,
            "sijill: error: /proc/self/mem: Input/output error\n"
            "0 added, 0 already in the archive, 1 failed\n");
}

}  // namespace
}  // namespace sijill::e2e
