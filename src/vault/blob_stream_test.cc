// A 200 MB blob through writer and reader, joined by a pipe, never held in memory: the
// resident set must stay within a few chunks of where it started.
#include <gtest/gtest.h>
#include <sodium.h>
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <fstream>
#include <thread>

#include "vault/blob_cipher.h"
#include "vault/sha256.h"
#include "vault/testing/blob_testing.h"

namespace sijill::vault {
namespace {

uint64_t ResidentBytes() {
  std::ifstream statm("/proc/self/statm");
  uint64_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<uint64_t>(::sysconf(_SC_PAGESIZE));
}

TEST(BlobStream, TwoHundredMegabytesInBoundedMemory) {
  constexpr uint64_t kTotal = 200ull * 1000 * 1000;
  constexpr size_t kPiece = 1 << 20;
  std::signal(SIGPIPE, SIG_IGN);  // a failed reader closes the pipe; the writer gets EPIPE
  BlobKeys keys = testing::TestKeys(5);
  const std::string piece = testing::Pattern(kPiece);
  // The SHA-256 the writer must report, computed on the same pieces, and its address.
  Sha256 expected_sha;
  for (uint64_t left = kTotal; left > 0;) {
    size_t n = static_cast<size_t>(std::min<uint64_t>(left, kPiece));
    expected_sha.Update(std::string_view(piece).substr(0, n));
    left -= n;
  }
  const std::string sha_hex = expected_sha.FinishHex();
  const std::string address_hex = BlobAddress(keys, sha_hex);

  int fds[2];
  ASSERT_EQ(::pipe(fds), 0);
  const uint64_t rss_before = ResidentBytes();
  base::Result<BlobSummary> written = base::Error(base::Status::Internal("not run"));
  std::thread writer_thread([&] {
    auto writer = EncryptingBlobWriter::Create(keys, FdSink(fds[1]));
    for (uint64_t done = 0; writer.has_value() && done < kTotal; done += kPiece) {
      size_t n = static_cast<size_t>(std::min<uint64_t>(kTotal - done, kPiece));
      if (!writer->Write(std::string_view(piece).substr(0, n)).ok()) break;
    }
    if (writer.has_value()) written = writer->Finish();
    ::close(fds[1]);
  });
  uint64_t read = 0, rss_peak = rss_before;
  {
    // Joins the writer however the reading below ends (closing the pipe unblocks it).
    struct Join {
      std::thread& thread;
      int fd;
      ~Join() {
        ::close(fd);
        thread.join();
      }
    } join{writer_thread, fds[0]};
    auto reader = DecryptingBlobReader::Open(keys, FdSource(fds[0]), address_hex);
    ASSERT_TRUE(reader.has_value());
    std::string buffer(size_t{256} << 10, '\0');
    for (;;) {
      auto n = reader->Read(buffer);
      ASSERT_TRUE(n.has_value()) << n.error().message();
      if (*n == 0) break;
      for (size_t i = 0; i < *n; ++i) {
        if (buffer[i] != piece[(read + i) % kPiece]) FAIL() << "wrong byte at " << read + i;
      }
      read += *n;
      if (read % (16 << 20) < *n) rss_peak = std::max(rss_peak, ResidentBytes());
    }
    EXPECT_EQ(reader->summary().size, kTotal);
  }
  ASSERT_TRUE(written.has_value()) << written.error().message();
  EXPECT_EQ(written->size, kTotal);
  EXPECT_EQ(written->sha256, sha_hex);
  EXPECT_EQ(written->address, address_hex);
  EXPECT_EQ(read, kTotal);
  // Writer and reader hold a few 64 KiB chunks each; 16 MB is a generous bound.
  EXPECT_LT(rss_peak - rss_before, 16u << 20);
  std::printf("resident set growth while streaming 200 MB: %.1f MiB\n",
              static_cast<double>(rss_peak - rss_before) / (1 << 20));
}

}  // namespace
}  // namespace sijill::vault
