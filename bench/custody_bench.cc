// sijill-custody-bench: what `sijill prove` costs on a long custody log. Appends
// --entries "source.add" entries to the custody log of a new archive (in transactions
// of 100,000, through Store::BeginWrite and AppendCustody, as the intake would one at a
// time), reopens it read-only, then times, best of --runs:
//   find     store::FindSourceEntry for the last source (prove's lookup: a scan)
//   full     store::LoadCustodyTree: every entry read, parsed and re-hashed (verify's check)
//   fast     store::LoadCustodyTreeFromLeafHashes: the stored leaf hashes only (prove)
//   proof    MerkleTree::InclusionProof of one leaf once the tree is built (the library)
//   sijill-custody-bench [--work DIR] [--entries 1000000] [--runs 3] [--encrypted]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>

#include "base/id.h"
#include "bench_util.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "store/custody_tree.h"
#include "vault/custody.h"
#include "vault/sha256.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

constexpr uint64_t kBatch = 100000;

std::string EntryFor(const std::string& archive_id, uint64_t i, std::string* source_id) {
  vault::CustodyEntry e;
  e.archive = archive_id;
  e.time = "2026-11-27T09:30:00Z";
  e.actor = "bench";
  e.action = "source.add";
  *source_id = base::Id::Random().ToString();
  e.objects["source"] = *source_id;
  e.hashes["original_sha256"] = vault::Sha256Hex(fmt::format("original {}", i));
  e.hashes["text_sha256"] = vault::Sha256Hex(fmt::format("text {}", i));
  return vault::CanonicalBytes(e);
}

// Appends `n` entries; returns the last one's source id.
base::Result<std::string> Fill(store::Store& s, uint64_t n) {
  ASSIGN_OR_RETURN(std::string archive_id, s.ArchiveId());
  std::string last;
  for (uint64_t done = 0; done < n;) {
    ASSIGN_OR_RETURN(auto txn, s.BeginWrite());
    for (uint64_t end = std::min(n, done + kBatch); done < end; ++done) {
      std::string entry = EntryFor(archive_id, done, &last);
      auto appended = txn->AppendCustody(entry, vault::CustodyLeafHashHex(entry));
      if (!appended) return base::Error(appended.error());
    }
    TRY(txn->Commit());
  }
  return last;
}

// The best of `runs` timings of `f`, in milliseconds.
base::Result<double> BestMs(int runs, const std::function<base::Status()>& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    double start = NowSeconds();
    TRY(f());
    best = std::min(best, (NowSeconds() - start) * 1e3);
  }
  return best;
}

base::Status Measure(const fs::path& dir, uint64_t entries, int runs, bool encrypt) {
  const std::string_view phrase = "sijill-bench";
  auto passphrase = vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(phrase.data()), phrase.size()));
  store::KeyProvider keys = [&](const fs::path& d) -> base::Result<vault::SecretBytes> {
    ASSIGN_OR_RETURN(auto key_file, store::ReadKeyFile(d));
    return key_file.Unlock(phrase);
  };
  std::string last;
  {
    fs::remove_all(dir);
    store::CreateOptions options;
    if (encrypt) {
      options.passphrase = &passphrase;
      options.cost = vault::KdfCost::ForTests();  // the KDF is not what this measures
    }
    ASSIGN_OR_RETURN(auto archive, store::Archive::Create(dir, options));
    double start = NowSeconds();
    ASSIGN_OR_RETURN(last, Fill(archive->store(), entries - 1));  // + "archive.create"
    fmt::print("appended {} entries in {:.1f} s\n", entries - 1, NowSeconds() - start);
  }
  ASSIGN_OR_RETURN(auto archive, store::Archive::Open(dir, store::OpenMode::kReadOnly, keys));
  store::Store& s = archive->store();
  uint64_t index = 0;
  ASSIGN_OR_RETURN(double find, BestMs(runs, [&]() -> base::Status {
                     ASSIGN_OR_RETURN(auto found, store::FindSourceEntry(s, last));
                     if (!found) return base::Status::NotFound("the last source's entry");
                     index = found->index;
                     return base::Status::Ok();
                   }));
  vault::MerkleTree tree;
  ASSIGN_OR_RETURN(double full, BestMs(runs, [&]() -> base::Status {
                     ASSIGN_OR_RETURN(tree, store::LoadCustodyTree(s));
                     return base::Status::Ok();
                   }));
  vault::Hash root = tree.Root();
  ASSIGN_OR_RETURN(double fast, BestMs(runs, [&]() -> base::Status {
                     ASSIGN_OR_RETURN(tree, store::LoadCustodyTreeFromLeafHashes(s));
                     return base::Status::Ok();
                   }));
  if (tree.Root() != root) return base::Status::Internal("the two trees differ");
  size_t length = 0;
  const int reps = 10000;
  ASSIGN_OR_RETURN(double proof, BestMs(runs, [&]() -> base::Status {
                     for (int i = 0; i < reps; ++i) {
                       ASSIGN_OR_RETURN(
                           auto path, tree.InclusionProof((index + i) % tree.size(), tree.size()));
                       length = path.size();
                     }
                     return base::Status::Ok();
                   }));
  fmt::print("{} archive, log of {} entries, best of {} runs:\n", encrypt ? "encrypted" : "plain",
             tree.size(), runs);
  fmt::print("  find the source's entry (scan)      {:>10.1f} ms\n", find);
  fmt::print("  LoadCustodyTree (parse + rehash)    {:>10.1f} ms\n", full);
  fmt::print("  tree from stored leaf hashes        {:>10.1f} ms\n", fast);
  fmt::print("  InclusionProof, tree built          {:>10.4f} ms ({} hashes, {} bytes)\n",
             proof / reps, length, length * sizeof(vault::Hash));
  return base::Status::Ok();
}

int Run(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"encrypted"};
  Args args(argc, argv, kSwitches);
  fs::path work = args.Flag("work").value_or("bench-work/custody");
  uint64_t entries = ParseCount(args.Flag("entries").value_or("1000000")).value_or(0);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(0));
  bool encrypt = args.Has("encrypted");
  if (!args.positional().empty() || !args.Unused().empty() || entries < 2 || runs < 1) {
    std::fprintf(stderr,
                 "usage: sijill-custody-bench [--work DIR] [--entries 1000000] [--runs 3] "
                 "[--encrypted]\n");
    return 2;
  }
  fs::create_directories(work);
  base::Status s =
      Measure(work / (encrypt ? "archive-encrypted" : "archive"), entries, runs, encrypt);
  if (!s.ok()) return fmt::print(stderr, "{}\n", s.message()), 1;
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
