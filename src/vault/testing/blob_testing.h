// Helpers for the vault's blob tests: encrypt a string in memory, and decrypt bytes held in
// memory while recording what the reader delivered before any error. Test-only.
#pragma once

#include <algorithm>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

#include "vault/blob_cipher.h"

namespace sijill::vault::testing {

inline BlobKeys TestKeys(uint8_t seed) {
  SecretBytes master(32);
  for (size_t i = 0; i < master.size(); ++i) master.data()[i] = static_cast<uint8_t>(seed + i);
  return BlobKeys::Derive(master);
}

// A source over `bytes`, which must outlive it.
inline ByteSource StringSource(std::string_view bytes) {
  auto pos = std::make_shared<size_t>(0);
  return [bytes, pos](std::span<char> buffer) -> base::Result<size_t> {
    size_t n = std::min(buffer.size(), bytes.size() - *pos);
    std::memcpy(buffer.data(), bytes.data() + *pos, n);
    *pos += n;
    return n;
  };
}

struct Encrypted {
  std::string ciphertext;
  BlobSummary summary;
};

// Encrypts `plain`, written in pieces of `piece` bytes.
inline Encrypted Encrypt(const BlobKeys& keys, std::string_view plain, size_t chunk_size,
                         size_t piece = 1000) {
  Encrypted out;
  auto writer = EncryptingBlobWriter::Create(
      keys,
      [&out](std::string_view bytes) {
        out.ciphertext.append(bytes);
        return base::Status::Ok();
      },
      chunk_size);
  if (!writer.has_value()) std::abort();
  for (size_t i = 0; i < plain.size(); i += piece) {
    if (!writer->Write(plain.substr(i, piece)).ok()) std::abort();
  }
  auto summary = writer->Finish();
  if (!summary.has_value()) std::abort();
  out.summary = *summary;
  return out;
}

struct Decrypted {
  base::Status status;    // ok, or the first error
  std::string delivered;  // plaintext returned before the end or the error
};

inline Decrypted Decrypt(const BlobKeys& keys, std::string_view ciphertext,
                         std::string_view address, size_t read_size = 777) {
  Decrypted out;
  auto reader = DecryptingBlobReader::Open(keys, StringSource(ciphertext), address);
  if (!reader.has_value()) {
    out.status = reader.error();
    return out;
  }
  std::string buffer(read_size, '\0');
  for (;;) {
    auto n = reader->Read(buffer);
    if (!n.has_value()) {
      out.status = n.error();
      return out;
    }
    if (*n == 0) return out;
    out.delivered.append(buffer.data(), *n);
  }
}

// Deterministic bytes that differ from chunk to chunk.
inline std::string Pattern(size_t size, uint32_t seed = 1) {
  std::string s(size, '\0');
  uint32_t x = seed;
  for (char& c : s) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return s;
}

}  // namespace sijill::vault::testing
