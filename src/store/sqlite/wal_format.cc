#include "store/sqlite/wal_format.h"

#include <fmt/format.h>
#include <sodium.h>

#include <array>
#include <bit>
#include <vector>

namespace sijill::store::sqlite {
namespace {

constexpr uint32_t kWalMagic = 0x377f0682;  // | 1 when checksums are big-endian
constexpr uint32_t kWalVersion = 3007000;

uint32_t Get32(const uint8_t* p) {
  return (uint32_t{p[0]} << 24) | (uint32_t{p[1]} << 16) | (uint32_t{p[2]} << 8) | p[3];
}

// SQLite's WAL checksum (walformat.html, "Checksum Algorithm"), continued from `s`.
void Checksum(bool big_endian, const uint8_t* data, size_t n, std::array<uint32_t, 2>& s) {
  for (size_t i = 0; i + 8 <= n; i += 8) {
    uint32_t x0 = big_endian ? Get32(data + i)
                             : (data[i] | (uint32_t{data[i + 1]} << 8) |
                                (uint32_t{data[i + 2]} << 16) | (uint32_t{data[i + 3]} << 24));
    uint32_t x1 = big_endian ? Get32(data + i + 4)
                             : (data[i + 4] | (uint32_t{data[i + 5]} << 8) |
                                (uint32_t{data[i + 6]} << 16) | (uint32_t{data[i + 7]} << 24));
    s[0] += x0 + s[1];
    s[1] += x1 + s[0];
  }
}

struct WalHeader {
  bool valid = false;
  bool big_endian = false;
  uint32_t salt1 = 0;
  uint32_t salt2 = 0;
  std::array<uint32_t, 2> cksum{};
};

WalHeader ParseWalHeader(const std::array<uint8_t, kWalHeaderSize>& b) {
  WalHeader h;
  uint32_t magic = Get32(&b[0]);
  h.big_endian = (magic & 1) != 0;
  h.salt1 = Get32(&b[16]);
  h.salt2 = Get32(&b[20]);
  h.cksum = {Get32(&b[24]), Get32(&b[28])};
  std::array<uint32_t, 2> s{};
  Checksum(h.big_endian, b.data(), 24, s);
  h.valid = (magic & ~1u) == kWalMagic && Get32(&b[4]) == kWalVersion &&
            Get32(&b[8]) == kPageSize && s == h.cksum;
  return h;
}

struct Frame {
  FrameHeader header;
  bool authentic = false;
  std::vector<uint8_t> bytes;  // header + page (plaintext if authentic)
};

// Reads frame `index`, checking its page against the salts of the valid WAL header `h`, or,
// if the header is damaged, against the frame's own salts (final in any committed frame).
Frame ReadFrame(const ReadAt& read, uint32_t index, const WalHeader& h, const PageKey& key,
                const ArchiveId& archive) {
  Frame f;
  f.bytes.resize(kFrameSize);
  if (!read(FrameOffset(index), f.bytes)) return f;
  MaskChecksums(key, index, std::span<uint8_t, kFrameHeaderSize>(f.bytes.data(), 24));
  f.header = ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(f.bytes.data(), 24));
  Salts salts = h.valid ? Salts{h.salt1, h.salt2} : Salts{f.header.salt1, f.header.salt2};
  f.authentic = OpenPage(key, archive, FramePosition(index, f.header, salts),
                         std::span<uint8_t, kPageSize>(f.bytes.data() + 24, kPageSize));
  return f;
}

// Whether frame `f` continues the checksum chain that stands at `s`; advances `s`.
bool Chains(bool big_endian, const Frame& f, std::array<uint32_t, 2>& s) {
  Checksum(big_endian, f.bytes.data(), 8, s);
  Checksum(big_endian, f.bytes.data() + kFrameHeaderSize, kPageSize, s);
  return s[0] == f.header.cksum1 && s[1] == f.header.cksum2;
}

}  // namespace

FrameHeader ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize> b) {
  return FrameHeader{Get32(&b[0]),  Get32(&b[4]),  Get32(&b[8]),
                     Get32(&b[12]), Get32(&b[16]), Get32(&b[20])};
}

