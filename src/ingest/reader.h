// Format readers: each turns one original file into a stream of UTF-8 text plus the
// metadata the file itself carries. What a reader emits to its TextSink is valid UTF-8
// with LF line endings, paragraphs separated by a blank line, no BOM; the header
// block of a text file is metadata, not text. Readers stream: memory stays bounded
// whatever the file's size (text: 64 KiB at a time; PDF: one page at a time; DOCX: one
// paragraph at a time). Readers touch no archive. Thread-compatible (no shared state).
#pragma once

#include <cstddef>
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
  // The document date. Text/Markdown: as written. DOCX dcterms:created and PDF
  // CreationDate: reduced to "YYYY-MM-DD" (or "YYYY-MM", "YYYY" when that is all there is).
  std::optional<std::string> interviewed;
  std::optional<std::string> place;
  std::optional<std::string> language;
  std::optional<std::string> witness;
};

// No chunk a reader passes to TextSink::Text is longer than this, and no chunk ends
// inside a UTF-8 sequence.
inline constexpr size_t kMaxChunkBytes = size_t{64} * 1024;

class TextSink {
 public:
  virtual ~TextSink() = default;
  // Receives the next chunk of text. Returning an error stops the reader, which then
  // returns that error.
  virtual base::Status Text(std::string_view utf8) = 0;
};

// Picks the reader for `path` from its first bytes and, for text, its extension:
// "PK\3\4" with word/document.xml -> kDocx; "%PDF-" -> kPdf; .md/.markdown -> kMarkdown
// (any case); anything else is read as text (and fails in the reader if it is not UTF-8).
// A "PK\3\4" file that libzip cannot open is kDocx too, so that the DOCX reader names
// the damage ("corrupt DOCX: not a ZIP archive").
// Errors:
//   "<path>: <OS error>"                        (kIOError: missing, unreadable)
//   "<path>: is a directory"                    (kInvalidArgument)
//   "<path>: a ZIP archive but not a DOCX document (no word/document.xml)"
//                                               (kInvalidArgument)
//   "<path>: an OLE2 compound file (a Word 97-2003 .doc or a password-protected
//    Office document), which Sijill cannot read: save it as DOCX without a password"
//                                               (kInvalidArgument; one line)
base::Result<Format> DetectFormat(const std::filesystem::path& path);

// Reads `path` as `format`, sending text to `sink`. Returns the file's metadata.
// Errors name the file and the problem, e.g.
//   "<path>: not valid UTF-8 at byte 1234"      (kInvalidArgument; byte offset in the
//                                                file, counting a BOM)
//   "<path>: not a text file (NUL byte at byte 1234)"  (kInvalidArgument)
//   "<path>: the file is empty"                 (kInvalidArgument; 0 bytes, or only a
//                                                BOM and whitespace)
//   "<path>: no text in the file"               (kInvalidArgument; e.g. a header block and
//                                                no body, a DOCX of empty paragraphs)
//   "<path>: no text in the file (a scanned PDF needs OCR first)"  (kInvalidArgument)
//   "<path>: corrupt DOCX: <detail>"            (kInvalidArgument)
//   "<path>: corrupt PDF or not a PDF"          (kInvalidArgument)
//   "<path>: the PDF is password-protected"     (kInvalidArgument)
//   "<path>: is a directory"                    (kInvalidArgument)
//   "<path>: <OS error>"                        (kIOError)
// On error the sink may already have received part of the text: the caller discards it.
//
// Text and Markdown: a UTF-8 BOM is dropped; CRLF and lone CR become LF; whitespace
// before the first text is dropped. A header block is metadata and is not sent: it is
// one or more consecutive "Key: value" lines at the very start (Key one of Title,
// Interviewed, Date (= Interviewed), Place, Language, Witness, any case), ended by a
// blank line, 64 KiB at most. If a key repeats, its first value counts. If the first
// line is not such a line, or the lines are not ended by a blank line, there is no
// header and all is text. A Markdown file may instead open with a YAML front matter
// block ("---" lines around "key: value" lines; keys title, date, interviewed, place,
// language, witness; other keys ignored), which is metadata and not sent; Markdown is
// otherwise sent as is.
//
// DOCX: the text of word/document.xml only (no headers, footers, footnotes, comments),
// one paragraph per <w:p> followed by a blank line; <w:tab/> -> TAB, <w:br/> and <w:cr/>
// -> LF (dropped at the start and end of a paragraph); deleted text (<w:delText>) and
// field codes are left out; paragraphs with no text are skipped; a text box is a
// paragraph of its own, read once (not again from its mc:Fallback copy).
//
// PDF: page by page, as poppler lays the text out (physical layout); each line is
// trimmed and runs of spaces collapsed; lines of a paragraph are joined by LF; a blank
// line in the layout ends a paragraph and so does the end of a page (paragraphs set
// without a vertical gap between them stay one paragraph). The bidi marks poppler
// inserts are removed and right-to-left lines are put back in logical order.
base::Result<FileMetadata> ReadFile(const std::filesystem::path& path, Format format,
                                    TextSink& sink);

}  // namespace sijill::ingest
