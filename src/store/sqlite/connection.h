// Thin RAII wrappers over the SQLite C API, private to store/. Every statement is
// prepared with bound parameters: no value is ever pasted into SQL text.
// A Connection and its Statements are used by one thread at a time.
#pragma once

#include <sqlite3.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "store/sqlite/encrypted_vfs.h"

namespace sijill::store::sqlite {

class Statement;

class Connection {
 public:
  // Opens (creating if asked) the database file, in WAL mode with foreign keys on,
  // a busy timeout, and the "sijill" FTS5 tokenizer registered.
  enum class Create { kNo, kYes };
  static base::Result<std::unique_ptr<Connection>> Open(const std::filesystem::path& file,
                                                        Create create);
  // Like Open, but every page is encrypted and authenticated with `key` and bound to
  // `archive` (encrypted_vfs.h, docs/formats/encrypted-db.md). A new database gets
  // 4096-byte pages with 40 reserved bytes; temp_store is MEMORY.
  // Returns kPermissionDenied "<file>: wrong key or not an encrypted Sijill database"
  // when no page authenticates, kCorruption naming the page when one does not, and the
  // errors of Open otherwise. Neither the key nor anything derived from it appears in a
  // file name, URI or message.
  static base::Result<std::unique_ptr<Connection>> OpenEncrypted(const std::filesystem::path& file,
                                                                 Create create, const PageKey& key,
                                                                 const ArchiveId& archive);
  ~Connection();
  Connection(const Connection&) = delete;
  Connection& operator=(const Connection&) = delete;

  // Runs SQL without parameters (schema, pragmas, BEGIN/COMMIT).
  base::Status Exec(const char* sql);
  base::Result<Statement> Prepare(std::string_view sql);
  int64_t LastInsertRowid() const;
  // Runs PRAGMA integrity_check. Returns Ok, or kCorruption naming the first problem
  // (for an encrypted database, the page that failed authentication if that is why).
  base::Status CheckIntegrity();
  sqlite3* raw() { return db_; }

  // Converts the connection's last error into a Status whose message begins with
  // `what`. SQLITE_BUSY/LOCKED -> kUnavailable, CORRUPT/NOTADB -> kCorruption,
  // CONSTRAINT -> kAlreadyExists, otherwise kIOError. If the encrypted VFS refused the
  // operation, its code and reason (e.g. "page 7 of the database failed authentication")
  // take precedence.
  base::Status Error(std::string_view what, int rc) const;

 private:
  explicit Connection(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  static base::Result<std::unique_ptr<Connection>> OpenWith(const std::filesystem::path& file,
                                                            Create create,
                                                            std::unique_ptr<EncryptedVfs> vfs);
  sqlite3* db_;
  std::filesystem::path file_;
  std::unique_ptr<EncryptedVfs> vfs_;  // null for a plain database; outlives db_
};

class Statement {
 public:
  Statement(Connection& conn, sqlite3_stmt* stmt) : conn_(&conn), stmt_(stmt) {}
  Statement(Statement&& other) noexcept : conn_(other.conn_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
  }
  Statement& operator=(Statement&&) = delete;
  ~Statement() { sqlite3_finalize(stmt_); }

  // Parameters are 1-based, as in SQL's ?1.
  Statement& Bind(int index, std::string_view text);
  Statement& Bind(int index, int64_t value);
  Statement& BindOptional(int index, const std::optional<std::string>& text);  // NULL if nullopt
  Statement& BindNull(int index);
  Statement& BindDouble(int index, double value);
  Statement& BindOptionalDouble(int index, const std::optional<double>& value);

  // Steps once. Returns true if a row is available, false when done.
  base::Result<bool> Step();
  // Steps until done, for statements that return no rows.
  base::Status Run();
  void Reset();

  std::string_view Text(int column) const;
  std::optional<std::string> OptionalText(int column) const;
  int64_t Int(int column) const;
  double Double(int column) const;
  bool IsNull(int column) const;
  std::optional<double> OptionalDouble(int column) const;

 private:
  Connection* conn_;
  sqlite3_stmt* stmt_;
};

}  // namespace sijill::store::sqlite
