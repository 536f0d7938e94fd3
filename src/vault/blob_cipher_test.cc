#include "vault/blob_cipher.h"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include "base/testing/temp_dir.h"
#include "vault/sha256.h"
#include "vault/subkeys.h"
#include "vault/testing/blob_testing.h"

namespace sijill::vault {
namespace {

using testing::Decrypt;
using testing::Encrypt;
using testing::Pattern;
using testing::TestKeys;

constexpr size_t kHeader = 53;  // docs/formats/blobs.md
constexpr size_t kSmallChunk = 128;

TEST(BlobCipher, RoundTripsAroundChunkBoundaries) {
  BlobKeys keys = TestKeys(1);
  // Chunk 128: 124 data bytes per data chunk, 52 beside the metadata in the final one.
  for (size_t size : {0, 1, 51, 52, 53, 123, 124, 125, 176, 177, 248, 249, 1000, 4321}) {
    for (size_t piece : {1, 7, 124, 5000}) {
      std::string plain = Pattern(size, static_cast<uint32_t>(size));
      auto encrypted = Encrypt(keys, plain, kSmallChunk, piece);
      EXPECT_EQ(encrypted.summary.size, size);
      EXPECT_EQ(encrypted.summary.stored_size, encrypted.ciphertext.size());
      EXPECT_EQ((encrypted.ciphertext.size() - kHeader) % (kSmallChunk + 17), 0u);
      for (size_t read_size : {1, 100, 4096}) {
        auto decrypted = Decrypt(keys, encrypted.ciphertext, encrypted.summary.address, read_size);
        ASSERT_TRUE(decrypted.status.ok()) << size << ": " << decrypted.status.message();
        ASSERT_EQ(decrypted.delivered, plain) << size;
      }
    }
  }
}

TEST(BlobCipher, StoredSizes) {
  BlobKeys keys = TestKeys(1);
  auto stored = [&](size_t size, size_t chunk) {
    return Encrypt(keys, Pattern(size), chunk).summary.stored_size;
  };
  EXPECT_EQ(stored(0, kSmallChunk), kHeader + 145);
  EXPECT_EQ(stored(52, kSmallChunk), kHeader + 145);  // data and metadata in one chunk
  EXPECT_EQ(stored(53, kSmallChunk), kHeader + 290);  // a short data chunk, then the final
  EXPECT_EQ(stored(124, kSmallChunk), kHeader + 290);
  // Smaller than one chunk: the smallest power of two that holds it.
  EXPECT_EQ(stored(10, kDefaultBlobChunkSize), kHeader + 128 + 17);
  EXPECT_EQ(stored(5000, kDefaultBlobChunkSize), kHeader + 8192 + 17);
  EXPECT_EQ(stored(200000, kDefaultBlobChunkSize), kHeader + 4 * (size_t{65536} + 17));
}

TEST(BlobCipher, SummaryHasPlainShaAndKeyedAddress) {
  std::string plain = Pattern(3000);
  auto a = Encrypt(TestKeys(1), plain, kSmallChunk);
  EXPECT_EQ(a.summary.sha256, Sha256Hex(plain));
  EXPECT_EQ(a.summary.address.size(), 64u);
  EXPECT_NE(a.summary.address, a.summary.sha256);
  // Same archive, same contents: same address (deduplication), other ciphertext.
  auto again = Encrypt(TestKeys(1), plain, kDefaultBlobChunkSize, 17);
  EXPECT_EQ(again.summary.address, a.summary.address);
  EXPECT_NE(again.ciphertext, a.ciphertext);
  // Another archive: another address, so a file name reveals nothing without the key.
  auto other = Encrypt(TestKeys(2), plain, kSmallChunk);
  EXPECT_NE(other.summary.address, a.summary.address);
  EXPECT_EQ(other.summary.sha256, a.summary.sha256);
}

// The address of "abc" under the counting master key, computed with Python:
// hashlib.blake2b(hashlib.sha256(b"abc").digest(), digest_size=32, key=<blob-address
// subkey>), the subkey as in subkeys_test.
TEST(BlobCipher, AddressKnownAnswer) {
  SecretBytes master(kMasterKeyBytes);
  for (size_t i = 0; i < master.size(); ++i) master.data()[i] = static_cast<uint8_t>(i);
  BlobKeys keys = BlobKeys::Derive(master);
  auto encrypted = Encrypt(keys, "abc", kDefaultBlobChunkSize);
  EXPECT_EQ(encrypted.summary.address,
            "94dcbce814db1d9c899c0ae8a3757c60393ab5ab0ea8e964f96f056f6c210552");
  EXPECT_EQ(BlobAddress(keys, encrypted.summary.sha256), encrypted.summary.address);
  EXPECT_EQ(BlobAddress(keys, "not hex"), "");
}

TEST(BlobCipher, ChunkSizeOutOfRangeIsRefused) {
  auto sink = [](std::string_view) { return base::Status::Ok(); };
  auto writer = EncryptingBlobWriter::Create(TestKeys(1), sink, 100);
  ASSERT_FALSE(writer.has_value());
  EXPECT_EQ(writer.error().code(), base::StatusCode::kInvalidArgument);
  EXPECT_EQ(writer.error().message(), "blob chunk size 100 out of range [128, 4194304]");
}

TEST(BlobCipher, SinkErrorStopsTheWriter) {
  int calls = 0;
  auto sink = [&calls](std::string_view) {
    ++calls;
    return base::Status::IOError("cannot write: No space left on device");
  };
  auto writer = EncryptingBlobWriter::Create(TestKeys(1), sink, kSmallChunk);
  ASSERT_TRUE(writer.has_value());
  EXPECT_EQ(writer->Write(Pattern(1000)).message(), "cannot write: No space left on device");
  EXPECT_EQ(writer->Write("x").code(), base::StatusCode::kIOError);
  EXPECT_FALSE(writer->Finish().has_value());
  EXPECT_EQ(calls, 1);
}

TEST(BlobCipher, HeaderErrors) {
  BlobKeys keys = TestKeys(1);
  auto encrypted = Encrypt(keys, Pattern(300), kSmallChunk);
  const std::string& good = encrypted.ciphertext;
  auto error = [&](const std::string& bytes) {
    return Decrypt(keys, bytes, encrypted.summary.address).status.message();
  };
  EXPECT_EQ(error(good.substr(0, 40)), "blob header: truncated (40 of 53 bytes)");
  EXPECT_EQ(error("SIJKEYS\n" + good.substr(8)), "blob header: bad magic (not a Sijill blob)");
  std::string v = good;
  v[8] = 9;
  EXPECT_EQ(error(v), "blob header: unknown version 9 (this build reads 1)");
  std::string c = good;
  c[9] = static_cast<char>(0x80 ^ c[9]);  // 128 -> 0
  EXPECT_EQ(error(c), "blob header: chunk size 0 out of range [128, 4194304]");
}

TEST(BlobCipher, FileDescriptorSinkAndSource) {
  base::testing::TempDir dir;
  BlobKeys keys = TestKeys(3);
  std::string plain = Pattern(300000);
  std::string path = dir.Path("blob").string();
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ASSERT_GE(fd, 0);
  auto writer = EncryptingBlobWriter::Create(keys, FdSink(fd));
  ASSERT_TRUE(writer.has_value());
  ASSERT_TRUE(writer->Write(plain).ok());
  auto summary = writer->Finish();
  ::close(fd);
  ASSERT_TRUE(summary.has_value());
  fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  ASSERT_GE(fd, 0);
  auto reader = DecryptingBlobReader::Open(keys, FdSource(fd), summary->address);
  ASSERT_TRUE(reader.has_value());
  std::string out, buffer(10000, '\0');
  for (;;) {
    auto n = reader->Read(buffer);
    ASSERT_TRUE(n.has_value()) << n.error().message();
    if (*n == 0) break;
    out.append(buffer.data(), *n);
  }
  ::close(fd);
  EXPECT_EQ(out, plain);
  EXPECT_EQ(reader->summary().sha256, summary->sha256);
  EXPECT_EQ(reader->summary().address, summary->address);
  EXPECT_EQ(reader->summary().size, plain.size());
  EXPECT_EQ(reader->summary().stored_size, summary->stored_size);
}

}  // namespace
}  // namespace sijill::vault
