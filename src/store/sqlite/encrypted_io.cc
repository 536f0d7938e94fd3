// Reads and writes through the encrypted VFS. Database file: whole 4096-byte pages at
// page-aligned offsets, sealed with their page number. WAL: the 32-byte header passes through
// in the clear; frame headers too, but for their checksum words, which are masked; each
// frame's page image is sealed with the frame index, page number, commit size and the log
// generation's salts. Any other write shape is refused rather than written in the clear.
// WAL syncs, restarts, truncations and recovery maintain and check the commit anchor.
#include "store/sqlite/encrypted_io.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <span>

namespace sijill::store::sqlite::encrypted_io {
namespace {

using Page = std::array<uint8_t, kPageSize>;

std::span<uint8_t, kPageSize> Span(uint8_t* p) {
  return std::span<uint8_t, kPageSize>(p, kPageSize);
}

int RawRead(File* f, void* buf, int n, int64_t off) {
  return f->real->pMethods->xRead(f->real, buf, n, off);
}
int RawWrite(File* f, const void* buf, int n, int64_t off) {
  return f->real->pMethods->xWrite(f->real, buf, n, off);
}
int64_t RawSize(File* f) {
  sqlite3_int64 size = 0;
  if (f->real->pMethods->xFileSize(f->real, &size) != SQLITE_OK) return -1;
  return size;
}

}  // namespace

// ---- database file ------------------------------------------------------------------

int MainRead(File* f, uint8_t* out, int amt, int64_t off) {
  bool short_read = false;
  Page page;
  for (int64_t p = off / kPageSize; p * kPageSize < off + amt; ++p) {
    int64_t page_off = p * kPageSize;
    auto pgno = static_cast<uint32_t>(p + 1);
    int rc = RawRead(f, page.data(), kPageSize, page_off);
    if (rc == SQLITE_IOERR_SHORT_READ) {
      if (RawSize(f) > page_off) return f->rep->Damaged(fmt::format("page {} (truncated)", pgno));
      page.fill(0);  // beyond the end of the file: SQLite expects zeros
      short_read = true;
    } else if (rc != SQLITE_OK) {
      return rc;
    } else if (!OpenPage(f->rep->key, f->rep->archive, {FileKind::kMainDb, pgno}, page)) {
      return f->rep->Damaged(fmt::format("page {} of the database", pgno));
    }
    int64_t from = std::max(off, page_off);
    int64_t to = std::min(off + amt, page_off + kPageSize);
    std::memcpy(out + (from - off), page.data() + (from - page_off),
                static_cast<size_t>(to - from));
  }
  return short_read ? SQLITE_IOERR_SHORT_READ : SQLITE_OK;
}

int MainWrite(File* f, const uint8_t* in, int amt, int64_t off) {
  if (amt != kPageSize || off % kPageSize != 0) {
    return f->rep->Fail(SQLITE_IOERR_WRITE,
                        fmt::format("refused a {}-byte database write at offset {}: the "
                                    "encrypted database has {}-byte pages",
                                    amt, off, kPageSize));
  }
  auto pgno = static_cast<uint32_t>(off / kPageSize + 1);
  // Page 1's header: page size at bytes 16-17 (big-endian), reserved bytes at 20.
  if (pgno == 1 && !(in[16] == (kPageSize >> 8) && in[17] == 0 && in[20] == kReservedBytes)) {
    return f->rep->Fail(SQLITE_IOERR_WRITE,
                        "refused to write page 1: an encrypted database needs 4096-byte pages "
                        "with 40 reserved bytes");
  }
  Page page;
  std::memcpy(page.data(), in, kPageSize);
  if (!SealPage(f->rep->key, f->rep->archive, {FileKind::kMainDb, pgno}, page)) {
    return f->rep->Fail(
        SQLITE_IOERR_WRITE,
        fmt::format("refused to write page {}: its reserved bytes are in use", pgno));
  }
  return RawWrite(f, page.data(), kPageSize, off);
}

// ---- WAL ----------------------------------------------------------------------------

namespace {

// The salts of the log generation, from the WAL header on disk (another connection may
// have restarted the log since this one last wrote it). False if there is no header.
bool GenerationSalts(File* f, Salts* salts) {
  std::array<uint8_t, kWalHeaderSize> header;
  if (RawRead(f, header.data(), kWalHeaderSize, 0) != SQLITE_OK) return false;
  *salts = WalHeaderSalts(header);
  return true;
}

// The frame whose page image covers `off`, or 0 if `off` is in a header.
uint32_t FrameOfPageByte(int64_t off) {
  if (off < kWalHeaderSize) return 0;
  int64_t rel = (off - kWalHeaderSize) % kFrameSize;
  if (rel < kFrameHeaderSize) return 0;
  return static_cast<uint32_t>((off - kWalHeaderSize) / kFrameSize + 1);
}

int WalHeaderRead(File* f, uint8_t* out) {
  int rc = RawRead(f, out, kWalHeaderSize, 0);
  if (rc != SQLITE_OK) return rc;
  // SQLite reads the header only to recover the log: check first that recovery will not
  // silently drop committed frames.
  ReadAt read = [f](int64_t at, std::span<uint8_t> buf) {
    return RawRead(f, buf.data(), static_cast<int>(buf.size()), at) == SQLITE_OK;
  };
  WalAudit audit = AuditWal(read, RawSize(f), f->rep->key, f->rep->archive);
  if (audit.damaged_frame) {
    return f->rep->Fail(SQLITE_IOERR_DATA,
                        "the WAL is damaged or was tampered with: " + audit.problem);
  }
  std::string missing = CheckAnchor(audit, ReadAnchor(f->anchor_fd, f->rep->key, f->rep->archive));
  if (!missing.empty()) {
    return f->rep->Fail(SQLITE_IOERR_DATA, "the WAL is damaged or was tampered with: " + missing);
  }
  f->recovered_end = audit.last_commit;
  return SQLITE_OK;
}

// A whole-frame read: SQLite recovering the log, or recomputing checksums of its own frames.
int WalFrameRead(File* f, uint8_t* out, int64_t off) {
  int rc = RawRead(f, out, kFrameSize, off);
  if (rc != SQLITE_OK) return rc;
  auto frame = static_cast<uint32_t>((off - kWalHeaderSize) / kFrameSize + 1);
  MaskChecksums(f->rep->key, frame, std::span<uint8_t, kFrameHeaderSize>(out, kFrameHeaderSize));
  FrameHeader h =
      ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(out, kFrameHeaderSize));
  Salts salts;
  if (GenerationSalts(f, &salts) &&
      OpenPage(f->rep->key, f->rep->archive, FramePosition(frame, h, salts),
               Span(out + kFrameHeaderSize))) {
    return SQLITE_OK;
  }
  if (frame <= std::max(f->recovered_end, f->written_high)) {
    return f->rep->Damaged(fmt::format("WAL frame {} (page {})", frame, h.pgno));
  }
  // Past the last commit: a torn or stale frame (the audit found no later transaction).
  // Page number 0 makes SQLite's recovery stop here, whatever the stored checksum says.
  std::memset(out, 0, kFrameSize);
  return SQLITE_OK;
}

// Fills out[at - off ...] up to the end of the frame header holding byte `at` (or the next
// byte, in the WAL header), with its checksum words decrypted; returns where it stopped.
// `out` already holds the raw bytes of [off, off + amt), zeros beyond `size`.
int64_t ReadFrameHeaderBytes(File* f, uint8_t* out, int64_t off, int amt, int64_t at,
                             int64_t size) {
  if (at < kWalHeaderSize) return at + 1;  // the WAL header is in the clear
  auto frame = static_cast<uint32_t>((at - kWalHeaderSize) / kFrameSize + 1);
  int64_t header_off = FrameOffset(frame);
  int64_t end = std::min(off + amt, header_off + kFrameHeaderSize);
  std::array<uint8_t, kFrameHeaderSize> header;
  if (header_off + kFrameHeaderSize <= size &&
      RawRead(f, header.data(), kFrameHeaderSize, header_off) == SQLITE_OK) {
    MaskChecksums(f->rep->key, frame, header);
    std::memcpy(out + (at - off), header.data() + (at - header_off), static_cast<size_t>(end - at));
  }
  return end;
}

}  // namespace

