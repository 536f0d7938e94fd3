// Helpers shared by the fuzz targets.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string_view>

namespace sijill::fuzz {

// A file holding `bytes`, for readers that take a path (an anonymous memfd, reached
// through /proc/self/fd). Closed on destruction.
class MemFile {
 public:
  explicit MemFile(std::string_view bytes);
  ~MemFile();
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  std::filesystem::path path() const;

 private:
  int fd_;
};

inline std::string_view AsText(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Aborts (a crash the fuzzer reports) when `ok` is false.
void Check(bool ok, const char* what);

}  // namespace sijill::fuzz
