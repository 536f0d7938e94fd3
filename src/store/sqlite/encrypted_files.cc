// CheckKey and VerifyEncryptedFiles (encrypted_vfs.h): checks of the files themselves,
// made with plain reads before or without an SQLite connection.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <system_error>

#include "store/sqlite/encrypted_vfs.h"
#include "store/sqlite/wal_anchor.h"
#include "store/sqlite/wal_format.h"

namespace sijill::store::sqlite {
namespace {

namespace fs = std::filesystem;

// A read-only file descriptor, closed on destruction; size -1 if the file is missing.
class RawFile {
 public:
  explicit RawFile(const fs::path& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {
    std::error_code ec;
    auto size = fs::file_size(path, ec);
    size_ = fd_ < 0 || ec ? -1 : static_cast<int64_t>(size);
  }
  ~RawFile() {
    if (fd_ >= 0) ::close(fd_);
  }
  RawFile(const RawFile&) = delete;
  RawFile& operator=(const RawFile&) = delete;

  int64_t size() const { return size_; }
  bool Read(int64_t offset, std::span<uint8_t> out) const {
    if (fd_ < 0) return false;
    return ::pread(fd_, out.data(), out.size(), offset) == static_cast<ssize_t>(out.size());
  }
  ReadAt Reader() const {
    return [this](int64_t offset, std::span<uint8_t> out) { return Read(offset, out); };
  }

 private:
  int fd_;
  int64_t size_ = -1;
};

fs::path WalPath(const fs::path& db) { return fs::path(db.string() + "-wal"); }

bool PageAuthenticates(const RawFile& file, uint32_t pgno, const PageKey& key,
                       const ArchiveId& archive) {
  std::array<uint8_t, kPageSize> page;
  if (!file.Read(static_cast<int64_t>(pgno - 1) * kPageSize, page)) return false;
  return OpenPage(key, archive, {FileKind::kMainDb, pgno}, page);
}

std::string Damaged(const fs::path& file, std::string_view what) {
  return fmt::format("{}: {} failed authentication: the file is damaged or was tampered with",
                     file.string(), what);
}

}  // namespace

base::Status CheckKey(const fs::path& db, const PageKey& key, const ArchiveId& archive) {
  RawFile file(db);
  auto wrong = [&] {
    return base::Status::PermissionDenied(
        fmt::format("{}: wrong key or not an encrypted Sijill database", db.string()));
  };
  if (file.size() >= kPageSize) {
    if (PageAuthenticates(file, 1, key, archive)) return base::Status::Ok();
    // One damaged page must not read as a wrong key: a second page settles it.
    if (file.size() >= int64_t{2} * kPageSize && PageAuthenticates(file, 2, key, archive)) {
      return base::Status::Corruption(Damaged(db, "page 1 of the database"));
    }
    return wrong();
  }
  if (file.size() > 0) return wrong();
  // An empty or missing file is a new database (SQLite deletes a WAL left beside an empty
  // database file rather than read it).
  return base::Status::Ok();
}

base::Status CheckWalAnchor(const fs::path& db, const PageKey& key, const ArchiveId& archive) {
  int fd = ::open(AnchorPath(db.string()).c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return base::Status::Ok();
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  fs::path wal_path = WalPath(db);
  for (int attempt = 0; attempt < 5; ++attempt) {
    auto before = ReadAnchor(fd, key, archive);
    if (!before || before->frame == 0) return base::Status::Ok();
    RawFile wal(wal_path);
    WalAudit audit = AuditWal(wal.Reader(), wal.size(), key, archive);
    auto after = ReadAnchor(fd, key, archive);
    if (!after || after->seq != before->seq) continue;  // a writer moved on: look again
    std::string missing = audit.damaged_frame ? audit.problem : CheckAnchor(audit, before);
    if (missing.empty()) return base::Status::Ok();
    return base::Status::Corruption(
        fmt::format("{}: the WAL is damaged or was tampered with: {}", wal_path.string(), missing));
  }
  return base::Status::Ok();  // still moving: SQLite's recovery, if needed, checks again
}

base::Status VerifyEncryptedFiles(const fs::path& db, const PageKey& key,
                                  const ArchiveId& archive) {
  RawFile file(db);
  if (file.size() < 0) return base::Status::NotFound(fmt::format("{}: no such file", db.string()));
  if (file.size() % kPageSize != 0) {
    return base::Status::Corruption(
        fmt::format("{}: {} bytes is not a whole number of {}-byte pages", db.string(), file.size(),
                    kPageSize));
  }
  auto pages = static_cast<uint32_t>(file.size() / kPageSize);
  for (uint32_t pgno = 1; pgno <= pages; ++pgno) {
    if (!PageAuthenticates(file, pgno, key, archive)) {
      return base::Status::Corruption(Damaged(db, fmt::format("page {} of the database", pgno)));
    }
  }
  TRY(CheckWalAnchor(db, key, archive));
  if (std::string anchor = AuditAnchorFile(AnchorPath(db.string()), key, archive); !anchor.empty())
    return base::Status::Corruption(anchor);
  fs::path wal_path = WalPath(db);
  RawFile wal(wal_path);
  if (wal.size() <= 0) return base::Status::Ok();
  WalAudit audit = AuditWal(wal.Reader(), wal.size(), key, archive);
  if (audit.damaged_frame) {
    return base::Status::Corruption(fmt::format("{}: the WAL is damaged or was tampered with: {}",
                                                wal_path.string(), audit.problem));
  }
  return base::Status::Ok();
}

}  // namespace sijill::store::sqlite
