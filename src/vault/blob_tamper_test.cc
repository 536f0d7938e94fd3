// Corruption tests in the spirit of LevelDB's corruption_test: every damaged blob must be
// reported, and nothing the reader hands out before the report may be wrong.
#include <gtest/gtest.h>

#include <random>

#include "vault/blob_cipher.h"
#include "vault/testing/blob_testing.h"

namespace sijill::vault {
namespace {

using testing::Decrypt;
using testing::Encrypt;
using testing::Pattern;
using testing::TestKeys;

constexpr size_t kChunk = 128;
constexpr size_t kHeader = 53;
constexpr size_t kStoredChunk = kChunk + 17;

class BlobTamper : public ::testing::Test {
 protected:
  // 400 bytes in chunks of 124 data bytes: three data chunks and a final one.
  BlobTamper() : keys_(TestKeys(7)), plain_(Pattern(400)), blob_(Encrypt(keys_, plain_, kChunk)) {}

  // Decrypts `bytes` as the blob; expects a report and only true plaintext before it.
  void ExpectDamage(const std::string& bytes, const std::string& what) {
    auto decrypted = Decrypt(keys_, bytes, blob_.summary.address, 50);
    ASSERT_FALSE(decrypted.status.ok()) << what << ": damage not reported";
    EXPECT_EQ(decrypted.status.code(), base::StatusCode::kCorruption) << what;
    ASSERT_LE(decrypted.delivered.size(), plain_.size()) << what;
    EXPECT_EQ(decrypted.delivered, plain_.substr(0, decrypted.delivered.size()))
        << what << ": wrong plaintext delivered";
  }
  std::string Message(const std::string& bytes) {
    return Decrypt(keys_, bytes, blob_.summary.address).status.message();
  }

  BlobKeys keys_;
  std::string plain_;
  testing::Encrypted blob_;
};

TEST_F(BlobTamper, Layout) {
  ASSERT_EQ(blob_.ciphertext.size(), kHeader + 4 * kStoredChunk);
  ASSERT_TRUE(Decrypt(keys_, blob_.ciphertext, blob_.summary.address).status.ok());
}

TEST_F(BlobTamper, FlipEveryBitOfEveryByte) {
  for (size_t i = 0; i < blob_.ciphertext.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string bad = blob_.ciphertext;
      bad[i] = static_cast<char>(bad[i] ^ (1 << bit));
      ExpectDamage(bad, "byte " + std::to_string(i) + " bit " + std::to_string(bit));
    }
  }
}

TEST_F(BlobTamper, RandomMultiBitDamage) {
  std::mt19937 rng(20261127);
  for (int round = 0; round < 2000; ++round) {
    std::string bad = blob_.ciphertext;
    int flips = 1 + static_cast<int>(rng() % 8);
    for (int f = 0; f < flips; ++f) {
      size_t at = rng() % bad.size();
      bad[at] = static_cast<char>(bad[at] ^ (1 << (rng() % 8)));
    }
    if (bad == blob_.ciphertext) continue;  // flips that cancelled out
    ExpectDamage(bad, "round " + std::to_string(round));
  }
}

TEST_F(BlobTamper, TruncateAtEveryLength) {
  for (size_t n = 0; n < blob_.ciphertext.size(); ++n) {
    ExpectDamage(blob_.ciphertext.substr(0, n), "length " + std::to_string(n));
  }
}

TEST_F(BlobTamper, MessagesNameChunkAndByte) {
  std::string flipped = blob_.ciphertext;
  flipped[kHeader + kStoredChunk + 5] ^= 1;
  EXPECT_EQ(Message(flipped), "chunk 1 at byte 198: corrupt (authentication failed)");
  EXPECT_EQ(Message(blob_.ciphertext.substr(0, kHeader + kStoredChunk + 10)),
            "chunk 1 at byte 198: truncated (10 of 145 bytes)");
  EXPECT_EQ(Message(blob_.ciphertext.substr(0, kHeader + 3 * kStoredChunk)),
            "chunk 3 at byte 488: missing, the blob is truncated (no final chunk)");
  EXPECT_EQ(Message(blob_.ciphertext + "x"), "trailing data at byte 633 after the final chunk");
  std::string stream_header = blob_.ciphertext;
  stream_header[20] ^= 1;
  EXPECT_EQ(Message(stream_header), "chunk 0 at byte 53: corrupt (authentication failed)");
  std::string key_check = blob_.ciphertext;
  key_check[40] ^= 1;
  EXPECT_EQ(Message(key_check), "blob header: key check damaged");
}

TEST_F(BlobTamper, ReorderedOrDuplicatedChunks) {
  auto chunk = [&](size_t i) {
    return blob_.ciphertext.substr(kHeader + i * kStoredChunk, kStoredChunk);
  };
  std::string header = blob_.ciphertext.substr(0, kHeader);
  std::string swapped = header + chunk(0) + chunk(2) + chunk(1) + chunk(3);
  EXPECT_EQ(Message(swapped), "chunk 1 at byte 198: corrupt (authentication failed)");
  ExpectDamage(swapped, "swapped");
  ExpectDamage(header + chunk(0) + chunk(1) + chunk(3), "dropped chunk 2");
  ExpectDamage(header + chunk(0) + chunk(0) + chunk(1) + chunk(2) + chunk(3), "repeated chunk 0");
  ExpectDamage(header + chunk(0) + chunk(3), "final chunk moved up");
}

TEST_F(BlobTamper, ChunksFromAnotherBlobOfTheSameArchive) {
  auto other = Encrypt(keys_, Pattern(400, 99), kChunk);
  std::string spliced = blob_.ciphertext.substr(0, kHeader + kStoredChunk) +
                        other.ciphertext.substr(kHeader + kStoredChunk);
  EXPECT_EQ(Message(spliced), "chunk 1 at byte 198: corrupt (authentication failed)");
}

TEST_F(BlobTamper, SwappedBlobFilesAreDetected) {
  auto other = Encrypt(keys_, Pattern(400, 99), kChunk);
  // The other blob's file, stored under this blob's address.
  auto decrypted = Decrypt(keys_, other.ciphertext, blob_.summary.address);
  ASSERT_FALSE(decrypted.status.ok());
  EXPECT_EQ(decrypted.status.message(), "wrong address: the blob is " + other.summary.address +
                                            ", expected " + blob_.summary.address);
}

TEST_F(BlobTamper, WrongKeyIsDetected) {
  auto decrypted = Decrypt(TestKeys(8), blob_.ciphertext, blob_.summary.address);
  ASSERT_FALSE(decrypted.status.ok());
  EXPECT_EQ(decrypted.status.message(),
            "wrong key: the blob was not encrypted with this archive's key");
  EXPECT_TRUE(decrypted.delivered.empty());
}

}  // namespace
}  // namespace sijill::vault
