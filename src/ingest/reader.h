// Format readers: each turns one original file into a stream of UTF-8 text plus the
// metadata the file itself carries. What a reader emits to its TextSink is valid UTF-8
// with LF line endings, paragraphs separated by a blank line, no BOM; the header
// block of a text file is metadata, not text. Readers stream: memory stays bounded
// whatever the file's size (PDF: one page at a time; DOCX: one paragraph at a time).
// Readers touch no archive. Thread-compatible (no shared state).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sijill::ingest {

enum class Format { kText, kMarkdown, kDocx, kPdf };

std::string_view FormatName(Format format);  // "text", "markdown", "docx", "pdf"

// Metadata found in the file: the header block of a text/Markdown file
// (Title:, Interviewed:, Place:, Language:, Witness: — keys case-insensitive), DOCX core
// properties (dc:title, dcterms:created), PDF info (Title, CreationDate). Absent
// fields stay nullopt. Values are trimmed, valid UTF-8.
struct FileMetadata {
  std::optional<std::string> title;
  std::optional<std::string> interviewed;  // the document date, as written
  std::optional<std::string> place;
  std::optional<std::string> language;
  std::optional<std::string> witness;
};

class TextSink {
 public:
  virtual ~TextSink() = default;
  // Receives the next chunk of text. Returning an error stops the reader, which then
  // returns that error.
  virtual base::Status Text(std::string_view utf8) = 0;
};

// Picks the reader for `path` from its first bytes and, for text, its extension:
// "PK\3\4" with word/document.xml -> kDocx; "%PDF-" -> kPdf; .md/.markdown -> kMarkdown;
// anything else is read as text (and fails in the reader if it is not UTF-8).
// Errors: kIOError (unreadable, with the OS reason), kInvalidArgument for a zip that is
// not a DOCX ("<path>: a ZIP archive but not a DOCX document (no word/document.xml)").
base::Result<Format> DetectFormat(const std::filesystem::path& path);

// Reads `path` as `format`, sending text to `sink`. Returns the file's metadata.
// Errors name the file and the problem, e.g.
//   "<path>: not valid UTF-8 at byte 1234"      (kInvalidArgument)
//   "<path>: the file is empty"                 (kInvalidArgument)
//   "<path>: no text in the file"               (kInvalidArgument; e.g. a scanned PDF)
//   "<path>: corrupt DOCX: <detail>"            (kInvalidArgument)
//   "<path>: corrupt PDF or not a PDF"          (kInvalidArgument)
//   "<path>: the PDF is password-protected"     (kInvalidArgument)
//   "<path>: <OS error>"                        (kIOError)
base::Result<FileMetadata> ReadFile(const std::filesystem::path& path, Format format,
                                    TextSink& sink);

}  // namespace sijill::ingest
