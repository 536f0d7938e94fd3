// The blob reader: checks the header, then decrypts one chunk at a time, verifying each
// chunk's place (secretstream), its body's layout, and at the FINAL chunk the size,
// SHA-256 and address it records against what was read. Grammar at the top of
// blob_cipher.cc and in docs/formats/blobs.md.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>

#include "vault/blob_cipher.h"
#include "vault/blob_format.h"
#include "vault/le_bytes.h"
#include "vault/secretstream.h"
#include "vault/sha256.h"

namespace sijill::vault {

using base::Error;
using base::Result;
using base::Status;
using namespace internal;  // NOLINT(google-build-using-namespace): format constants

namespace {

// Reads until `buffer` is full or the source ends; returns the bytes read.
Result<size_t> ReadFully(ByteSource& source, std::span<char> buffer) {
  size_t got = 0;
  while (got < buffer.size()) {
    ASSIGN_OR_RETURN(size_t n, source(buffer.subspan(got)));
    if (n == 0) break;
    got += n;
  }
  return got;
}

Status Damage(std::string message) { return Status::Corruption(std::move(message)); }

}  // namespace

struct DecryptingBlobReader::Rep {
  ByteSource source;
  std::string expected_address;
  SecretStates secret;
  Sha256 sha;
  std::string bound_header;  // chunk 0's associated data
  bool key_check_failed = false;
  size_t chunk = 0;
  std::string ciphertext;               // one chunk
  std::string body;                     // its plaintext
  size_t data_begin = 0, data_end = 0;  // unread plaintext in body
  uint64_t index = 0;                   // the next chunk to read
  uint64_t offset = kHeaderBytes;       // its byte offset in the file
  uint64_t size = 0;
  bool done = false;
  Status failed;
  BlobSummary summary;

  // Plaintext of testimonies passes through `body`: wipe it.
  ~Rep() { sodium_memzero(body.data(), body.size()); }

