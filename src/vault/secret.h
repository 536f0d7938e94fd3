// Secret memory for keys and key-derivation state. A SecretBytes owns a buffer from
// sodium_malloc: guard pages on both sides, locked into RAM where the OS allows (never
// swapped), and zeroed by sodium_free when released. It is move-only, has no operator<<
// or formatter, and tests print it as "<secret: N bytes>", so a key never reaches a log
// or an error message. Not thread-safe; a const object may be read from several threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iosfwd>
#include <span>
#include <string_view>

namespace sijill::vault {

// Initializes libsodium once per process (thread-safe; later calls are free). Every
// vault entry point calls it, so callers need not. Traps if libsodium cannot start
// (no safe randomness: nothing may be encrypted).
void EnsureSodium();

class SecretBytes {
 public:
  SecretBytes() = default;  // empty, owns nothing
  // `size` zero bytes. Throws std::bad_alloc if sodium_malloc fails (out of memory is a
  // bug-class failure here: secrets are tens of bytes).
  explicit SecretBytes(size_t size);
  // `size` bytes from libsodium's CSPRNG.
  static SecretBytes Random(size_t size);
  // A copy of `bytes` (e.g. a key read from a test vector).
  static SecretBytes CopyOf(std::span<const uint8_t> bytes);

  ~SecretBytes();
  SecretBytes(SecretBytes&& other) noexcept;
  SecretBytes& operator=(SecretBytes&& other) noexcept;
  SecretBytes(const SecretBytes&) = delete;
  SecretBytes& operator=(const SecretBytes&) = delete;

  uint8_t* data() { return data_; }
  const uint8_t* data() const { return data_; }
  size_t size() const { return size_; }
  bool empty() const { return size_ == 0; }
  std::span<const uint8_t> span() const { return {data_, size_}; }
  // The bytes as text (a passphrase); the view lives as long as this object.
  std::string_view chars() const { return {reinterpret_cast<const char*>(data_), size_}; }
  std::span<uint8_t> mutable_span() { return {data_, size_}; }

  // Constant-time comparison (sodium_memcmp): same size and same bytes.
  bool Equals(const SecretBytes& other) const;

 private:
  uint8_t* data_ = nullptr;
  size_t size_ = 0;
};

// For GoogleTest: prints the size only, never the bytes.
void PrintTo(const SecretBytes& secret, std::ostream* os);

}  // namespace sijill::vault
