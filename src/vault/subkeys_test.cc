#include "vault/subkeys.h"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>

namespace sijill::vault {
namespace {

std::string HexOf(const SecretBytes& s) {
  std::string hex(2 * s.size() + 1, '\0');
  sodium_bin2hex(hex.data(), hex.size(), s.data(), s.size());
  hex.pop_back();
  return hex;
}

SecretBytes CountingMaster() {
  SecretBytes master(kMasterKeyBytes);
  for (size_t i = 0; i < master.size(); ++i) master.data()[i] = static_cast<uint8_t>(i);
  return master;
}

// Known answers computed independently with Python's hashlib.blake2b (key = master,
// salt = id as u64 little-endian + 8 zero bytes, person = "sijill01" + 8 zero bytes):
// the ids and context are part of the archive format and must never change.
TEST(Subkeys, KnownAnswers) {
  SecretBytes master = CountingMaster();
  EXPECT_EQ(HexOf(DeriveSubkey(master, SubkeyId::kDatabasePages)),
            "f8d5b80fa5acef61b9bed21bbd5546d528b9a3c23906bf0ef09fa7eb94cdc106");
  EXPECT_EQ(HexOf(DeriveSubkey(master, SubkeyId::kBlobContents)),
            "e02e785036d9447f03be2084a03203da5e21adfddba9233c26c218bb8cc83b20");
  EXPECT_EQ(HexOf(DeriveSubkey(master, SubkeyId::kBlobAddresses)),
            "9e81cdbdf4ee5f09deb7cd61b9892fcfdcdcdb264b57bfec795c7ef6c59b02b6");
  EXPECT_EQ(HexOf(DeriveSubkey(master, SubkeyId::kSigningSeed)),
            "6c89f3b97504c9cd7a8c706b88b9e1be50ced4f6fab33ddcb556cbc72d42917a");
}

TEST(Subkeys, DifferFromEachOtherAndFromTheMaster) {
  SecretBytes master = SecretBytes::Random(kMasterKeyBytes);
  SecretBytes a = DeriveSubkey(master, SubkeyId::kBlobContents);
  SecretBytes b = DeriveSubkey(master, SubkeyId::kBlobAddresses);
  EXPECT_EQ(a.size(), kSubkeyBytes);
  EXPECT_FALSE(a.Equals(b));
  EXPECT_FALSE(a.Equals(master));
  EXPECT_TRUE(a.Equals(DeriveSubkey(master, SubkeyId::kBlobContents)));
}

}  // namespace
}  // namespace sijill::vault
