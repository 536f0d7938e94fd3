// sijill-verify-bench: how fast `verify` checks blob data on one core. Writes --megabytes
// MB of blobs of --blob-mb MB each into a new encrypted archive (and, for comparison, a
// new archive in the clear) under --work, then times store::HashStoredBlob — what
// `verify` does for every original and text blob: BlobStore::Open, read to the end,
// decrypt and authenticate every chunk, check the SHA-256 — over all of them. The blobs
// were just written, so they are read from the page cache: this measures the CPU cost,
// not the disk. Best of --runs runs; MB = 10^6 bytes of plaintext.
//   sijill-verify-bench [--work DIR] [--megabytes 512] [--blob-mb 8] [--runs 3]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "bench_util.h"
#include "store/archive.h"
#include "store/verify_archive.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path work = "bench-work/verify";
  uint64_t megabytes = 512;
  uint64_t blob_mb = 8;
  int runs = 3;
};

// Pseudo-random bytes (an LCG), different for every `seed`, so that blobs differ.
void Fill(std::string& s, uint32_t seed) {
  uint32_t x = seed * 2654435761u + 1;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
}

// Writes the blobs; returns their addresses.
base::Result<std::vector<std::string>> WriteBlobs(store::BlobStore& blobs, const Options& o) {
  std::vector<std::string> addresses;
  std::string piece(size_t{1} << 20, '\0');
  for (uint64_t i = 0; i < o.megabytes / o.blob_mb; ++i) {
    ASSIGN_OR_RETURN(auto writer, blobs.NewBlob());
    for (uint64_t mb = 0; mb < o.blob_mb; ++mb) {
      Fill(piece, static_cast<uint32_t>(i * o.blob_mb + mb));
      TRY(writer->Append(piece));
    }
    ASSIGN_OR_RETURN(auto committed, writer->Commit());
    addresses.push_back(committed.sha256);
  }
  return addresses;
}

// Seconds for the best of `runs` passes of HashStoredBlob over every blob.
base::Result<double> TimeVerify(store::BlobStore& blobs, const std::vector<std::string>& addresses,
                                int runs) {
  double best = 1e300;
  for (int run = 0; run < runs; ++run) {
    double start = NowSeconds();
    for (const auto& address : addresses) {
      ASSIGN_OR_RETURN(std::string hash, store::HashStoredBlob(blobs, address));
      if (hash != address) {
        return base::Error(base::Status::Corruption(fmt::format("{} hashes to {}", address, hash)));
      }
    }
    best = std::min(best, NowSeconds() - start);
  }
  return best;
}

base::Status Measure(const Options& o, bool encrypt) {
  fs::path dir = o.work / (encrypt ? "archive-encrypted" : "archive");
  fs::remove_all(dir);
  const std::string_view phrase = "sijill-bench";
  auto passphrase = vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(phrase.data()), phrase.size()));
  store::CreateOptions options;
  if (encrypt) {
    options.passphrase = &passphrase;
    options.cost = vault::KdfCost::ForTests();  // the KDF runs once; it is not measured
  }
  ASSIGN_OR_RETURN(auto archive, store::Archive::Create(dir, options));
  double start = NowSeconds();
  ASSIGN_OR_RETURN(auto addresses, WriteBlobs(archive->blobs(), o));
  double write = NowSeconds() - start;
  ASSIGN_OR_RETURN(double verify, TimeVerify(archive->blobs(), addresses, o.runs));
  const double mb = static_cast<double>(addresses.size() * o.blob_mb * (1 << 20)) / 1e6;
  fmt::print("{:<10} {:>6} blobs {:>8.1f} MB   write {:>7.1f} MB/s   verify {:>7.1f} MB/s\n",
             encrypt ? "encrypted" : "plain", addresses.size(), mb, mb / write, mb / verify);
  fs::remove_all(dir);
  return base::Status::Ok();
}

int Usage() {
  std::fprintf(stderr,
               "usage: sijill-verify-bench [--work DIR] [--megabytes 512] [--blob-mb 8] "
               "[--runs 3]\n");
  return 2;
}

int Run(int argc, char** argv) {
  Args args(argc, argv, {});
  Options o;
  if (auto w = args.Flag("work")) o.work = *w;
  if (auto m = args.Flag("megabytes")) o.megabytes = ParseCount(*m).value_or(0);
  if (auto b = args.Flag("blob-mb")) o.blob_mb = ParseCount(*b).value_or(0);
  if (auto r = args.Flag("runs")) o.runs = static_cast<int>(ParseCount(*r).value_or(0));
  if (!args.positional().empty() || !args.Unused().empty() || o.blob_mb == 0 ||
      o.megabytes < o.blob_mb || o.runs < 1) {
    return Usage();
  }
  fs::create_directories(o.work);
  fmt::print("verify's blob check (store::HashStoredBlob), one core, best of {} runs\n", o.runs);
  for (bool encrypt : {false, true}) {
    if (auto s = Measure(o, encrypt); !s.ok()) return fmt::print(stderr, "{}\n", s.message()), 1;
  }
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
