// Independent subkeys derived from an archive's 32-byte master key, one per purpose, so
// that no key is ever used for two things and a leak of one reveals nothing about the
// others or the master key. Derivation is crypto_kdf_derive_from_key (BLAKE2b) with the
// context "sijill01" and the numeric ids below; the ids are part of the archive format
// (docs/formats/keys.md) and are never reused or renumbered. Thread-safe.
#pragma once

#include <cstdint>

#include "vault/secret.h"

namespace sijill::vault {

inline constexpr size_t kMasterKeyBytes = 32;
inline constexpr size_t kSubkeyBytes = 32;

enum class SubkeyId : uint64_t {
  kDatabasePages = 1,  // page encryption of the SQLite database (SQLCipher raw key)
  kBlobContents = 2,   // crypto_secretstream key of every blob (blob_cipher.h)
  kBlobAddresses = 3,  // BLAKE2b key of blob addresses (file names under blobs/)
  kSigningSeed = 4,    // Ed25519 seed of the archive's custody-log signing key
};

// The 32-byte subkey `id` of `master_key`. Deterministic: the same master key always
// yields the same subkey. REQUIRES: master_key.size() == kMasterKeyBytes (traps otherwise:
// a wrong-sized key is a programming error, never user input).
SecretBytes DeriveSubkey(const SecretBytes& master_key, SubkeyId id);

}  // namespace sijill::vault
