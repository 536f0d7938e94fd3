// The page cipher is libsodium's XChaCha20-Poly1305-IETF construction, computed with
// OpenSSL's libcrypto: pages it seals open with libsodium and the other way round, so
// archives written by either implementation read the same. Nonces never repeat.
#include "store/sqlite/page_cipher.h"

#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <cstring>
#include <set>
#include <string>

#include "store/testing/encrypted_db.h"

namespace sijill::store::sqlite {
namespace {

using namespace store::testing;  // NOLINT(google-build-using-namespace)

constexpr int kNonce = 24, kTag = 16;

// The associated data as docs/formats/encrypted-db.md lays it out (integers big-endian).
std::array<uint8_t, 38> Ad(const ArchiveId& archive, const PagePosition& pos) {
  std::array<uint8_t, 38> ad{};
  ad[0] = 1;
  std::memcpy(&ad[1], archive.data(), archive.size());
  ad[17] = static_cast<uint8_t>(pos.kind);
  uint32_t words[] = {pos.pgno, pos.frame, pos.commit_size, pos.salt1, pos.salt2};
  for (int w = 0; w < 5; ++w) {
    for (int b = 0; b < 4; ++b) ad[18 + 4 * w + b] = static_cast<uint8_t>(words[w] >> (24 - 8 * b));
  }
  return ad;
}

std::array<uint8_t, kPageSize> TestPage(int seed) {
  std::array<uint8_t, kPageSize> page{};
  for (int i = 0; i < kPayloadBytes; ++i) page[i] = static_cast<uint8_t>(i * 7 + seed);
  return page;
}

TEST(PageCipher, SealedPagesOpenWithLibsodium) {
  ASSERT_GE(sodium_init(), 0);
  const PagePosition pos{FileKind::kWal, 9, 3, 12, 0x01020304, 0xA0B0C0D0};
  for (int seed = 0; seed < 20; ++seed) {
    auto page = TestPage(seed);
    const auto plain = page;
    ASSERT_TRUE(SealPage(TestKey(1), TestArchive(1), pos, page));
    const uint8_t* reserved = page.data() + kPayloadBytes;
    auto ad = Ad(TestArchive(1), pos);
    std::array<uint8_t, kPayloadBytes> out{};
    ASSERT_EQ(crypto_aead_xchacha20poly1305_ietf_decrypt_detached(
                  out.data(), nullptr, page.data(), kPayloadBytes, reserved + kNonce, ad.data(),
                  ad.size(), reserved, TestKey(1).data()),
              0);
    EXPECT_EQ(0, std::memcmp(out.data(), plain.data(), kPayloadBytes));
  }
}

TEST(PageCipher, OpensPagesSealedByLibsodium) {
  ASSERT_GE(sodium_init(), 0);
  const PagePosition pos{FileKind::kMainDb, 42};
  auto page = TestPage(5);
  const auto plain = page;
  uint8_t* reserved = page.data() + kPayloadBytes;
  randombytes_buf(reserved, kNonce);
  auto ad = Ad(TestArchive(2), pos);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(
      page.data(), reserved + kNonce, nullptr, page.data(), kPayloadBytes, ad.data(), ad.size(),
      nullptr, reserved, TestKey(2).data());
  auto damaged = page;
  damaged[100] ^= 1;
  EXPECT_FALSE(OpenPage(TestKey(2), TestArchive(2), pos, damaged));
  ASSERT_TRUE(OpenPage(TestKey(2), TestArchive(2), pos, page));
  EXPECT_EQ(page, plain);
}

TEST(PageCipher, NoncesDoNotRepeatAcrossPagesOrAFork) {
  std::set<std::string> nonces;
  auto seal = [] {
    auto page = TestPage(0);
    EXPECT_TRUE(SealPage(TestKey(1), TestArchive(1), {FileKind::kMainDb, 1}, page));
    return std::string(reinterpret_cast<const char*>(page.data()) + kPayloadBytes, kNonce);
  };
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(nonces.insert(seal()).second);
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  pid_t child = fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    std::string n = seal();
    (void)!write(fds[1], n.data(), n.size());
    _exit(0);
  }
  close(fds[1]);
  std::string from_child(kNonce, '\0');
  ASSERT_EQ(read(fds[0], from_child.data(), kNonce), kNonce);
  close(fds[0]);
  EXPECT_TRUE(nonces.insert(from_child).second);
  EXPECT_TRUE(nonces.insert(seal()).second);
}

}  // namespace
}  // namespace sijill::store::sqlite