int WalRead(File* f, uint8_t* out, int amt, int64_t off) {
  if (off == 0 && amt == kWalHeaderSize) return WalHeaderRead(f, out);
  if (amt == kFrameSize && off >= kWalHeaderSize && (off - kWalHeaderSize) % kFrameSize == 0) {
    return WalFrameRead(f, out, off);
  }
  int rc = RawRead(f, out, amt, off);
  if (rc != SQLITE_OK && rc != SQLITE_IOERR_SHORT_READ) return rc;
  int64_t size = rc == SQLITE_OK ? off + amt : RawSize(f);
  std::array<uint8_t, kFrameSize> buf;
  for (int64_t at = off; at < off + amt;) {
    uint32_t frame = FrameOfPageByte(at);
    if (frame == 0) {
      at = ReadFrameHeaderBytes(f, out, off, amt, at, size);
      continue;
    }
    int64_t page_off = FrameOffset(frame) + kFrameHeaderSize;
    int64_t end = std::min(off + amt, page_off + kPageSize);
    if (page_off >= size) break;  // beyond the end: zeros, as SQLite expects
    if (page_off + kPageSize > size ||
        RawRead(f, buf.data(), kFrameSize, FrameOffset(frame)) != SQLITE_OK) {
      return f->rep->Damaged(fmt::format("WAL frame {} (truncated)", frame));
    }
    MaskChecksums(f->rep->key, frame, std::span<uint8_t, kFrameHeaderSize>(buf.data(), 24));
    FrameHeader h = ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(buf.data(), 24));
    Salts salts;
    if (!GenerationSalts(f, &salts) ||
        !OpenPage(f->rep->key, f->rep->archive, FramePosition(frame, h, salts),
                  Span(buf.data() + kFrameHeaderSize))) {
      return f->rep->Damaged(fmt::format("WAL frame {} (page {})", frame, h.pgno));
    }
    std::memcpy(out + (at - off), buf.data() + kFrameHeaderSize + (at - page_off),
                static_cast<size_t>(end - at));
    at = end;
  }
  return rc;
}

