// The sqlite3_vfs and sqlite3_io_methods of the encrypted VFS: registration, the choice of
// which files may be opened, and forwarding to the real VFS. The encryption itself is in
// encrypted_io.cc.
#include "store/sqlite/encrypted_vfs.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <utility>

#include "store/sqlite/encrypted_io.h"

namespace sijill::store::sqlite {
namespace {

using encrypted_io::File;
using encrypted_io::kFileBytes;
using Rep = EncryptedVfs::Rep;

File* FileOf(sqlite3_file* f) { return reinterpret_cast<File*>(f); }
Rep* RepOf(sqlite3_vfs* vfs) { return static_cast<Rep*>(vfs->pAppData); }

// ---- sqlite3_io_methods -------------------------------------------------------------

int XClose(sqlite3_file* file) {
  File* f = FileOf(file);
  if (f->anchor_fd >= 0) ::close(f->anchor_fd);
  return f->real->pMethods->xClose(f->real);
}

int XRead(sqlite3_file* file, void* out, int amt, sqlite3_int64 off) {
  File* f = FileOf(file);
  auto* p = static_cast<uint8_t*>(out);
  return f->kind == FileKind::kMainDb ? encrypted_io::MainRead(f, p, amt, off)
                                      : encrypted_io::WalRead(f, p, amt, off);
}

int XWrite(sqlite3_file* file, const void* in, int amt, sqlite3_int64 off) {
  File* f = FileOf(file);
  const auto* p = static_cast<const uint8_t*>(in);
  return f->kind == FileKind::kMainDb ? encrypted_io::MainWrite(f, p, amt, off)
                                      : encrypted_io::WalWrite(f, p, amt, off);
}

int XTruncate(sqlite3_file* file, sqlite3_int64 size) {
  File* f = FileOf(file);
  if (f->kind == FileKind::kWal) {
    int rc = encrypted_io::WalTruncating(f, size);
    if (rc != SQLITE_OK) return rc;
  }
  return f->real->pMethods->xTruncate(f->real, size);
}

int XSync(sqlite3_file* file, int flags) {
  File* f = FileOf(file);
  int rc = f->real->pMethods->xSync(f->real, flags);
  if (rc == SQLITE_OK && f->kind == FileKind::kWal) encrypted_io::WalSynced(f);
  return rc;
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
  f->anchor_fd = -1;
  f->commit_pending = 0;
  f->anchored = 0;
  int rc = rep->real->xOpen(rep->real, name, f->real, flags, out_flags);
  if (rc != SQLITE_OK) return rc;
  if (kind == FileKind::kWal && name != nullptr) {
    // Without it (say, a read-only directory) the VFS still works, detecting less.
    f->anchor_fd = ::open(AnchorPath(name).c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  }
  f->base.pMethods = &kIoMethods;
  return SQLITE_OK;
}

int XDelete(sqlite3_vfs* v, const char* name, int sync) {
  std::string_view path = name;
  if (path.size() > 4 && path.substr(path.size() - 4) == "-wal") {
    // The WAL goes once it is checkpointed: withdraw the anchor's claim first, durably.
    int fd = ::open(AnchorPath(path).c_str(), O_RDWR | O_CLOEXEC);
    if (fd >= 0) {
      bool ok = WriteAnchor(fd, RepOf(v)->key, RepOf(v)->archive, {});
      ::close(fd);
      if (!ok) return SQLITE_IOERR_DELETE;
    }
  }
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