#include "fuzz/fuzz_support.h"

#include <sys/mman.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <string>

namespace sijill::fuzz {

MemFile::MemFile(std::string_view bytes) : fd_(memfd_create("sijill-fuzz", MFD_CLOEXEC)) {
  Check(fd_ >= 0, "memfd_create");
  for (size_t done = 0; done < bytes.size();) {
    ssize_t n = write(fd_, bytes.data() + done, bytes.size() - done);
    Check(n > 0, "write");
    done += static_cast<size_t>(n);
  }
}

MemFile::~MemFile() { close(fd_); }

std::filesystem::path MemFile::path() const { return "/proc/self/fd/" + std::to_string(fd_); }

void Check(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
  std::abort();
}

}  // namespace sijill::fuzz
