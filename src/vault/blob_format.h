// Internal to vault/: the constants and pieces of the encrypted blob format shared by
// the writer (blob_cipher.cc) and the reader (blob_reader.cc). Grammar:
// docs/formats/blobs.md. Thread-safe.
#pragma once

#include <sodium.h>

#include <cstdint>
#include <string>
#include <string_view>

#include "vault/secret.h"

namespace sijill::vault::internal {

inline constexpr std::string_view kBlobMagic{"SIJBLOB\n", 8};
inline constexpr uint8_t kBlobVersion = 1;
inline constexpr size_t kKeyCheckBytes = 16;
inline constexpr size_t kStreamHeaderBytes = crypto_secretstream_xchacha20poly1305_HEADERBYTES;
// magic version chunk-size stream-header: the associated data of chunk 0.
inline constexpr size_t kBoundHeaderBytes = 8 + 1 + 4 + kStreamHeaderBytes;
inline constexpr size_t kHeaderBytes = kBoundHeaderBytes + kKeyCheckBytes;
inline constexpr size_t kChunkOverhead = crypto_secretstream_xchacha20poly1305_ABYTES;
inline constexpr size_t kLengthBytes = 4;          // data-length field of a chunk
inline constexpr size_t kMetaBytes = 8 + 32 + 32;  // size, SHA-256, address
inline constexpr size_t kAddressBytes = 32;

// BLAKE2b-128 of a fixed string under the blob-contents key: tells "wrong key" apart from
// "damaged chunk 0" (docs/formats/blobs.md, "key check").
inline void BlobKeyCheck(const SecretBytes& contents_key, unsigned char out[kKeyCheckBytes]) {
  constexpr std::string_view kDomain = "sijill blob key check";
  crypto_generichash(out, kKeyCheckBytes, reinterpret_cast<const unsigned char*>(kDomain.data()),
                     kDomain.size(), contents_key.data(), contents_key.size());
}

inline std::string Hex(const unsigned char* bytes, size_t n) {
  std::string hex(2 * n + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), bytes, n);
  hex.pop_back();
  return hex;
}

// Hashing and stream state that holds key material, kept in one sodium_malloc block
// (guarded, locked, zeroed when freed). The generichash state needs 64-byte alignment:
// sodium_malloc puts a block of a multiple-of-64 size at a page end, so it gets it.
struct SecretStates {
  struct Layout {
    crypto_generichash_state address;  // keyed with the blob-address key
    crypto_secretstream_xchacha20poly1305_state stream;
  };
  static constexpr size_t kSize = (sizeof(Layout) + 63) / 64 * 64;
  SecretStates() : memory(kSize) {
    if (reinterpret_cast<uintptr_t>(memory.data()) % alignof(Layout) != 0) __builtin_trap();
  }
  Layout& get() { return *reinterpret_cast<Layout*>(memory.data()); }
  SecretBytes memory;
};

}  // namespace sijill::vault::internal
