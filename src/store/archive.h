// An archive on disk: a directory holding the database and the blob store.
//   <dir>/SIJILL-ARCHIVE   marker: "sijill archive\nformat 1\n", plus "encrypted\n" when
//                          the database and blobs are encrypted
//   <dir>/sijill.db        SQLite database (WAL mode), see docs/formats/archive.md
//   <dir>/blobs/           content-addressed originals and extracted texts
//   <dir>/lock             held (flock) by the one process that may write
//   <dir>/keys             the key file: master key wrapped by passphrase slots
// Opening for writing takes the lock without waiting; a second writer is refused at
// once with a clear message. Readers never wait for the lock. Not thread-safe.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <optional>

#include "base/status.h"
#include "store/blob_store.h"
#include "store/store.h"
#include "vault/key_slots.h"
#include "vault/secret.h"

namespace sijill::store {

enum class OpenMode { kReadOnly, kReadWrite };

struct CreateOptions {
  // The passphrase of the key file's first slot (see archive_keys.h). nullptr: no key
  // file; the archive keeps a custody log but cannot sign checkpoints or be encrypted.
  const vault::SecretBytes* passphrase = nullptr;
  vault::KdfCost cost = vault::KdfCost::Default();
  // With a passphrase: encrypt the database (every page, WAL included) and every blob.
  // false: a public archive, stored in the clear (its key file still signs checkpoints).
  bool encrypt = true;
};

// Gives the master key of an encrypted archive at `dir` when it is opened (the CLI asks
// for the passphrase and unlocks the key file). Not called for archives in the clear.
using KeyProvider = std::function<base::Result<vault::SecretBytes>(const std::filesystem::path&)>;

class Archive {
 public:
  ~Archive();

  // Creates a new archive at `dir`, which must not exist or be an empty directory. Its
  // custody log starts with an "archive.create" entry by vault::CurrentActor().
  // Errors: kAlreadyExists ("<dir>: already a Sijill archive" / "<dir>: exists and is
  // not empty"), kIOError. On failure nothing is left behind at `dir`.
  static base::Result<std::unique_ptr<Archive>> Create(const std::filesystem::path& dir,
                                                       const CreateOptions& options = {});

  // Opens an existing archive; an encrypted one with the master key from `keys`. Errors:
  // kNotFound ("<dir>: no such directory"), kInvalidArgument ("<dir>: not a Sijill archive
  // (no SIJILL-ARCHIVE file)", "<dir>: the archive is encrypted; its passphrase is
  // needed"), those of `keys` ("wrong passphrase"), kUnavailable (another process is
  // writing), kCorruption, kIOError.
  static base::Result<std::unique_ptr<Archive>> Open(const std::filesystem::path& dir,
                                                     OpenMode mode, const KeyProvider& keys = {});

  const std::filesystem::path& dir() const { return dir_; }

  // The master key, from the key file and a passphrase. Errors: kNotFound (no key file),
  // kInvalidArgument "wrong passphrase", kCorruption (a damaged key file).
  base::Result<vault::SecretBytes> Unlock(const vault::SecretBytes& passphrase) const;

  // For an encrypted archive, authenticates every page of the database and every WAL
  // frame recovery would use, without SQLite (kCorruption naming the first bad one).
  // Ok for an archive in the clear.
  base::Status VerifyFiles();

  // The master key an encrypted archive was opened with; nullptr for one in the clear.
  const vault::SecretBytes* master_key() const { return master_ ? &*master_ : nullptr; }

  // The verifier key (C2SP vkey text) of the archive's signing key. kNotFound if the
  // archive has no key file.
  base::Result<std::string> VerifierKey();
  Store& store() { return *store_; }
  BlobStore& blobs() { return *blobs_; }

 private:
  Archive() = default;
  std::filesystem::path dir_;
  int lock_fd_ = -1;
  std::unique_ptr<Store> store_;
  std::unique_ptr<BlobStore> blobs_;
  std::optional<vault::SecretBytes> master_;
};

}  // namespace sijill::store
