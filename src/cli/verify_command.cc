// sijill verify: re-hashes every blob, checks the database's structure, and recomputes
// the custody log's Merkle tree against every signed checkpoint. Every problem is
// reported with the object it belongs to; nothing is repaired.
#include <fmt/format.h>
#include <sodium.h>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "store/archive.h"
#include "store/custody_tree.h"
#include "vault/checkpoint.h"
#include "vault/sha256.h"

namespace sijill::cli {
namespace {

struct Report {
  std::vector<std::string> problems;
  void Add(std::string p) { problems.push_back(std::move(p)); }
};

// The SHA-256 of a stored blob's bytes, or an error.
base::Result<std::string> HashBlob(store::BlobStore& blobs, const std::string& address) {
  ASSIGN_OR_RETURN(auto reader, blobs.Open(address));
  vault::Sha256 hash;
  std::vector<char> buffer(1 << 16);
  while (true) {
    ASSIGN_OR_RETURN(size_t n, reader->Read(buffer));
    if (n == 0) break;
    hash.Update(std::string_view(buffer.data(), n));
  }
  return hash.FinishHex();
}

void CheckBlob(store::BlobStore& blobs, const std::string& address, const std::string& what,
               Report* report) {
  auto hash = HashBlob(blobs, address);
  if (!hash) {
    report->Add(fmt::format("{}: blob {}: {}", what, address, hash.error().message()));
  } else if (*hash != address) {
    report->Add(fmt::format("{}: blob {} is corrupt: its bytes hash to {}", what, address, *hash));
  }
}

void CheckCheckpoints(store::Store& store, const vault::MerkleTree& tree, const std::string& vkey,
                      Report* report) {
  auto checkpoints = store.ListCheckpoints();
  if (!checkpoints) return report->Add("checkpoints: " + checkpoints.error().message());
  for (const auto& c : *checkpoints) {
    std::string what = fmt::format("checkpoint of size {}", c.size);
    auto signed_cp = vault::VerifyCheckpoint(c.note, vkey);
    if (!signed_cp) {
      report->Add(what + ": " + signed_cp.error().message());
      continue;
    }
    if (signed_cp->size != c.size || vault::HashToHex(signed_cp->root) != c.root_hash)
      report->Add(what + ": its record differs from what its note signs");
    auto root = tree.RootAt(c.size);
    if (!root) {
      report->Add(what + ": " + root.error().message());
    } else if (*root != signed_cp->root) {
      report->Add(what + ": the custody log no longer has the root this checkpoint signed");
    }
  }
}

}  // namespace

int RunVerify(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Check the whole archive: re-hash every original and text blob, check the "
      "database's structure, recompute the custody log's Merkle tree and check every "
      "signed checkpoint against it. Reports each problem with its object; exits 1 if "
      "there is any.",
      "sijill verify"};
  ConfigureApp(app);
  std::string dir, key_path;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("--key", key_path,
                 "Check checkpoints against this public key file (a copy kept outside the "
                 "archive) instead of the key the archive records");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  Report report;
  if (auto s = store.CheckIntegrity(); !s.ok()) report.Add(s.message());

  std::map<std::string, vault::CustodyEntry> logged;  // source id -> its source.add entry
  auto tree = store::LoadCustodyTree(store, [&](uint64_t, const vault::CustodyEntry& e) {
    if (e.action == "source.add" && e.objects.contains("source"))
      logged.emplace(e.objects.at("source"), e);
  });
  if (!tree) report.Add(tree.error().message());

  auto sources = store.ListSources();
  if (!sources) return Fail(console, sources.error());
  std::set<std::string> blobs;
  for (const auto& s : *sources) {
    blobs.insert(s.sha256);
    blobs.insert(s.text_sha256);
    std::string what = "source " + s.id.ToString();
    CheckBlob((*archive)->blobs(), s.sha256, what + " (original)", &report);
    CheckBlob((*archive)->blobs(), s.text_sha256, what + " (text)", &report);
    auto it = logged.find(s.id.ToString());
    if (tree && it == logged.end()) {
      report.Add(what + ": no custody log entry records it");
    } else if (tree && (it->second.hashes["original_sha256"] != s.sha256 ||
                        it->second.hashes["text_sha256"] != s.text_sha256)) {
      report.Add(what + ": its hashes differ from those its custody log entry recorded");
    }
  }

  std::string vkey;
  if (!key_path.empty()) {
    std::ifstream in(key_path);
    if (!in) return Fail(console, base::Status::NotFound(key_path + ": cannot open"));
    std::getline(in, vkey);
  } else if (auto recorded = (*archive)->VerifierKey()) {
    vkey = *recorded;
  }
  if (tree && !vkey.empty()) CheckCheckpoints(store, *tree, vkey, &report);

  uint64_t entries = tree ? tree->size() : 0;
  if (!report.problems.empty()) {
    std::string text;
    for (const auto& p : report.problems) text += "problem: " + p + "\n";
    console.Out(text);
    console.Err(fmt::format("sijill: error: {} problem{} found in {}\n", report.problems.size(),
                            report.problems.size() == 1 ? "" : "s", dir));
    return kExitFailed;
  }
  console.Out(fmt::format("ok: {} sources, {} blobs, {} custody log entries, database intact{}\n",
                          sources->size(), blobs.size(), entries,
                          vkey.empty() ? " (no signing key: checkpoints not checked)"
                                       : ", every checkpoint signed and consistent"));
  return kExitOk;
}

}  // namespace sijill::cli
