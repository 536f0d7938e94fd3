#include "time/bounds.h"

#include <algorithm>

namespace sijill::time {
namespace {

// Floor division for negative numerators.
int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

int64_t Pow10(int n) {
  int64_t p = 1;
  while (n-- > 0) p *= 10;
  return p;
}

int DigitCount(int64_t magnitude) {
  int n = 1;
  while (magnitude >= 10) {
    magnitude /= 10;
    ++n;
  }
  return n;
}

// Whether the two-digit value `v` matches `pattern` whose X digits (bits of `mask`,
// bit 0 = ones) may be anything.
bool Matches(int v, int pattern, uint8_t mask) {
  return ((mask & 1) || v % 10 == pattern % 10) && ((mask & 2) || v / 10 == pattern / 10);
}

struct YearRange {
  int64_t min, max;
};

YearRange YearsOf(const EdtfDate& d) {
  int64_t magnitude = d.year < 0 ? -d.year : d.year;
  int64_t lo = magnitude, hi = magnitude;
  for (int i = 0; i < 4; ++i) {
    if (d.year_unspecified & (1 << i)) hi += 9 * Pow10(i);
  }
  if (d.significant_digits > 0) {
    int64_t unit = Pow10(DigitCount(magnitude) - d.significant_digits);
    lo = magnitude / unit * unit;
    hi = lo + unit - 1;
  }
  if (d.year < 0) return {-hi, -lo};
  return {lo, hi};
}

// First and last month (and the year offset of the last) of a sub-year grouping.
struct Grouping {
  int first_month, last_month, last_year_offset;
};

Grouping GroupingOf(int code) {
  switch (code) {
    case 21:
    case 25:
    case 31:
      return {3, 5, 0};
    case 22:
    case 26:
    case 32:
      return {6, 8, 0};
    case 23:
    case 27:
    case 29:
      return {9, 11, 0};
    case 24:
    case 28:
    case 30:
      return {12, 2, 1};
    case 33:
      return {1, 3, 0};
    case 34:
      return {4, 6, 0};
    case 35:
      return {7, 9, 0};
    case 36:
      return {10, 12, 0};
    case 37:
      return {1, 4, 0};
    case 38:
      return {5, 8, 0};
    case 39:
      return {9, 12, 0};
    case 40:
      return {1, 6, 0};
    default:
      return {7, 12, 0};  // 41
  }
}

// The first (step = +1) or last (step = -1) valid day matching a day-precision pattern,
// searching years from `from` towards `to`.
std::optional<Day> FindDay(const EdtfDate& d, int64_t from, int64_t to, int step) {
  for (int64_t y = from;; y += step) {
    for (int mi = 0; mi < 12; ++mi) {
      int m = step > 0 ? 1 + mi : 12 - mi;
      if (!Matches(m, d.month, d.month_unspecified)) continue;
      for (int di = 0; di < 31; ++di) {
        int day = step > 0 ? 1 + di : 31 - di;
        if (Matches(day, d.day, d.day_unspecified) && day <= DaysInMonth(y, m)) {
          return DayFromCivil(y, m, day);
        }
      }
    }
    if (y == to) return std::nullopt;
  }
}

std::optional<DaySpan> MonthSpan(const EdtfDate& d, YearRange years) {
  if (d.month > 12) {
    Grouping g = GroupingOf(d.month);
    int64_t last_year = years.max + g.last_year_offset;
    return DaySpan{DayFromCivil(years.min, g.first_month, 1),
                   DayFromCivil(last_year, g.last_month, DaysInMonth(last_year, g.last_month))};
  }
  int lo = 13, hi = 0;
  for (int m = 1; m <= 12; ++m) {
    if (Matches(m, d.month, d.month_unspecified)) {
      lo = std::min(lo, m);
      hi = std::max(hi, m);
    }
  }
  if (hi == 0) return std::nullopt;
  return DaySpan{DayFromCivil(years.min, lo, 1),
                 DayFromCivil(years.max, hi, DaysInMonth(years.max, hi))};
}

bool Exact(const EdtfDate& d) {
  return d.year_qualifier == 0 && d.month_qualifier == 0 && d.day_qualifier == 0 &&
         d.year_unspecified == 0 && d.month_unspecified == 0 && d.day_unspecified == 0 &&
         d.significant_digits == 0;
}

bool Qualified(const EdtfDate& d) {
  return (d.year_qualifier | d.month_qualifier | d.day_qualifier) != 0;
}

void AddFlags(const EdtfDate& d, Bounds& b) {
  uint8_t q = d.year_qualifier | d.month_qualifier | d.day_qualifier;
  b.uncertain |= (q & kUncertain) != 0;
  b.approximate |= (q & kApproximate) != 0;
  b.unspecified |= (d.year_unspecified | d.month_unspecified | d.day_unspecified) != 0 ||
                   d.significant_digits != 0;
}

// Bounds of an interval-like piece; a single date is the piece [date, date].
Bounds PieceBounds(const EdtfDate& first, EndKind first_kind, const EdtfDate& last,
                   EndKind last_kind) {
  Bounds b;
  std::optional<Day> certain_from, certain_to;
  if (first_kind == EndKind::kDate) {
    DaySpan s = SpanOf(first).value_or(DaySpan{0, 0});
    b.earliest = s.first;
    certain_from = Exact(first) ? s.first : Qualified(first) ? s.last + 1 : s.last;
    AddFlags(first, b);
  }
  if (last_kind == EndKind::kDate) {
    DaySpan s = SpanOf(last).value_or(DaySpan{0, 0});
    b.latest = s.last;
    certain_to = Exact(last) ? s.last : Qualified(last) ? s.first - 1 : s.first;
    AddFlags(last, b);
  }
  if (certain_from && certain_to && *certain_from <= *certain_to) {
    b.certain_first = certain_from;
    b.certain_last = certain_to;
  }
  return b;
}

void Hull(const Bounds& m, bool first, ValueKind kind, Bounds& b) {
  if (first) {
    b = m;
    return;
  }
  b.earliest = (b.earliest && m.earliest) ? std::optional<Day>(std::min(*b.earliest, *m.earliest))
                                          : std::nullopt;
  b.latest =
      (b.latest && m.latest) ? std::optional<Day>(std::max(*b.latest, *m.latest)) : std::nullopt;
  b.uncertain |= m.uncertain;
  b.approximate |= m.approximate;
  b.unspecified |= m.unspecified;
  if (kind == ValueKind::kOneOf) {  // certain only where every member is
    if (b.certain_first && m.certain_first &&
        std::max(*b.certain_first, *m.certain_first) <=
            std::min(*b.certain_last, *m.certain_last)) {
      b.certain_first = std::max(*b.certain_first, *m.certain_first);
      b.certain_last = std::min(*b.certain_last, *m.certain_last);
    } else {
      b.certain_first = b.certain_last = std::nullopt;
    }
  } else if (m.certain_first && (!b.certain_first || *m.certain_last - *m.certain_first >
                                                         *b.certain_last - *b.certain_first)) {
    b.certain_first = m.certain_first;
    b.certain_last = m.certain_last;
  }
}

}  // namespace

bool IsLeapYear(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

// Howard Hinnant's days_from_civil, with 64-bit years.
Day DayFromCivil(int64_t year, int month, int day) {
  int64_t y = year - (month <= 2);
  int64_t era = FloorDiv(y, 400);
  int64_t yoe = y - era * 400;
  int64_t mp = (month + 9) % 12;
  int64_t doy = (153 * mp + 2) / 5 + day - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate CivilFromDay(Day day) {
  int64_t z = day + 719468;
  int64_t era = FloorDiv(z, 146097);
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return {yoe + era * 400 + (m <= 2), m, d};
}

std::optional<DaySpan> SpanOf(const EdtfDate& d) {
  YearRange years = YearsOf(d);
  switch (d.precision) {
    case Precision::kYear:
      return DaySpan{DayFromCivil(years.min, 1, 1), DayFromCivil(years.max, 12, 31)};
    case Precision::kMonth:
      return MonthSpan(d, years);
    case Precision::kDay:
      break;
  }
  if (d.month_unspecified == 0 && d.day_unspecified == 0 && years.min == years.max) {
    if (d.day > DaysInMonth(years.min, d.month)) return std::nullopt;
    Day day = DayFromCivil(years.min, d.month, d.day);
    return DaySpan{day, day};
  }
  std::optional<Day> first = FindDay(d, years.min, years.max, 1);
  if (!first) return std::nullopt;
  return DaySpan{*first, *FindDay(d, years.max, years.min, -1)};
}

Bounds MemberBounds(const SetMember& member, ValueKind kind) {
  if (!member.is_range) {
    return PieceBounds(member.first, EndKind::kDate, member.first, EndKind::kDate);
  }
  Bounds b = PieceBounds(member.first, member.first_kind, member.last, member.last_kind);
  if (kind == ValueKind::kOneOf) b.certain_first = b.certain_last = std::nullopt;
  return b;
}

Bounds BoundsOf(const EdtfValue& value) {
  switch (value.kind) {
    case ValueKind::kDate:
      return PieceBounds(value.start, EndKind::kDate, value.start, EndKind::kDate);
    case ValueKind::kInterval:
      return PieceBounds(value.start, value.start_kind, value.end, value.end_kind);
    case ValueKind::kOneOf:
    case ValueKind::kAllOf:
      break;
  }
  Bounds b;
  for (size_t i = 0; i < value.members.size(); ++i) {
    Hull(MemberBounds(value.members[i], value.kind), i == 0, value.kind, b);
  }
  return b;
}

}  // namespace sijill::time
