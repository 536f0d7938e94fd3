// An archive's key file: a random 32-byte master key wrapped by up to 16 key slots, each
// opened by its own passphrase (as in LUKS). A slot stretches its passphrase with
// Argon2id (own salt and cost) into a key-encryption key that wraps the master key with
// XChaCha20-Poly1305; the slot is bound to the archive id and its own id and cost, so it
// cannot be moved to another archive or have its cost lowered. Adding, removing or
// changing a passphrase rewrites only this file, never the data. Format:
// docs/formats/keys.md. A KeyFile is a value; not thread-safe, const use is.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "vault/secret.h"

namespace sijill::vault {

using ArchiveKeyId = std::array<uint8_t, 16>;  // the archive's Id, base::Id::bytes()

// Argon2id cost of one slot. Bounds are checked on create and on parse: opslimit in
// [kMinOps, kMaxOps], memlimit (bytes) a multiple of 1 KiB in [kMinMem, kMaxMem].
struct KdfCost {
  static constexpr uint32_t kMinOps = 1;
  static constexpr uint32_t kMaxOps = 16;
  static constexpr uint64_t kMinMem = uint64_t{8} << 10;
  static constexpr uint64_t kMaxMem = uint64_t{2} << 30;

  uint32_t opslimit = 0;
  uint64_t memlimit = 0;

  // About half a second on the reference machine (docs/formats/keys.md, "Cost").
  static KdfCost Default() { return {3, uint64_t{256} << 20}; }
  // The minimum libsodium accepts: for tests only, it protects nothing.
  static KdfCost ForTests() { return {kMinOps, kMinMem}; }
  friend bool operator==(const KdfCost&, const KdfCost&) = default;
};

// One slot as stored. Nothing here is secret: the wrapped key is ciphertext.
struct KeySlot {
  uint32_t id = 0;
  KdfCost cost;
  std::array<uint8_t, 16> salt{};
  std::array<uint8_t, 24> nonce{};
  std::array<uint8_t, 48> wrapped_key{};  // master key (32) + Poly1305 tag (16)
};

class KeyFile {
 public:
  static constexpr size_t kMaxSlots = 16;

  struct Created;
  // A new key file for `archive_id` with one slot (id 1) for `passphrase`, and the fresh
  // random master key it wraps. Errors: kInvalidArgument for an empty passphrase or a
  // cost out of bounds; kUnavailable if Argon2id cannot get its memory.
  static base::Result<Created> Create(const ArchiveKeyId& archive_id, std::string_view passphrase,
                                      KdfCost cost);

  // The master key, from the first slot `passphrase` opens. Errors: kPermissionDenied
  // "wrong passphrase" if no slot opens (which slots were tried, and why they failed, is
  // not said); kCorruption if a slot opens but its key does not match the file's key
  // check (a planted slot); kUnavailable if Argon2id cannot get its memory.
  base::Result<SecretBytes> Unlock(std::string_view passphrase) const;

  // Adds a slot for `passphrase` wrapping `master_key`; returns its id (one more than the
  // highest id present). Errors: kInvalidArgument if `master_key` is not this file's key,
  // the passphrase is empty, the cost is out of bounds or the file has kMaxSlots slots.
  base::Result<uint32_t> AddSlot(const SecretBytes& master_key, std::string_view passphrase,
                                 KdfCost cost);
  // Errors: kNotFound if there is no slot `id`; kInvalidArgument if it is the last one.
  base::Status RemoveSlot(uint32_t id);
  // Replaces the slot `old_passphrase` opens with a slot for `new_passphrase` (AddSlot,
  // then RemoveSlot); returns the new slot's id. Errors: those of Unlock and AddSlot.
  base::Result<uint32_t> ChangePassphrase(std::string_view old_passphrase,
                                          std::string_view new_passphrase, KdfCost cost);

  // The binary file (docs/formats/keys.md). Parse(Serialize()) == *this.
  std::string Serialize() const;
  // Strict: kCorruption naming the field for bad magic, an unknown version, truncation,
  // trailing bytes, a slot count or cost out of bounds, slot ids not increasing, or a
  // checksum mismatch. A file that parses may still fail to Unlock.
  static base::Result<KeyFile> Parse(std::string_view bytes);

  const ArchiveKeyId& archive_id() const { return archive_id_; }
  const std::vector<KeySlot>& slots() const { return slots_; }  // by increasing id

 private:
  struct Opened;
  base::Result<Opened> Open(std::string_view passphrase) const;

  ArchiveKeyId archive_id_{};
  std::array<uint8_t, 32> key_check_{};
  std::vector<KeySlot> slots_;
};

struct KeyFile::Created {
  KeyFile key_file;
  SecretBytes master_key;
};

}  // namespace sijill::vault
