// Canonical printing of EDTF values (the grammar is in edtf.h).
#include <fmt/format.h>

#include <iterator>

#include "time/edtf.h"

namespace sijill::time {
namespace {

void AppendQualifier(uint8_t q, std::string& out) {
  if (q != 0) out += q == kUncertain ? '?' : q == kApproximate ? '~' : '%';
}

// `width` digits of `value`, with X where `mask` says (bit 0 = rightmost digit).
void AppendDigits(int64_t value, int width, uint8_t mask, std::string& out) {
  char buf[4];
  for (int i = width - 1; i >= 0; --i) {
    buf[i] = (mask & (1 << (width - 1 - i))) ? 'X' : static_cast<char>('0' + value % 10);
    value /= 10;
  }
  out.append(buf, static_cast<size_t>(width));
}

void AppendYear(const EdtfDate& d, std::string& out) {
  int64_t magnitude = d.year < 0 ? -d.year : d.year;
  const char* sign = d.year < 0 ? "-" : "";
  switch (d.year_form) {
    case YearForm::kPlain:
      out += sign;
      AppendDigits(magnitude, 4, d.year_unspecified, out);
      break;
    case YearForm::kLetter:
      fmt::format_to(std::back_inserter(out), "Y{}{}", sign, magnitude);
      break;
    case YearForm::kExponential: {
      int64_t mantissa = magnitude;
      for (int i = 0; i < d.exponent; ++i) mantissa /= 10;
      fmt::format_to(std::back_inserter(out), "Y{}{}E{}", sign, mantissa, d.exponent);
      break;
    }
  }
  if (d.significant_digits != 0)
    fmt::format_to(std::back_inserter(out), "S{}", d.significant_digits);
}

void AppendTime(const TimeOfDay& t, std::string& out) {
  fmt::format_to(std::back_inserter(out), "T{:02}:{:02}:{:02}", t.hour, t.minute, t.second);
  if (t.fraction_digits != 0) {
    fmt::format_to(std::back_inserter(out), ".{:0{}}", t.fraction, t.fraction_digits);
  }
  if (t.zone == TimeOfDay::Zone::kUtc) {
    out += 'Z';
  } else if (t.zone == TimeOfDay::Zone::kOffset) {
    int minutes = t.offset_minutes < 0 ? -t.offset_minutes : t.offset_minutes;
    fmt::format_to(std::back_inserter(out), "{}{:02}:{:02}", t.offset_minutes < 0 ? '-' : '+',
                   minutes / 60, minutes % 60);
  }
}

// One suffix qualifier when all components share it ("2004-06?"), else a prefix
// qualifier before each qualified component ("?2004-~06").
void AppendDate(const EdtfDate& d, std::string& out) {
  bool month = d.precision != Precision::kYear, day = d.precision == Precision::kDay;
  bool same = (!month || d.month_qualifier == d.year_qualifier) &&
              (!day || d.day_qualifier == d.year_qualifier);
  if (!same) AppendQualifier(d.year_qualifier, out);
  AppendYear(d, out);
  if (month) {
    out += '-';
    if (!same) AppendQualifier(d.month_qualifier, out);
    AppendDigits(d.month, 2, d.month_unspecified, out);
  }
  if (day) {
    out += '-';
    if (!same) AppendQualifier(d.day_qualifier, out);
    AppendDigits(d.day, 2, d.day_unspecified, out);
  }
  if (same) AppendQualifier(d.year_qualifier, out);
  if (d.has_time) AppendTime(d.time, out);
}

void AppendEnd(const EdtfDate& d, EndKind kind, std::string& out) {
  if (kind == EndKind::kDate) {
    AppendDate(d, out);
  } else if (kind == EndKind::kOpen) {
    out += "..";
  }
}

void AppendMember(const SetMember& m, std::string& out) {
  if (!m.is_range) {
    AppendDate(m.first, out);
    return;
  }
  if (m.first_kind == EndKind::kDate) AppendDate(m.first, out);
  out += "..";
  if (m.last_kind == EndKind::kDate) AppendDate(m.last, out);
}

}  // namespace

std::string ToString(const EdtfValue& value) {
  std::string out;
  switch (value.kind) {
    case ValueKind::kDate:
      AppendDate(value.start, out);
      break;
    case ValueKind::kInterval:
      AppendEnd(value.start, value.start_kind, out);
      out += '/';
      AppendEnd(value.end, value.end_kind, out);
      break;
    case ValueKind::kOneOf:
    case ValueKind::kAllOf:
      out += value.kind == ValueKind::kOneOf ? '[' : '{';
      for (size_t i = 0; i < value.members.size(); ++i) {
        if (i > 0) out += ',';
        AppendMember(value.members[i], out);
      }
      out += value.kind == ValueKind::kOneOf ? ']' : '}';
      break;
  }
  return out;
}

}  // namespace sijill::time
