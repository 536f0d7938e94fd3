// Helpers for the ingest reader tests: a temporary folder, file writers (plain and
// ZIP), a sink that records what it receives, and the path of checked-in fixtures.
// Test-only; header-only. Thread-compatible.
#pragma once

#include <stdlib.h>
#include <zip.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/status.h"
#include "base/testing/temp_dir.h"
#include "base/utf8.h"
#include "ingest/reader.h"

namespace sijill::ingest::testing {

// A fresh folder under the system's temporary folder, removed with its contents by the
// destructor.
using base::testing::TempDir;

// Writes `bytes` to `path`, replacing it. Returns `path`.
inline std::filesystem::path WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

inline std::string ReadBytes(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Writes a ZIP archive at `path` holding `members` (name, content), deflated. Returns
// `path`, or an empty path if libzip failed.
inline std::filesystem::path WriteZip(
    const std::filesystem::path& path,
    const std::vector<std::pair<std::string, std::string>>& members) {
  int error = 0;
  zip_t* archive = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
  if (archive == nullptr) return {};
  for (const auto& [name, content] : members) {
    zip_source_t* source = zip_source_buffer(archive, content.data(), content.size(), 0);
    if (source == nullptr || zip_file_add(archive, name.c_str(), source, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(source);
      zip_discard(archive);
      return {};
    }
  }
  return zip_close(archive) == 0 ? path : std::filesystem::path();
}

// A checked-in fixture in tests/data/ingest/.
inline std::filesystem::path Fixture(std::string_view name) {
  return std::filesystem::path(SIJILL_SOURCE_DIR) / "tests" / "data" / "ingest" / name;
}

// Records the chunks it receives, checking each (valid UTF-8, not too long). Can be
// told to fail at the n-th chunk.
class RecordingSink : public TextSink {
 public:
  base::Status Text(std::string_view utf8) override {
    ++chunks;
    max_chunk = std::max(max_chunk, utf8.size());
    if (!base::IsValidUtf8(utf8)) all_valid_utf8 = false;
    if (keep_text) text.append(utf8);
    bytes += utf8.size();
    if (fail_at_chunk == chunks) return base::Status::Unavailable("sink is full");
    return base::Status::Ok();
  }

  std::string text;
  bool keep_text = true;
  size_t chunks = 0;
  size_t max_chunk = 0;
  size_t bytes = 0;
  bool all_valid_utf8 = true;
  size_t fail_at_chunk = 0;  // 0: never
};

// The message of a failed Result, or "ok".
template <class T>
std::string ErrorMessage(const base::Result<T>& result) {
  return result.has_value() ? "ok" : result.error().message();
}

}  // namespace sijill::ingest::testing
