// The encrypted BlobStore (blob_store.h): blobs under <root>/keyed/<2 hex>/<address>,
// where the address is the keyed hash of the blob's SHA-256 (vault/blob_cipher.h), and
// each file is the blob encrypted in chunks. Callers still name blobs by SHA-256.
#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "base/id.h"
#include "store/blob_store.h"
#include "store/file_ops.h"
#include "vault/blob_cipher.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

fs::path PathOf(const fs::path& root, const std::string& address) {
  return root / "keyed" / address.substr(0, 2) / address;
}

class EncryptedBlobWriter : public BlobWriter {
 public:
  EncryptedBlobWriter(fs::path root, fs::path tmp, int fd, vault::EncryptingBlobWriter writer)
      : root_(std::move(root)), tmp_(std::move(tmp)), fd_(fd), writer_(std::move(writer)) {}
  ~EncryptedBlobWriter() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(tmp_.c_str());
  }

  base::Status Append(std::string_view bytes) override {
    base::Status s = writer_.Write(bytes);
    return s.ok() ? s : base::Status(s.code(), tmp_.string() + ": " + s.message());
  }

  base::Result<Committed> Commit() override {
    auto summary = writer_.Finish();
    if (!summary) {
      return base::Error(
          base::Status(summary.error().code(), tmp_.string() + ": " + summary.error().message()));
    }
    Committed c{summary->sha256, summary->size, false};
    if (::fsync(fd_) != 0) return base::Error(OsError(tmp_, "cannot sync"));
    ::close(fd_);
    fd_ = -1;
    fs::path final_path = PathOf(root_, summary->address);
    std::error_code ec;
    fs::create_directories(final_path.parent_path(), ec);
    if (ec) return base::Error(base::Status::IOError(final_path.string() + ": " + ec.message()));
    if (fs::exists(final_path, ec)) return c;  // identical content already stored
    if (::rename(tmp_.c_str(), final_path.c_str()) != 0)
      return base::Error(OsError(final_path, "cannot store blob"));
    committed_ = true;
    c.created = true;
    TRY(SyncDirectory(final_path.parent_path()));
    return c;
  }

 private:
  fs::path root_, tmp_;
  int fd_;
  vault::EncryptingBlobWriter writer_;
  bool committed_ = false;
};

// Hands out plaintext from authenticated chunks; the last read (0) comes only once the
// whole blob is verified, including that its SHA-256 is the one asked for.
class EncryptedBlobReader : public BlobReader {
 public:
  EncryptedBlobReader(std::string sha256, fs::path path, int fd, vault::DecryptingBlobReader r)
      : sha256_(std::move(sha256)), path_(std::move(path)), fd_(fd), reader_(std::move(r)) {}
  ~EncryptedBlobReader() override { ::close(fd_); }

  base::Result<size_t> Read(std::span<char> buffer) override {
    auto n = reader_.Read(buffer);
    if (!n) {
      return base::Error(base::Status(
          n.error().code(),
          fmt::format("blob {} ({}): {}", sha256_, path_.string(), n.error().message())));
    }
    if (*n == 0 && reader_.summary().sha256 != sha256_) {
      return base::Error(
          base::Status::Corruption(fmt::format("blob {} ({}): holds the contents of {}", sha256_,
                                               path_.string(), reader_.summary().sha256)));
    }
    return *n;
  }

  // The vault reader hashes every byte and checks the hash the final chunk records; Read
  // above compares it with the name.
  bool ChecksSha256() const override { return true; }

 private:
  std::string sha256_;
  fs::path path_;
  int fd_;
  vault::DecryptingBlobReader reader_;
};

class EncryptedBlobStore : public BlobStore {
 public:
  EncryptedBlobStore(fs::path root, vault::BlobKeys keys)
      : root_(std::move(root)), keys_(std::move(keys)) {}

  base::Result<std::unique_ptr<BlobWriter>> NewBlob() override {
    fs::path tmp = root_ / "tmp" / base::Id::Random().ToString();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return base::Error(OsError(tmp, "cannot create"));
    auto writer = vault::EncryptingBlobWriter::Create(keys_, vault::FdSink(fd));
    if (!writer) {
      ::close(fd);
      ::unlink(tmp.c_str());
      return base::Error(writer.error());
    }
    return std::unique_ptr<BlobWriter>(
        std::make_unique<EncryptedBlobWriter>(root_, tmp, fd, std::move(*writer)));
  }

  base::Result<std::unique_ptr<BlobReader>> Open(std::string_view sha256) override {
    std::string address = vault::BlobAddress(keys_, sha256);
    if (address.empty())
      return base::Error(base::Status::InvalidArgument(fmt::format("bad blob hash {}", sha256)));
    fs::path path = PathOf(root_, address);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
      return base::Error(base::Status::NotFound(fmt::format("blob {} is missing", sha256)));
    if (fd < 0) return base::Error(OsError(path, "cannot open"));
    auto reader = vault::DecryptingBlobReader::Open(keys_, vault::FdSource(fd), address);
    if (!reader) {
      ::close(fd);
      return base::Error(base::Status(
          reader.error().code(),
          fmt::format("blob {} ({}): {}", sha256, path.string(), reader.error().message())));
    }
    return std::unique_ptr<BlobReader>(
        std::make_unique<EncryptedBlobReader>(std::string(sha256), path, fd, std::move(*reader)));
  }

  base::Result<bool> Contains(std::string_view sha256) override {
    std::string address = vault::BlobAddress(keys_, sha256);
    if (address.empty()) return false;
    std::error_code ec;
    bool present = fs::exists(PathOf(root_, address), ec);
    if (ec) return base::Error(base::Status::IOError(ec.message()));
    return present;
  }

  base::Status Remove(std::string_view sha256) override {
    std::string address = vault::BlobAddress(keys_, sha256);
    if (address.empty()) return base::Status::InvalidArgument("bad blob hash");
    fs::path path = PathOf(root_, address);
    if (::unlink(path.c_str()) != 0 && errno != ENOENT) return OsError(path, "cannot remove");
    return base::Status::Ok();
  }

  std::optional<fs::path> LocalPath(std::string_view) override { return std::nullopt; }

 private:
  fs::path root_;
  vault::BlobKeys keys_;
};

}  // namespace

base::Result<std::unique_ptr<BlobStore>> OpenEncryptedBlobStore(const fs::path& root,
                                                                vault::BlobKeys keys) {
  std::error_code ec;
  fs::create_directories(root / "tmp", ec);
  if (!ec) fs::create_directories(root / "keyed", ec);
  if (ec) return base::Error(base::Status::IOError(root.string() + ": " + ec.message()));
  for (const auto& entry : fs::directory_iterator(root / "tmp", ec)) {
    std::error_code ignored;
    fs::remove(entry.path(), ignored);
  }
  return std::unique_ptr<BlobStore>(std::make_unique<EncryptedBlobStore>(root, std::move(keys)));
}

}  // namespace sijill::store
