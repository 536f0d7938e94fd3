#include "export/csv.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace sijill::exporter {

void WriteCsvRecord(std::ostream& out, const std::vector<std::string>& fields) {
  for (size_t i = 0; i < fields.size(); ++i) {
    if (i > 0) out << ',';
    const std::string& f = fields[i];
    if (f.find_first_of(",\"\r\n") == std::string::npos) {
      out << f;
      continue;
    }
    out << '"';
    for (char c : f) {
      if (c == '"') out << '"';
      out << c;
    }
    out << '"';
  }
  out << "\r\n";
}

int CsvTable::Column(std::string_view name) const {
  for (size_t i = 0; i < header.size(); ++i) {
    if (header[i] == name) return static_cast<int>(i);
  }
  return -1;
}

namespace {

// Reads the records of `text` one by one, counting physical lines for messages.
class CsvParser {
 public:
  CsvParser(std::string_view text, std::string_view file) : text_(text), file_(file) {}

  // Reads the next record into `fields`; false at the end of the text.
  base::Result<bool> Next(std::vector<std::string>* fields) {
    fields->clear();
    if (pos_ >= text_.size()) return false;
    record_line_ = line_;
    std::string field;
    while (true) {
      if (pos_ < text_.size() && text_[pos_] == '"') {
        TRY(QuotedField(&field));
      } else {
        while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\n' &&
               text_[pos_] != '\r') {
          if (text_[pos_] == '"') return base::Error(Problem("a quote inside an unquoted field"));
          field += text_[pos_++];
        }
      }
      fields->push_back(std::move(field));
      field.clear();
      if (pos_ >= text_.size()) return true;
      char c = text_[pos_++];
      if (c == ',') continue;
      if (c == '\r' && pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
      if (c == '\r' || c == '\n') {
        ++line_;
        return true;
      }
      return base::Error(Problem("expected a comma or the end of the record after a quoted field"));
    }
  }
  size_t record_line() const { return record_line_; }

 private:
  base::Status QuotedField(std::string* field) {
    ++pos_;
    while (true) {
      if (pos_ >= text_.size()) return Problem("unterminated quoted field");
      char c = text_[pos_++];
      if (c == '"') {
        if (pos_ < text_.size() && text_[pos_] == '"') {
          *field += '"';
          ++pos_;
          continue;
        }
        if (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '\r' &&
            text_[pos_] != '\n') {
          return Problem("expected a comma or the end of the record after a quoted field");
        }
        return base::Status::Ok();
      }
      if (c == '\n') ++line_;
      *field += c;
    }
  }
  base::Status Problem(std::string_view what) const {
    return base::Status::InvalidArgument(fmt::format("{}:{}: {}", file_, record_line_, what));
  }

  std::string_view text_;
  std::string_view file_;
  size_t pos_ = 0;
  size_t line_ = 1;
  size_t record_line_ = 1;
};

}  // namespace

base::Result<CsvTable> ParseCsv(std::string_view text, std::string_view file) {
  if (size_t bad = 0; !base::IsValidUtf8(text, &bad)) {
    return base::Error(
        base::Status::InvalidArgument(fmt::format("{}: not valid UTF-8 at byte {}", file, bad)));
  }
  CsvParser parser(text, file);
  CsvTable table;
  ASSIGN_OR_RETURN(bool has_header, parser.Next(&table.header));
  if (!has_header) {
    return base::Error(base::Status::InvalidArgument(fmt::format("{}: empty (no header)", file)));
  }
  std::vector<std::string> row;
  while (true) {
    ASSIGN_OR_RETURN(bool more, parser.Next(&row));
    if (!more) break;
    if (row.size() != table.header.size()) {
      return base::Error(base::Status::InvalidArgument(
          fmt::format("{}:{}: {} fields, the header has {}", file, parser.record_line(), row.size(),
                      table.header.size())));
    }
    table.rows.push_back(row);
    table.lines.push_back(parser.record_line());
  }
  return table;
}

}  // namespace sijill::exporter
