#include "store/archive_keys.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>

#include "store/file_ops.h"
#include "vault/subkeys.h"

namespace sijill::store {
namespace {

namespace fs = std::filesystem;

base::Status WriteAll(int fd, std::string_view bytes, const fs::path& p) {
  while (!bytes.empty()) {
    ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return OsError(p, "cannot write");
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<vault::KeyFile> ReadKeyFile(const fs::path& dir) {
  fs::path path = dir / kKeyFileName;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return base::Error(
        base::Status::NotFound(fmt::format("{}: the archive has no key file", dir.string())));
  }
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto parsed = vault::KeyFile::Parse(bytes);
  if (!parsed) {
    return base::Error(base::Status(
        parsed.error().code(), fmt::format("{}: {}", path.string(), parsed.error().message())));
  }
  return std::move(*parsed);
}

base::Status WriteKeyFile(const fs::path& dir, const vault::KeyFile& key_file) {
  fs::path path = dir / kKeyFileName;
  fs::path tmp = dir / (std::string(kKeyFileName) + ".new");
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return OsError(tmp, "cannot create");
  base::Status s = WriteAll(fd, key_file.Serialize(), tmp);
  if (s.ok() && ::fsync(fd) != 0) s = OsError(tmp, "cannot sync");
  ::close(fd);
  if (s.ok() && ::rename(tmp.c_str(), path.c_str()) != 0) s = OsError(path, "cannot replace");
  if (!s.ok()) {
    ::unlink(tmp.c_str());
    return s;
  }
  return SyncDirectory(dir);
}

std::string LogOrigin(std::string_view archive_id) {
  return "sijill-archive-" + std::string(archive_id);
}

base::Result<vault::SigningKey> ArchiveSigningKey(const vault::SecretBytes& master_key,
                                                  std::string_view archive_id) {
  vault::SecretBytes seed = vault::DeriveSubkey(master_key, vault::SubkeyId::kSigningSeed);
  return vault::SigningKey::FromSeed(LogOrigin(archive_id),
                                     std::span<const uint8_t, 32>(seed.data(), 32));
}

}  // namespace sijill::store
