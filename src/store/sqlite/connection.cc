#include "store/sqlite/connection.h"

#include <fmt/format.h>

#include "store/sqlite/fts_tokenizer.h"

namespace sijill::store::sqlite {
namespace {
constexpr int kBusyTimeoutMs = 5000;
}

base::Result<std::unique_ptr<Connection>> Connection::Open(const std::filesystem::path& file,
                                                           Create create) {
  return OpenWith(file, create, nullptr);
}

base::Result<std::unique_ptr<Connection>> Connection::OpenEncrypted(
    const std::filesystem::path& file, Create create, const PageKey& key,
    const ArchiveId& archive) {
  TRY(CheckKey(file, key, archive));
  TRY(CheckWalAnchor(file, key, archive));
  ASSIGN_OR_RETURN(auto vfs, EncryptedVfs::Create(key, archive));
  return OpenWith(file, create, std::move(vfs));
}

base::Result<std::unique_ptr<Connection>> Connection::OpenWith(const std::filesystem::path& file,
                                                               Create create,
                                                               std::unique_ptr<EncryptedVfs> vfs) {
  // A new database: SQLite also treats an empty file as one (and deletes a WAL beside it).
  std::error_code ec;
  bool fresh = std::filesystem::file_size(file, ec) == 0 || ec;
  sqlite3* db = nullptr;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX;
  if (create == Create::kYes) flags |= SQLITE_OPEN_CREATE;
  int rc = sqlite3_open_v2(file.c_str(), &db, flags, vfs ? vfs->name() : nullptr);
  std::unique_ptr<Connection> conn(new Connection(db, file));
  conn->vfs_ = std::move(vfs);
  if (rc != SQLITE_OK) return base::Error(conn->Error("cannot open the database", rc));
  sqlite3_extended_result_codes(db, 1);
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  if (conn->vfs_) {
    TRY(conn->Exec("PRAGMA temp_store = MEMORY"));  // temporary files are refused
    // A page read from the file costs a decryption; the operating system's cache keeps
    // only ciphertext. 32 MiB of decrypted pages (SQLite's default is 2 MiB) keeps the
    // index's hot pages of a large archive in memory across queries.
    TRY(conn->Exec("PRAGMA cache_size = -32768"));
    if (fresh) {
      // Before the first write: the layout the encrypted VFS requires, and no rollback
      // journal file on the way to WAL mode (MEMORY -> WAL goes through OFF).
      TRY(conn->Exec("PRAGMA page_size = 4096"));
      int reserve = kReservedBytes;
      sqlite3_file_control(db, "main", SQLITE_FCNTL_RESERVE_BYTES, &reserve);
      TRY(conn->Exec("PRAGMA journal_mode = MEMORY"));
    }
  }
  TRY(conn->Exec("PRAGMA foreign_keys = ON"));
  TRY(conn->Exec("PRAGMA journal_mode = WAL"));
  TRY(conn->Exec("PRAGMA synchronous = FULL"));  // a committed source survives power loss
  TRY(RegisterFtsTokenizer(db));
  if (conn->vfs_) TRY(conn->Exec("SELECT count(*) FROM sqlite_schema"));  // fail early
  return conn;
}

Connection::~Connection() {
  if (sqlite3_close(db_) != SQLITE_OK) {
    // A statement is still open: SQLite keeps the connection as a zombie until it is
    // finalized, and the zombie still uses the VFS, so that must outlive it.
    sqlite3_close_v2(db_);
    (void)vfs_.release();
  }
}

base::Status Connection::Exec(const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db_, sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return Error("database error", rc);
  return base::Status::Ok();
}

base::Result<Statement> Connection::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  int rc = sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &stmt, nullptr);
  if (rc != SQLITE_OK) return base::Error(Error("cannot prepare a statement", rc));
  return Statement(*this, stmt);
}

base::Status Connection::CheckIntegrity() {
  ASSIGN_OR_RETURN(auto check, Prepare("PRAGMA integrity_check"));
  ASSIGN_OR_RETURN(bool row, check.Step());
  if (row && check.Text(0) == "ok") return base::Status::Ok();
  // integrity_check reports unreadable pages as text; the VFS knows why they were.
  if (vfs_) {
    base::Status refused = vfs_->TakeFailure();
    if (!refused.ok()) return refused.WithPrefix(file_.string());
  }
  return base::Status::Corruption(fmt::format("{}: integrity check failed: {}", file_.string(),
                                              row ? check.Text(0) : "no result"));
}

int64_t Connection::LastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }

base::Status Connection::Error(std::string_view what, int rc) const {
  if (vfs_) {
    base::Status refused = vfs_->TakeFailure();
    if (!refused.ok()) {
      return {refused.code(), fmt::format("{}: {} ({})", file_.string(), what, refused.message())};
    }
  }
  std::string msg = fmt::format("{}: {} ({})", file_.string(), what,
                                db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return base::Status::Unavailable(std::move(msg));
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return base::Status::Corruption(std::move(msg));
    case SQLITE_CONSTRAINT:
      return base::Status::AlreadyExists(std::move(msg));
    case SQLITE_CANTOPEN:
      return base::Status::NotFound(std::move(msg));
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      return base::Status::PermissionDenied(std::move(msg));
    default:
      return base::Status::IOError(std::move(msg));
  }
}

Statement& Statement::Bind(int index, std::string_view text) {
  sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
  return *this;
}

Statement& Statement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

Statement& Statement::BindOptional(int index, const std::optional<std::string>& text) {
  if (!text) return BindNull(index);
  return Bind(index, std::string_view(*text));
}

Statement& Statement::BindNull(int index) {
  sqlite3_bind_null(stmt_, index);
  return *this;
}

Statement& Statement::BindDouble(int index, double value) {
  sqlite3_bind_double(stmt_, index, value);
  return *this;
}

Statement& Statement::BindOptionalDouble(int index, const std::optional<double>& value) {
  if (!value) return BindNull(index);
  return BindDouble(index, *value);
}

base::Result<bool> Statement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return base::Error(conn_->Error("query failed", rc));
}

base::Status Statement::Run() {
  while (true) {
    ASSIGN_OR_RETURN(bool row, Step());
    if (!row) return base::Status::Ok();
  }
}

void Statement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

std::string_view Statement::Text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  if (!p) return {};
  return {p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))};
}

std::optional<std::string> Statement::OptionalText(int column) const {
  if (sqlite3_column_type(stmt_, column) == SQLITE_NULL) return std::nullopt;
  return std::string(Text(column));
}

int64_t Statement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }
double Statement::Double(int column) const { return sqlite3_column_double(stmt_, column); }
bool Statement::IsNull(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}
std::optional<double> Statement::OptionalDouble(int column) const {
  if (IsNull(column)) return std::nullopt;
  return Double(column);
}

}  // namespace sijill::store::sqlite
