// SHA-256, for content addresses of originals and text blobs, blob trailers and Merkle
// leaves. OpenSSL's libcrypto computes it: it uses the CPU's SHA extensions (SHA-NI) when
// there are any, about ten times libsodium's portable code (docs/ARCHITECTURE.md).
// A Sha256 object is not thread-safe; use one per stream.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace sijill::vault {

inline constexpr size_t kSha256Bytes = 32;
using Sha256Digest = std::array<unsigned char, kSha256Bytes>;

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(Sha256&&) noexcept;
  Sha256& operator=(Sha256&&) noexcept;

  void Update(std::string_view bytes);
  void Update(std::span<const unsigned char> bytes);
  // Finishes the hash. Call one of them, once.
  Sha256Digest Finish();
  std::string FinishHex();  // 64 lower-case hex digits

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

// The SHA-256 of `bytes`, as a digest and as 64 lower-case hex digits.
Sha256Digest Sha256Of(std::span<const unsigned char> bytes);
std::string Sha256Hex(std::string_view bytes);

}  // namespace sijill::vault
