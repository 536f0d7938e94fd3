// The SQLite WAL file as the encrypted VFS sees it (https://www.sqlite.org/walformat.html):
// a 32-byte header, then frames of a 24-byte header and one page image. Frame headers
// stay in the clear; the page image is sealed by page_cipher.h with the frame's index and
// header fields as associated data. AuditWal() replays SQLite's own recovery rules over a
// WAL file to tell a torn tail (normal after a crash) from a damaged committed frame.
// Pure functions; safe to call from any thread.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>

#include "store/sqlite/page_cipher.h"

namespace sijill::store::sqlite {

inline constexpr int kWalHeaderSize = 32;
inline constexpr int kFrameHeaderSize = 24;
inline constexpr int kFrameSize = kFrameHeaderSize + kPageSize;

// Offset of frame `frame` (1-based) in the WAL file.
inline int64_t FrameOffset(uint32_t frame) {
  return kWalHeaderSize + static_cast<int64_t>(frame - 1) * kFrameSize;
}

struct FrameHeader {
  uint32_t pgno = 0;
  uint32_t commit_size = 0;  // database size in pages for a commit frame, else 0
  uint32_t salt1 = 0;
  uint32_t salt2 = 0;
  uint32_t cksum1 = 0;
  uint32_t cksum2 = 0;
};
FrameHeader ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize> bytes);

// Encrypts or decrypts (the same XOR) the two checksum words of frame `frame`'s header,
// bytes 16-23, with a keystream from `key`, the header's salts and the frame index. SQLite's
// checksums are a non-cryptographic function of the page plaintext: in the clear they would
// let anyone confirm a guess of a page's content.
void MaskChecksums(const PageKey& key, uint32_t frame, std::span<uint8_t, kFrameHeaderSize> header);

// The position (associated data) of the page image of frame `frame` with header `h` in
// the log generation whose WAL header carries `salts`. The salts come from the WAL header,
// not the frame header: SQLite writes a frame header with zero salts and checksums while a
// transaction has rewritten one of its frames in place, and fixes them at commit (after the
// page is sealed). For a committed frame the two are equal.
struct Salts {
  uint32_t salt1 = 0;
  uint32_t salt2 = 0;
};
PagePosition FramePosition(uint32_t frame, const FrameHeader& h, Salts salts);

// The salts of a 32-byte WAL header.
Salts WalHeaderSalts(std::span<const uint8_t, kWalHeaderSize> header);

// Reads exactly out.size() bytes at `offset`; false if the file is shorter or on error.
using ReadAt = std::function<bool(int64_t offset, std::span<uint8_t> out)>;

struct WalAudit {
  bool header_valid = false;    // the WAL header is intact (magic, version, size, checksum)
  Salts salts;                  // its salts, if so
  uint32_t frames = 0;          // whole frames in the file
  uint32_t last_commit = 0;     // last frame SQLite's recovery will accept (0: none)
  uint32_t first_rejected = 0;  // first frame recovery rejects (0: none, or a bad header)
  // Set when data that was committed would be dropped: the first frame (0 for the
  // WAL header) where SQLite's recovery would stop although a later transaction
  // follows it, proving the damaged part was durable. `problem` says what is wrong.
  std::optional<uint32_t> damaged_frame;
  std::string problem;
};

// Audits a WAL file of `size` bytes read through `read`.
WalAudit AuditWal(const ReadAt& read, int64_t size, const PageKey& key, const ArchiveId& archive);

}  // namespace sijill::store::sqlite
