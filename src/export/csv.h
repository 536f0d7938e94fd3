// RFC 4180 CSV: fields separated by commas, records by CRLF; a field holding a comma,
// quote, CR or LF is quoted and its quotes doubled. UTF-8 without a byte order mark.
// Thread-safe (no shared state).
#pragma once

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::exporter {

// Writes one record (CRLF-terminated) to `out`.
void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields);

// One table read back: its header and rows, every row as long as the header.
struct CsvTable {
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;
  std::vector<size_t> lines;  // the line each row starts on, for messages
  // The index of column `name`, or -1.
  int Column(std::string_view name) const;
};

// Parses `text` (LF or CRLF record ends accepted). kInvalidArgument naming `file` and the
// line: "entities.csv:7: unterminated quoted field", "...:3: 5 fields, the header has 9",
// "...: not valid UTF-8 at byte N", "...: empty (no header)".
base::Result<CsvTable> ParseCsv(std::string_view text, std::string_view file);

}  // namespace sijill::exporter
