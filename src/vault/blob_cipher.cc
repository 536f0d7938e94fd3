// The blob writer, and the pieces shared with the reader. Format, version 1 (full grammar
// in docs/formats/blobs.md):
//
//   blob        := header 1*chunk                  ; the last chunk, and only it, is FINAL
//   header      := "SIJBLOB\n" %x01 chunk-size:u32 stream-header:24 key-check:16
//   chunk       := secretstream message of one body: chunk-size + 17 bytes
//   body        := data-length:u32 data [meta] zero-padding   ; chunk-size bytes in all
//   meta        := plain-size:u64 sha256:32 address:32        ; in the FINAL body only
//
// Chunk 0's associated data is the header up to the key check.
#include "vault/blob_cipher.h"

#include <errno.h>
#include <fmt/format.h>
#include <unistd.h>

#include <bit>
#include <cstring>

#include "vault/blob_format.h"
#include "vault/le_bytes.h"
#include "vault/sha256.h"
#include "vault/subkeys.h"

namespace sijill::vault {

using base::Error;
using base::Result;
using base::Status;
using namespace internal;  // NOLINT(google-build-using-namespace): format constants

ByteSink FdSink(int fd) {
  return [fd](std::string_view bytes) -> Status {
    while (!bytes.empty()) {
      ssize_t n = ::write(fd, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return Status::IOError(fmt::format("cannot write: {}", std::strerror(errno)));
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return Status::Ok();
  };
}

ByteSource FdSource(int fd) {
  return [fd](std::span<char> buffer) -> Result<size_t> {
    for (;;) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0)
        return Error(Status::IOError(fmt::format("cannot read: {}", std::strerror(errno))));
      return static_cast<size_t>(n);
    }
  };
}

BlobKeys BlobKeys::Derive(const SecretBytes& master_key) {
  return {DeriveSubkey(master_key, SubkeyId::kBlobContents),
          DeriveSubkey(master_key, SubkeyId::kBlobAddresses)};
}

struct EncryptingBlobWriter::Rep {
  ByteSink sink;
  size_t max_chunk = 0;  // the configured chunk size
  SecretStates secret;
  Sha256 sha;
  unsigned char stream_header[kStreamHeaderBytes];
  unsigned char key_check[kKeyCheckBytes];
  std::string body;        // the chunk being filled: data from offset kLengthBytes
  size_t filled = 0;       // data bytes in body
  std::string ciphertext;  // one encrypted chunk
  size_t chunk = 0;        // chosen chunk size; 0 until the header is written
  uint64_t size = 0;
  uint64_t stored = 0;
  Status failed;
  bool finished = false;

  // Plaintext of testimonies passes through `body`: wipe it.
  ~Rep() { sodium_memzero(body.data(), body.size()); }

