#include "vault/checkpoint.h"

#include <gtest/gtest.h>

#include <string>

namespace sijill::vault {
namespace {

using base::StatusCode;

// The signed-note example of golang.org/x/mod/sumdb/note (note.go, note_test.go): the
// signer key "PRIVATE+KEY+PeterNeumann+c74f20a3+<base64(0x01 || seed)>", its verifier
// key and the note it signs. Ed25519 is deterministic, so signing must reproduce it.
constexpr std::string_view kGoSeedBase64 = "AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";
constexpr std::string_view kGoVerifierKey =
    "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";
constexpr std::string_view kGoText =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n";
constexpr std::string_view kGoNote =
    "If you think cryptography is the answer to your problem,\n"
    "then you don't know what your problem is.\n"
    "\n"
    "\xE2\x80\x94 PeterNeumann "
    "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM="
    "\n";

SigningKey GoKey() {
  std::string typed = Base64Decode(kGoSeedBase64).value();
  std::array<uint8_t, 32> seed;
  std::copy(typed.begin() + 1, typed.end(), seed.begin());
  return SigningKey::FromSeed("PeterNeumann", seed).value();
}

SigningKey TestKey(std::string_view name, uint8_t fill) {
  std::array<uint8_t, 32> seed;
  seed.fill(fill);
  return SigningKey::FromSeed(name, seed).value();
}

Checkpoint TestCheckpoint() {
  Checkpoint c;
  c.origin = "sijill.example/archive";
  c.size = 20852163;
  c.root = LeafHash("root");
  return c;
}

TEST(SignedNote, ReproducesTheGoReferenceNote) {
  SigningKey key = GoKey();
  EXPECT_EQ(key.VerifierKeyText(), kGoVerifierKey);
  EXPECT_EQ(key.key_id(), 0xc74f20a3u);
  EXPECT_EQ(key.SignNote(kGoText), kGoNote);
  VerifierKey vkey = ParseVerifierKey(kGoVerifierKey).value();
  EXPECT_EQ(vkey.public_key, key.public_key());
  EXPECT_EQ(OpenNote(kGoNote, vkey).value(), kGoText);
}

TEST(SignedNote, IgnoresSignaturesOfOtherKeys) {
  SigningKey other = TestKey("other.example/key", 7);
  std::string note = other.SignNote(kGoText);
  // Append the Go signature line after the other key's line.
  note += kGoNote.substr(kGoText.size() + 1);
  VerifierKey vkey = ParseVerifierKey(kGoVerifierKey).value();
  EXPECT_EQ(OpenNote(note, vkey).value(), kGoText);
}

TEST(SignedNote, Errors) {
  VerifierKey vkey = ParseVerifierKey(kGoVerifierKey).value();
  std::string note(kGoNote);

  std::string altered = note;
  altered[3] = 'X';
  auto r = OpenNote(altered, vkey);
  EXPECT_EQ(r.error().code(), StatusCode::kCorruption);
  EXPECT_EQ(r.error().message(), "bad signature by key PeterNeumann");

  // Same name, different key: its id differs, so the note is not signed by ours.
  SigningKey impostor = TestKey("PeterNeumann", 9);
  r = OpenNote(impostor.SignNote(kGoText), vkey);
  EXPECT_EQ(r.error().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.error().message(), "note is not signed by key PeterNeumann");

  struct Case {
    std::string note;
    std::string message;
  };
  std::string sig_line(kGoNote.substr(kGoText.size() + 1));
  const Case cases[] = {
      {note.substr(0, note.size() - 1), "malformed note: does not end in a newline"},
      {std::string(kGoText) + sig_line,
       "malformed note: no blank line between text and signatures"},
      {std::string(kGoText) + "\n", "malformed note: no signature lines"},
      {std::string(kGoText) + "\n\n", "malformed note: no signature lines"},
      {"a\tb\n\n" + sig_line, "malformed note: control character at byte 1"},
      {"a\xFF\n\n" + sig_line, "malformed note: not valid UTF-8 at byte 1"},
      {std::string(kGoText) + "\n- PeterNeumann AAAA\n",
       "malformed note: signature line 1 does not start with \"\xE2\x80\x94 \""},
      {std::string(kGoText) + "\n\xE2\x80\x94 PeterNeumann\n",
       "malformed note: signature line 1 has no valid key name"},
      {std::string(kGoText) + "\n" + sig_line + "\xE2\x80\x94 x AAA=\n",
       "malformed note: signature line 2 has no base64 key id and signature"},
      {std::string(kGoText) + "\n\xE2\x80\x94 x AAAAAAA\n",
       "malformed note: signature line 1 has no base64 key id and signature"},
  };
  for (const Case& c : cases) {
    r = OpenNote(c.note, vkey);
    ASSERT_FALSE(r.has_value()) << c.note;
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument) << c.note;
    EXPECT_EQ(r.error().message(), c.message) << c.note;
  }
}

TEST(SignedNote, EveryFlippedBitIsRejected) {
  VerifierKey vkey = ParseVerifierKey(kGoVerifierKey).value();
  for (size_t i = 0; i < kGoNote.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string note(kGoNote);
      note[i] = static_cast<char>(note[i] ^ (1 << bit));
      EXPECT_FALSE(OpenNote(note, vkey).has_value()) << "byte " << i << " bit " << bit;
    }
  }
}

