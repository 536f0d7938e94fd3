// Parsing of one EDTF date and its time of day (edtf_parser.h).
#include "time/bounds.h"
#include "time/edtf_parser.h"

namespace sijill::time::internal {
namespace {

constexpr int64_t kMaxYear = 999'999'999'999'999;  // |year| < 10^15

}  // namespace

// One date: [q]year[S][q][-[q]month[q][-[q]day[q]]][Ttime]. A qualifier after a component
// applies to it and to those on its left; one before a component, only to it.
bool Parser::ParseDate(EdtfDate& d, bool allow_time) {
  size_t start = pos_;
  bool component_qualifiers = false;
  uint8_t q = ParseQualifier();
  component_qualifiers |= q != 0;
  d.year_qualifier = q;
  if (!ParseYear(d)) return false;
  q = ParseQualifier();
  d.year_qualifier |= q;
  bool has_more = Peek() == '-' && d.year_form == YearForm::kPlain && d.significant_digits == 0;
  if (has_more) {
    ++pos_;
    component_qualifiers |= q != 0;
    d.month_qualifier = ParseQualifier();
    component_qualifiers |= d.month_qualifier != 0;
    if (!ParseMonth(d)) return false;
    q = ParseQualifier();
    d.year_qualifier |= q;
    d.month_qualifier |= q;
    if (Peek() == '-' && d.month <= 12) {
      ++pos_;
      component_qualifiers |= q != 0;
      d.day_qualifier = ParseQualifier();
      component_qualifiers |= d.day_qualifier != 0;
      if (!ParseDay(d)) return false;
      q = ParseQualifier();
      d.year_qualifier |= q;
      d.month_qualifier |= q;
      d.day_qualifier |= q;
    }
  }
  if (q != 0) Raise(1);
  if (component_qualifiers) Raise(2);
  if (!CheckDate(d, start)) return false;
  if (Peek() == 'T') {
    if (!allow_time) return Fail("a time of day is allowed only on a single date");
    if (d.precision != Precision::kDay ||
        (d.year_qualifier | d.month_qualifier | d.day_qualifier | d.year_unspecified |
         d.month_unspecified | d.day_unspecified) != 0) {
      return Fail("a time of day needs a complete, unqualified date");
    }
    ++pos_;
    d.has_time = true;
    return ParseTime(d.time);
  }
  return true;
}

uint8_t Parser::ParseQualifier() {
  switch (Peek()) {
    case '?':
      ++pos_;
      return kUncertain;
    case '~':
      ++pos_;
      return kApproximate;
    case '%':
      ++pos_;
      return kUncertain | kApproximate;
    default:
      return 0;
  }
}

bool Parser::ParseYear(EdtfDate& d) {
  if (Peek() == 'Y') return ParseLetterYear(d);
  bool negative = Accept('-');
  int64_t value;
  if (!ParseDigits(4, value, d.year_unspecified, "4 digits for the year")) return false;
  if (negative && value == 0) {
    return Fail(d.year_unspecified ? "a negative year needs a non-zero digit"
                                   : "year zero has no sign (write 0000)");
  }
  d.year = negative ? -value : value;
  if (d.year_unspecified != 0) Raise(1);
  return ParseSignificant(d);
}

bool Parser::ParseLetterYear(EdtfDate& d) {
  ++pos_;
  bool negative = Accept('-');
  size_t start = pos_;
  int64_t value;
  int digits;
  if (!ParseNumber(value, digits, "the digits of a Y year")) return false;
  if (Accept('E')) {
    int64_t exponent;
    int exponent_digits;
    if (!ParseNumber(exponent, exponent_digits, "an exponent")) return false;
    if (text_[start] == '0' || exponent == 0)
      return Fail("an exponential year needs non-zero parts");
    for (int64_t i = 0; i < exponent; ++i) {
      if (value > kMaxYear / 10) return Fail("the year is too large (at most 15 digits)");
      value *= 10;
    }
    d.year_form = YearForm::kExponential;
    d.mantissa_digits = static_cast<uint8_t>(digits);
    d.exponent = static_cast<uint8_t>(exponent);
    Raise(2);
  } else {
    if (digits <= 4 || text_[start] == '0') {
      return Fail("a Y year needs more than 4 digits and no leading zero");
    }
    d.year_form = YearForm::kLetter;
    Raise(1);
  }
  d.year = negative ? -value : value;
  return ParseSignificant(d);
}

bool Parser::ParseNumber(int64_t& value, int& digits, std::string_view what) {
  value = 0;
  digits = 0;
  while (Peek() >= '0' && Peek() <= '9') {
    if (++digits > 15) return Fail("the year is too large (at most 15 digits)");
    value = value * 10 + (text_[pos_++] - '0');
  }
  return digits > 0 || FailAt(what);
}

// Reads exactly `count` characters, each a digit or X (recorded in `mask`).
bool Parser::ParseDigits(int count, int64_t& value, uint8_t& mask, std::string_view what) {
  value = 0;
  mask = 0;
  size_t start = pos_;
  for (int i = 0; i < count; ++i) {
    char c = Peek();
    if (c == 'X') {
      mask |= static_cast<uint8_t>(1 << (count - 1 - i));
    } else if (c < '0' || c > '9') {
      pos_ = start;
      return FailAt(what);
    }
    value = value * 10 + (c == 'X' ? 0 : c - '0');
    ++pos_;
  }
  return true;
}

bool Parser::ParseSignificant(EdtfDate& d) {
  if (!Accept('S')) return true;
  int64_t s;
  int digits;
  if (!ParseNumber(s, digits, "the number of significant digits")) return false;
  int64_t magnitude = d.year < 0 ? -d.year : d.year;
  int64_t year_digits = d.year_form == YearForm::kPlain
                            ? 4
                            : static_cast<int64_t>(fmt::formatted_size("{}", magnitude));
  if (s < 1 || s > year_digits || d.year_unspecified != 0) {
    return Fail(fmt::format("{} significant digits do not fit a {}-digit year", s, year_digits));
  }
  d.significant_digits = static_cast<uint8_t>(s);
  Raise(2);
  return true;
}

bool Parser::ParseMonth(EdtfDate& d) {
  int64_t value;
  if (!ParseDigits(2, value, d.month_unspecified, "2 digits for the month")) return false;
  d.month = static_cast<uint8_t>(value);
  d.precision = Precision::kMonth;
  if (d.month_unspecified == 0 && value >= 21 && value <= 41) {
    Raise(value <= 24 ? 1 : 2);
    return true;
  }
  bool any = false;
  for (int m = 1; m <= 12; ++m) {
    any |= ((d.month_unspecified & 1) || m % 10 == value % 10) &&
           ((d.month_unspecified & 2) || m / 10 == value / 10);
  }
  if (!any) {
    return Fail(d.month_unspecified ? "no month matches the unspecified digits"
                                    : fmt::format("month {:02} is out of range (01-12)", value));
  }
  return true;
}

bool Parser::ParseDay(EdtfDate& d) {
  int64_t value;
  if (!ParseDigits(2, value, d.day_unspecified, "2 digits for the day")) return false;
  d.day = static_cast<uint8_t>(value);
  d.precision = Precision::kDay;
  if (d.day_unspecified == 0 && (value < 1 || value > 31)) {
    return Fail(fmt::format("day {:02} is out of range (01-31)", value));
  }
  return true;
}

// Checks that some calendar date matches `d`, and raises the level for X digits.
bool Parser::CheckDate(const EdtfDate& d, size_t start) {
  if (!SpanOf(d)) {
    std::string_view written = text_.substr(start, pos_ - start);
    if ((d.year_unspecified | d.month_unspecified | d.day_unspecified) != 0) {
      return Fail(fmt::format("no calendar date matches {}", written));
    }
    return Fail(fmt::format("day {:02} does not exist in {}", d.day,
                            written.substr(0, written.rfind('-'))));
  }
  LevelOfUnspecified(d);
  return true;
}

// Level 1 allows X only as trailing year digits followed by whole-X month and day.
void Parser::LevelOfUnspecified(const EdtfDate& d) {
  auto suffix = [](uint8_t mask, uint8_t all) {
    return mask == 0 || mask == all || (mask & (mask + 1)) == 0;
  };
  auto whole = [](uint8_t mask, bool present) { return !present || mask == 3; };
  bool month = d.precision != Precision::kYear, day = d.precision == Precision::kDay;
  bool level1 = suffix(d.year_unspecified, 15) &&
                (d.month_unspecified == 0 || d.month_unspecified == 3) &&
                (d.day_unspecified == 0 || d.day_unspecified == 3);
  // "1XXX-XX" is level 2 (LoC examples); "XXXX-XX" level 1 (edtf.js).
  if (d.year_unspecified != 0) {
    level1 &= (!month || d.year_unspecified == 15) && whole(d.month_unspecified, month) &&
              whole(d.day_unspecified, day);
  }
  if (d.month_unspecified != 0) level1 &= whole(d.day_unspecified, day);
  if ((d.year_unspecified | d.month_unspecified | d.day_unspecified) != 0) Raise(level1 ? 1 : 2);
}

bool Parser::ParseTime(TimeOfDay& t) {
  int64_t h, m, s;
  uint8_t mask = 0;
  auto two = [&](int64_t& v, std::string_view what) {
    return ParseDigits(2, v, mask, what) && (mask == 0 || FailAt(what));
  };
  if (!two(h, "2 digits for the hour") || !(Accept(':') || FailAt("':'")) ||
      !two(m, "2 digits for the minute") || !(Accept(':') || FailAt("':'")) ||
      !two(s, "2 digits for the second")) {
    return false;
  }
  if (Accept('.')) {
    while (Peek() >= '0' && Peek() <= '9') {
      if (++t.fraction_digits > 9) return Fail("a fraction of a second has at most 9 digits");
      t.fraction = t.fraction * 10 + static_cast<uint32_t>(text_[pos_++] - '0');
    }
    if (t.fraction_digits == 0) return FailAt("digits after '.'");
  }
  if (h > 24 || m > 59 || s > 59 || (h == 24 && (m != 0 || s != 0 || t.fraction != 0))) {
    return Fail(fmt::format("time {:02}:{:02}:{:02} is out of range", h, m, s));
  }
  t.hour = static_cast<uint8_t>(h);
  t.minute = static_cast<uint8_t>(m);
  t.second = static_cast<uint8_t>(s);
  if (Accept('Z')) {
    t.zone = TimeOfDay::Zone::kUtc;
  } else if (Peek() == '+' || Peek() == '-') {
    if (!ParseOffset(t)) return false;
  }
  return AtEnd() || FailAt("the end");
}

bool Parser::ParseOffset(TimeOfDay& t) {
  bool negative = text_[pos_++] == '-';
  int64_t h, m = 0;
  uint8_t mask = 0;
  if (!ParseDigits(2, h, mask, "2 digits for the offset hours") || mask != 0) {
    return mask == 0 ? false : FailAt("2 digits for the offset hours");
  }
  bool colon = Accept(':');
  if (colon || !AtEnd()) {
    if (!ParseDigits(2, m, mask, "2 digits for the offset minutes") || mask != 0) {
      return mask == 0 ? false : FailAt("2 digits for the offset minutes");
    }
  }
  int64_t minutes = (negative ? -1 : 1) * (h * 60 + m);
  constexpr int64_t kWest = int64_t{-12} * 60, kEast = int64_t{14} * 60;
  if (m > 59 || minutes < kWest || minutes > kEast || (negative && minutes == 0)) {
    return Fail("the offset is out of range (-12:00 to +14:00, and -00:00 is not allowed)");
  }
  t.zone = TimeOfDay::Zone::kOffset;
  t.offset_minutes = static_cast<int16_t>(minutes);
  return true;
}

}  // namespace sijill::time::internal
