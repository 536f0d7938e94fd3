// SecretstreamPull reads what libsodium's secretstream writes, exactly as libsodium's
// own pull does: same plaintext, tags, state after every chunk (so rekeying and the
// nonce updates match), and the same refusals.
#include "vault/secretstream.h"

#include <gtest/gtest.h>

#include <cstring>
#include <string>
#include <vector>

namespace sijill::vault::internal {
namespace {

TEST(Secretstream, PullsLikeLibsodium) {
  ASSERT_GE(sodium_init(), 0);
  unsigned char key[crypto_secretstream_xchacha20poly1305_KEYBYTES];
  crypto_secretstream_xchacha20poly1305_keygen(key);
  crypto_secretstream_xchacha20poly1305_state push, ours, theirs;
  unsigned char header[crypto_secretstream_xchacha20poly1305_HEADERBYTES];
  crypto_secretstream_xchacha20poly1305_init_push(&push, header, key);
  crypto_secretstream_xchacha20poly1305_init_pull(&ours, header, key);
  crypto_secretstream_xchacha20poly1305_init_pull(&theirs, header, key);
  const std::string ad = "bound header";
  const size_t sizes[] = {0, 1, 15, 16, 17, 63, 64, 65, 1000, 65536, 1 << 20, 3};
  const unsigned char tags[] = {0,
                                crypto_secretstream_xchacha20poly1305_TAG_PUSH,
                                crypto_secretstream_xchacha20poly1305_TAG_REKEY,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                0,
                                crypto_secretstream_xchacha20poly1305_TAG_FINAL};
  for (size_t k = 0; k < std::size(sizes); ++k) {
    std::vector<unsigned char> m(sizes[k]);
    randombytes_buf(m.data(), m.size());
    std::vector<unsigned char> c(m.size() + crypto_secretstream_xchacha20poly1305_ABYTES);
    const auto* a = reinterpret_cast<const unsigned char*>(ad.data());
    const size_t alen = k % 2 == 0 ? ad.size() : 0;
    crypto_secretstream_xchacha20poly1305_push(&push, c.data(), nullptr, m.data(), m.size(), a,
                                               alen, tags[k]);
    auto damaged = c;
    damaged[damaged.size() / 2] ^= 0x20;
    std::vector<unsigned char> out(m.size() + 1, 0xAA), bad(m.size() + 1, 0xAA);
    unsigned char tag = 0xff;
    auto before = ours;
    EXPECT_EQ(SecretstreamPull(&ours, bad.data(), &tag, damaged.data(), damaged.size(), a, alen),
              -1);
    EXPECT_EQ(0, std::memcmp(&before, &ours, sizeof ours));
    ASSERT_EQ(SecretstreamPull(&ours, out.data(), &tag, c.data(), c.size(), a, alen), 0) << k;
    std::vector<unsigned char> expect(m.size() + 1, 0xAA);
    unsigned char their_tag = 0;
    ASSERT_EQ(crypto_secretstream_xchacha20poly1305_pull(&theirs, expect.data(), nullptr,
                                                         &their_tag, c.data(), c.size(), a, alen),
              0);
    EXPECT_EQ(out, expect) << k;
    EXPECT_EQ(0, std::memcmp(out.data(), m.data(), m.size()));
    EXPECT_EQ(tag, their_tag);
    EXPECT_EQ(tag, tags[k]);
    EXPECT_EQ(0, std::memcmp(&ours, &theirs, sizeof ours)) << k;
  }
}

}  // namespace
}  // namespace sijill::vault::internal
