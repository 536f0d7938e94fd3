#include "vault/sha256.h"

#include <sodium.h>

#include <cstring>

namespace sijill::vault {
namespace {
static_assert(sizeof(crypto_hash_sha256_state) <= 128);

crypto_hash_sha256_state* StateOf(std::array<unsigned char, 128>& raw) {
  return reinterpret_cast<crypto_hash_sha256_state*>(raw.data());
}
}  // namespace

Sha256::Sha256() {
  if (sodium_init() < 0) __builtin_trap();
  crypto_hash_sha256_init(StateOf(state_));
}

void Sha256::Update(std::string_view bytes) {
  crypto_hash_sha256_update(StateOf(state_), reinterpret_cast<const unsigned char*>(bytes.data()),
                            bytes.size());
}

std::string Sha256::FinishHex() {
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(StateOf(state_), digest);
  char hex[crypto_hash_sha256_BYTES * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
  return std::string(hex, crypto_hash_sha256_BYTES * 2);
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.FinishHex();
}

}  // namespace sijill::vault