int WalWrite(File* f, const uint8_t* in, int amt, int64_t off) {
  if (off == 0 && amt == kWalHeaderSize) {  // a new generation of the log
    // The old generation is checkpointed: withdraw the anchor's claim on it, durably,
    // before its header is replaced.
    Salts salts = WalHeaderSalts(std::span<const uint8_t, kWalHeaderSize>(in, kWalHeaderSize));
    if (f->anchor_fd >= 0 && !WriteAnchor(f->anchor_fd, f->rep->key, f->rep->archive, {salts, 0})) {
      return f->rep->Fail(SQLITE_IOERR_WRITE, "cannot update the WAL's commit anchor");
    }
    f->written_high = 0;
    f->cached_frame = 0;
    f->commit_pending = 0;
    f->anchored = 0;
    return RawWrite(f, in, amt, off);
  }
  bool frame_start = off >= kWalHeaderSize && (off - kWalHeaderSize) % kFrameSize == 0;
  auto frame = static_cast<uint32_t>((off - kWalHeaderSize) / kFrameSize + 1);
  if (amt == kFrameHeaderSize && frame_start) {
    f->cached_frame = frame;
    std::memcpy(f->cached_header.data(), in, kFrameHeaderSize);
    if (ParseFrameHeader(f->cached_header).commit_size != 0) {
      f->commit_pending = std::max(f->commit_pending, frame);
    }
    std::array<uint8_t, kFrameHeaderSize> masked = f->cached_header;
    MaskChecksums(f->rep->key, frame, masked);
    return RawWrite(f, masked.data(), amt, off);
  }
  if (amt != kPageSize || FrameOfPageByte(off) == 0 ||
      (off - kWalHeaderSize) % kFrameSize != kFrameHeaderSize) {
    return f->rep->Fail(SQLITE_IOERR_WRITE,
                        fmt::format("refused a {}-byte WAL write at offset {}", amt, off));
  }
  std::array<uint8_t, kFrameHeaderSize> hb = f->cached_header;
  if (f->cached_frame != frame && RawRead(f, hb.data(), kFrameHeaderSize, FrameOffset(frame))) {
    return f->rep->Fail(SQLITE_IOERR_WRITE,
                        fmt::format("refused to write WAL frame {}: its header is missing", frame));
  }
  Salts salts;
  if (!GenerationSalts(f, &salts)) {
    return f->rep->Fail(SQLITE_IOERR_WRITE,
                        fmt::format("refused to write WAL frame {}: the WAL has no header", frame));
  }
  Page page;
  std::memcpy(page.data(), in, kPageSize);
  FrameHeader h = ParseFrameHeader(hb);
  if (!SealPage(f->rep->key, f->rep->archive, FramePosition(frame, h, salts), page)) {
    return f->rep->Fail(
        SQLITE_IOERR_WRITE,
        fmt::format("refused to write page {}: its reserved bytes are in use", h.pgno));
  }
  int rc = RawWrite(f, page.data(), kPageSize, off);
  if (rc == SQLITE_OK) f->written_high = std::max(f->written_high, frame);
  return rc;
}

int WalTruncating(File* f, int64_t size) {
  auto frames = static_cast<uint32_t>(std::max<int64_t>(0, size - kWalHeaderSize) / kFrameSize);
  f->written_high = std::min(f->written_high, frames);
  f->commit_pending = std::min(f->commit_pending, frames);
  f->anchored = std::min(f->anchored, frames);
  f->cached_frame = 0;
  // SQLite truncates the WAL only once its frames are checkpointed.
  auto anchor = ReadAnchor(f->anchor_fd, f->rep->key, f->rep->archive);
  if (anchor && anchor->frame > frames &&
      !WriteAnchor(f->anchor_fd, f->rep->key, f->rep->archive, {anchor->salts, 0})) {
    return f->rep->Fail(SQLITE_IOERR_TRUNCATE, "cannot update the WAL's commit anchor");
  }
  return SQLITE_OK;
}

void WalSynced(File* f) {
  Salts salts;
  if (f->anchor_fd < 0 || f->commit_pending <= f->anchored || !GenerationSalts(f, &salts)) return;
  // A failed write leaves an older claim: weaker detection, never a false alarm.
  if (WriteAnchor(f->anchor_fd, f->rep->key, f->rep->archive, {salts, f->commit_pending})) {
    f->anchored = f->commit_pending;
  }
}

}  // namespace sijill::store::sqlite::encrypted_io
