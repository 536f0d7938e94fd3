// A document's text as Sijill stores it: what the format reader (reader.h) emits,
// NFC-normalized and cut into passages by text::PassageSegmenter. AddFile stores and
// indexes exactly this text, so code-point offsets into it are the offsets passages and
// date mentions use, whichever command computed them. Thread-compatible (no shared state).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>

#include "base/status.h"
#include "ingest/reader.h"
#include "text/segment.h"

namespace sijill::ingest {

struct SegmentedRead {
  FileMetadata metadata;
  uint64_t text_length = 0;  // code points of normalized text sent to the sink
  uint32_t passage_count = 0;
};

// Reads `path` as `format` (ReadFile), normalizes and segments the text, and sends the
// normalized text and its passages to `sink` (text::PassageSink's contract). Returns the
// file's metadata and what was sent. Errors: those of ReadFile, which name `path`, and
// any error `sink` returns. On error the sink may already have received part of the text.
base::Result<SegmentedRead> ReadSegmented(const std::filesystem::path& path, Format format,
                                          text::PassageSink& sink);

struct DocumentText {
  Format format = Format::kText;
  FileMetadata metadata;
  std::string text;  // NFC UTF-8: the text AddFile would store for this file
};

// Detects the format of `path` and reads its whole normalized text into memory (unlike
// AddFile, which streams: use this only where the caller needs the text in one piece).
// Errors: those of DetectFormat and ReadFile, naming `path`.
base::Result<DocumentText> ReadDocumentText(const std::filesystem::path& path);

}  // namespace sijill::ingest
