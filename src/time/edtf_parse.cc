// Parsing of whole EDTF values: single dates, intervals and sets (edtf_parser.h).
#include "time/bounds.h"
#include "time/edtf.h"
#include "time/edtf_parser.h"

namespace sijill::time {
namespace internal {

base::Result<EdtfValue> Parser::Parse() {
  EdtfValue v;
  bool ok;
  if (text_.empty()) {
    ok = Fail("the value is empty");
  } else if (text_[0] == '[' || text_[0] == '{') {
    ok = ParseSet(v);
  } else if (size_t slash = text_.find('/'); slash != std::string_view::npos) {
    ok = ParseInterval(v, slash);
  } else {
    ok = ParseDate(v.start, /*allow_time=*/true) && (AtEnd() || FailAt("the end"));
  }
  if (!ok) return base::Error(base::Status::InvalidArgument(error_));
  v.level = static_cast<uint8_t>(level_);
  return v;
}

bool Parser::ParseSet(EdtfValue& v) {
  char close = text_[0] == '[' ? ']' : '}';
  v.kind = close == ']' ? ValueKind::kOneOf : ValueKind::kAllOf;
  Raise(2);
  ++pos_;
  while (true) {
    while (Accept(' ')) {
    }
    if (!ParseSetMember(v, close)) return false;
    while (Accept(' ')) {
    }
    if (Accept(close)) break;
    if (!Accept(',')) return FailAt(fmt::format("',' or '{}'", close));
  }
  if (!AtEnd()) return FailAt("the end after the set");
  return true;
}

bool Parser::ParseSetMember(EdtfValue& v, char close) {
  SetMember m;
  if (AcceptDots()) {
    if (!v.members.empty()) return Fail("only the first member of a set may start with '..'");
    m.is_range = true;
    m.first_kind = EndKind::kOpen;
    m.first = EdtfDate{};
    if (!ParseDate(m.last, false)) return false;
    v.members.push_back(m);
    return true;
  }
  size_t start = pos_;
  if (!ParseDate(m.first, false)) return false;
  if (AcceptDots()) {
    m.is_range = true;
    if (Peek() == ',' || Peek() == close) {
      m.last_kind = EndKind::kOpen;
      if (Peek() == ',') return Fail("only the last member of a set may end with '..'");
    } else {
      if (!ParseDate(m.last, false)) return false;
      if (SpanOf(m.first)->first > SpanOf(m.last)->last) {
        return Fail(fmt::format("the range at column {} ends before it starts", start + 1));
      }
    }
  }
  v.members.push_back(m);
  return true;
}

bool Parser::ParseInterval(EdtfValue& v, size_t slash) {
  v.kind = ValueKind::kInterval;
  if (text_.find('/', slash + 1) != std::string_view::npos) {
    return Fail("an interval has exactly one '/'");
  }
  if (!ParseEnd(text_.substr(0, slash), v.start, v.start_kind)) return false;
  pos_ = slash + 1;
  if (!ParseEnd(text_.substr(slash + 1), v.end, v.end_kind)) return false;
  if (v.start_kind != EndKind::kDate && v.end_kind != EndKind::kDate) {
    return Fail("an interval needs a date at one end at least");
  }
  if (v.start_kind == EndKind::kDate && v.end_kind == EndKind::kDate &&
      SpanOf(v.start)->first > SpanOf(v.end)->last) {
    return Fail("the interval ends before it starts");
  }
  return true;
}

bool Parser::ParseEnd(std::string_view part, EdtfDate& date, EndKind& kind) {
  if (part.empty() || part == "..") {
    kind = part.empty() ? EndKind::kUnknown : EndKind::kOpen;
    pos_ += part.size();
    Raise(1);
    return true;
  }
  size_t end = pos_ + part.size();
  if (!ParseDate(date, false)) return false;
  if (pos_ != end) return FailAt("'/' or the end");
  if (date.month > 12) return Fail("an interval end cannot be a season or sub-year grouping");
  return true;
}

}  // namespace internal

base::Result<EdtfValue> ParseEdtf(std::string_view text) { return internal::Parser(text).Parse(); }

int Level(const EdtfValue& value) { return value.level; }

}  // namespace sijill::time
