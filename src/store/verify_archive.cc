#include "store/verify_archive.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "store/custody_tree.h"
#include "vault/checkpoint.h"
#include "vault/sha256.h"

namespace sijill::store {

base::Result<std::string> HashStoredBlob(BlobStore& blobs, const std::string& address) {
  ASSIGN_OR_RETURN(auto reader, blobs.Open(address));
  // An encrypted blob's reader hashes what it decrypts and checks the hash itself; a
  // plain file is hashed here.
  const bool checked = reader->ChecksSha256();
  vault::Sha256 hash;
  std::vector<char> buffer(1 << 20);
  while (true) {
    ASSIGN_OR_RETURN(size_t n, reader->Read(buffer));
    if (n == 0) break;
    if (!checked) hash.Update(std::string_view(buffer.data(), n));
  }
  return checked ? address : hash.FinishHex();
}

namespace {

void CheckBlob(BlobStore& blobs, const std::string& address, const std::string& what,
               VerifyReport* report) {
  auto hash = HashStoredBlob(blobs, address);
  if (!hash) {
    report->problems.push_back(
        fmt::format("{}: blob {}: {}", what, address, hash.error().message()));
  } else if (*hash != address) {
    report->problems.push_back(
        fmt::format("{}: blob {} is corrupt: its bytes hash to {}", what, address, *hash));
  }
}

void CheckCheckpoints(Store& store, const vault::MerkleTree& tree, const std::string& vkey,
                      VerifyReport* report) {
  auto checkpoints = store.ListCheckpoints();
  if (!checkpoints)
    return report->problems.push_back("checkpoints: " + checkpoints.error().message());
  report->checkpoints = checkpoints->size();
  for (const auto& c : *checkpoints) {
    std::string what = fmt::format("checkpoint of size {}", c.size);
    auto signed_cp = vault::VerifyCheckpoint(c.note, vkey);
    if (!signed_cp) {
      report->problems.push_back(what + ": " + signed_cp.error().message());
      continue;
    }
    if (signed_cp->size != c.size || vault::HashToHex(signed_cp->root) != c.root_hash)
      report->problems.push_back(what + ": its record differs from what its note signs");
    auto root = tree.RootAt(c.size);
    if (!root) {
      report->problems.push_back(what + ": " + root.error().message());
    } else if (*root != signed_cp->root) {
      report->problems.push_back(what +
                                 ": the custody log no longer has the root this checkpoint signed");
    }
  }
}

// Every stored tree node must be the recomputed tree's, and every complete subtree of
// 2^kCustodyNodeMinLevel leaves or more must have one: a damaged node would make
// `prove` refuse, a missing one would make it slow.
void CheckCustodyNodes(Store& store, const vault::MerkleTree& tree, VerifyReport* report) {
  auto nodes = store.ListCustodyNodes();
  if (!nodes) return report->problems.push_back("custody tree: " + nodes.error().message());
  uint64_t expected = 0;
  for (uint32_t level = kCustodyNodeMinLevel; level < 64 && (tree.size() >> level) > 0; ++level)
    expected += tree.size() >> level;
  uint64_t present = 0;
  for (const CustodyNodeRecord& node : *nodes) {
    std::string what =
        fmt::format("custody tree node at level {}, index {}", node.level, node.index);
    auto hash = tree.CompleteSubtree(node.level, node.index);
    if (node.level < kCustodyNodeMinLevel || !hash) {
      report->problems.push_back(what + ": not a node the archive stores for its log");
      continue;
    }
    ++present;
    if (vault::HashToHex(*hash) != node.hash) {
      report->problems.push_back(fmt::format(
          "{}: its hash {} is not the log's {} (entries {} to {})", what, node.hash,
          vault::HashToHex(*hash), node.index << node.level, ((node.index + 1) << node.level) - 1));
    }
  }
  if (present < expected) {
    report->problems.push_back(
        fmt::format("custody tree: {} of the log's {} complete subtrees have no stored node",
                    expected - present, expected));
  }
}

}  // namespace

base::Result<VerifyReport> VerifyArchive(Archive& archive,
                                         const std::optional<std::string>& verifier_key) {
  VerifyReport report;
  if (auto s = archive.VerifyFiles(); !s.ok()) report.problems.push_back(s.message());
  Store& store = archive.store();
  if (auto s = store.CheckIntegrity(); !s.ok()) report.problems.push_back(s.message());

  std::map<std::string, vault::CustodyEntry> logged;  // source id -> its source.add entry
  auto tree = LoadCustodyTree(store, [&](uint64_t, const vault::CustodyEntry& e) {
    if (e.action == "source.add" && e.objects.contains("source"))
      logged.emplace(e.objects.at("source"), e);
  });
  if (!tree) report.problems.push_back(tree.error().message());

  ASSIGN_OR_RETURN(auto sources, store.ListSources());
  std::set<std::string> blobs;
  for (const auto& s : sources) {
    blobs.insert(s.sha256);
    blobs.insert(s.text_sha256);
    std::string what = "source " + s.id.ToString();
    CheckBlob(archive.blobs(), s.sha256, what + " (original)", &report);
    CheckBlob(archive.blobs(), s.text_sha256, what + " (text)", &report);
    if (!tree) continue;
    auto it = logged.find(s.id.ToString());
    if (it == logged.end()) {
      report.problems.push_back(what + ": no custody log entry records it");
    } else if (it->second.hashes["original_sha256"] != s.sha256 ||
               it->second.hashes["text_sha256"] != s.text_sha256) {
      report.problems.push_back(what +
                                ": its hashes differ from those its custody log entry recorded");
    }
  }
  report.sources = sources.size();
  report.blobs = blobs.size();
  report.custody_entries = tree ? tree->size() : 0;

  std::optional<std::string> vkey = verifier_key;
  if (!vkey) {
    if (auto recorded = archive.VerifierKey()) vkey = *recorded;
  }
  if (tree) CheckCustodyNodes(store, *tree, &report);
  if (tree && vkey) {
    CheckCheckpoints(store, *tree, *vkey, &report);
    report.checkpoints_checked = true;
  }
  return report;
}

}  // namespace sijill::store
