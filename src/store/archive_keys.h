// An archive's key file (<dir>/keys, format in docs/formats/keys.md): its master key,
// wrapped by passphrase slots, and the archive's signing key derived from it. The
// signing key signs the custody log's checkpoints; its public half (the verifier key,
// a C2SP vkey) is what others need to check a proof.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "base/status.h"
#include "vault/checkpoint.h"
#include "vault/key_slots.h"
#include "vault/secret.h"

namespace sijill::store {

inline constexpr const char* kKeyFileName = "keys";

// kNotFound ("<dir>: the archive has no key file") when there is none.
base::Result<vault::KeyFile> ReadKeyFile(const std::filesystem::path& dir);

// Replaces the key file whole or not at all (temporary file, fsync, rename, fsync of the
// directory), readable by the owner only.
base::Status WriteKeyFile(const std::filesystem::path& dir, const vault::KeyFile& key_file);

// The custody log's origin line and key name: "sijill-archive-<archive id>".
std::string LogOrigin(std::string_view archive_id);

// The archive's Ed25519 signing key, from its master key.
base::Result<vault::SigningKey> ArchiveSigningKey(const vault::SecretBytes& master_key,
                                                  std::string_view archive_id);

}  // namespace sijill::store
