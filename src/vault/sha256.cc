#include "vault/sha256.h"

#include <openssl/evp.h>
#include <sodium.h>

namespace sijill::vault {

struct Sha256::Context {
  EVP_MD_CTX* ctx = nullptr;
  ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

// The implementation, fetched once: an explicit fetch skips the per-call lookup that
// EVP_sha256() implies in OpenSSL 3.
const EVP_MD* Sha256Md() {
  static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  return md;
}

// libcrypto only fails here when it is out of memory or broken; hashing cannot go on.
void Check(int ok) {
  if (ok != 1) __builtin_trap();
}

}  // namespace

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  context_->ctx = EVP_MD_CTX_new();
  if (context_->ctx == nullptr || Sha256Md() == nullptr) __builtin_trap();
  Check(EVP_DigestInit_ex2(context_->ctx, Sha256Md(), nullptr));
}

Sha256::~Sha256() = default;
Sha256::Sha256(Sha256&&) noexcept = default;
Sha256& Sha256::operator=(Sha256&&) noexcept = default;

void Sha256::Update(std::string_view bytes) {
  Check(EVP_DigestUpdate(context_->ctx, bytes.data(), bytes.size()));
}

void Sha256::Update(std::span<const unsigned char> bytes) {
  Check(EVP_DigestUpdate(context_->ctx, bytes.data(), bytes.size()));
}

Sha256Digest Sha256::Finish() {
  Sha256Digest digest;
  unsigned int length = 0;
  Check(EVP_DigestFinal_ex(context_->ctx, digest.data(), &length));
  if (length != digest.size()) __builtin_trap();
  return digest;
}

std::string Sha256::FinishHex() {
  Sha256Digest digest = Finish();
  char hex[kSha256Bytes * 2 + 1];
  sodium_bin2hex(hex, sizeof hex, digest.data(), digest.size());
  return std::string(hex, kSha256Bytes * 2);
}

Sha256Digest Sha256Of(std::span<const unsigned char> bytes) {
  // One context per thread, reused: Merkle trees hash millions of 65-byte nodes.
  thread_local const std::unique_ptr<EVP_MD_CTX, void (*)(EVP_MD_CTX*)> ctx(EVP_MD_CTX_new(),
                                                                            EVP_MD_CTX_free);
  if (ctx == nullptr) __builtin_trap();
  Sha256Digest digest;
  unsigned int length = 0;
  Check(EVP_DigestInit_ex2(ctx.get(), Sha256Md(), nullptr));
  Check(EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size()));
  Check(EVP_DigestFinal_ex(ctx.get(), digest.data(), &length));
  return digest;
}

std::string Sha256Hex(std::string_view bytes) {
  Sha256 h;
  h.Update(bytes);
  return h.FinishHex();
}

}  // namespace sijill::vault
