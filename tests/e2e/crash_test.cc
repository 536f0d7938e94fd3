// Killing `sijill add` with SIGKILL in the middle of a folder leaves a valid archive
// that holds every file reported as added — repeatedly, at different moments.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <chrono>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

namespace fs = std::filesystem;

TEST(Crash, KilledAddKeepsEveryReportedFile) {
  Scratch tmp;
  const fs::path in = tmp / "in";
  constexpr int kFiles = 60;
  for (int i = 0; i < kFiles; ++i) {
    std::string body;
    for (int p = 0; p < 40; ++p) {
      body += "Witness " + std::to_string(i) + " paragraph " + std::to_string(p) +
              ": the brigade moved from Kisweh to Jobar; انتقل اللواء من الكسوة إلى جوبر.\n\n";
    }
    char name[32];
    std::snprintf(name, sizeof name, "t%03d.txt", i);
    WriteFile(in / name, body);
  }
  const std::string archive = (tmp / "archive").string();
  ASSERT_EQ(RunSijill({"init", archive}).exit_code, 0);

  std::mt19937 rng(20241208);
  std::set<std::string> reported;  // paths reported as added, over every run
  for (int round = 0; round < 8; ++round) {
    RunningSijill add({"add", archive, in.string()});
    // Kill after a random number of reported files, or after a random delay while a
    // file is in flight.
    int wait_lines = static_cast<int>(rng() % 6);
    std::string line;
    for (int n = 0; n < wait_lines && add.ReadLine(&line);) {
      if (line.starts_with("added")) {
        reported.insert(line);
        ++n;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 40));
    add.Kill();
    while (add.ReadLine(&line)) {  // lines written before the kill still count
      if (line.starts_with("added")) reported.insert(line);
    }

    // The database's structure, every blob, every custody entry (sijill verify).
    auto verified = RunSijill({"verify", archive});
    ASSERT_EQ(verified.exit_code, 0) << "round " << round << ": " << verified.out << verified.err;
    auto sources = RunSijill({"sources", archive, "--json"});
    ASSERT_EQ(sources.exit_code, 0) << sources.err;
    auto list = nlohmann::json::parse(sources.out);
    std::set<std::string> short_ids;
    for (const auto& s : list) {
      short_ids.insert(s["short_id"].get<std::string>());
      // Every committed source has its passages and both blobs.
      auto show = RunSijill({"show", archive, s["id"].get<std::string>(), "--json"});
      ASSERT_EQ(show.exit_code, 0) << show.err;
      EXPECT_EQ(nlohmann::json::parse(show.out)["passages"].size(), 40u);
      // (Both its blobs are present and intact: verify above re-read them.)
    }
    for (const auto& r : reported) {
      // "added      <short-id>  <path>  (N passages)"
      std::string id = r.substr(11, 10);
      EXPECT_TRUE(short_ids.count(id)) << "reported but missing after kill: " << r;
    }
  }
  // Finishing the job afterwards adds the rest, with no duplicates.
  auto finish = RunSijill({"add", archive, in.string()});
  EXPECT_EQ(finish.exit_code, 0) << finish.err;
  auto final_list = nlohmann::json::parse(RunSijill({"sources", archive, "--json"}).out);
  EXPECT_EQ(final_list.size(), static_cast<size_t>(kFiles));
}

}  // namespace
}  // namespace sijill::e2e
