#include "vault/subkeys.h"

#include <sodium.h>

namespace sijill::vault {
namespace {
constexpr char kContext[crypto_kdf_CONTEXTBYTES + 1] = "sijill01";
static_assert(crypto_kdf_KEYBYTES == kMasterKeyBytes);
static_assert(kSubkeyBytes >= crypto_kdf_BYTES_MIN && kSubkeyBytes <= crypto_kdf_BYTES_MAX);
}  // namespace

SecretBytes DeriveSubkey(const SecretBytes& master_key, SubkeyId id) {
  EnsureSodium();
  if (master_key.size() != kMasterKeyBytes) __builtin_trap();
  SecretBytes subkey(kSubkeyBytes);
  if (crypto_kdf_derive_from_key(subkey.data(), subkey.size(), static_cast<uint64_t>(id), kContext,
                                 master_key.data()) != 0) {
    __builtin_trap();  // only fails for sizes excluded by the static_asserts
  }
  return subkey;
}

}  // namespace sijill::vault
