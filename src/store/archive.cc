#include "store/archive.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "base/clock.h"
#include "base/id.h"
#include "store/archive_keys.h"
#include "store/sqlite/sqlite_store.h"
#include "vault/custody.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarkerName = "SIJILL-ARCHIVE";
constexpr const char* kMarkerText = "sijill archive\nformat 1\n";
constexpr const char* kDatabaseName = "sijill.db";

base::Status IoError(const fs::path& p, const std::error_code& ec) {
  return base::Status::IOError(fmt::format("{}: {}", p.string(), ec.message()));
}

// Takes the writer's lock without waiting. Returns the locked descriptor.
base::Result<int> LockForWriting(const fs::path& dir) {
  fs::path lock = dir / "lock";
  int fd = ::open(lock.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return base::Error(base::Status::IOError(
        fmt::format("{}: cannot open the lock file: {}", lock.string(), std::strerror(errno))));
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    int err = errno;
    ::close(fd);
    if (err == EWOULDBLOCK) {
      return base::Error(base::Status::Unavailable(fmt::format(
          "{}: another sijill process is writing to this archive; try again when it has "
          "finished",
          dir.string())));
    }
    return base::Error(base::Status::IOError(
        fmt::format("{}: cannot lock: {}", lock.string(), std::strerror(err))));
  }
  return fd;
}

base::Status WriteMarker(const fs::path& dir) {
  std::ofstream out(dir / kMarkerName, std::ios::binary | std::ios::trunc);
  out << kMarkerText;
  out.flush();
  if (!out)
    return base::Status::IOError(fmt::format("{}: cannot write {}", dir.string(), kMarkerName));
  return base::Status::Ok();
}

base::Status CheckMarker(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return base::Status::NotFound(fmt::format("{}: no such directory", dir.string()));
  }
  if (!fs::is_directory(dir, ec)) {
    return base::Status::InvalidArgument(
        fmt::format("{}: not a Sijill archive (not a directory)", dir.string()));
  }
  std::ifstream in(dir / kMarkerName, std::ios::binary);
  if (!in) {
    return base::Status::InvalidArgument(
        fmt::format("{}: not a Sijill archive (no {} file)", dir.string(), kMarkerName));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text != kMarkerText) {
    return base::Status::InvalidArgument(
        fmt::format("{}: {} names a format this build does not know", dir.string(), kMarkerName));
  }
  return base::Status::Ok();
}

// The custody log's first entry: the archive came into being.
base::Status LogCreation(Store& store) {
  vault::CustodyEntry e;
  ASSIGN_OR_RETURN(e.archive, store.ArchiveId());
  e.time = base::NowUtc();
  e.actor = vault::CurrentActor();
  e.action = "archive.create";
  e.objects = {{"archive", e.archive}};
  std::string bytes = vault::CanonicalBytes(e);
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  auto appended = txn->AppendCustody(bytes, vault::CustodyLeafHashHex(bytes));
  if (!appended) return appended.error();
  return txn->Commit();
}

std::string_view View(const vault::SecretBytes& secret) {
  return {reinterpret_cast<const char*>(secret.data()), secret.size()};
}

// Writes the key file and records the signing key's verifier key.
base::Status MakeKeys(const fs::path& dir, Store& store, const CreateOptions& options) {
  ASSIGN_OR_RETURN(std::string id_text, store.ArchiveId());
  std::optional<base::Id> id = base::Id::Parse(id_text);
  if (!id) return base::Status::Corruption("the archive id is not an id: " + id_text);
  ASSIGN_OR_RETURN(auto created,
                   vault::KeyFile::Create(id->bytes(), View(*options.passphrase), options.cost));
  TRY(WriteKeyFile(dir, created.key_file));
  ASSIGN_OR_RETURN(auto signing, ArchiveSigningKey(created.master_key, id_text));
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  TRY(txn->SetMeta("verifier_key", signing.VerifierKeyText()));
  return txn->Commit();
}

// Lays out a complete archive in `dir` (which exists and is empty).
base::Status Populate(const fs::path& dir, const CreateOptions& options) {
  ASSIGN_OR_RETURN(auto store,
                   sqlite::OpenSqliteStore(dir / kDatabaseName, sqlite::CreateDatabase::kYes));
  if (options.passphrase != nullptr) TRY(MakeKeys(dir, *store, options));
  TRY(LogCreation(*store));
  ASSIGN_OR_RETURN(auto blobs, OpenFileBlobStore(dir / "blobs"));
  return WriteMarker(dir);  // last: only a complete archive carries the marker
}

}  // namespace

Archive::~Archive() {
  store_.reset();
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

base::Result<std::unique_ptr<Archive>> Archive::Create(const fs::path& dir,
                                                       const CreateOptions& options) {
  std::error_code ec;
  if (fs::exists(dir, ec)) {
    if (CheckMarker(dir).ok()) {
      return base::Error(
          base::Status::AlreadyExists(fmt::format("{}: already a Sijill archive", dir.string())));
    }
    if (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec)) {
      return base::Error(
          base::Status::AlreadyExists(fmt::format("{}: exists and is not empty", dir.string())));
    }
    TRY(Populate(dir, options));
  } else {
    // Build beside the target and rename into place, so that a failure or a kill
    // never leaves a half-made archive under the requested name.
    fs::path parent = dir.has_parent_path() ? dir.parent_path() : fs::path(".");
    fs::create_directories(parent, ec);
    if (ec) return base::Error(IoError(parent, ec));
    fs::path staging = parent / fmt::format(".{}.creating-{}", dir.filename().string(),
                                            base::Id::Random().Short());
    fs::create_directory(staging, ec);
    if (ec) return base::Error(IoError(staging, ec));
    base::Status s = Populate(staging, options);
    if (s.ok()) {
      fs::rename(staging, dir, ec);
      if (ec) s = IoError(dir, ec);
    }
    if (!s.ok()) {
      fs::remove_all(staging, ec);
      return base::Error(s);
    }
  }
  return Open(dir, OpenMode::kReadWrite);
}

base::Result<vault::SecretBytes> Archive::Unlock(const vault::SecretBytes& passphrase) const {
  ASSIGN_OR_RETURN(auto key_file, ReadKeyFile(dir_));
  return key_file.Unlock(View(passphrase));
}

base::Result<std::string> Archive::VerifierKey() {
  ASSIGN_OR_RETURN(auto vkey, store_->GetMeta("verifier_key"));
  if (!vkey) {
    return base::Error(base::Status::NotFound(fmt::format(
        "{}: the archive has no signing key (it was made without a key file)", dir_.string())));
  }
  return std::move(*vkey);
}

base::Result<std::unique_ptr<Archive>> Archive::Open(const fs::path& dir, OpenMode mode) {
  TRY(CheckMarker(dir));
  std::unique_ptr<Archive> archive(new Archive());
  archive->dir_ = dir;
  if (mode == OpenMode::kReadWrite) {
    ASSIGN_OR_RETURN(archive->lock_fd_, LockForWriting(dir));
  }
  fs::path db = dir / kDatabaseName;
  std::error_code ec;
  if (!fs::exists(db, ec)) {
    return base::Error(
        base::Status::Corruption(fmt::format("{}: the database file is missing", db.string())));
  }
  ASSIGN_OR_RETURN(archive->store_, sqlite::OpenSqliteStore(db, sqlite::CreateDatabase::kNo));
  ASSIGN_OR_RETURN(archive->blobs_, OpenFileBlobStore(dir / "blobs"));
  return archive;
}

}  // namespace sijill::store
