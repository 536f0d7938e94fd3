// Custody-log core on one core: appends per second into a MerkleTree, then the time to
// compute roots and inclusion / consistency proofs at random earlier sizes of a
// 1,000,000-leaf tree, to verify them, and to write and verify a signed proof document.
//   sijill-merkle-bench [--leaves N] [--proofs N] [--entry-bytes N]
#include <fmt/format.h>
#include <sys/resource.h>

#include <random>
#include <string>
#include <vector>

#include "bench_util.h"
#include "vault/checkpoint.h"
#include "vault/merkle.h"
#include "vault/proof.h"

namespace {

using sijill::bench::ComputePercentiles;
using sijill::bench::NowSeconds;
using sijill::vault::Hash;
using sijill::vault::MerkleTree;
using sijill::vault::VerifyConsistency;
using sijill::vault::VerifyInclusion;
using sijill::vault::VerifyProofDocument;

long MaxRssKb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

// Times `body` over `n` calls and prints one row: mean and percentiles in microseconds.
template <class Body>
void TimeRow(std::string_view what, int n, Body body) {
  std::vector<double> samples;
  samples.reserve(n);
  double total = 0;
  for (int i = 0; i < n; ++i) {
    double start = NowSeconds();
    body(i);
    double elapsed = NowSeconds() - start;
    samples.push_back(elapsed * 1e6);
    total += elapsed;
  }
  auto p = ComputePercentiles(samples);
  fmt::print("{:<42} {:>9.2f} {:>9.2f} {:>9.2f} {:>9.2f}\n", what, total / n * 1e6, p.p50, p.p99,
             p.max);
}

}  // namespace

int main(int argc, char** argv) {
  sijill::bench::Args args(argc, argv);
  auto count = [&](std::string_view name, uint64_t fallback) {
    auto text = args.Flag(name);
    auto value = text ? sijill::bench::ParseCount(*text) : fallback;
    if (!value || *value == 0) {
      fmt::print(stderr, "sijill-merkle-bench: --{} needs a positive count\n", name);
      std::exit(2);
    }
    return *value;
  };
  uint64_t leaves = count("leaves", 1000000);
  int proofs = static_cast<int>(count("proofs", 10000));
  size_t entry_bytes = count("entry-bytes", 256);
  if (!args.Unused().empty() || !args.positional().empty()) {
    fmt::print(stderr, "usage: sijill-merkle-bench [--leaves N] [--proofs N] [--entry-bytes N]\n");
    return 2;
  }

  // Entries of a fixed size, each distinct.
  std::string entry(entry_bytes, 'e');
  MerkleTree tree;
  double start = NowSeconds();
  for (uint64_t i = 0; i < leaves; ++i) {
    std::string number = std::to_string(i);
    entry.replace(0, number.size(), number);
    tree.Append(entry);
  }
  double append_seconds = NowSeconds() - start;

  MerkleTree from_hashes;
  start = NowSeconds();
  for (uint64_t i = 0; i < leaves; ++i) from_hashes.AppendLeafHash(tree.leaf_hash(i));
  double rebuild_seconds = NowSeconds() - start;

  fmt::print("leaves {}, entry {} bytes, peak RSS {} MB\n", leaves, entry_bytes, MaxRssKb() / 1024);
  fmt::print("Append(entry)        {:>12.0f} appends/s  ({:.2f} s)\n",
             static_cast<double>(leaves) / append_seconds, append_seconds);
  fmt::print("AppendLeafHash(hash) {:>12.0f} appends/s  ({:.2f} s, e.g. reopening a log)\n\n",
             static_cast<double>(leaves) / rebuild_seconds, rebuild_seconds);

  std::mt19937_64 rng(42);
  std::vector<uint64_t> sizes(proofs), firsts(proofs);
  for (int i = 0; i < proofs; ++i) {
    sizes[i] = 1 + rng() % leaves;
    firsts[i] = rng() % sizes[i];  // a leaf index, or an old size (0 allowed)
  }
  std::vector<std::vector<Hash>> inclusion(proofs), consistency(proofs);
  std::vector<Hash> roots(proofs);

  fmt::print("{:<42} {:>9} {:>9} {:>9} {:>9}\n", "microseconds per call (random sizes)", "mean",
             "p50", "p99", "max");
  TimeRow("Root() of the whole tree", 1000, [&](int) { roots[0] = tree.Root(); });
  TimeRow("RootAt(random size)", proofs, [&](int i) { roots[i] = tree.RootAt(sizes[i]).value(); });
  TimeRow("InclusionProof(random leaf, size)", proofs,
          [&](int i) { inclusion[i] = tree.InclusionProof(firsts[i], sizes[i]).value(); });
  TimeRow("ConsistencyProof(random old, size)", proofs,
          [&](int i) { consistency[i] = tree.ConsistencyProof(firsts[i], sizes[i]).value(); });
  TimeRow("VerifyInclusion", proofs, [&](int i) {
    if (!VerifyInclusion(tree.leaf_hash(firsts[i]), firsts[i], sizes[i], inclusion[i], roots[i])
             .ok()) {
      std::abort();
    }
  });
  TimeRow("VerifyConsistency", proofs, [&](int i) {
    Hash old_root = tree.RootAt(firsts[i]).value();
    if (!VerifyConsistency(firsts[i], sizes[i], consistency[i], old_root, roots[i]).ok()) {
      std::abort();
    }
  });

  std::array<uint8_t, 32> seed{};
  auto key = sijill::vault::SigningKey::FromSeed("bench.example/log", seed).value();
  std::string vkey = key.VerifierKeyText();
  std::string note = SignCheckpoint({"bench.example/log", leaves, tree.Root()}, key);
  std::vector<std::string> documents(std::min(proofs, 2000));
  int docs = static_cast<int>(documents.size());
  TimeRow("SignCheckpoint", docs, [&](int) {
    note = SignCheckpoint({"bench.example/log", leaves, tree.Root()}, key);
  });
  TimeRow("MakeInclusionProofDocument (JSON)", docs, [&](int i) {
    std::string bytes(entry_bytes, 'e');
    std::string number = std::to_string(firsts[i]);
    bytes.replace(0, number.size(), number);
    documents[i] = MakeInclusionProofDocument(tree, bytes, firsts[i], note).value();
  });
  TimeRow("VerifyProofDocument (signature + proof)", docs, [&](int i) {
    if (!VerifyProofDocument(documents[i], vkey).has_value()) std::abort();
  });
  fmt::print("\npeak RSS {} MB\n", MaxRssKb() / 1024);
  return 0;
}
