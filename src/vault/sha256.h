// SHA-256 (libsodium), for content addresses of originals and text blobs.
// A Sha256 object is not thread-safe; use one per stream.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace sijill::vault {

class Sha256 {
 public:
  Sha256();
  void Update(std::string_view bytes);
  // Finishes the hash and returns it as 64 lower-case hex digits. Call once.
  std::string FinishHex();

 private:
  alignas(64) std::array<unsigned char, 128> state_;  // crypto_hash_sha256_state
};

// The hex SHA-256 of `bytes`.
std::string Sha256Hex(std::string_view bytes);

}  // namespace sijill::vault