TEST(VerifierKeyText, Errors) {
  const std::pair<std::string, std::string> cases[] = {
      {"PeterNeumann", "verifier key: expected <name>+<key id>+<key>"},
      {"+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW", "verifier key: invalid key name"},
      {"PeterNeumann+c74f20a+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "verifier key: key id is not 8 hex digits"},
      {"PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10T",
       "verifier key: key is not base64 of 33 bytes"},
      {"PeterNeumann+c74f20a3+Alpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "verifier key: not an Ed25519 key (type byte 0x01)"},
      {"PeterNeumann+c74f20a4+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "verifier key: key id c74f20a4 does not match name and key (c74f20a3)"},
      {"Peter+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW",
       "verifier key: key id c74f20a3 does not match name and key (428d3eed)"},
  };
  for (const auto& [text, message] : cases) {
    auto r = ParseVerifierKey(text);
    ASSERT_FALSE(r.has_value()) << text;
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.error().message(), message);
  }
}

TEST(SigningKeyTest, RefusesBadNamesAndMovesOwnership) {
  std::array<uint8_t, 32> seed{};
  EXPECT_EQ(SigningKey::FromSeed("has space", seed).error().message(),
            "key name \"has space\" must be printable ASCII without spaces or '+'");
  EXPECT_FALSE(SigningKey::FromSeed("a+b", seed).has_value());
  EXPECT_FALSE(SigningKey::FromSeed("", seed).has_value());

  SigningKey a = TestKey("a.example/log", 1);
  std::string vkey = a.VerifierKeyText();
  SigningKey b = std::move(a);
  SigningKey c = TestKey("c.example/log", 2);
  c = std::move(b);
  Checkpoint cp = TestCheckpoint();
  EXPECT_EQ(VerifyCheckpoint(SignCheckpoint(cp, c), vkey).value(), cp);
}

TEST(CheckpointTest, SignVerifyRoundTrip) {
  SigningKey key = TestKey("sijill.example/archive", 3);
  Checkpoint cp = TestCheckpoint();
  std::string note = SignCheckpoint(cp, key);
  std::string body = CheckpointBody(cp);
  EXPECT_EQ(body,
            "sijill.example/archive\n20852163\n" +
                Base64Encode(std::string_view(reinterpret_cast<const char*>(cp.root.data()), 32)) +
                "\n");
  EXPECT_TRUE(note.starts_with(body + "\n\xE2\x80\x94 sijill.example/archive "));
  EXPECT_EQ(VerifyCheckpoint(note, key.VerifierKeyText()).value(), cp);
  EXPECT_EQ(ParseCheckpoint(note).value(), cp);

  cp.size = 0;
  cp.root = EmptyTreeHash();
  EXPECT_EQ(VerifyCheckpoint(SignCheckpoint(cp, key), key.VerifierKeyText()).value(), cp);

  SigningKey other = TestKey("sijill.example/archive", 4);
  EXPECT_EQ(VerifyCheckpoint(note, other.VerifierKeyText()).error().code(), StatusCode::kNotFound);
}

TEST(CheckpointTest, MalformedBodies) {
  const std::string root = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  const std::pair<std::string, std::string> cases[] = {
      {"o\n1\n" + root, "malformed checkpoint: does not end in a newline"},
      {"o\n1\n", "malformed checkpoint: expected 3 lines (origin, size, root), found 2"},
      {"o\n1\n" + root + "\next\n",
       "malformed checkpoint: expected 3 lines (origin, size, root), found 4"},
      {"\n1\n" + root + "\n", "malformed checkpoint: empty origin"},
      {"o\n01\n" + root + "\n", "malformed checkpoint: tree size \"01\" is not a decimal number"},
      {"o\n-1\n" + root + "\n", "malformed checkpoint: tree size \"-1\" is not a decimal number"},
      {"o\n+1\n" + root + "\n", "malformed checkpoint: tree size \"+1\" is not a decimal number"},
      {"o\n18446744073709551616\n" + root + "\n",
       "malformed checkpoint: tree size \"18446744073709551616\" is not a decimal number"},
      {"o\n\n" + root + "\n", "malformed checkpoint: tree size \"\" is not a decimal number"},
      {"o\n1\nAAAA\n", "malformed checkpoint: root hash is not base64 of 32 bytes"},
      {"o\n1\n47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFV=\n",
       "malformed checkpoint: root hash is not base64 of 32 bytes"},
  };
  for (const auto& [body, message] : cases) {
    auto r = ParseCheckpointBody(body);
    ASSERT_FALSE(r.has_value()) << body;
    EXPECT_EQ(r.error().code(), StatusCode::kInvalidArgument);
    EXPECT_EQ(r.error().message(), message);
  }
  Checkpoint cp = ParseCheckpointBody("o\n18446744073709551615\n" + root + "\n").value();
  EXPECT_EQ(cp.size, 18446744073709551615u);
  EXPECT_EQ(cp.root, EmptyTreeHash());
}

TEST(Base64, CanonicalOnly) {
  EXPECT_EQ(Base64Encode("hello"), "aGVsbG8=");
  EXPECT_EQ(Base64Decode("aGVsbG8=").value(), "hello");
  EXPECT_FALSE(Base64Decode("aGVsbG8").has_value());   // missing padding
  EXPECT_FALSE(Base64Decode("aGVsbG9=").has_value());  // non-zero trailing bits
  EXPECT_FALSE(Base64Decode("aGVs bG8=").has_value());
  EXPECT_FALSE(Base64Decode("aGVsbG8=\n").has_value());
  EXPECT_EQ(Base64Decode("").value(), "");
}

}  // namespace
}  // namespace sijill::vault
