#include "vault/checkpoint.h"

#include <fmt/format.h>
#include <sodium.h>

#include <charconv>
#include <utility>
#include <vector>

#include "base/utf8.h"

namespace sijill::vault {
namespace {

using base::Error;
using base::Status;

constexpr std::string_view kSignaturePrefix = "\xE2\x80\x94 ";  // em dash, space
constexpr uint8_t kEd25519Type = 0x01;
constexpr size_t kMaxSignatures = 64;  // the spec asks verifiers to accept at least 16

static_assert(crypto_sign_PUBLICKEYBYTES == 32 && crypto_sign_BYTES == 64 &&
              crypto_sign_SEEDBYTES == 32);

void InitSodium() {
  if (sodium_init() < 0) __builtin_trap();
}

const unsigned char* Bytes(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}

bool IsValidKeyName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    if (c <= ' ' || c > '~' || c == '+') return false;
  }
  return true;
}

uint32_t ComputeKeyId(std::string_view name, const PublicKey& key) {
  crypto_hash_sha256_state state;
  crypto_hash_sha256_init(&state);
  crypto_hash_sha256_update(&state, Bytes(name), name.size());
  const unsigned char separator[2] = {'\n', kEd25519Type};
  crypto_hash_sha256_update(&state, separator, 2);
  crypto_hash_sha256_update(&state, key.data(), key.size());
  unsigned char digest[crypto_hash_sha256_BYTES];
  crypto_hash_sha256_final(&state, digest);
  return (uint32_t{digest[0]} << 24) | (uint32_t{digest[1]} << 16) | (uint32_t{digest[2]} << 8) |
         uint32_t{digest[3]};
}

Status MalformedNote(std::string_view what) {
  return Status::InvalidArgument(fmt::format("malformed note: {}", what));
}

struct NoteSignature {
  std::string_view name;
  uint32_t key_id = 0;
  std::string signature;  // without the key id
};

struct SplitNote {
  std::string_view text;  // including its final newline
  std::vector<NoteSignature> signatures;
};

base::Result<NoteSignature> ParseSignatureLine(std::string_view line, size_t number) {
  if (!line.starts_with(kSignaturePrefix)) {
    return Error(MalformedNote(
        fmt::format("signature line {} does not start with \"\xE2\x80\x94 \"", number)));
  }
  line.remove_prefix(kSignaturePrefix.size());
  size_t space = line.find(' ');
  if (space == std::string_view::npos || !IsValidKeyName(line.substr(0, space))) {
    return Error(MalformedNote(fmt::format("signature line {} has no valid key name", number)));
  }
  auto blob = Base64Decode(line.substr(space + 1));
  if (!blob.has_value() || blob->size() < 5) {
    return Error(
        MalformedNote(fmt::format("signature line {} has no base64 key id and signature", number)));
  }
  NoteSignature sig;
  sig.name = line.substr(0, space);
  const unsigned char* id = Bytes(*blob);
  sig.key_id =
      (uint32_t{id[0]} << 24) | (uint32_t{id[1]} << 16) | (uint32_t{id[2]} << 8) | uint32_t{id[3]};
  sig.signature = blob->substr(4);
  return sig;
}

// Splits a signed note into its text and signature lines (signed-note §Format).
base::Result<SplitNote> Split(std::string_view note) {
  size_t bad = 0;
  if (!base::IsValidUtf8(note, &bad)) {
    return Error(MalformedNote(fmt::format("not valid UTF-8 at byte {}", bad)));
  }
  for (size_t i = 0; i < note.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(note[i]);
    if ((c < 0x20 && c != '\n') || c == 0x7F) {
      return Error(MalformedNote(fmt::format("control character at byte {}", i)));
    }
  }
  if (!note.ends_with('\n')) return Error(MalformedNote("does not end in a newline"));
  size_t blank = note.rfind("\n\n");
  if (blank == std::string_view::npos) {
    return Error(MalformedNote("no blank line between text and signatures"));
  }
  SplitNote out;
  out.text = note.substr(0, blank + 1);
  std::string_view rest = note.substr(blank + 2);
  if (rest.empty()) return Error(MalformedNote("no signature lines"));
  for (size_t number = 1; !rest.empty(); ++number) {
    if (number > kMaxSignatures) {
      return Error(MalformedNote(fmt::format("more than {} signatures", kMaxSignatures)));
    }
    size_t end = rest.find('\n');
    ASSIGN_OR_RETURN(NoteSignature sig, ParseSignatureLine(rest.substr(0, end), number));
    out.signatures.push_back(std::move(sig));
    rest.remove_prefix(end + 1);
  }
  return out;
}

}  // namespace

