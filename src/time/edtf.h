// EDTF values (Library of Congress Extended Date/Time Format, ISO 8601-2 profile):
// parse, validate and print levels 0, 1 and the level-2 features Sijill uses. Values
// are plain data; every function here is pure and thread-safe.
// Grammar accepted (canonical form printed by ToString):
//   date      YYYY[-MM[-DD]] | YYYY-SS (SS = 21..41 sub-year grouping) | Y±N (N > 4
//             digits) | Y±NEe (exponential), each year optionally followed by Sn
//             (significant digits); X replaces any digit of a 4-digit year, month or day.
//   datetime  YYYY-MM-DDThh:mm:ss[.f{1,9}][Z|±hh[[:]mm]]  (offset within -12:00..+14:00)
//   qualifier ? (uncertain) ~ (approximate) % (both): after a component it applies to
//             that component and all to its left; before a component, only to it.
//   interval  END/END, END = date | ".." (open) | "" (unknown); not both non-dates.
//   set       [m,m,...] (one of) or {m,m,...} (all of); m = date | date..date; the first
//             member may be "..date", the last "date..". Spaces around commas are allowed.
// Restrictions: Y years, exponential years and S apply to a year alone (no month); a
// time of day only to a complete, unqualified single date (not in intervals or sets);
// seasons and sub-year groupings are not interval ends (as edtf.js); an interval or
// set range may not end before it starts; "-0000" is refused. Not accepted: the ISO
// 8601 two-digit century "19" and three-digit decade "193", which EDTF (2019) dropped.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::time {

// Qualification bits of one date component.
enum Qualifier : uint8_t { kUncertain = 1, kApproximate = 2 };

enum class Precision : uint8_t { kYear, kMonth, kDay };

enum class YearForm : uint8_t {
  kPlain,        // four digits, optionally negative: 1984, -0099
  kLetter,       // Y-prefixed, more than four digits: Y170000002
  kExponential,  // Y17E7 = 170000000 (mantissa * 10^exponent)
};

// A time of day. Offsets are kept for printing; bounds use the date as written.
struct TimeOfDay {
  uint8_t hour = 0, minute = 0, second = 0;
  uint8_t fraction_digits = 0;  // 0 = no fraction
  uint32_t fraction = 0;        // the digits after '.', as written
  enum class Zone : uint8_t { kLocal, kUtc, kOffset } zone = Zone::kLocal;
  int16_t offset_minutes = 0;  // when zone == kOffset
  bool operator==(const TimeOfDay&) const = default;
};

// One calendar date at year, month or day precision. `month` holds 21..41 for a
// sub-year grouping (then precision is kMonth). Unspecified masks: bit i set = the
// i-th digit from the right is X.
struct EdtfDate {
  int64_t year = 0;
  uint8_t month = 0, day = 0;  // 0 when absent
  Precision precision = Precision::kYear;
  YearForm year_form = YearForm::kPlain;
  uint8_t mantissa_digits = 0;  // kExponential: year = mantissa * 10^exponent
  uint8_t exponent = 0;
  uint8_t significant_digits = 0;  // 0 = none (no S suffix)
  uint8_t year_unspecified = 0, month_unspecified = 0, day_unspecified = 0;
  uint8_t year_qualifier = 0, month_qualifier = 0, day_qualifier = 0;  // Qualifier bits
  bool has_time = false;
  TimeOfDay time;
  bool operator==(const EdtfDate&) const = default;
};

// An end of an interval or of a set member range.
enum class EndKind : uint8_t { kDate, kOpen, kUnknown };

// One member of a set: a date, a range first..last, or an open range (..last / first..).
struct SetMember {
  EdtfDate first;
  EdtfDate last;                        // used when is_range
  bool is_range = false;                // first..last
  EndKind first_kind = EndKind::kDate;  // kOpen for "..last"
  EndKind last_kind = EndKind::kDate;   // kOpen for "first.."
  bool operator==(const SetMember&) const = default;
};

enum class ValueKind : uint8_t { kDate, kInterval, kOneOf, kAllOf };

// A parsed EDTF value. kDate uses `start`; kInterval uses start/end with their kinds;
// kOneOf / kAllOf use `members` (never empty).
struct EdtfValue {
  ValueKind kind = ValueKind::kDate;
  EdtfDate start, end;
  EndKind start_kind = EndKind::kDate, end_kind = EndKind::kDate;
  std::vector<SetMember> members;
  uint8_t level = 0;  // the EDTF level of the syntax that was parsed

  // Equivalence: same meaning, whatever syntax (qualifier placement) was used.
  bool operator==(const EdtfValue& o) const {
    return kind == o.kind && start == o.start && end == o.end && start_kind == o.start_kind &&
           end_kind == o.end_kind && members == o.members;
  }
};

// Parses `text`. Errors are kInvalidArgument with a message "<input>: <problem>" that
// names the position (1-based byte column) when it helps, e.g.
//   "2012-13: month 13 is out of range (01-12)"
//   "2012-02-30: day 30 does not exist in 2012-02"
//   "2012-1: expected 2 digits for the month at column 6".
// Years are limited to |year| < 10^15 so day numbers never overflow.
base::Result<EdtfValue> ParseEdtf(std::string_view text);

// The EDTF level (0, 1 or 2) of the syntax that `value` was parsed from. The canonical
// string may need a lower level ("?2001" is level 2, its canonical "2001?" level 1).
int Level(const EdtfValue& value);

// The canonical string: ParseEdtf(ToString(v)) == v. Qualifiers are printed as one
// suffix when every component carries the same ones, else before each component; set
// members are separated by "," without spaces; offsets print as ±hh:mm.
std::string ToString(const EdtfValue& value);

}  // namespace sijill::time
