// Golden CLI output on the dev testimonies: an archive built from the six testimonies
// and their gold annotations (tests/golden/build_dev_archive.py, through the CLI), then
// each question asked as a user would, compared with the output checked in under
// tests/golden/. Ids are random per archive, so they are replaced by stable labels
// (E1.. entities, C1.. claims, S1.. sources, in the order they were added) before
// comparing. SIJILL_UPDATE_GOLDEN=1 rewrites the files instead (review the diff!).
#include <gtest/gtest.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

// Replaces every id (whole, and its 10-character short form) with its label.
class Labels {
 public:
  void Add(const std::string& id, const std::string& label) {
    whole_.emplace_back(id, label);
    whole_.emplace_back(id.substr(0, 10), label);
  }
  std::string Apply(std::string text) const {
    for (const auto& [id, label] : whole_) {  // whole ids first: they contain the short ones
      for (size_t at = text.find(id); at != std::string::npos; at = text.find(id, at)) {
        text.replace(at, id.size(), label);
        at += label.size();
      }
    }
    return text;
  }

 private:
  std::vector<std::pair<std::string, std::string>> whole_;
};

TEST(Golden, QuestionsOnTheDevTestimonies) {
  Scratch tmp;
  const std::string archive = (tmp / "dev").string();
  // The builder runs the same binary (through the environment the harness set up).
  std::string command = "python3 " + (SourceDir() / "tests/golden/build_dev_archive.py").string() +
                        " " + SIJILL_BINARY + " " + archive + " " +
                        (SharedData() / "dev").string() +
                        (EncryptedArchives() ? "" : " --no-encryption");
  ASSERT_EQ(std::system(command.c_str()), 0) << command;

  Labels labels;
  auto entities = json::parse(RunSijill({"entity", "list", archive, "--json"}).out);
  for (size_t i = 0; i < entities.size(); ++i) {
    labels.Add(entities[i]["id"], "E" + std::to_string(i + 1));
  }
  auto claims = json::parse(RunSijill({"claim", "list", archive, "--json"}).out);
  for (size_t i = 0; i < claims.size(); ++i) {
    labels.Add(claims[i]["id"], "C" + std::to_string(i + 1));
  }
  auto sources = json::parse(RunSijill({"sources", archive, "--json"}).out);
  for (size_t i = 0; i < sources.size(); ++i) {
    labels.Add(sources[i]["id"], "S" + std::to_string(i + 1));
  }
  ASSERT_EQ(entities.size(), 105u);  // distinct (type, canonical) pairs of the gold
  ASSERT_EQ(claims.size(), 183u);

  const fs::path dossier = tmp / "dossier.html";
  const std::vector<std::pair<std::string, std::vector<std::string>>> questions = {
      {"who-commanded-47th-2012-11-01.txt",
       {"who-commanded", archive, "47th Brigade", "--on", "2012-11-01"}},
      {"who-commanded-47th-2014.txt", {"who-commanded", archive, "اللواء 47", "--during", "2014"}},
      {"chain-2nd-tank-battalion-2013-06.txt",
       {"chain", archive, "2nd Tank Battalion", "--on", "2013-06"}},
      {"chain-abu-karam-2013.txt", {"chain", archive, "Abu Karam", "--during", "2013"}},
      {"at-place-jobar-2013.txt", {"at-place", archive, "Jobar", "--during", "2013"}},
      {"timeline-haidar.txt", {"timeline", archive, "Ghassan Haidar"}},
      {"about-branch-215.txt", {"about", archive, "Branch 215"}},
      {"corroborate.txt", {"corroborate", archive}},
      {"contradictions.txt", {"contradictions", archive}},
      {"search-restricted.txt", {"search", archive, "Qudsaya", "--level", "restricted"}},
  };
  const bool update = std::getenv("SIJILL_UPDATE_GOLDEN") != nullptr;
  auto compare = [&](const std::string& file, const std::string& actual) {
    fs::path golden = SourceDir() / "tests/golden" / file;
    if (update) {
      std::ofstream(golden, std::ios::binary) << actual;
      return;
    }
    EXPECT_EQ(ReadFile(golden), actual)
        << "golden file " << golden << " differs (SIJILL_UPDATE_GOLDEN=1 rewrites it)";
  };
  for (const auto& [file, args] : questions) {
    auto r = RunSijill(args);
    ASSERT_EQ(r.exit_code, 0) << file << ": " << r.err;
    compare(file, labels.Apply(r.out));
  }
  auto d = RunSijill(
      {"dossier", archive, "47th Brigade", "-o", dossier.string(), "--level", "restricted"});
  ASSERT_EQ(d.exit_code, 0) << d.err;
  compare("dossier-47th-restricted.html", labels.Apply(ReadFile(dossier)));
}

}  // namespace
}  // namespace sijill::e2e