std::string Base64Encode(std::string_view bytes) {
  InitSodium();
  std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
  sodium_bin2base64(out.data(), out.size(), Bytes(bytes), bytes.size(),
                    sodium_base64_VARIANT_ORIGINAL);
  out.pop_back();  // the terminating NUL
  return out;
}

base::Result<std::string> Base64Decode(std::string_view text) {
  InitSodium();
  std::string out(text.size() / 4 * 3 + 3, '\0');
  size_t len = 0;
  const char* end = nullptr;
  int rc = sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                             text.size(), nullptr, &len, &end, sodium_base64_VARIANT_ORIGINAL);
  out.resize(len);
  if (rc != 0 || end != text.data() + text.size() || Base64Encode(out) != text) {
    return Error(Status::InvalidArgument("not canonical base64"));
  }
  return out;
}

SigningKey::SigningKey(std::string name, unsigned char* secret)
    : name_(std::move(name)), secret_(secret) {
  crypto_sign_ed25519_sk_to_pk(public_key_.data(), secret_);
  key_id_ = ComputeKeyId(name_, public_key_);
}

base::Result<SigningKey> SigningKey::FromSeed(std::string_view name,
                                              std::span<const uint8_t, 32> seed) {
  if (!IsValidKeyName(name)) {
    return Error(Status::InvalidArgument(fmt::format(
        "key name \"{}\" must be printable ASCII without spaces or '+'", name.substr(0, 80))));
  }
  InitSodium();
  auto* secret = static_cast<unsigned char*>(sodium_malloc(crypto_sign_SECRETKEYBYTES));
  if (secret == nullptr) return Error(Status::Internal("cannot allocate secure key memory"));
  PublicKey public_key;
  crypto_sign_seed_keypair(public_key.data(), secret, seed.data());
  sodium_mprotect_readonly(secret);
  return SigningKey(std::string(name), secret);
}

SigningKey::SigningKey(SigningKey&& other) noexcept
    : name_(std::move(other.name_)),
      secret_(std::exchange(other.secret_, nullptr)),
      public_key_(other.public_key_),
      key_id_(other.key_id_) {}

SigningKey& SigningKey::operator=(SigningKey&& other) noexcept {
  if (this != &other) {
    if (secret_ != nullptr) sodium_free(secret_);  // zeroes before freeing
    name_ = std::move(other.name_);
    secret_ = std::exchange(other.secret_, nullptr);
    public_key_ = other.public_key_;
    key_id_ = other.key_id_;
  }
  return *this;
}

SigningKey::~SigningKey() {
  if (secret_ != nullptr) sodium_free(secret_);  // zeroes before freeing
}

std::string SigningKey::VerifierKeyText() const {
  std::string typed_key(1, static_cast<char>(kEd25519Type));
  typed_key.append(reinterpret_cast<const char*>(public_key_.data()), public_key_.size());
  return fmt::format("{}+{:08x}+{}", name_, key_id_, Base64Encode(typed_key));
}

std::string SigningKey::SignNote(std::string_view text) const {
  std::string blob(4 + crypto_sign_BYTES, '\0');
  for (int i = 0; i < 4; ++i) blob[i] = static_cast<char>(key_id_ >> (24 - 8 * i));
  crypto_sign_detached(reinterpret_cast<unsigned char*>(blob.data() + 4), nullptr, Bytes(text),
                       text.size(), secret_);
  return fmt::format("{}\n{}{} {}\n", text, kSignaturePrefix, name_, Base64Encode(blob));
}

