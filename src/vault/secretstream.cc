#include "vault/secretstream.h"

#include <openssl/evp.h>

#include <cstdint>
#include <cstring>
#include <memory>

namespace sijill::vault::internal {
namespace {

constexpr size_t kMacBytes = 16;
// The state's 12-byte nonce: a 32-bit chunk counter, then 8 bytes updated by each MAC
// (libsodium's private COUNTERBYTES and INONCEBYTES).
constexpr size_t kCounterBytes = 4;
constexpr size_t kInonceBytes = 8;
constexpr size_t kBlockBytes = 64;

void StoreLe64(unsigned char* p, uint64_t v) {
  for (int i = 0; i < 8; ++i, v >>= 8) p[i] = static_cast<unsigned char>(v);
}

// libcrypto's ChaCha20 (16-byte IV: 32-bit little-endian block counter, then the 96-bit
// nonce, as RFC 8439) and Poly1305, one context each per thread.
struct Contexts {
  EVP_CIPHER* chacha = EVP_CIPHER_fetch(nullptr, "ChaCha20", nullptr);
  EVP_CIPHER_CTX* cipher = EVP_CIPHER_CTX_new();
  EVP_MAC* poly = EVP_MAC_fetch(nullptr, "POLY1305", nullptr);
  EVP_MAC_CTX* mac = poly != nullptr ? EVP_MAC_CTX_new(poly) : nullptr;
  ~Contexts() {
    EVP_MAC_CTX_free(mac);
    EVP_MAC_free(poly);
    EVP_CIPHER_CTX_free(cipher);
    EVP_CIPHER_free(chacha);
  }
  bool ok() const { return chacha && cipher && poly && mac; }
};

Contexts& ForThread() {
  thread_local Contexts contexts;
  if (!contexts.ok()) __builtin_trap();  // libcrypto without ChaCha20 or Poly1305
  return contexts;
}

bool Xor(Contexts& c, const unsigned char* key, const unsigned char* nonce12, uint32_t counter,
         const unsigned char* in, unsigned char* out, size_t len) {
  unsigned char iv[16];
  for (int i = 0; i < 4; ++i) iv[i] = static_cast<unsigned char>(counter >> (8 * i));
  std::memcpy(iv + 4, nonce12, 12);
  int n = 0;
  return EVP_EncryptInit_ex2(c.cipher, c.chacha, key, iv, nullptr) == 1 &&
         EVP_EncryptUpdate(c.cipher, out, &n, in, static_cast<int>(len)) == 1;
}

}  // namespace

int SecretstreamPull(crypto_secretstream_xchacha20poly1305_state* state, unsigned char* m,
                     unsigned char* tag, const unsigned char* in, size_t inlen,
                     const unsigned char* ad, size_t adlen) {
  static const unsigned char kZeros[16] = {};
  if (inlen < crypto_secretstream_xchacha20poly1305_ABYTES) return -1;
  const size_t mlen = inlen - crypto_secretstream_xchacha20poly1305_ABYTES;
  Contexts& c = ForThread();
  // Block 0 of the keystream is the Poly1305 key; block 1 encrypts the tag byte.
  unsigned char block[kBlockBytes];
  crypto_stream_chacha20_ietf(block, sizeof block, state->nonce, state->k);
  bool ok = EVP_MAC_init(c.mac, block, 32, nullptr) == 1;
  sodium_memzero(block, sizeof block);
  ok = ok && EVP_MAC_update(c.mac, ad, adlen) == 1 &&
       EVP_MAC_update(c.mac, kZeros, (0x10 - adlen) & 0xf) == 1;
  std::memset(block, 0, sizeof block);
  block[0] = in[0];
  crypto_stream_chacha20_ietf_xor_ic(block, block, sizeof block, state->nonce, 1U, state->k);
  const unsigned char found_tag = block[0];
  block[0] = in[0];
  const unsigned char* ciphertext = in + 1;
  unsigned char lengths[16];
  StoreLe64(lengths, adlen);
  StoreLe64(lengths + 8, sizeof block + mlen);
  ok = ok && EVP_MAC_update(c.mac, block, sizeof block) == 1 &&
       EVP_MAC_update(c.mac, ciphertext, mlen) == 1 &&
       EVP_MAC_update(c.mac, kZeros, (0x10 - sizeof block + mlen) & 0xf) == 1 &&
       EVP_MAC_update(c.mac, lengths, sizeof lengths) == 1;
  unsigned char mac[kMacBytes];
  size_t mac_len = 0;
  ok = ok && EVP_MAC_final(c.mac, mac, &mac_len, sizeof mac) == 1 && mac_len == sizeof mac;
  if (!ok || sodium_memcmp(mac, ciphertext + mlen, sizeof mac) != 0) {
    sodium_memzero(mac, sizeof mac);
    return -1;
  }
  // The message from block 2 on, then the state moves on exactly as libsodium's does.
  if (!Xor(c, state->k, state->nonce, 2U, ciphertext, m, mlen)) __builtin_trap();
  unsigned char* inonce = state->nonce + kCounterBytes;
  for (size_t i = 0; i < kInonceBytes; ++i) inonce[i] ^= mac[i];
  sodium_increment(state->nonce, kCounterBytes);
  if ((found_tag & crypto_secretstream_xchacha20poly1305_TAG_REKEY) != 0 ||
      sodium_is_zero(state->nonce, kCounterBytes)) {
    crypto_secretstream_xchacha20poly1305_rekey(state);
  }
  *tag = found_tag;
  return 0;
}

}  // namespace sijill::vault::internal
