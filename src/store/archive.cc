#include "store/archive.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

#include "base/clock.h"
#include "base/id.h"
#include "store/archive_keys.h"
#include "store/sqlite/encrypted_vfs.h"
#include "store/sqlite/sqlite_store.h"
#include "vault/custody.h"
#include "vault/subkeys.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarkerName = "SIJILL-ARCHIVE";
constexpr const char* kMarkerText = "sijill archive\nformat 1\n";
constexpr const char* kEncryptedMarkerText = "sijill archive\nformat 1\nencrypted\n";
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

base::Status WriteMarker(const fs::path& dir, bool encrypted) {
  std::ofstream out(dir / kMarkerName, std::ios::binary | std::ios::trunc);
  out << (encrypted ? kEncryptedMarkerText : kMarkerText);
  out.flush();
  if (!out)
    return base::Status::IOError(fmt::format("{}: cannot write {}", dir.string(), kMarkerName));
  return base::Status::Ok();
}

// Whether `dir` is an archive, and whether it is encrypted.
base::Result<bool> CheckMarker(const fs::path& dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec)) {
    return base::Error(base::Status::NotFound(fmt::format("{}: no such directory", dir.string())));
  }
  if (!fs::is_directory(dir, ec)) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: not a Sijill archive (not a directory)", dir.string())));
  }
  std::ifstream in(dir / kMarkerName, std::ios::binary);
  if (!in) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: not a Sijill archive (no {} file)", dir.string(), kMarkerName)));
  }
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (text != kMarkerText && text != kEncryptedMarkerText) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: {} names a format this build does not know", dir.string(), kMarkerName)));
  }
  return text == kEncryptedMarkerText;
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

// Records the signing key's verifier key.
base::Status RecordVerifierKey(Store& store, const vault::SecretBytes& master, const base::Id& id) {
  ASSIGN_OR_RETURN(auto signing, ArchiveSigningKey(master, id.ToString()));
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  TRY(txn->SetMeta("verifier_key", signing.VerifierKeyText()));
  return txn->Commit();
}

// Lays out a complete archive in `dir` (which exists and is empty). Returns the master
// key when a passphrase was given.
base::Result<std::optional<vault::SecretBytes>> Populate(const fs::path& dir,
                                                         const CreateOptions& options) {
  const base::Id id = base::Id::Random();
  std::optional<vault::SecretBytes> master;
  sqlite::DatabaseOptions db{sqlite::CreateDatabase::kYes, id, nullptr};
  vault::SecretBytes page_key;
  const bool encrypt = options.encrypt && options.passphrase != nullptr;
  if (options.passphrase != nullptr) {
    ASSIGN_OR_RETURN(auto created,
                     vault::KeyFile::Create(id.bytes(), options.passphrase->chars(), options.cost));
    TRY(WriteKeyFile(dir, created.key_file));
    master = std::move(created.master_key);
    if (encrypt) {
      page_key = vault::DeriveSubkey(*master, vault::SubkeyId::kDatabasePages);
      db.page_key = &page_key;
    }
  }
  ASSIGN_OR_RETURN(auto store, sqlite::OpenSqliteStore(dir / kDatabaseName, db));
  if (master) TRY(RecordVerifierKey(*store, *master, id));
  TRY(LogCreation(*store));
  if (encrypt) {
    ASSIGN_OR_RETURN(auto blobs,
                     OpenEncryptedBlobStore(dir / "blobs", vault::BlobKeys::Derive(*master)));
  } else {
    ASSIGN_OR_RETURN(auto blobs, OpenFileBlobStore(dir / "blobs"));
  }
  TRY(WriteMarker(dir, encrypt));  // last: only a complete archive carries the marker
  return master;
}

}  // namespace

Archive::~Archive() {
  store_.reset();
  if (lock_fd_ >= 0) ::close(lock_fd_);  // releases the flock
}

