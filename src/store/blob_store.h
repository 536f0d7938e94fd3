// Content-addressed storage of immutable byte strings (originals and extracted texts).
// A blob's address is the hex SHA-256 of its bytes. The real implementation is
// FileBlobStore (a directory tree); blobs are written to a temporary file and renamed
// into place only when complete and synced, so a crash never leaves a partial blob
// under a real address. Objects are used by one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "base/status.h"
#include "vault/blob_cipher.h"

namespace sijill::store {

class BlobWriter {
 public:
  // Destroying a writer without Commit() discards what was written.
  virtual ~BlobWriter() = default;
  virtual base::Status Append(std::string_view bytes) = 0;
  struct Committed {
    std::string sha256;  // hex address
    uint64_t size = 0;
    bool created = false;  // false if an identical blob was already stored
  };
  // Syncs and publishes the blob under its address. Call once.
  virtual base::Result<Committed> Commit() = 0;
};

class BlobReader {
 public:
  virtual ~BlobReader() = default;
  // Reads up to buffer.size() bytes; returns 0 at the end.
  virtual base::Result<size_t> Read(std::span<char> buffer) = 0;
  // true: the reader hashes what it reads, and its last Read fails (kCorruption) unless
  // the bytes hash to the address the blob was opened under. An encrypted blob's reader
  // does, so `verify` need not hash its bytes a second time.
  virtual bool ChecksSha256() const { return false; }
};

class BlobStore {
 public:
  virtual ~BlobStore() = default;
  virtual base::Result<std::unique_ptr<BlobWriter>> NewBlob() = 0;
  // kNotFound if absent.
  virtual base::Result<std::unique_ptr<BlobReader>> Open(std::string_view sha256) = 0;
  virtual base::Result<bool> Contains(std::string_view sha256) = 0;
  // Removes a blob (used to undo a blob whose source could not be added).
  virtual base::Status Remove(std::string_view sha256) = 0;
  // A plain file holding the blob's bytes, where the store has one (format readers
  // such as poppler need a path). nullopt for stores that keep no plain file.
  virtual std::optional<std::filesystem::path> LocalPath(std::string_view sha256) = 0;
};

// The whole of a blob's bytes (a source's extracted text, say). Errors: those of Open
// and of the reader (a damaged blob).
base::Result<std::string> ReadWholeBlob(BlobStore& blobs, std::string_view sha256);

// Blobs under `root`/sha256/<2 hex>/<64 hex>; temporary files under `root`/tmp.
base::Result<std::unique_ptr<BlobStore>> OpenFileBlobStore(const std::filesystem::path& root);

// Encrypted blobs under `root`/keyed/<2 hex>/<address> (vault/blob_cipher.h: chunked
// XChaCha20-Poly1305, the file name a keyed hash of the SHA-256); callers still name
// blobs by SHA-256. Reading verifies every chunk and, at the end, the whole blob. Keeps
// no plain files (LocalPath is nullopt).
base::Result<std::unique_ptr<BlobStore>> OpenEncryptedBlobStore(const std::filesystem::path& root,
                                                                vault::BlobKeys keys);

}  // namespace sijill::store
