// sijill-custody-bench: what `sijill prove` costs on a long custody log. Appends
// --entries "source.add" entries to the custody log of a new archive (in transactions
// of 100,000, through Store::BeginWrite and AppendCustody, as the intake would one at a
// time; this also writes the stored tree's nodes), reopens it read-only, then times,
// best of --runs:
//   find     store::FindSourceEntry for the last source (an index lookup)
//   full     store::LoadCustodyTree: every entry read, parsed and re-hashed (verify's check)
//   leaves   store::LoadCustodyTreeFromLeafHashes: the stored leaf hashes only (what
//            prove did before the stored tree)
//   proof    MerkleTree::InclusionProof of one leaf once the tree is built (the library)
// and, for --samples random sources each (percentiles):
//   prove    what `sijill prove` does after opening the archive: FindSourceEntry, then
//            store::ProveInclusion (the path from the stored tree, checked against a
//            signed checkpoint of the whole log, and the JSON document)
//   path     StoredCustodyTree::InclusionProof alone, a new object each time
//   extends  store::ProveConsistency from a random earlier size to the whole log
// and last, with the archive opened for writing:
//   append   512 entries, one per transaction with its commit (as `sijill add` appends)
//   sijill-custody-bench [--work DIR] [--entries 1000000] [--runs 3] [--samples 1000]
//                        [--encrypted]
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <string>

#include "base/id.h"
#include "bench_util.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "store/custody_proofs.h"
#include "store/custody_tree.h"
#include "vault/checkpoint.h"
#include "vault/custody.h"
#include "vault/proof.h"
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

