// Internal to the ingest readers: one entry point per format and the helpers they
// share. Not part of the module's API; tests may use it. Thread-compatible.
#pragma once

#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "ingest/reader.h"

namespace sijill::ingest::internal {

// The format entry points behind ReadFile, with its contract. REQUIRES: `path` passed
// CheckReadable (each still reports a later OS error itself).
base::Result<FileMetadata> ReadText(const std::filesystem::path& path, Format format,
                                    TextSink& sink);  // REQUIRES: kText or kMarkdown
base::Result<FileMetadata> ReadDocx(const std::filesystem::path& path, TextSink& sink);
base::Result<FileMetadata> ReadPdf(const std::filesystem::path& path, TextSink& sink);

// What a ZIP file holds, for DetectFormat.
enum class ZipKind { kDocx, kOtherZip, kUnreadable };
ZipKind ProbeZip(const std::filesystem::path& path);

struct FileCloser {
  void operator()(std::FILE* file) const { std::fclose(file); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

// Opens `path` for reading. Errors: kIOError "<path>: <OS error>";
// kInvalidArgument "<path>: is a directory".
base::Result<FilePtr> OpenForReading(const std::filesystem::path& path);
// OpenForReading, closing the file again: for readers that open by path themselves.
base::Status CheckReadable(const std::filesystem::path& path);

// kInvalidArgument "<path>: <what>".
base::Status FileError(const std::filesystem::path& path, std::string_view what);
// kIOError "<path>: <text of errno_value>".
base::Status OsError(const std::filesystem::path& path, int errno_value);

// True if `text` holds nothing but ASCII whitespace (space, TAB, LF, CR, FF, VT).
bool IsBlank(std::string_view text);
// `text` without leading and trailing ASCII whitespace.
std::string_view Trim(std::string_view text);

// The largest n <= limit such that text[0, n) ends on a code point boundary.
// REQUIRES: `text` is valid UTF-8.
size_t CodePointBoundary(std::string_view text, size_t limit);

// Buffers text and passes it to a sink in chunks of at most kMaxChunkBytes that end on
// code point boundaries (see reader.h), so the sink is called about once per 64 KiB.
class ChunkWriter {
 public:
  explicit ChunkWriter(TextSink& sink) : sink_(sink) {}
  // Appends `utf8` (REQUIRES: valid UTF-8, whole code points) and sends full chunks.
  // Returns the sink's error, if any.
  base::Status Append(std::string_view utf8);
  // Sends what is buffered. Call once at the end.
  base::Status Flush();

 private:
  TextSink& sink_;
  std::string buffer_;
};

}  // namespace sijill::ingest::internal