void MaskChecksums(const PageKey& key, uint32_t frame,
                   std::span<uint8_t, kFrameHeaderSize> header) {
  static constexpr char kContext[] = "sijill wal cksum";  // separates this key from the page key
  std::array<uint8_t, crypto_stream_xchacha20_KEYBYTES> subkey;
  crypto_generichash(subkey.data(), subkey.size(), reinterpret_cast<const uint8_t*>(kContext),
                     sizeof kContext - 1, key.data(), key.size());
  // nonce := salt1 salt2 frame zero[12]: unique per frame and log generation.
  std::array<uint8_t, crypto_stream_xchacha20_NONCEBYTES> nonce{};
  std::copy(header.begin() + 8, header.begin() + 16, nonce.begin());
  nonce[8] = static_cast<uint8_t>(frame >> 24);
  nonce[9] = static_cast<uint8_t>(frame >> 16);
  nonce[10] = static_cast<uint8_t>(frame >> 8);
  nonce[11] = static_cast<uint8_t>(frame);
  crypto_stream_xchacha20_xor(header.data() + 16, header.data() + 16, 8, nonce.data(),
                              subkey.data());
  sodium_memzero(subkey.data(), subkey.size());
}

PagePosition FramePosition(uint32_t frame, const FrameHeader& h, Salts salts) {
  return PagePosition{FileKind::kWal, h.pgno, frame, h.commit_size, salts.salt1, salts.salt2};
}

Salts WalHeaderSalts(std::span<const uint8_t, kWalHeaderSize> header) {
  return Salts{Get32(&header[16]), Get32(&header[20])};
}

WalAudit AuditWal(const ReadAt& read, int64_t size, const PageKey& key, const ArchiveId& archive) {
  WalAudit audit;
  std::array<uint8_t, kWalHeaderSize> hb{};
  if (size < kWalHeaderSize || !read(0, hb)) return audit;
  audit.frames = static_cast<uint32_t>((size - kWalHeaderSize) / kFrameSize);
  WalHeader h = ParseWalHeader(hb);
  audit.header_valid = h.valid;
  audit.salts = {h.salt1, h.salt2};

  // 1. SQLite's recovery: frames count while salts match and the checksum chain holds.
  uint32_t broken_at = 0;  // first frame recovery rejects; 0 if the header is rejected
  if (h.valid) {
    std::array<uint32_t, 2> s = h.cksum;
    for (uint32_t i = 1; i <= audit.frames; ++i) {
      Frame f = ReadFrame(read, i, h, key, archive);
      bool ok = f.authentic && f.header.pgno != 0 && f.header.salt1 == h.salt1 &&
                f.header.salt2 == h.salt2 && Chains(h.big_endian, f, s);
      if (!ok) {
        broken_at = i;
        audit.first_rejected = i;
        break;
      }
      if (f.header.commit_size != 0) audit.last_commit = i;
    }
    if (broken_at == 0) return audit;  // every frame is valid
  }

  // 2. Beyond the break, a writer may have left a torn transaction, or stale frames of a
  // rolled-back one. Neither can hold an authentic frame that chains from a commit frame at
  // or after the break: the next transaction starts only once a commit is synced. Finding
  // one proves that a committed transaction, not a torn one, is being dropped.
  // A damaged magic number cannot be trusted for the byte order: SQLite writes native order.
  bool big_endian = h.valid ? h.big_endian : std::endian::native == std::endian::big;
  std::optional<FrameHeader> prev;  // header of the previous frame, if it is one of ours
  for (uint32_t i = std::max<uint32_t>(broken_at, 1); i <= audit.frames; ++i) {
    Frame f = ReadFrame(read, i, h, key, archive);
    // With a damaged header, one intact salt word is enough to tie a frame to it (a torn
    // header write renews both: salt1 is incremented, salt2 is random).
    bool ours = h.valid ? (f.header.salt1 == h.salt1 && f.header.salt2 == h.salt2)
                        : (f.header.salt1 == h.salt1 || f.header.salt2 == h.salt2);
    if (i > broken_at && f.authentic && ours && prev && prev->commit_size != 0) {
      std::array<uint32_t, 2> s = {prev->cksum1, prev->cksum2};
      if (Chains(big_endian, f, s)) {
        audit.damaged_frame = broken_at;
        audit.problem =
            broken_at == 0 ? std::string("the WAL header is damaged")
                           : fmt::format("frame {} (page {}) is damaged or out of place", broken_at,
                                         ReadFrame(read, broken_at, h, key, archive).header.pgno);
        audit.problem += fmt::format("; committed frames up to {} would be lost", i - 1);
        return audit;
      }
    }
    prev = ours ? std::optional<FrameHeader>(f.header) : std::nullopt;
  }
  return audit;
}

}  // namespace sijill::store::sqlite
