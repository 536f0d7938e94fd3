#include "store/sqlite/page_cipher.h"

#include <openssl/evp.h>
#include <pthread.h>
#include <sodium.h>

#include <algorithm>
#include <atomic>
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

// Page nonces: 16 random bytes per thread, then a 64-bit counter. As unique as 24 random
// bytes per page (two threads or processes share a prefix with probability ~2^-128 per
// pair), without a getrandom call for every page written. A forked child draws a new
// prefix, so parent and child never continue the same sequence.
std::atomic<uint64_t> fork_generation{0};

struct NonceSequence {
  uint64_t generation = ~uint64_t{0};
  uint8_t prefix[16] = {};
  uint64_t next = 0;
};

void NextNonce(uint8_t* nonce) {
  static const bool registered = [] {
    pthread_atfork(nullptr, nullptr, [] { fork_generation.fetch_add(1); });
    return true;
  }();
  (void)registered;
  thread_local NonceSequence seq;
  uint64_t generation = fork_generation.load(std::memory_order_relaxed);
  if (seq.generation != generation) {
    randombytes_buf(seq.prefix, sizeof seq.prefix);
    seq.generation = generation;
    seq.next = 0;
  }
  std::memcpy(nonce, seq.prefix, sizeof seq.prefix);
  uint64_t n = seq.next++;
  for (int i = 0; i < 8; ++i, n >>= 8) nonce[16 + i] = static_cast<uint8_t>(n);
}

// XChaCha20-Poly1305 exactly as libsodium's crypto_aead_xchacha20poly1305_ietf_*: the
// subkey is HChaCha20(key, nonce[0..16)), then ChaCha20-Poly1305 (RFC 8439) with the
// nonce 0^4 || nonce[16..24). libsodium derives the subkey; OpenSSL's libcrypto does the
// bulk work, about twice as fast on 4 KB pages here (AVX-512 ChaCha20 and Poly1305).
// One cipher context per thread, reused for every page.
class PageAead {
 public:
  static PageAead& ForThread() {
    thread_local PageAead aead;
    return aead;
  }
  ~PageAead() { EVP_CIPHER_CTX_free(ctx_); }

  // `out` may equal `in` when encrypting; decrypting writes `out` before the tag is
  // checked, so callers decrypt into a scratch buffer.
  bool Run(bool encrypt, const PageKey& key, const uint8_t* nonce, const AssociatedData& ad,
           const uint8_t* in, uint8_t* out, uint8_t* tag) {
    uint8_t subkey[32];
    crypto_core_hchacha20(subkey, nonce, key.data(), nullptr);
    uint8_t iv[12] = {0, 0, 0, 0};
    std::memcpy(iv + 4, nonce + 16, 8);
    int len = 0;
    bool ok = ctx_ != nullptr && EVP_CipherInit_ex2(ctx_, nullptr, subkey, iv, encrypt, nullptr) &&
              EVP_CipherUpdate(ctx_, nullptr, &len, ad.data(), static_cast<int>(ad.size())) &&
              (encrypt || EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_SET_TAG, 16, tag)) &&
              EVP_CipherUpdate(ctx_, out, &len, in, kPayloadBytes) &&
              EVP_CipherFinal_ex(ctx_, out + len, &len) &&
              (!encrypt || EVP_CIPHER_CTX_ctrl(ctx_, EVP_CTRL_AEAD_GET_TAG, 16, tag));
    sodium_memzero(subkey, sizeof subkey);
    return ok;
  }

 private:
  PageAead() {
    EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "ChaCha20-Poly1305", nullptr);
    ctx_ = EVP_CIPHER_CTX_new();
    if (cipher == nullptr || ctx_ == nullptr ||
        EVP_CipherInit_ex2(ctx_, cipher, nullptr, nullptr, 1, nullptr) != 1) {
      EVP_CIPHER_CTX_free(ctx_);
      ctx_ = nullptr;
    }
    EVP_CIPHER_free(cipher);  // the context keeps its own reference
  }
  EVP_CIPHER_CTX* ctx_ = nullptr;
};

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
  NextNonce(nonce);
  if (!PageAead::ForThread().Run(true, key, nonce, ad, page.data(), page.data(), tag)) {
    std::memset(reserved, 0, kReservedBytes);
    return false;
  }
  return true;
}

bool OpenPage(const PageKey& key, const ArchiveId& archive, const PagePosition& pos,
              std::span<uint8_t, kPageSize> page) {
  AssociatedData ad = MakeAd(archive, pos);
  uint8_t* reserved = page.data() + kPayloadBytes;
  // libsodium checks the tag before writing any plaintext, but decrypting in place
  // needs a copy to leave the ciphertext intact on failure.
  std::array<uint8_t, kPayloadBytes> plain;
  if (!PageAead::ForThread().Run(false, key, reserved, ad, page.data(), plain.data(),
                                 reserved + kNonceBytes)) {
    sodium_memzero(plain.data(), plain.size());
    return false;
  }
  std::memcpy(page.data(), plain.data(), kPayloadBytes);
  std::memset(reserved, 0, kReservedBytes);
  sodium_memzero(plain.data(), plain.size());
  return true;
}

}  // namespace sijill::store::sqlite
