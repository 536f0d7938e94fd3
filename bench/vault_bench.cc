// Blob encryption throughput on one core, and the Argon2id cost table behind
// KdfCost::Default() (docs/formats/keys.md). Prints plain tables; best of --runs runs.
//   sijill-vault-bench [--megabytes N (default 256)] [--runs N (default 3)] [--no-kdf]
#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "bench_util.h"
#include "vault/blob_cipher.h"
#include "vault/key_slots.h"
#include "vault/subkeys.h"

namespace {

using sijill::bench::NowSeconds;
using namespace sijill::vault;  // NOLINT(google-build-using-namespace): a benchmark program

constexpr size_t kPiece = 1 << 20;

std::string Pattern(size_t size) {
  std::string s(size, '\0');
  uint32_t x = 1;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

template <class F>
double Best(int runs, F&& f) {
  double best = 1e300;
  for (int i = 0; i < runs; ++i) {
    double start = NowSeconds();
    f();
    best = std::min(best, NowSeconds() - start);
  }
  return best;
}

void Row(std::string_view what, uint64_t bytes, double seconds) {
  fmt::print("{:<44} {:>8.1f} MB/s  ({:.3f} s)\n", what, static_cast<double>(bytes) / 1e6 / seconds,
             seconds);
}

[[noreturn]] void Die(std::string_view what) {
  fmt::print(stderr, "sijill-vault-bench: {}\n", what);
  std::exit(1);
}

void BlobThroughput(uint64_t total, int runs) {
  BlobKeys keys = BlobKeys::Derive(SecretBytes::Random(kMasterKeyBytes));
  const std::string piece = Pattern(kPiece);
  std::string ciphertext;
  ciphertext.reserve(total + total / 1000 + 4096);
  BlobSummary summary;
  double encrypt = Best(runs, [&] {
    ciphertext.clear();
    auto writer = EncryptingBlobWriter::Create(keys, [&](std::string_view b) {
      ciphertext.append(b);
      return sijill::base::Status::Ok();
    });
    if (!writer.has_value()) Die(writer.error().message());
    for (uint64_t done = 0; done < total; done += kPiece) {
      if (!writer
               ->Write(std::string_view(piece).substr(0, std::min<uint64_t>(kPiece, total - done)))
               .ok()) {
        Die("write failed");
      }
    }
    auto finished = writer->Finish();
    if (!finished.has_value()) Die(finished.error().message());
    summary = *finished;
  });
  std::string buffer(kPiece, '\0');
  double decrypt = Best(runs, [&] {
    size_t pos = 0;
    auto source = [&](std::span<char> b) -> sijill::base::Result<size_t> {
      size_t n = std::min(b.size(), ciphertext.size() - pos);
      std::memcpy(b.data(), ciphertext.data() + pos, n);
      pos += n;
      return n;
    };
    auto reader = DecryptingBlobReader::Open(keys, source, summary.address);
    if (!reader.has_value()) Die(reader.error().message());
    for (;;) {
      auto n = reader->Read(buffer);
      if (!n.has_value()) Die(n.error().message());
      if (*n == 0) break;
    }
  });
  // The parts: what the writer does to every byte besides encrypting it.
  double sha = Best(runs, [&] {
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    for (uint64_t done = 0; done < total; done += kPiece) {
      crypto_hash_sha256_update(&st, reinterpret_cast<const unsigned char*>(piece.data()),
                                std::min<uint64_t>(kPiece, total - done));
    }
    unsigned char out[32];
    crypto_hash_sha256_final(&st, out);
  });
  double blake = Best(runs, [&] {
    crypto_generichash_state st;
    crypto_generichash_init(&st, keys.addresses.data(), keys.addresses.size(), 32);
    for (uint64_t done = 0; done < total; done += kPiece) {
      crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(piece.data()),
                                std::min<uint64_t>(kPiece, total - done));
    }
    unsigned char out[32];
    crypto_generichash_final(&st, out, sizeof out);
  });
  fmt::print("blob of {} MB, 64 KiB chunks, best of {} (MB = 10^6 bytes of plaintext)\n",
             total / 1000000, runs);
  Row("encrypt (EncryptingBlobWriter, into memory)", total, encrypt);
  Row("decrypt + verify (DecryptingBlobReader)", total, decrypt);
  Row("  of which SHA-256 alone (libsodium)", total, sha);
  Row("  of which keyed BLAKE2b-256 alone", total, blake);
}

void KdfTable(int runs) {
  const KdfCost costs[] = {{2, 64u << 20},  {3, 128u << 20}, {2, 256u << 20},
                           {3, 256u << 20}, {4, 256u << 20}, {2, 512u << 20}};
  fmt::print("\nArgon2id (crypto_pwhash) on one core, best of {}\n", runs);
  for (const KdfCost& cost : costs) {
    unsigned char out[32], salt[crypto_pwhash_SALTBYTES] = {};
    double t = Best(runs, [&] {
      if (crypto_pwhash(out, sizeof out, "passphrase", 10, salt, cost.opslimit, cost.memlimit,
                        crypto_pwhash_ALG_ARGON2ID13) != 0) {
        Die("crypto_pwhash failed");
      }
    });
    bool is_default = cost == KdfCost::Default();
    fmt::print("opslimit {} memlimit {:>4} MiB  {:.3f} s{}\n", cost.opslimit, cost.memlimit >> 20,
               t, is_default ? "   <- KdfCost::Default()" : "");
  }
}

}  // namespace

int main(int argc, char** argv) {
  uint64_t megabytes = 256;
  int runs = 3;
  bool kdf = true;
  for (int i = 1; i < argc; ++i) {
    std::string_view arg = argv[i];
    if (arg == "--megabytes" && i + 1 < argc) {
      megabytes = std::strtoull(argv[++i], nullptr, 10);
    } else if (arg == "--runs" && i + 1 < argc) {
      runs = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--no-kdf") {
      kdf = false;
    } else {
      Die("usage: sijill-vault-bench [--megabytes N] [--runs N] [--no-kdf]");
    }
  }
  EnsureSodium();
  BlobThroughput(megabytes * 1000 * 1000, runs);
  if (kdf) KdfTable(runs);
}
