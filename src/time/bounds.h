// Day bounds of EDTF values: which calendar days a value may cover, in the proleptic
// Gregorian calendar (year 0 and negative years included, no Julian switch). Pure
// functions; thread-safe.
//
// Conventions (the query layer relies on them):
// - A date denotes its whole unit: "2012" covers 2012-01-01..2012-12-31, "2012-06" the
//   month. An interval covers from the first day of its start to the last day of its end.
// - Sub-year groupings (northern-hemisphere seasons as python-edtf, except winter):
//   21/25 spring = Mar-May, 22/26 summer = Jun-Aug, 23/27 autumn = Sep-Nov,
//   24/28 winter = Dec of the year to Feb of the next year (python-edtf stops at Dec 31;
//   we do not, so that "winter 2010" never excludes January 2011);
//   southern: 29 spring = Sep-Nov, 30 summer = Dec-Feb(next), 31 autumn = Mar-May,
//   32 winter = Jun-Aug; quarters 33-36 = Jan-Mar, Apr-Jun, Jul-Sep, Oct-Dec;
//   quadrimesters 37-39 = Jan-Apr, May-Aug, Sep-Dec; semesters 40-41 = Jan-Jun, Jul-Dec.
// - ? ~ % do not widen bounds (strict bounds); they set the flags. EDTF gives no measure
//   of "approximately", and an invented margin would be a guessed date.
// - Unspecified digits widen to every date the pattern allows: 201X = 2010..2019,
//   2012-XX-XX = 2012, 1560-XX-25 = 1560-01-25..1560-12-25. Significant digits widen
//   likewise: 1950S2 = 1900..1999 (python-edtf keeps 1950 as its strict bounds).
// - Open ("..") and unknown ("") ends are nullopt: no bound is known on that side.
// - Sets: the hull of their members, for one-of [a,b] and all-of {a,b} alike.
// - A time of day does not narrow: the bounds are the calendar day as written.
#pragma once

#include <cstdint>
#include <optional>

#include "time/edtf.h"

namespace sijill::time {

// A day number: days since 1970-01-01 (negative before).
using Day = int64_t;

struct CivilDate {
  int64_t year;
  int month;  // 1..12
  int day;    // 1..31
  bool operator==(const CivilDate&) const = default;
};

// REQUIRES: month 1..12, day 1..DaysInMonth(year, month), |year| < 10^15.
Day DayFromCivil(int64_t year, int month, int day);
CivilDate CivilFromDay(Day day);
bool IsLeapYear(int64_t year);
int DaysInMonth(int64_t year, int month);  // REQUIRES: month 1..12

// First and last day a single date may denote (see the conventions above).
struct DaySpan {
  Day first;
  Day last;
};

// The span of `date`, or nullopt when its unspecified digits allow no valid date
// ("156X-02-3X"). Qualifiers are ignored.
std::optional<DaySpan> SpanOf(const EdtfDate& date);

struct Bounds {
  std::optional<Day> earliest;  // nullopt: open or unknown start
  std::optional<Day> latest;    // nullopt: open or unknown end
  // Days certainly covered whatever the qualified or unspecified parts turn out to be
  // (both set, or both nullopt when no day is certain). An open or unknown interval end,
  // a qualified or unspecified single date and a one-of set of distinct members have
  // none. For an interval, a qualified end's own span is only possible; an unspecified
  // end's span is certain only after (start) or before (end) its last possible day.
  // For an all-of set: the longest member's certain days (the union may have gaps).
  std::optional<Day> certain_first;
  std::optional<Day> certain_last;
  bool uncertain = false;    // some component carries ? or %
  bool approximate = false;  // some component carries ~ or %
  bool unspecified = false;  // some X digit or significant-digits year
};

// The bounds of a parsed value. Earliest <= latest when both are set. No allocation.
Bounds BoundsOf(const EdtfValue& value);

// The bounds of one member of a set of `kind` (kOneOf or kAllOf). A range member of a
// one-of set ("1670..1672": one of those years) has no certain days.
Bounds MemberBounds(const SetMember& member, ValueKind kind);

}  // namespace sijill::time