  Status WriteHeader(size_t chunk_size);
  Status EmitChunk(size_t data_bytes, const std::string* meta, unsigned char tag);
};

Status EncryptingBlobWriter::Rep::WriteHeader(size_t chunk_size) {
  chunk = chunk_size;
  std::string header(kBlobMagic);
  header.push_back(static_cast<char>(kBlobVersion));
  AppendLe<uint32_t>(header, static_cast<uint32_t>(chunk));
  header.append(reinterpret_cast<const char*>(stream_header), kStreamHeaderBytes);
  header.append(reinterpret_cast<const char*>(key_check), kKeyCheckBytes);
  stored += header.size();
  return sink(header);
}

// Encrypts body[0, chunk) after filling in the length, the meta and the padding.
Status EncryptingBlobWriter::Rep::EmitChunk(size_t data_bytes, const std::string* meta,
                                            unsigned char tag) {
  std::string length;
  AppendLe<uint32_t>(length, static_cast<uint32_t>(data_bytes));
  std::memcpy(body.data(), length.data(), kLengthBytes);
  size_t end = kLengthBytes + data_bytes;
  if (meta != nullptr) {
    std::memcpy(body.data() + end, meta->data(), meta->size());
    end += meta->size();
  }
  std::memset(body.data() + end, 0, chunk - end);
  // Chunk 0 is bound to the header: its first kBoundHeaderBytes bytes, rebuilt here.
  std::string ad;
  if (stored == kHeaderBytes) {
    ad.assign(kBlobMagic);
    ad.push_back(static_cast<char>(kBlobVersion));
    AppendLe<uint32_t>(ad, static_cast<uint32_t>(chunk));
    ad.append(reinterpret_cast<const char*>(stream_header), kStreamHeaderBytes);
  }
  ciphertext.resize(chunk + kChunkOverhead);
  crypto_secretstream_xchacha20poly1305_push(
      &secret.get().stream, reinterpret_cast<unsigned char*>(ciphertext.data()), nullptr,
      reinterpret_cast<const unsigned char*>(body.data()), chunk,
      reinterpret_cast<const unsigned char*>(ad.data()), ad.size(), tag);
  stored += ciphertext.size();
  return sink(ciphertext);
}

Result<EncryptingBlobWriter> EncryptingBlobWriter::Create(const BlobKeys& keys, ByteSink sink,
                                                          size_t chunk_size) {
  EnsureSodium();
  if (chunk_size < kMinBlobChunkSize || chunk_size > kMaxBlobChunkSize) {
    return Error(
        Status::InvalidArgument(fmt::format("blob chunk size {} out of range [{}, {}]", chunk_size,
                                            kMinBlobChunkSize, kMaxBlobChunkSize)));
  }
  auto rep = std::make_unique<Rep>();
  rep->sink = std::move(sink);
  rep->max_chunk = chunk_size;
  rep->body.resize(chunk_size);
  crypto_generichash_init(&rep->secret.get().address, keys.addresses.data(), keys.addresses.size(),
                          kAddressBytes);
  crypto_secretstream_xchacha20poly1305_init_push(&rep->secret.get().stream, rep->stream_header,
                                                  keys.contents.data());
  BlobKeyCheck(keys.contents, rep->key_check);
  return EncryptingBlobWriter(std::move(rep));
}

std::string BlobAddress(const BlobKeys& keys, std::string_view sha256_hex) {
  unsigned char sha[crypto_hash_sha256_BYTES];
  size_t length = 0;
  if (sha256_hex.size() != 2 * sizeof sha ||
      sodium_hex2bin(sha, sizeof sha, sha256_hex.data(), sha256_hex.size(), nullptr, &length,
                     nullptr) != 0 ||
      length != sizeof sha)
    return "";
  unsigned char address[kAddressBytes];
  crypto_generichash(address, sizeof address, sha, sizeof sha, keys.addresses.data(),
                     keys.addresses.size());
  return Hex(address, sizeof address);
}

EncryptingBlobWriter::EncryptingBlobWriter(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
EncryptingBlobWriter::~EncryptingBlobWriter() = default;
EncryptingBlobWriter::EncryptingBlobWriter(EncryptingBlobWriter&&) noexcept = default;
EncryptingBlobWriter& EncryptingBlobWriter::operator=(EncryptingBlobWriter&&) noexcept = default;

Status EncryptingBlobWriter::Write(std::string_view plaintext) {
  Rep& r = *rep_;
  if (r.finished) return Status::Internal("blob writer: Write after Finish");
  if (!r.failed.ok()) return r.failed;
  r.sha.Update(plaintext);
  r.size += plaintext.size();
  const size_t capacity = r.max_chunk - kLengthBytes;
  while (!plaintext.empty()) {
    size_t n = std::min(plaintext.size(), capacity - r.filled);
    std::memcpy(r.body.data() + kLengthBytes + r.filled, plaintext.data(), n);
    r.filled += n;
    plaintext.remove_prefix(n);
    if (r.filled < capacity) break;
    if (r.chunk == 0) r.failed = r.WriteHeader(r.max_chunk);
    if (r.failed.ok()) r.failed = r.EmitChunk(r.filled, nullptr, 0);
    if (!r.failed.ok()) return r.failed;
    r.filled = 0;
  }
  return Status::Ok();
}

Result<BlobSummary> EncryptingBlobWriter::Finish() {
  Rep& r = *rep_;
  if (r.finished) return Error(Status::Internal("blob writer: Finish called twice"));
  if (!r.failed.ok()) return Error(r.failed);
  r.finished = true;
  const Sha256Digest digest = r.sha.Finish();
  const unsigned char* sha = digest.data();
  unsigned char address[kAddressBytes];
  // The address is the keyed hash of the plain SHA-256: whoever holds the key can find a
  // blob from the hash the database records; nobody else learns anything from the name.
  crypto_generichash_update(&r.secret.get().address, sha, kSha256Bytes);
  crypto_generichash_final(&r.secret.get().address, address, kAddressBytes);
  std::string meta;
  AppendLe<uint64_t>(meta, r.size);
  meta.append(reinterpret_cast<const char*>(sha), kSha256Bytes);
  meta.append(reinterpret_cast<const char*>(address), sizeof address);

  if (r.chunk == 0) {  // the whole blob fits one chunk: the smallest power of two that holds it
    size_t needed = std::bit_ceil(kLengthBytes + r.filled + kMetaBytes);
    TRY(r.WriteHeader(std::clamp(needed, kMinBlobChunkSize, r.max_chunk)));
  }
  const unsigned char final_tag = crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  if (kLengthBytes + r.filled + kMetaBytes > r.chunk) {
    TRY(r.EmitChunk(r.filled, nullptr, 0));  // a last, partly filled data chunk
    r.filled = 0;
  }
  TRY(r.EmitChunk(r.filled, &meta, final_tag));
  return BlobSummary{Hex(address, sizeof address), Hex(sha, kSha256Bytes), r.size, r.stored};
}

}  // namespace sijill::vault
