// Signed checkpoints of the custody log: C2SP tlog-checkpoint bodies in C2SP signed
// notes with Ed25519 (libsodium). A checkpoint binds a tree size to its root under the
// archive's key; a verifier needs only the key's text form ("vkey"). Grammar:
//
//   note      = body LF signature+          ; body ends in LF, then a blank line
//   body      = origin LF size LF base64(root) LF
//   signature = "— " key-name SP base64(key-id[4] || ed25519-signature[64]) LF
//   vkey      = key-name "+" hex(key-id) "+" base64(0x01 || public-key[32])
//   key-id    = SHA-256(key-name || 0x0A || 0x01 || public-key)[:4]
//
// SigningKey is immutable after creation and safe to use from several threads.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "vault/merkle.h"

namespace sijill::vault {

using PublicKey = std::array<uint8_t, 32>;

struct Checkpoint {
  std::string origin;  // the log's identity, e.g. "sijill.example/archive-7"
  uint64_t size = 0;   // number of entries
  Hash root{};         // MTH of the first `size` entries
  bool operator==(const Checkpoint&) const = default;
};

// An Ed25519 key pair whose secret half lives in sodium_malloc'd memory (guarded
// pages, never swapped where the OS allows it) and is wiped on destruction. Move-only.
class SigningKey {
 public:
  // Derives the key pair from a 32-byte seed (crypto_sign_seed_keypair).
  // kInvalidArgument if `name` is not a valid key name: non-empty printable ASCII with
  // no space and no '+'. kInternal if secure memory cannot be allocated.
  static base::Result<SigningKey> FromSeed(std::string_view name,
                                           std::span<const uint8_t, 32> seed);

  SigningKey(SigningKey&& other) noexcept;
  SigningKey& operator=(SigningKey&& other) noexcept;
  SigningKey(const SigningKey&) = delete;
  SigningKey& operator=(const SigningKey&) = delete;
  ~SigningKey();

  const std::string& name() const { return name_; }
  const PublicKey& public_key() const { return public_key_; }
  uint32_t key_id() const { return key_id_; }
  // The verifier key text a third party needs: "<name>+<8 hex>+<base64(0x01||key)>".
  std::string VerifierKeyText() const;

  // Signs `text` as a note: returns text, a blank line and one signature line.
  // REQUIRES: `text` is non-empty, ends in '\n' and has no blank line at its end.
  std::string SignNote(std::string_view text) const;

 private:
  SigningKey(std::string name, unsigned char* secret);

  std::string name_;
  unsigned char* secret_ = nullptr;  // 64 bytes (seed || public key), sodium_malloc'd
  PublicKey public_key_{};
  uint32_t key_id_ = 0;
};

// A parsed verifier key.
struct VerifierKey {
  std::string name;
  uint32_t key_id = 0;
  PublicKey public_key{};
};

// Parses the vkey text form. kInvalidArgument ("verifier key: ...") if it is malformed,
// is not of type Ed25519 (0x01), or its key id does not match its name and key.
base::Result<VerifierKey> ParseVerifierKey(std::string_view vkey);

// Verifies a signed note against one key and returns the signed text (ending in '\n').
// Signature lines of other keys are ignored, as the signed-note spec requires.
//   kInvalidArgument "malformed note: ..."        not a signed note (layout, UTF-8,
//                                                  control characters, bad base64)
//   kNotFound        "note is not signed by key K" no line with K's name and key id
//   kCorruption      "bad signature by key K"      the text or signature was altered
base::Result<std::string> OpenNote(std::string_view note, const VerifierKey& key);

// The checkpoint body "<origin>\n<size>\n<base64 root>\n".
// REQUIRES: origin non-empty, without control characters.
std::string CheckpointBody(const Checkpoint& checkpoint);
// The signed note of `checkpoint` under `key`.
std::string SignCheckpoint(const Checkpoint& checkpoint, const SigningKey& key);

// Parses a checkpoint body (exactly three lines; extension lines are refused because
// Sijill writes none). kInvalidArgument "malformed checkpoint: ..." otherwise.
base::Result<Checkpoint> ParseCheckpointBody(std::string_view body);
// Parses the body of a signed checkpoint note WITHOUT checking any signature: for
// writers and display only. Errors as OpenNote's malformed case and ParseCheckpointBody.
base::Result<Checkpoint> ParseCheckpoint(std::string_view note);
// Verifies the note's signature by `vkey` (text form), then parses its body. Errors as
// ParseVerifierKey, OpenNote and ParseCheckpointBody.
base::Result<Checkpoint> VerifyCheckpoint(std::string_view note, std::string_view vkey);
// The same with a parsed key.
base::Result<Checkpoint> VerifyCheckpoint(std::string_view note, const VerifierKey& key);

// Standard base64 (RFC 4648 §4, padded). Decoding refuses any non-canonical text.
std::string Base64Encode(std::string_view bytes);
base::Result<std::string> Base64Decode(std::string_view text);

}  // namespace sijill::vault
