#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include "base/id.h"
#include "store/blob_store.h"
#include "store/file_ops.h"
#include "vault/sha256.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

bool IsHexAddress(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

class FileBlobWriter : public BlobWriter {
 public:
  FileBlobWriter(fs::path root, fs::path tmp, int fd)
      : root_(std::move(root)), tmp_(std::move(tmp)), fd_(fd) {}
  ~FileBlobWriter() override {
    if (fd_ >= 0) ::close(fd_);
    if (!committed_) ::unlink(tmp_.c_str());
  }

  base::Status Append(std::string_view bytes) override {
    hash_.Update(bytes);
    size_ += bytes.size();
    while (!bytes.empty()) {
      ssize_t n = ::write(fd_, bytes.data(), bytes.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return OsError(tmp_, "cannot write");
      bytes.remove_prefix(static_cast<size_t>(n));
    }
    return base::Status::Ok();
  }

  base::Result<Committed> Commit() override {
    Committed c{hash_.FinishHex(), size_, false};
    if (::fsync(fd_) != 0) return base::Error(OsError(tmp_, "cannot sync"));
    ::close(fd_);
    fd_ = -1;
    fs::path dir = root_ / "sha256" / c.sha256.substr(0, 2);
    fs::path final_path = dir / c.sha256;
    std::error_code ec;
    fs::create_directories(dir, ec);
    if (ec) return base::Error(base::Status::IOError(dir.string() + ": " + ec.message()));
    if (fs::exists(final_path, ec)) return c;  // identical content already stored
    if (::rename(tmp_.c_str(), final_path.c_str()) != 0) {
      return base::Error(OsError(final_path, "cannot store blob"));
    }
    committed_ = true;
    c.created = true;
    TRY(SyncDirectory(dir));
    return c;
  }

 private:
  fs::path root_;
  fs::path tmp_;
  int fd_;
  bool committed_ = false;
  vault::Sha256 hash_;
  uint64_t size_ = 0;
};

class FileBlobReader : public BlobReader {
 public:
  FileBlobReader(fs::path path, int fd) : path_(std::move(path)), fd_(fd) {}
  ~FileBlobReader() override { ::close(fd_); }
  base::Result<size_t> Read(std::span<char> buffer) override {
    while (true) {
      ssize_t n = ::read(fd_, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return base::Error(OsError(path_, "cannot read"));
      return static_cast<size_t>(n);
    }
  }

 private:
  fs::path path_;
  int fd_;
};

class FileBlobStore : public BlobStore {
 public:
  explicit FileBlobStore(fs::path root) : root_(std::move(root)) {}

  base::Result<std::unique_ptr<BlobWriter>> NewBlob() override {
    fs::path tmp = root_ / "tmp" / base::Id::Random().ToString();
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0) return base::Error(OsError(tmp, "cannot create"));
    return std::unique_ptr<BlobWriter>(std::make_unique<FileBlobWriter>(root_, tmp, fd));
  }

  base::Result<std::unique_ptr<BlobReader>> Open(std::string_view sha256) override {
    if (!IsHexAddress(sha256)) {
      return base::Error(base::Status::InvalidArgument(fmt::format("bad blob address {}", sha256)));
    }
    fs::path path = PathOf(sha256);
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT) {
      return base::Error(base::Status::NotFound(fmt::format("blob {} is missing", sha256)));
    }
    if (fd < 0) return base::Error(OsError(path, "cannot open"));
    return std::unique_ptr<BlobReader>(std::make_unique<FileBlobReader>(path, fd));
  }

  base::Result<bool> Contains(std::string_view sha256) override {
    if (!IsHexAddress(sha256)) return false;
    std::error_code ec;
    bool present = fs::exists(PathOf(sha256), ec);
    if (ec) return base::Error(base::Status::IOError(ec.message()));
    return present;
  }

  base::Status Remove(std::string_view sha256) override {
    if (!IsHexAddress(sha256)) return base::Status::InvalidArgument("bad blob address");
    if (::unlink(PathOf(sha256).c_str()) != 0 && errno != ENOENT) {
      return OsError(PathOf(sha256), "cannot remove");
    }
    return base::Status::Ok();
  }

  std::optional<fs::path> LocalPath(std::string_view sha256) override {
    if (!IsHexAddress(sha256)) return std::nullopt;
    return PathOf(sha256);
  }

 private:
  fs::path PathOf(std::string_view sha256) const {
    return root_ / "sha256" / std::string(sha256.substr(0, 2)) / std::string(sha256);
  }
  fs::path root_;
};

}  // namespace

base::Result<std::unique_ptr<BlobStore>> OpenFileBlobStore(const std::filesystem::path& root) {
  std::error_code ec;
  fs::create_directories(root / "tmp", ec);
  if (!ec) fs::create_directories(root / "sha256", ec);
  if (ec) return base::Error(base::Status::IOError(root.string() + ": " + ec.message()));
  // Temporary files left by a killed writer were never published: remove them.
  for (const auto& entry : fs::directory_iterator(root / "tmp", ec)) {
    std::error_code ignored;
    fs::remove(entry.path(), ignored);
  }
  return std::unique_ptr<BlobStore>(std::make_unique<FileBlobStore>(root));
}

base::Result<std::string> ReadWholeBlob(BlobStore& blobs, std::string_view sha256) {
  ASSIGN_OR_RETURN(auto reader, blobs.Open(sha256));
  std::string out;
  std::array<char, 1 << 16> buffer;
  for (;;) {
    ASSIGN_OR_RETURN(size_t n, reader->Read(buffer));
    if (n == 0) break;
    out.append(buffer.data(), n);
  }
  return out;
}

}  // namespace sijill::store