// Appends `n` entries; returns the last one's source id. `sampled` maps some entry
// numbers (from 0) to nothing; they get their source ids.
base::Result<std::string> Fill(store::Store& s, uint64_t n,
                               std::map<uint64_t, std::string>* sampled) {
  ASSIGN_OR_RETURN(std::string archive_id, s.ArchiveId());
  std::string last;
  for (uint64_t done = 0; done < n;) {
    ASSIGN_OR_RETURN(auto txn, s.BeginWrite());
    for (uint64_t end = std::min(n, done + kBatch); done < end; ++done) {
      std::string entry = EntryFor(archive_id, done, &last);
      if (auto it = sampled->find(done); it != sampled->end()) it->second = last;
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

double ThreadCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Milliseconds of each call of `f(i)` for i in [0, n): wall time and this thread's CPU
// time (on a shared machine the two differ by the time the thread waited for a core).
struct Timings {
  Percentiles wall, cpu;
};
base::Result<Timings> EachMs(size_t n, const std::function<base::Status(size_t)>& f) {
  std::vector<double> wall, cpu;
  for (size_t i = 0; i < n; ++i) {
    double start = NowSeconds(), start_cpu = ThreadCpuSeconds();
    TRY(f(i));
    wall.push_back((NowSeconds() - start) * 1e3);
    cpu.push_back((ThreadCpuSeconds() - start_cpu) * 1e3);
  }
  return Timings{ComputePercentiles(std::move(wall)), ComputePercentiles(std::move(cpu))};
}

void PrintPercentiles(std::string_view what, const Timings& t) {
  fmt::print("  {:<36}p50 {:.3f} ms, p99 {:.3f} ms, max {:.3f} ms (CPU p50 {:.3f}, p99 {:.3f})\n",
             what, t.wall.p50, t.wall.p99, t.wall.max, t.cpu.p50, t.cpu.p99);
}

// The prove, path and extends timings of the docblock, against a checkpoint of the tree.
base::Status MeasureProofs(store::Store& s, const vault::MerkleTree& tree,
                           const std::map<uint64_t, std::string>& sampled) {
  std::array<uint8_t, 32> seed{};
  ASSIGN_OR_RETURN(auto key, vault::SigningKey::FromSeed("bench-log", seed));
  const std::string note = vault::SignCheckpoint({"bench-log", tree.size(), tree.Root()}, key);
  const std::string vkey = key.VerifierKeyText();
  std::vector<std::string> sources;
  for (const auto& [n, id] : sampled) sources.push_back(id);
  std::mt19937_64 rng(42);
  std::shuffle(sources.begin(), sources.end(), rng);
  std::vector<std::string> docs(sources.size());
  std::vector<uint64_t> indexes(sources.size());
  ASSIGN_OR_RETURN(Timings prove, EachMs(sources.size(), [&](size_t i) -> base::Status {
                     ASSIGN_OR_RETURN(auto found, store::FindSourceEntry(s, sources[i]));
                     if (!found) return base::Status::NotFound("a sampled source's entry");
                     indexes[i] = found->index;
                     ASSIGN_OR_RETURN(docs[i], store::ProveInclusion(s, *found, note));
                     return base::Status::Ok();
                   }));
  // Every proof written must verify, and be the library's.
  for (size_t i = 0; i < docs.size(); ++i) {
    ASSIGN_OR_RETURN(auto proven, vault::VerifyProofDocument(docs[i], vkey));
    (void)proven;
  }
  size_t length = 0;
  ASSIGN_OR_RETURN(Timings path, EachMs(indexes.size(), [&](size_t i) -> base::Status {
                     store::StoredCustodyTree stored(s, tree.size());
                     ASSIGN_OR_RETURN(auto hashes, stored.InclusionProof(indexes[i]));
                     if (hashes != *tree.InclusionProof(indexes[i], tree.size()))
                       return base::Status::Internal("a stored path differs from the tree's");
                     length = std::max(length, hashes.size());
                     return base::Status::Ok();
                   }));
  ASSIGN_OR_RETURN(Timings extends, EachMs(indexes.size() / 10, [&](size_t i) -> base::Status {
                     uint64_t old_size = 1 + indexes[i] % (tree.size() - 1);
                     std::string old_note = vault::SignCheckpoint(
                         {"bench-log", old_size, *tree.RootAt(old_size)}, key);
                     ASSIGN_OR_RETURN(auto doc, store::ProveConsistency(s, old_note, note));
                     return base::Status::Ok();
                   }));
  fmt::print("  over {} random sources (the path check above included in 'path'):\n",
             sources.size());
  PrintPercentiles("prove: find + ProveInclusion", prove);
  PrintPercentiles("path: StoredCustodyTree only", path);
  PrintPercentiles(fmt::format("extends: ProveConsistency ({})", indexes.size() / 10), extends);
  fmt::print("  longest path: {} hashes, {} bytes\n", length, length * sizeof(vault::Hash));
  return base::Status::Ok();
}

// Appends one entry per transaction, as `sijill add` does for each file (commit and
// fsync included), to the full log: what the stored tree and the index add to intake.
base::Status MeasureSingleAppends(const fs::path& dir, const store::KeyProvider& keys) {
  ASSIGN_OR_RETURN(auto archive, store::Archive::Open(dir, store::OpenMode::kReadWrite, keys));
  store::Store& s = archive->store();
  ASSIGN_OR_RETURN(std::string archive_id, s.ArchiveId());
  std::string id;
  const size_t n = 512;  // crosses two 256-leaf blocks whatever the size
  ASSIGN_OR_RETURN(Timings appends, EachMs(n, [&](size_t i) -> base::Status {
                     std::string entry = EntryFor(archive_id, i, &id);
                     ASSIGN_OR_RETURN(auto txn, s.BeginWrite());
                     ASSIGN_OR_RETURN(auto index,
                                      txn->AppendCustody(entry, vault::CustodyLeafHashHex(entry)));
                     (void)index;
                     return txn->Commit();
                   }));
  PrintPercentiles(fmt::format("append, one per transaction ({})", n), appends);
  return base::Status::Ok();
}

base::Status Measure(const fs::path& dir, uint64_t entries, int runs, size_t samples,
                     bool encrypt) {
  const std::string_view phrase = "sijill-bench";
  auto passphrase = vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(phrase.data()), phrase.size()));
  store::KeyProvider keys = [&](const fs::path& d) -> base::Result<vault::SecretBytes> {
    ASSIGN_OR_RETURN(auto key_file, store::ReadKeyFile(d));
    return key_file.Unlock(phrase);
  };
  std::string last;
  std::map<uint64_t, std::string> sampled;
  std::mt19937_64 rng(42);
  while (sampled.size() < std::min<uint64_t>(samples, entries - 1))
    sampled.emplace(rng() % (entries - 1), "");
  {
    fs::remove_all(dir);
    store::CreateOptions options;
    if (encrypt) {
      options.passphrase = &passphrase;
      options.cost = vault::KdfCost::ForTests();  // the KDF is not what this measures
    }
    ASSIGN_OR_RETURN(auto archive, store::Archive::Create(dir, options));
    double start = NowSeconds();
    std::clock_t start_cpu = std::clock();
    ASSIGN_OR_RETURN(last, Fill(archive->store(), entries - 1, &sampled));  // + archive.create
    double seconds = NowSeconds() - start;
    double cpu = static_cast<double>(std::clock() - start_cpu) / CLOCKS_PER_SEC;
    fmt::print("appended {} entries in {:.1f} s, CPU {:.1f} s ({:.1f} µs each)\n", entries - 1,
               seconds, cpu, cpu / static_cast<double>(entries - 1) * 1e6);
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
  fmt::print("  find the last source's entry        {:>10.3f} ms\n", find);
  fmt::print("  LoadCustodyTree (parse + rehash)    {:>10.1f} ms\n", full);
  fmt::print("  tree from stored leaf hashes        {:>10.1f} ms\n", fast);
  fmt::print("  InclusionProof, tree built          {:>10.4f} ms ({} hashes, {} bytes)\n",
             proof / reps, length, length * sizeof(vault::Hash));
  TRY(MeasureProofs(s, tree, sampled));
  return MeasureSingleAppends(dir, keys);
}

int Run(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"encrypted"};
  Args args(argc, argv, kSwitches);
  fs::path work = args.Flag("work").value_or("bench-work/custody");
  uint64_t entries = ParseCount(args.Flag("entries").value_or("1000000")).value_or(0);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(0));
  size_t samples = ParseCount(args.Flag("samples").value_or("1000")).value_or(0);
  bool encrypt = args.Has("encrypted");
  if (!args.positional().empty() || !args.Unused().empty() || entries < 2 || runs < 1 ||
      samples < 10) {
    std::fprintf(stderr,
                 "usage: sijill-custody-bench [--work DIR] [--entries 1000000] [--runs 3] "
                 "[--samples 1000] [--encrypted]\n");
    return 2;
  }
  fs::create_directories(work);
  base::Status s =
      Measure(work / (encrypt ? "archive-encrypted" : "archive"), entries, runs, samples, encrypt);
  if (!s.ok()) return fmt::print(stderr, "{}\n", s.message()), 1;
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
