// The VFS shim. Database file: whole 4096-byte pages at page-aligned offsets, sealed with
// their page number. WAL: the 32-byte header and 24-byte frame headers pass through in the
// clear; each frame's page image is sealed with the frame index and header fields. Any
// other write shape is refused rather than written in the clear.
#include "store/sqlite/encrypted_vfs.h"

#include <fmt/format.h>
#include <sodium.h>
#include <sqlite3.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

#include "store/sqlite/wal_format.h"

namespace sijill::store::sqlite {

struct EncryptedVfs::Rep {
  sqlite3_vfs vfs{};
  sqlite3_vfs* real = nullptr;
  PageKey key{};
  ArchiveId archive{};
  std::string name;
  std::mutex mu;
  base::Status failure;

  // Records why an operation was refused and returns `rc` for SQLite.
  int Fail(int rc, std::string message) {
    std::lock_guard lock(mu);
    failure = rc == SQLITE_IOERR_DATA ? base::Status::Corruption(std::move(message))
                                      : base::Status::IOError(std::move(message));
    return rc;
  }
  int Damaged(std::string what) {
    return Fail(SQLITE_IOERR_DATA,
                what + " failed authentication: the file is damaged or was tampered with");
  }
};

namespace {

using Rep = EncryptedVfs::Rep;
using Page = std::array<uint8_t, kPageSize>;

// SQLite allocates szOsFile bytes per open file: this struct, then the real file.
struct File {
  sqlite3_file base;  // first: SQLite passes &base
  Rep* rep;
  FileKind kind;
  sqlite3_file* real;
  // WAL only.
  uint32_t cached_frame;  // frame whose header was last written through this handle
  std::array<uint8_t, kFrameHeaderSize> cached_header;
  uint32_t written_high;   // highest frame sealed through this handle in this WAL generation
  uint32_t recovered_end;  // last frame recovery accepted when the WAL header was last read
};
constexpr int kFileBytes = (sizeof(File) + 7) / 8 * 8;

File* FileOf(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
Rep* RepOf(sqlite3_vfs* vfs) { return static_cast<Rep*>(vfs->pAppData); }
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
  f->recovered_end = audit.last_commit;
  return SQLITE_OK;
}

// A whole-frame read: SQLite recovering the log, or recomputing checksums of its own frames.
int WalFrameRead(File* f, uint8_t* out, int64_t off) {
  int rc = RawRead(f, out, kFrameSize, off);
  if (rc != SQLITE_OK) return rc;
  auto frame = static_cast<uint32_t>((off - kWalHeaderSize) / kFrameSize + 1);
  FrameHeader h =
      ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(out, kFrameHeaderSize));
  if (OpenPage(f->rep->key, f->rep->archive, FramePosition(frame, h),
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
      ++at;
      continue;
    }
    int64_t page_off = FrameOffset(frame) + kFrameHeaderSize;
    int64_t end = std::min(off + amt, page_off + kPageSize);
    if (page_off >= size) break;  // beyond the end: zeros, as SQLite expects
    if (page_off + kPageSize > size ||
        RawRead(f, buf.data(), kFrameSize, FrameOffset(frame)) != SQLITE_OK) {
      return f->rep->Damaged(fmt::format("WAL frame {} (truncated)", frame));
    }
    FrameHeader h = ParseFrameHeader(std::span<const uint8_t, kFrameHeaderSize>(buf.data(), 24));
    if (!OpenPage(f->rep->key, f->rep->archive, FramePosition(frame, h),
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
    f->written_high = 0;
    f->cached_frame = 0;
    return RawWrite(f, in, amt, off);
  }
  bool frame_start = off >= kWalHeaderSize && (off - kWalHeaderSize) % kFrameSize == 0;
  auto frame = static_cast<uint32_t>((off - kWalHeaderSize) / kFrameSize + 1);
  if (amt == kFrameHeaderSize && frame_start) {
    f->cached_frame = frame;
    std::memcpy(f->cached_header.data(), in, kFrameHeaderSize);
    return RawWrite(f, in, amt, off);
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
  Page page;
  std::memcpy(page.data(), in, kPageSize);
  FrameHeader h = ParseFrameHeader(hb);
  if (!SealPage(f->rep->key, f->rep->archive, FramePosition(frame, h), page)) {
    return f->rep->Fail(
        SQLITE_IOERR_WRITE,
        fmt::format("refused to write page {}: its reserved bytes are in use", h.pgno));
  }
  int rc = RawWrite(f, page.data(), kPageSize, off);
  if (rc == SQLITE_OK) f->written_high = std::max(f->written_high, frame);
  return rc;
}

// ---- sqlite3_io_methods -------------------------------------------------------------

int XClose(sqlite3_file* file) { return FileOf(file)->real->pMethods->xClose(FileOf(file)->real); }

int XRead(sqlite3_file* file, void* out, int amt, sqlite3_int64 off) {
  File* f = FileOf(file);
  auto* p = static_cast<uint8_t*>(out);
  return f->kind == FileKind::kMainDb ? MainRead(f, p, amt, off) : WalRead(f, p, amt, off);
}

int XWrite(sqlite3_file* file, const void* in, int amt, sqlite3_int64 off) {
  File* f = FileOf(file);
  const auto* p = static_cast<const uint8_t*>(in);
  return f->kind == FileKind::kMainDb ? MainWrite(f, p, amt, off) : WalWrite(f, p, amt, off);
}

int XTruncate(sqlite3_file* file, sqlite3_int64 size) {
  File* f = FileOf(file);
  if (f->kind == FileKind::kWal) {
    auto frames = static_cast<uint32_t>(std::max<int64_t>(0, size - kWalHeaderSize) / kFrameSize);
    f->written_high = std::min(f->written_high, frames);
    f->cached_frame = 0;
  }
  return f->real->pMethods->xTruncate(f->real, size);
}

int XSync(sqlite3_file* f, int flags) {
  return FileOf(f)->real->pMethods->xSync(FileOf(f)->real, flags);
}
int XFileSize(sqlite3_file* f, sqlite3_int64* size) {
  return FileOf(f)->real->pMethods->xFileSize(FileOf(f)->real, size);
}
int XLock(sqlite3_file* f, int lock) {
  return FileOf(f)->real->pMethods->xLock(FileOf(f)->real, lock);
}
int XUnlock(sqlite3_file* f, int lock) {
  return FileOf(f)->real->pMethods->xUnlock(FileOf(f)->real, lock);
}
int XCheckReservedLock(sqlite3_file* f, int* out) {
  return FileOf(f)->real->pMethods->xCheckReservedLock(FileOf(f)->real, out);
}
int XFileControl(sqlite3_file* f, int op, void* arg) {
  return FileOf(f)->real->pMethods->xFileControl(FileOf(f)->real, op, arg);
}
int XSectorSize(sqlite3_file* f) { return FileOf(f)->real->pMethods->xSectorSize(FileOf(f)->real); }
int XDeviceCharacteristics(sqlite3_file* f) {
  // Batch-atomic writes would let SQLite skip the journal logic this shim relies on.
  return FileOf(f)->real->pMethods->xDeviceCharacteristics(FileOf(f)->real) &
         ~SQLITE_IOCAP_BATCH_ATOMIC;
}
// The -shm file is opened by the real VFS itself and passed through: it holds the WAL
// index (frame to page-number map, checksums of that index, read marks, locks), no content.
int XShmMap(sqlite3_file* f, int region, int size, int extend, void volatile** out) {
  return FileOf(f)->real->pMethods->xShmMap(FileOf(f)->real, region, size, extend, out);
}
int XShmLock(sqlite3_file* f, int offset, int n, int flags) {
  return FileOf(f)->real->pMethods->xShmLock(FileOf(f)->real, offset, n, flags);
}
void XShmBarrier(sqlite3_file* f) { FileOf(f)->real->pMethods->xShmBarrier(FileOf(f)->real); }
int XShmUnmap(sqlite3_file* f, int del) {
  return FileOf(f)->real->pMethods->xShmUnmap(FileOf(f)->real, del);
}

// Version 2: no xFetch, so SQLite never memory-maps the (encrypted) database file.
const sqlite3_io_methods kIoMethods = {2,
                                       XClose,
                                       XRead,
                                       XWrite,
                                       XTruncate,
                                       XSync,
                                       XFileSize,
                                       XLock,
                                       XUnlock,
                                       XCheckReservedLock,
                                       XFileControl,
                                       XSectorSize,
                                       XDeviceCharacteristics,
                                       XShmMap,
                                       XShmLock,
                                       XShmBarrier,
                                       XShmUnmap,
                                       nullptr,
                                       nullptr};

// ---- sqlite3_vfs --------------------------------------------------------------------

const char* FileTypeName(int flags) {
  if (flags & SQLITE_OPEN_MAIN_JOURNAL) return "rollback journal";
  if (flags & SQLITE_OPEN_SUPER_JOURNAL) return "super-journal";
  if (flags & SQLITE_OPEN_SUBJOURNAL) return "statement journal";
  if (flags & SQLITE_OPEN_TEMP_DB) return "temporary database";
  if (flags & SQLITE_OPEN_TRANSIENT_DB) return "transient database";
  return "temporary file";
}

int XOpen(sqlite3_vfs* vfs, sqlite3_filename name, sqlite3_file* file, int flags, int* out_flags) {
  Rep* rep = RepOf(vfs);
  File* f = FileOf(file);
  f->base.pMethods = nullptr;
  FileKind kind;
  if (flags & SQLITE_OPEN_MAIN_DB) {
    kind = FileKind::kMainDb;
  } else if (flags & SQLITE_OPEN_WAL) {
    kind = FileKind::kWal;
  } else {
    return rep->Fail(SQLITE_CANTOPEN,
                     fmt::format("refused to create a {}: an encrypted database writes only its "
                                 "database file and WAL (use WAL mode and temp_store=MEMORY)",
                                 FileTypeName(flags)));
  }
  f->rep = rep;
  f->kind = kind;
  f->real = reinterpret_cast<sqlite3_file*>(reinterpret_cast<char*>(file) + kFileBytes);
  f->cached_frame = 0;
  f->cached_header = {};
  f->written_high = 0;
  f->recovered_end = 0;
  int rc = rep->real->xOpen(rep->real, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  f->base.pMethods = &kIoMethods;
  return SQLITE_OK;
}

int XDelete(sqlite3_vfs* v, const char* name, int sync) {
  return RepOf(v)->real->xDelete(RepOf(v)->real, name, sync);
}
int XAccess(sqlite3_vfs* v, const char* name, int flags, int* out) {
  return RepOf(v)->real->xAccess(RepOf(v)->real, name, flags, out);
}
int XFullPathname(sqlite3_vfs* v, const char* name, int n, char* out) {
  return RepOf(v)->real->xFullPathname(RepOf(v)->real, name, n, out);
}
void* XDlOpen(sqlite3_vfs* v, const char* name) {
  return RepOf(v)->real->xDlOpen(RepOf(v)->real, name);
}
void XDlError(sqlite3_vfs* v, int n, char* out) {
  RepOf(v)->real->xDlError(RepOf(v)->real, n, out);
}
void (*XDlSym(sqlite3_vfs* v, void* lib, const char* sym))(void) {
  return RepOf(v)->real->xDlSym(RepOf(v)->real, lib, sym);
}
void XDlClose(sqlite3_vfs* v, void* lib) { RepOf(v)->real->xDlClose(RepOf(v)->real, lib); }
int XRandomness(sqlite3_vfs* v, int n, char* out) {
  return RepOf(v)->real->xRandomness(RepOf(v)->real, n, out);
}
int XSleep(sqlite3_vfs* v, int us) { return RepOf(v)->real->xSleep(RepOf(v)->real, us); }
int XCurrentTime(sqlite3_vfs* v, double* out) {
  return RepOf(v)->real->xCurrentTime(RepOf(v)->real, out);
}
int XGetLastError(sqlite3_vfs* v, int n, char* out) {
  return RepOf(v)->real->xGetLastError(RepOf(v)->real, n, out);
}
int XCurrentTimeInt64(sqlite3_vfs* v, sqlite3_int64* out) {
  return RepOf(v)->real->xCurrentTimeInt64(RepOf(v)->real, out);
}

}  // namespace

EncryptedVfs::EncryptedVfs(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}

base::Result<std::unique_ptr<EncryptedVfs>> EncryptedVfs::Create(const PageKey& key,
                                                                 const ArchiveId& archive) {
  if (sodium_init() < 0) return base::Error(base::Status::Internal("libsodium cannot start"));
  sqlite3_vfs* real = sqlite3_vfs_find("unix");
  if (real == nullptr) real = sqlite3_vfs_find(nullptr);
  if (real == nullptr || real->iVersion < 2) {
    return base::Error(base::Status::Internal("SQLite has no default VFS to encrypt over"));
  }
  static std::atomic<uint64_t> counter{0};
  auto rep = std::make_unique<Rep>();
  rep->real = real;
  rep->name = fmt::format("sijill-enc-{}", ++counter);
  sodium_mlock(rep->key.data(), rep->key.size());  // best effort: keep the key out of swap
  rep->key = key;
  rep->archive = archive;
  sqlite3_vfs& v = rep->vfs;
  v.iVersion = 2;
  v.szOsFile = kFileBytes + real->szOsFile;
  v.mxPathname = real->mxPathname;
  v.zName = rep->name.c_str();
  v.pAppData = rep.get();
  v.xOpen = XOpen;
  v.xDelete = XDelete;
  v.xAccess = XAccess;
  v.xFullPathname = XFullPathname;
  v.xDlOpen = XDlOpen;
  v.xDlError = XDlError;
  v.xDlSym = XDlSym;
  v.xDlClose = XDlClose;
  v.xRandomness = XRandomness;
  v.xSleep = XSleep;
  v.xCurrentTime = XCurrentTime;
  v.xGetLastError = XGetLastError;
  v.xCurrentTimeInt64 = XCurrentTimeInt64;
  if (sqlite3_vfs_register(&v, 0) != SQLITE_OK) {
    return base::Error(base::Status::Internal("cannot register the encrypted VFS"));
  }
  return std::unique_ptr<EncryptedVfs>(new EncryptedVfs(std::move(rep)));
}

EncryptedVfs::~EncryptedVfs() {
  sqlite3_vfs_unregister(&rep_->vfs);
  sodium_munlock(rep_->key.data(), rep_->key.size());  // also wipes it
}

const char* EncryptedVfs::name() const { return rep_->name.c_str(); }

base::Status EncryptedVfs::TakeFailure() {
  std::lock_guard lock(rep_->mu);
  return std::exchange(rep_->failure, {});
}

}  // namespace sijill::store::sqlite