base::Result<VerifierKey> ParseVerifierKey(std::string_view vkey) {
  auto fail = [&](std::string_view what) {
    return Error(Status::InvalidArgument(fmt::format("verifier key: {}", what)));
  };
  size_t plus1 = vkey.find('+');
  size_t plus2 = plus1 == std::string_view::npos ? plus1 : vkey.find('+', plus1 + 1);
  if (plus2 == std::string_view::npos) return fail("expected <name>+<key id>+<key>");
  VerifierKey key;
  key.name = std::string(vkey.substr(0, plus1));
  if (!IsValidKeyName(key.name)) return fail("invalid key name");
  std::string_view id = vkey.substr(plus1 + 1, plus2 - plus1 - 1);
  auto [id_end, ec] = std::from_chars(id.data(), id.data() + id.size(), key.key_id, 16);
  if (id.size() != 8 || ec != std::errc() || id_end != id.data() + id.size()) {
    return fail("key id is not 8 hex digits");
  }
  auto typed_key = Base64Decode(vkey.substr(plus2 + 1));
  if (!typed_key.has_value() || typed_key->size() != 33) {
    return fail("key is not base64 of 33 bytes");
  }
  if (static_cast<uint8_t>((*typed_key)[0]) != kEd25519Type) {
    return fail("not an Ed25519 key (type byte 0x01)");
  }
  std::copy(typed_key->begin() + 1, typed_key->end(), key.public_key.begin());
  uint32_t expected = ComputeKeyId(key.name, key.public_key);
  if (expected != key.key_id) {
    return fail(
        fmt::format("key id {:08x} does not match name and key ({:08x})", key.key_id, expected));
  }
  return key;
}

base::Result<std::string> OpenNote(std::string_view note, const VerifierKey& key) {
  ASSIGN_OR_RETURN(SplitNote split, Split(note));
  InitSodium();
  bool signed_by_key = false;
  for (const NoteSignature& sig : split.signatures) {
    if (sig.name != key.name || sig.key_id != key.key_id) continue;
    if (sig.signature.size() != crypto_sign_BYTES ||
        crypto_sign_verify_detached(Bytes(sig.signature), Bytes(split.text), split.text.size(),
                                    key.public_key.data()) != 0) {
      return Error(Status::Corruption(fmt::format("bad signature by key {}", key.name)));
    }
    signed_by_key = true;
  }
  if (!signed_by_key) {
    return Error(Status::NotFound(fmt::format("note is not signed by key {}", key.name)));
  }
  return std::string(split.text);
}

std::string CheckpointBody(const Checkpoint& checkpoint) {
  std::string_view root(reinterpret_cast<const char*>(checkpoint.root.data()),
                        checkpoint.root.size());
  return fmt::format("{}\n{}\n{}\n", checkpoint.origin, checkpoint.size, Base64Encode(root));
}

std::string SignCheckpoint(const Checkpoint& checkpoint, const SigningKey& key) {
  return key.SignNote(CheckpointBody(checkpoint));
}

base::Result<Checkpoint> ParseCheckpointBody(std::string_view body) {
  auto fail = [&](std::string_view what) {
    return Error(Status::InvalidArgument(fmt::format("malformed checkpoint: {}", what)));
  };
  std::vector<std::string_view> lines;
  while (!body.empty()) {
    size_t end = body.find('\n');
    if (end == std::string_view::npos) return fail("does not end in a newline");
    lines.push_back(body.substr(0, end));
    body.remove_prefix(end + 1);
  }
  if (lines.size() != 3) {
    return fail(fmt::format("expected 3 lines (origin, size, root), found {}", lines.size()));
  }
  Checkpoint out;
  if (lines[0].empty()) return fail("empty origin");
  out.origin = std::string(lines[0]);
  std::string_view size = lines[1];
  auto [size_end, ec] = std::from_chars(size.data(), size.data() + size.size(), out.size);
  if (size.empty() || ec != std::errc() || size_end != size.data() + size.size() ||
      (size.size() > 1 && size[0] == '0')) {
    return fail(fmt::format("tree size \"{}\" is not a decimal number", size.substr(0, 40)));
  }
  auto root = Base64Decode(lines[2]);
  if (!root.has_value() || root->size() != out.root.size()) {
    return fail("root hash is not base64 of 32 bytes");
  }
  std::copy(root->begin(), root->end(), out.root.begin());
  return out;
}

base::Result<Checkpoint> ParseCheckpoint(std::string_view note) {
  ASSIGN_OR_RETURN(SplitNote split, Split(note));
  return ParseCheckpointBody(split.text);
}

base::Result<Checkpoint> VerifyCheckpoint(std::string_view note, std::string_view vkey) {
  ASSIGN_OR_RETURN(VerifierKey key, ParseVerifierKey(vkey));
  return VerifyCheckpoint(note, key);
}

base::Result<Checkpoint> VerifyCheckpoint(std::string_view note, const VerifierKey& key) {
  ASSIGN_OR_RETURN(std::string text, OpenNote(note, key));
  return ParseCheckpointBody(text);
}

}  // namespace sijill::vault
