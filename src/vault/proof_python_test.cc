// Cross-checks the proof documents with tests/proofs/verify_proof.py, a verifier that
// shares no code with Sijill (Python's standard library and the openssl command).
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>

#include "base/testing/temp_dir.h"
#include "vault/proof.h"

namespace sijill::vault {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::string_view kOrigin = "sijill.example/python-check";
constexpr uint64_t kMaxSize = 64;

SigningKey Key(uint8_t fill) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return SigningKey::FromSeed(kOrigin, seed).value();
}

// Entries with bytes that JSON and base64 must carry intact: NUL, high bytes, Arabic.
std::string Entry(uint64_t i) {
  std::string entry =
      "custody entry " + std::to_string(i) + " \xD8\xB4\xD9\x87\xD8\xA7\xD8\xAF\xD8\xA9";
  entry.push_back('\0');
  entry.push_back(static_cast<char>(0xFF - i));
  return entry;
}

struct Outcome {
  bool ok = false;
  std::string text;  // the description or the reason
};

struct ScriptRun {
  int exit_code = -1;
  std::map<std::string, Outcome> files;
};

// Runs the script in `dir` on every *.json file there.
ScriptRun RunScript(const std::filesystem::path& dir, const std::string& vkey) {
  std::string command = "cd '" + dir.string() +
                        "' && python3 '" SIJILL_SOURCE_DIR "/tests/proofs/verify_proof.py' '" +
                        vkey + "' *.json 2>&1";
  ScriptRun run;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  std::string output;
  char buffer[4096];
  while (size_t n = std::fread(buffer, 1, sizeof buffer, pipe)) output.append(buffer, n);
  int status = ::pclose(pipe);
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  size_t start = 0;
  while (start < output.size()) {
    size_t end = output.find('\n', start);
    if (end == std::string::npos) end = output.size();
    std::string line = output.substr(start, end - start);
    start = end + 1;
    for (std::string_view verdict : {": ok: ", ": rejected: "}) {
      size_t at = line.find(verdict);
      if (at == std::string::npos) continue;
      run.files[line.substr(0, at)] = {verdict == ": ok: ", line.substr(at + verdict.size())};
      break;
    }
  }
  return run;
}