  Status NextChunk();
  Status CheckFinal(std::string_view meta);
};

Status DecryptingBlobReader::Rep::NextChunk() {
  const std::string where = fmt::format("chunk {} at byte {}", index, offset);
  ASSIGN_OR_RETURN(size_t got, ReadFully(source, ciphertext));
  if (got == 0) return Damage(where + ": missing, the blob is truncated (no final chunk)");
  if (got < ciphertext.size()) {
    return Damage(fmt::format("{}: truncated ({} of {} bytes)", where, got, ciphertext.size()));
  }
  unsigned char tag = 0;
  std::string_view ad = index == 0 ? std::string_view(bound_header) : std::string_view();
  if (SecretstreamPull(&secret.get().stream, reinterpret_cast<unsigned char*>(body.data()), &tag,
                       reinterpret_cast<const unsigned char*>(ciphertext.data()), ciphertext.size(),
                       reinterpret_cast<const unsigned char*>(ad.data()), ad.size()) != 0) {
    if (index == 0 && key_check_failed) {
      return Damage("wrong key: the blob was not encrypted with this archive's key");
    }
    return Damage(where + ": corrupt (authentication failed)");
  }
  if (index == 0 && key_check_failed) return Damage("blob header: key check damaged");
  const bool final = tag == crypto_secretstream_xchacha20poly1305_TAG_FINAL;
  if (!final && tag != crypto_secretstream_xchacha20poly1305_TAG_MESSAGE) {
    return Damage(fmt::format("{}: unexpected tag {}", where, tag));
  }
  const size_t length = LoadLe<uint32_t>(body.data());
  const size_t capacity = chunk - kLengthBytes - (final ? kMetaBytes : 0);
  if (length > capacity) {
    return Damage(fmt::format("{}: data length {} over the chunk's {}", where, length, capacity));
  }
  const size_t used = kLengthBytes + length + (final ? kMetaBytes : 0);
  if (std::any_of(body.begin() + static_cast<ptrdiff_t>(used), body.end(),
                  [](char c) { return c != 0; })) {
    return Damage(where + ": padding is not zero");
  }
  data_begin = kLengthBytes;
  data_end = kLengthBytes + length;
  const auto* data = reinterpret_cast<const unsigned char*>(body.data() + data_begin);
  sha.Update(std::span<const unsigned char>(data, length));
  size += length;
  offset += ciphertext.size();
  ++index;
  if (!final) return Status::Ok();
  TRY(CheckFinal(std::string_view(body).substr(data_end, kMetaBytes)));
  char extra = 0;
  ASSIGN_OR_RETURN(size_t trailing, source(std::span<char>(&extra, 1)));
  if (trailing != 0) {
    return Damage(fmt::format("trailing data at byte {} after the final chunk", offset));
  }
  done = true;
  return Status::Ok();
}

// Compares what the FINAL chunk records with what was read.
Status DecryptingBlobReader::Rep::CheckFinal(std::string_view meta) {
  const auto* recorded = reinterpret_cast<const unsigned char*>(meta.data());
  uint64_t recorded_size = LoadLe<uint64_t>(meta.data());
  const Sha256Digest sha_digest = sha.Finish();
  const unsigned char* digest = sha_digest.data();
  unsigned char address[kAddressBytes];
  crypto_generichash_update(&secret.get().address, digest, kSha256Bytes);
  crypto_generichash_final(&secret.get().address, address, kAddressBytes);
  if (recorded_size != size) {
    return Damage(fmt::format("size mismatch: the final chunk records {} bytes, chunks hold {}",
                              recorded_size, size));
  }
  std::string sha_hex = Hex(digest, kSha256Bytes);
  std::string recorded_sha = Hex(recorded + 8, kSha256Bytes);
  if (sha_hex != recorded_sha) {
    return Damage(fmt::format("SHA-256 mismatch: the final chunk records {}, contents hash to {}",
                              recorded_sha, sha_hex));
  }
  std::string address_hex = Hex(address, sizeof address);
  std::string recorded_address = Hex(recorded + 8 + kSha256Bytes, kAddressBytes);
  if (address_hex != recorded_address) {
    return Damage(fmt::format("address mismatch: the final chunk records {}, contents give {}",
                              recorded_address, address_hex));
  }
  if (address_hex != expected_address) {
    return Damage(
        fmt::format("wrong address: the blob is {}, expected {}", address_hex, expected_address));
  }
  summary = BlobSummary{address_hex, sha_hex, size, offset};
  return Status::Ok();
}

Result<DecryptingBlobReader> DecryptingBlobReader::Open(const BlobKeys& keys, ByteSource source,
                                                        std::string_view expected_address) {
  EnsureSodium();
  auto rep = std::make_unique<Rep>();
  rep->source = std::move(source);
  rep->expected_address = expected_address;
  std::string header(kHeaderBytes, '\0');
  ASSIGN_OR_RETURN(size_t got, ReadFully(rep->source, header));
  if (got < kHeaderBytes) {
    return Error(Damage(fmt::format("blob header: truncated ({} of {} bytes)", got, kHeaderBytes)));
  }
  if (std::string_view(header).substr(0, kBlobMagic.size()) != kBlobMagic) {
    return Error(Damage("blob header: bad magic (not a Sijill blob)"));
  }
  uint8_t version = static_cast<uint8_t>(header[kBlobMagic.size()]);
  if (version != kBlobVersion) {
    return Error(Damage(fmt::format("blob header: unknown version {} (this build reads {})",
                                    version, kBlobVersion)));
  }
  rep->chunk = LoadLe<uint32_t>(header.data() + kBlobMagic.size() + 1);
  if (rep->chunk < kMinBlobChunkSize || rep->chunk > kMaxBlobChunkSize) {
    return Error(Damage(fmt::format("blob header: chunk size {} out of range [{}, {}]", rep->chunk,
                                    kMinBlobChunkSize, kMaxBlobChunkSize)));
  }
  const auto* stream_header = reinterpret_cast<const unsigned char*>(
      header.data() + kBoundHeaderBytes - kStreamHeaderBytes);
  unsigned char check[kKeyCheckBytes];
  BlobKeyCheck(keys.contents, check);
  rep->key_check_failed =
      sodium_memcmp(check, header.data() + kBoundHeaderBytes, kKeyCheckBytes) != 0;
  // A damaged stream header makes chunk 0 fail to authenticate; init_pull itself cannot fail.
  crypto_secretstream_xchacha20poly1305_init_pull(&rep->secret.get().stream, stream_header,
                                                  keys.contents.data());
  crypto_generichash_init(&rep->secret.get().address, keys.addresses.data(), keys.addresses.size(),
                          kAddressBytes);
  rep->bound_header = header.substr(0, kBoundHeaderBytes);
  rep->ciphertext.resize(rep->chunk + kChunkOverhead);
  rep->body.resize(rep->chunk);
  return DecryptingBlobReader(std::move(rep));
}

DecryptingBlobReader::DecryptingBlobReader(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
DecryptingBlobReader::~DecryptingBlobReader() = default;
DecryptingBlobReader::DecryptingBlobReader(DecryptingBlobReader&&) noexcept = default;
DecryptingBlobReader& DecryptingBlobReader::operator=(DecryptingBlobReader&&) noexcept = default;

Result<size_t> DecryptingBlobReader::Read(std::span<char> buffer) {
  Rep& r = *rep_;
  if (!r.failed.ok()) return Error(r.failed);
  while (r.data_begin == r.data_end && !r.done) {
    r.failed = r.NextChunk();
    if (!r.failed.ok()) {
      r.data_begin = r.data_end = 0;
      return Error(r.failed);
    }
  }
  size_t n = std::min(buffer.size(), r.data_end - r.data_begin);
  std::memcpy(buffer.data(), r.body.data() + r.data_begin, n);
  r.data_begin += n;
  return n;
}

const BlobSummary& DecryptingBlobReader::summary() const { return rep_->summary; }

}  // namespace sijill::vault
