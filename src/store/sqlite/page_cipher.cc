#include "store/sqlite/page_cipher.h"

#include <sodium.h>

#include <algorithm>
#include <cstring>

namespace sijill::store::sqlite {
namespace {

static_assert(crypto_aead_xchacha20poly1305_ietf_NPUBBYTES +
                  crypto_aead_xchacha20poly1305_ietf_ABYTES ==
              kReservedBytes);
constexpr int kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr uint8_t kFormatVersion = 1;

// ad := version(1) archive_id(16) kind(1) pgno(4) frame(4) commit_size(4) salt1(4) salt2(4)
// (integers big-endian), 38 bytes.
using AssociatedData = std::array<uint8_t, 38>;

void Put32(uint8_t* p, uint32_t v) {
  p[0] = static_cast<uint8_t>(v >> 24);
  p[1] = static_cast<uint8_t>(v >> 16);
  p[2] = static_cast<uint8_t>(v >> 8);
  p[3] = static_cast<uint8_t>(v);
}

AssociatedData MakeAd(const ArchiveId& archive, const PagePosition& pos) {
  AssociatedData ad{};
  ad[0] = kFormatVersion;
  std::copy(archive.begin(), archive.end(), ad.begin() + 1);
  ad[17] = static_cast<uint8_t>(pos.kind);
  Put32(&ad[18], pos.pgno);
  Put32(&ad[22], pos.frame);
  Put32(&ad[26], pos.commit_size);
  Put32(&ad[30], pos.salt1);
  Put32(&ad[34], pos.salt2);
  return ad;
}

}  // namespace

bool SealPage(const PageKey& key, const ArchiveId& archive, const PagePosition& pos,
              std::span<uint8_t, kPageSize> page) {
  uint8_t* reserved = page.data() + kPayloadBytes;
  if (std::any_of(reserved, reserved + kReservedBytes, [](uint8_t b) { return b != 0; })) {
    return false;
  }
  AssociatedData ad = MakeAd(archive, pos);
  uint8_t* nonce = reserved;
  uint8_t* tag = reserved + kNonceBytes;
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long tag_len = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(page.data(), tag, &tag_len, page.data(),
                                                      kPayloadBytes, ad.data(), ad.size(), nullptr,
                                                      nonce, key.data());
  return true;
}

bool OpenPage(const PageKey& key, const ArchiveId& archive, const PagePosition& pos,
              std::span<uint8_t, kPageSize> page) {
  AssociatedData ad = MakeAd(archive, pos);
  uint8_t* reserved = page.data() + kPayloadBytes;
  // libsodium checks the tag before writing any plaintext, but decrypting in place
  // needs a copy to leave the ciphertext intact on failure.
  std::array<uint8_t, kPayloadBytes> plain;
  int rc = crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
      plain.data(), nullptr, page.data(), kPayloadBytes, reserved + kNonceBytes, ad.data(),
      ad.size(), reserved, key.data());
  if (rc != 0) return false;
  std::memcpy(page.data(), plain.data(), kPayloadBytes);
  std::memset(reserved, 0, kReservedBytes);
  sodium_memzero(plain.data(), plain.size());
  return true;
}

}  // namespace sijill::store::sqlite
