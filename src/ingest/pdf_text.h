// Turning the text poppler extracts from a PDF page into Sijill text, and PDF dates
// into ISO dates. Internal to the PDF reader; pure functions, thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill::ingest::internal {

// One line of poppler's physical-layout page text in logical order. Poppler writes
// each line in visual order, wrapping right-to-left stretches in bidi embedding marks
// (RLE ... PDF, or for a right-to-left page RLE ... LRE ... PDF ... PDF); this undoes
// that to recover the visual order, then runs ICU's inverse bidi algorithm with the
// line's majority direction. Returns the line trimmed, with runs of spaces collapsed,
// without bidi embedding marks and control characters (TAB stays), and with invalid
// UTF-8 replaced by U+FFFD.
std::string LogicalLine(std::string_view line);

// The text of one page (poppler::page::text(), UTF-8) as paragraphs: lines via
// LogicalLine, blank lines (and form feeds) end paragraphs, the lines of a paragraph
// are joined by LF, each paragraph is followed by a blank line ("...\n\n"). Returns ""
// if the page has no text.
std::string PageParagraphs(std::string_view page);

// A PDF date "D:YYYYMMDDHHmmSSOHH'mm'" (everything after the year optional, "D:" too)
// as "YYYY-MM-DD", "YYYY-MM" or "YYYY", as far as it goes. nullopt if it does not start
// with a year.
std::optional<std::string> PdfDate(std::string_view value);

}  // namespace sijill::ingest::internal
