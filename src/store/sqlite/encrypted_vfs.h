// An SQLite VFS shim that encrypts and authenticates every page of a Sijill database
// and every page image in its WAL (docs/formats/encrypted-db.md). Each EncryptedVfs holds
// one key and is registered with SQLite under a unique name ("sijill-enc-<n>", never
// derived from the key); a Connection opened through it keeps it alive (connection.h,
// Connection::OpenEncrypted). Only the database file and its WAL may reach the disk: a
// rollback journal or a temporary file is refused, so connections must use WAL mode and
// temp_store=MEMORY (OpenEncrypted sets both). The -shm file is passed through: it holds
// only the WAL index (page numbers, frame numbers, checksums, locks), no content.
// Thread-safety: an EncryptedVfs may be used by SQLite from any thread; its files by one
// connection at a time, as SQLite does.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "base/status.h"
#include "store/sqlite/page_cipher.h"

namespace sijill::store::sqlite {

class EncryptedVfs {
 public:
  // Registers a new VFS over SQLite's default one. The key is copied into locked memory
  // and wiped when the EncryptedVfs is destroyed.
  // Returns kInternal if SQLite has no default VFS or libsodium cannot start.
  static base::Result<std::unique_ptr<EncryptedVfs>> Create(const PageKey& key,
                                                            const ArchiveId& archive);

  // Unregisters the VFS. REQUIRES: every database opened through it is closed.
  ~EncryptedVfs();
  EncryptedVfs(const EncryptedVfs&) = delete;
  EncryptedVfs& operator=(const EncryptedVfs&) = delete;

  // The name to pass to sqlite3_open_v2(); valid as long as this object.
  const char* name() const;

  // Returns and clears why this VFS last failed an operation, or Ok if it did not:
  // kCorruption "page 7 of the database failed authentication: ..." for a page or WAL
  // frame that does not verify (SQLite sees SQLITE_IOERR_DATA), kIOError for a refused
  // write or file (SQLite sees SQLITE_IOERR_WRITE or SQLITE_CANTOPEN).
  base::Status TakeFailure();

  struct Rep;

 private:
  explicit EncryptedVfs(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// Checks, before SQLite opens it, that `db` was written with `key` and `archive`.
// Returns Ok for a missing or empty database (a new one); kPermissionDenied
// "<db>: wrong key or not an encrypted Sijill database" when no page authenticates;
// kCorruption naming page 1 when page 1 fails but page 2 authenticates.
base::Status CheckKey(const std::filesystem::path& db, const PageKey& key,
                      const ArchiveId& archive);

// Checks that the WAL beside `db` still holds every frame its commit anchor (`<db>-anchor`,
// wal_anchor.h) says was committed. Returns Ok, or kCorruption "<db>-wal: the WAL is
// damaged or was tampered with: ..." when SQLite's recovery would silently drop them.
base::Status CheckWalAnchor(const std::filesystem::path& db, const PageKey& key,
                            const ArchiveId& archive);

// Authenticates every page of `db` and every WAL frame that SQLite's recovery would
// use, and checks that no committed WAL transaction would be silently dropped.
// Returns Ok, or kCorruption naming the first bad page or frame.
// REQUIRES: no connection is writing the database.
base::Status VerifyEncryptedFiles(const std::filesystem::path& db, const PageKey& key,
                                  const ArchiveId& archive);

}  // namespace sijill::store::sqlite
