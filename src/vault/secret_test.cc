#include "vault/secret.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>
#include <vector>

#include "vault/subkeys.h"

namespace sijill::vault {
namespace {

TEST(SecretBytes, StartsZeroedAndRandomDiffers) {
  SecretBytes zero(32);
  ASSERT_EQ(zero.size(), 32u);
  for (uint8_t b : zero.span()) EXPECT_EQ(b, 0);
  SecretBytes a = SecretBytes::Random(32);
  SecretBytes b = SecretBytes::Random(32);
  EXPECT_FALSE(a.Equals(b));
  EXPECT_FALSE(a.Equals(zero));
  EXPECT_TRUE(a.Equals(a));
}

TEST(SecretBytes, MoveTransfersOwnership) {
  SecretBytes a = SecretBytes::Random(16);
  SecretBytes copy = SecretBytes::CopyOf(a.span());
  SecretBytes b = std::move(a);
  EXPECT_TRUE(a.empty());  // NOLINT(bugprone-use-after-move): the moved-from state is specified
  EXPECT_EQ(a.data(), nullptr);
  EXPECT_TRUE(b.Equals(copy));
  SecretBytes c(8);
  c = std::move(b);
  EXPECT_TRUE(c.Equals(copy));
  static_assert(!std::is_copy_constructible_v<SecretBytes>);
  static_assert(!std::is_copy_assignable_v<SecretBytes>);
}

TEST(SecretBytes, EmptyIsEqualToEmpty) {
  EXPECT_TRUE(SecretBytes().Equals(SecretBytes(0)));
  EXPECT_FALSE(SecretBytes().Equals(SecretBytes(1)));
}

TEST(SecretBytes, PrintsOnlyItsSize) {
  SecretBytes key = SecretBytes::CopyOf(std::vector<uint8_t>{0xde, 0xad, 0xbe, 0xef});
  std::ostringstream os;
  PrintTo(key, &os);
  EXPECT_EQ(os.str(), "<secret: 4 bytes>");
  EXPECT_EQ(::testing::PrintToString(key), "<secret: 4 bytes>");
}

TEST(SecretBytes, SodiumInitializesOnceFromManyThreads) {
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int i = 0; i < 8; ++i) threads.emplace_back([] { (void)SecretBytes::Random(32); });
  for (auto& t : threads) t.join();
}

}  // namespace
}  // namespace sijill::vault