void Write(const std::filesystem::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

std::string Replace(const std::string& doc, const std::string& field, const Json& value) {
  Json json = Json::parse(doc);
  json[field] = value;
  return json.dump(2);
}

std::string FlipHash(const std::string& doc, size_t i) {
  Json json = Json::parse(doc);
  std::string h = json["hashes"][i];
  h[10] = h[10] == 'a' ? 'b' : 'a';
  json["hashes"][i] = h;
  return json.dump(2);
}

class PythonVerifier : public testing::Test {
 protected:
  void SetUp() override {
    for (uint64_t i = 0; i <= kMaxSize; ++i) tree_.Append(Entry(i));
    for (uint64_t n = 0; n <= kMaxSize; ++n) {
      checkpoints_.push_back(
          SignCheckpoint({std::string(kOrigin), n, tree_.RootAt(n).value()}, key_));
    }
  }

  SigningKey key_ = Key(11);
  MerkleTree tree_;
  std::vector<std::string> checkpoints_;  // [n]: signed checkpoint at size n
  base::testing::TempDir dir_;
};

TEST_F(PythonVerifier, AcceptsEveryGoodProofWithTheSameMeaning) {
  std::map<std::string, std::string> expected;  // file -> DescribeProven
  auto add = [&](const std::string& name, const std::string& doc) {
    auto proven = VerifyProofDocument(doc, key_.VerifierKeyText());
    ASSERT_TRUE(proven.has_value()) << name << ": " << proven.error().message();
    expected[name] = DescribeProven(*proven);
    Write(dir_.Path(name), doc);
  };
  for (uint64_t n = 1; n <= kMaxSize; ++n) {
    for (uint64_t index : std::set<uint64_t>{0, n / 3, n / 2, n - 1}) {
      add("incl-" + std::to_string(n) + "-" + std::to_string(index) + ".json",
          MakeInclusionProofDocument(tree_, Entry(index), index, checkpoints_[n]).value());
    }
    for (uint64_t old : std::set<uint64_t>{0, 1, n / 2, n - 1, n}) {
      add("cons-" + std::to_string(old) + "-" + std::to_string(n) + ".json",
          MakeConsistencyProofDocument(tree_, checkpoints_[old], checkpoints_[n]).value());
    }
  }
  ScriptRun run = RunScript(dir_.path(), key_.VerifierKeyText());
  EXPECT_EQ(run.exit_code, 0) << "needs python3 and openssl (scripts/install-deps)";
  ASSERT_EQ(run.files.size(), expected.size());
  for (const auto& [name, description] : expected) {
    const Outcome& outcome = run.files[name];
    EXPECT_TRUE(outcome.ok) << name << ": " << outcome.text;
    EXPECT_EQ(outcome.text, description) << name;
  }
}

TEST_F(PythonVerifier, RejectsEveryTamperedProof) {
  SigningKey other_key = Key(12);
  MerkleTree forked;
  for (uint64_t i = 0; i <= kMaxSize; ++i) forked.Append("forked " + std::to_string(i));
  std::set<std::string> tampered;
  auto add = [&](const std::string& name, const std::string& doc) {
    // Sijill's own verifier must refuse it too.
    ASSERT_FALSE(VerifyProofDocument(doc, key_.VerifierKeyText()).has_value()) << name;
    tampered.insert(name);
    Write(dir_.Path(name), doc);
  };
  for (uint64_t n = 2; n <= kMaxSize; n += 3) {
    std::string s = std::to_string(n);
    uint64_t index = n / 2;
    std::string incl =
        MakeInclusionProofDocument(tree_, Entry(index), index, checkpoints_[n]).value();
    add("incl-flip-" + s + ".json", FlipHash(incl, 0));
    add("incl-index-" + s + ".json", Replace(incl, "leaf_index", index ^ 1));
    add("incl-size-" + s + ".json", Replace(incl, "tree_size", n + 1));
    add("incl-cp-" + s + ".json", Replace(incl, "checkpoint", checkpoints_[n + 1]));
    add("incl-entry-" + s + ".json", Replace(incl, "entry", Base64Encode(Entry(index + 1))));
    add("incl-drop-" + s + ".json", Replace(incl, "hashes", Json::array()));
    add("incl-otherkey-" + s + ".json",
        Replace(incl, "checkpoint",
                SignCheckpoint({std::string(kOrigin), n, tree_.RootAt(n).value()}, other_key)));
    std::string forged = checkpoints_[n];  // same signature, body names another root
    forged.replace(forged.find('\n', forged.find('\n') + 1) + 1, 44,
                   Base64Encode(std::string(32, 'x')));
    add("incl-forged-" + s + ".json", Replace(incl, "checkpoint", forged));

    uint64_t old = n / 2 + 1;
    if (old >= n) continue;
    std::string cons =
        MakeConsistencyProofDocument(tree_, checkpoints_[old], checkpoints_[n]).value();
    std::string fork_old =
        SignCheckpoint({std::string(kOrigin), old, forked.RootAt(old).value()}, key_);
    add("cons-flip-" + s + ".json", FlipHash(cons, Json::parse(cons)["hashes"].size() - 1));
    add("cons-fork-" + s + ".json", Replace(cons, "old_checkpoint", fork_old));
    add("cons-older-" + s + ".json", Replace(cons, "old_checkpoint", checkpoints_[old - 1]));
    add("cons-swap-" + s + ".json", Replace(Replace(cons, "old_checkpoint", checkpoints_[n]),
                                            "new_checkpoint", checkpoints_[old]));
  }
  ScriptRun run = RunScript(dir_.path(), key_.VerifierKeyText());
  EXPECT_EQ(run.exit_code, 1) << "needs python3 and openssl (scripts/install-deps)";
  ASSERT_EQ(run.files.size(), tampered.size());
  for (const std::string& name : tampered) {
    EXPECT_FALSE(run.files[name].ok) << name << " was accepted: " << run.files[name].text;
  }
}

}  // namespace
}  // namespace sijill::vault
