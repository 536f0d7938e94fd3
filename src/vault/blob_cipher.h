// Encryption of blobs (originals of any size, extracted texts) in bounded memory: a few
// chunks, whatever the blob's size. A blob is a crypto_secretstream_xchacha20poly1305
// stream of fixed-size chunks; the last, tagged FINAL, carries the plaintext size, the
// plain SHA-256 (what a court compares) and the blob's keyed address (BLAKE2b-256, keyed
// with the blob-address subkey, of that SHA-256: the file name, which reveals nothing
// about known files, yet is found again from the SHA-256 the database records). A
// reader therefore detects a damaged, truncated, reordered, extended, renamed or foreign
// blob, and says which chunk and byte. Format: docs/formats/blobs.md. Writer and reader
// objects are used by one thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "vault/secret.h"

namespace sijill::vault {

// Where ciphertext goes: called with each piece in order; a non-ok Status stops the writer.
using ByteSink = std::function<base::Status(std::string_view bytes)>;
// Where ciphertext comes from: fills up to buffer.size() bytes, returns how many; 0 only at
// the end.
using ByteSource = std::function<base::Result<size_t>(std::span<char> buffer)>;

// Writes every byte to `fd` (retrying short writes and EINTR). The fd stays the caller's:
// the store writes to a temporary file, syncs it and renames it to the address.
// Errors: kIOError "cannot write: <reason>" (the caller adds the path).
ByteSink FdSink(int fd);
// Reads from `fd` (retrying EINTR). Errors: kIOError "cannot read: <reason>".
ByteSource FdSource(int fd);

// The two subkeys a blob needs (subkeys.h), held in secret memory.
struct BlobKeys {
  SecretBytes contents;   // SubkeyId::kBlobContents
  SecretBytes addresses;  // SubkeyId::kBlobAddresses
  // REQUIRES: master_key.size() == kMasterKeyBytes.
  static BlobKeys Derive(const SecretBytes& master_key);
};

struct BlobSummary {
  std::string address;       // keyed BLAKE2b-256 of the plain SHA-256, 64 lower-case hex
  std::string sha256;        // plain SHA-256 of the plaintext, 64 lower-case hex digits
  uint64_t size = 0;         // plaintext bytes
  uint64_t stored_size = 0;  // ciphertext bytes (header and chunks)
};

// The address of the blob whose plaintext has SHA-256 `sha256_hex` (64 hex digits);
// "" if `sha256_hex` is not one.
std::string BlobAddress(const BlobKeys& keys, std::string_view sha256_hex);

inline constexpr size_t kDefaultBlobChunkSize = size_t{64} << 10;
inline constexpr size_t kMinBlobChunkSize = 128;
inline constexpr size_t kMaxBlobChunkSize = size_t{4} << 20;

class EncryptingBlobWriter {
 public:
  // A writer sending ciphertext to `sink`. `chunk_size` (plaintext bytes per chunk,
  // [kMinBlobChunkSize, kMaxBlobChunkSize]) bounds memory: the writer holds about two
  // chunks. A blob smaller than one chunk gets a smaller, power-of-two chunk, so small
  // blobs stay small on disk. The keys are copied into internal state; `keys` need not
  // outlive the writer. Errors: kInvalidArgument for a chunk size out of range.
  static base::Result<EncryptingBlobWriter> Create(const BlobKeys& keys, ByteSink sink,
                                                   size_t chunk_size = kDefaultBlobChunkSize);
  ~EncryptingBlobWriter();
  EncryptingBlobWriter(EncryptingBlobWriter&&) noexcept;
  EncryptingBlobWriter& operator=(EncryptingBlobWriter&&) noexcept;

  // Appends plaintext. Nothing reaches the sink until a chunk is full. Errors: the sink's;
  // after an error the writer only returns errors.
  base::Status Write(std::string_view plaintext);
  // Writes the last chunks and returns the blob's address, hashes and sizes. Call once;
  // the caller then syncs and publishes what the sink received under summary.address.
  base::Result<BlobSummary> Finish();

 private:
  struct Rep;
  explicit EncryptingBlobWriter(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

class DecryptingBlobReader {
 public:
  // Reads and checks the header from `source`. `expected_address` is the address the blob
  // was stored under (its file name); the blob must say it is that blob. Errors
  // (kCorruption): "blob header: ..." for a truncated header, bad magic, unknown version
  // or chunk size out of range; and the source's errors.
  static base::Result<DecryptingBlobReader> Open(const BlobKeys& keys, ByteSource source,
                                                 std::string_view expected_address);
  ~DecryptingBlobReader();
  DecryptingBlobReader(DecryptingBlobReader&&) noexcept;
  DecryptingBlobReader& operator=(DecryptingBlobReader&&) noexcept;

  // Reads up to buffer.size() bytes of plaintext; returns 0 only at the end, once the
  // whole blob is verified (size, SHA-256, address, nothing after the final chunk).
  // Every byte returned comes from an authenticated chunk in its place, but the blob as a
  // whole is proven only when 0 is returned: act on the contents only then. Errors
  // (kCorruption), naming the chunk (from 0) and its byte offset in the file:
  //   "wrong key: the blob was not encrypted with this archive's key"
  //   "blob header: key check damaged"
  //   "chunk N at byte B: corrupt (authentication failed)"
  //   "chunk N at byte B: truncated (K of L bytes)"
  //   "chunk N at byte B: missing, the blob is truncated (no final chunk)"
  //   "trailing data at byte B after the final chunk"
  //   "wrong address: the blob is <hex>, expected <hex>"
  // and a few for inconsistencies only a faulty writer could produce. After an error the
  // reader only returns errors. REQUIRES: !buffer.empty().
  base::Result<size_t> Read(std::span<char> buffer);
  // REQUIRES: Read returned 0.
  const BlobSummary& summary() const;

 private:
  struct Rep;
  explicit DecryptingBlobReader(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace sijill::vault
