// Internal to the time module: the EDTF parser shared by edtf_parse.cc (values,
// intervals, sets) and edtf_parse_date.cc (dates and times of day). A hand-written
// recursive descent over the grammar in edtf.h, one small function per production;
// no regex, and no allocation for dates and intervals. Not thread-safe (one per parse).
#pragma once

#include <fmt/format.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "time/edtf.h"

namespace sijill::time::internal {

class Parser {
 public:
  explicit Parser(std::string_view text) : text_(text) {}

  base::Result<EdtfValue> Parse();

 private:
  // Sets the error (first one wins) and returns false, so steps can `return Fail(...)`.
  bool Fail(std::string problem) {
    if (error_.empty()) error_ = fmt::format("{}: {}", text_, problem);
    return false;
  }
  bool FailAt(std::string_view what) {
    return Fail(fmt::format("expected {} at column {}", what, pos_ + 1));
  }
  char Peek(size_t ahead = 0) const {
    return pos_ + ahead < text_.size() ? text_[pos_ + ahead] : '\0';
  }
  bool AtEnd() const { return pos_ >= text_.size(); }
  bool Accept(char c) {
    if (Peek() != c) return false;
    ++pos_;
    return true;
  }
  bool AcceptDots() {
    if (Peek() != '.' || Peek(1) != '.') return false;
    pos_ += 2;
    return true;
  }
  void Raise(int level) { level_ = std::max(level_, level); }

  bool ParseSet(EdtfValue& v);
  bool ParseSetMember(EdtfValue& v, char close);
  bool ParseInterval(EdtfValue& v, size_t slash);
  bool ParseEnd(std::string_view part, EdtfDate& date, EndKind& kind);
  bool ParseDate(EdtfDate& d, bool allow_time);
  uint8_t ParseQualifier();
  bool ParseYear(EdtfDate& d);
  bool ParseLetterYear(EdtfDate& d);
  bool ParseDigits(int count, int64_t& value, uint8_t& mask, std::string_view what);
  bool ParseNumber(int64_t& value, int& digits, std::string_view what);
  bool ParseSignificant(EdtfDate& d);
  bool ParseMonth(EdtfDate& d);
  bool ParseDay(EdtfDate& d);
  bool ParseTime(TimeOfDay& t);
  bool ParseOffset(TimeOfDay& t);
  bool CheckDate(const EdtfDate& d, size_t start);
  void LevelOfUnspecified(const EdtfDate& d);

  std::string_view text_;
  size_t pos_ = 0;
  int level_ = 0;
  std::string error_;
};

}  // namespace sijill::time::internal
