// Internal to the encrypted VFS (encrypted_vfs.h): the state it shares with its open
// files, and how those files read and write. encrypted_io.cc turns SQLite's reads and writes
// of the database file and the WAL into reads and writes of sealed page images;
// encrypted_vfs.cc plugs them into sqlite3_io_methods. Not for use outside those two files.
// Thread-safety: a File is used by one connection at a time; Rep::Fail is thread-safe.
#pragma once

#include <sqlite3.h>

#include <array>
#include <cstdint>
#include <mutex>
#include <string>

#include "store/sqlite/encrypted_vfs.h"
#include "store/sqlite/wal_anchor.h"
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
  int Damaged(const std::string& what) {
    return Fail(SQLITE_IOERR_DATA,
                what + " failed authentication: the file is damaged or was tampered with");
  }
};

namespace encrypted_io {

using Rep = EncryptedVfs::Rep;

// SQLite allocates szOsFile bytes per open file: this struct, then the real file.
struct File {
  sqlite3_file base;  // first: SQLite passes &base
  Rep* rep;
  FileKind kind;
  sqlite3_file* real;
  // WAL only.
  uint32_t cached_frame;  // frame whose header was last written through this handle
  std::array<uint8_t, kFrameHeaderSize> cached_header;
  uint32_t written_high;    // highest frame sealed through this handle in this WAL generation
  uint32_t recovered_end;   // last frame recovery accepted when the WAL header was last read
  int anchor_fd;            // the commit anchor (wal_anchor.h), or -1
  uint32_t commit_pending;  // last commit frame written through this handle
  uint32_t anchored;        // last commit frame this handle recorded in the anchor
};
constexpr int kFileBytes = (sizeof(File) + 7) / 8 * 8;

// Each returns an SQLite result code, as xRead/xWrite would; a refusal or a page that
// fails authentication is recorded with Rep::Fail.
int MainRead(File* f, uint8_t* out, int amt, int64_t off);
int MainWrite(File* f, const uint8_t* in, int amt, int64_t off);
int WalRead(File* f, uint8_t* out, int amt, int64_t off);
int WalWrite(File* f, const uint8_t* in, int amt, int64_t off);
// Called before the WAL is truncated to `size` bytes: forgets the frames beyond, and
// withdraws an anchor claim on them. Returns an SQLite result code.
int WalTruncating(File* f, int64_t size);
// Called after the WAL was synced: records the last commit frame in the anchor.
void WalSynced(File* f);

}  // namespace encrypted_io
}  // namespace sijill::store::sqlite