base::Result<std::unique_ptr<Archive>> Archive::Create(const fs::path& dir,
                                                       const CreateOptions& options) {
  std::error_code ec;
  std::optional<vault::SecretBytes> master;
  if (fs::exists(dir, ec)) {
    if (CheckMarker(dir).has_value()) {
      return base::Error(
          base::Status::AlreadyExists(fmt::format("{}: already a Sijill archive", dir.string())));
    }
    if (!fs::is_directory(dir, ec) || !fs::is_empty(dir, ec)) {
      return base::Error(
          base::Status::AlreadyExists(fmt::format("{}: exists and is not empty", dir.string())));
    }
    ASSIGN_OR_RETURN(master, Populate(dir, options));
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
    auto populated = Populate(staging, options);
    base::Status s = populated ? base::Status::Ok() : populated.error();
    if (s.ok()) {
      master = std::move(*populated);
      fs::rename(staging, dir, ec);
      if (ec) s = IoError(dir, ec);
    }
    if (!s.ok()) {
      fs::remove_all(staging, ec);
      return base::Error(s);
    }
  }
  KeyProvider keys;
  if (master) {
    keys = [&master](const fs::path&) -> base::Result<vault::SecretBytes> {
      return vault::SecretBytes::CopyOf(master->span());
    };
  }
  return Open(dir, OpenMode::kReadWrite, keys);
}

base::Result<vault::SecretBytes> Archive::Unlock(const vault::SecretBytes& passphrase) const {
  ASSIGN_OR_RETURN(auto key_file, ReadKeyFile(dir_));
  return key_file.Unlock(passphrase.chars());
}

base::Status Archive::VerifyFiles() {
  if (!master_) return base::Status::Ok();
  ASSIGN_OR_RETURN(auto key_file, ReadKeyFile(dir_));
  vault::SecretBytes page_key = vault::DeriveSubkey(*master_, vault::SubkeyId::kDatabasePages);
  sqlite::PageKey key;
  std::copy_n(page_key.data(), key.size(), key.begin());
  base::Status s = sqlite::VerifyEncryptedFiles(dir_ / kDatabaseName, key, key_file.archive_id());
  sodium_memzero(key.data(), key.size());
  return s;
}

base::Result<std::string> Archive::VerifierKey() {
  ASSIGN_OR_RETURN(auto vkey, store_->GetMeta("verifier_key"));
  if (!vkey) {
    return base::Error(base::Status::NotFound(fmt::format(
        "{}: the archive has no signing key (it was made without a key file)", dir_.string())));
  }
  return std::move(*vkey);
}

base::Result<std::unique_ptr<Archive>> Archive::Open(const fs::path& dir, OpenMode mode,
                                                     const KeyProvider& keys) {
  ASSIGN_OR_RETURN(bool encrypted, CheckMarker(dir));
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
  if (!encrypted) {
    ASSIGN_OR_RETURN(archive->store_, sqlite::OpenSqliteStore(db, {}));
    ASSIGN_OR_RETURN(archive->blobs_, OpenFileBlobStore(dir / "blobs"));
    return archive;
  }
  if (!keys) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: the archive is encrypted; its passphrase is needed", dir.string())));
  }
  ASSIGN_OR_RETURN(auto key_file, ReadKeyFile(dir));
  ASSIGN_OR_RETURN(vault::SecretBytes master, keys(dir));
  base::Id id = base::Id::FromBytes(key_file.archive_id());
  vault::SecretBytes page_key = vault::DeriveSubkey(master, vault::SubkeyId::kDatabasePages);
  ASSIGN_OR_RETURN(archive->store_,
                   sqlite::OpenSqliteStore(db, {sqlite::CreateDatabase::kNo, id, &page_key}));
  ASSIGN_OR_RETURN(archive->blobs_,
                   OpenEncryptedBlobStore(dir / "blobs", vault::BlobKeys::Derive(master)));
  archive->master_ = std::move(master);
  return archive;
}

}  // namespace sijill::store
