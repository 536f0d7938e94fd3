#include "store/file_ops.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace sijill::store {

base::Status OsError(const std::filesystem::path& path, std::string_view what) {
  return base::Status::IOError(
      fmt::format("{}: {}: {}", path.string(), what, std::strerror(errno)));
}

base::Status SyncDirectory(const std::filesystem::path& dir) {
  int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return OsError(dir, "cannot open directory");
  int rc = ::fsync(fd);
  ::close(fd);
  return rc == 0 ? base::Status::Ok() : OsError(dir, "cannot sync directory");
}

}  // namespace sijill::store
