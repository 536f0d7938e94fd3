// Internal to the date finder: the pattern matchers. Each recognizes one form of date
// expression starting at a token and reports what was written, leaving years that are
// not written to the finder (date_finder.cc) to resolve.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "time/date_lexicon.h"

namespace sijill::time::internal {

// Which part of a year or month a phrase names ("early 2014", "أواخر نيسان").
enum class Part : uint8_t { kWhole, kEarly, kMiddle, kLate, kEnd, kFirstHalf, kSecondHalf };

// The unit of a step from the previous mention ("two days later", "بعد ثلاثة أشهر").
enum class Unit : uint8_t { kNone, kDay, kWeek, kMonth, kYear };

// One date as written.
struct Piece {
  std::optional<YearRef> year;  // nullopt: not written, take it from context
  bool relative_to_document =
      false;      // "last November": the latest such month before the document date
  int month = 0;  // 0, 1..12, or 21..24 for a season
  int day = 0;    // 0 or 1..31
  Part part = Part::kWhole;
  bool decade = false;
  int hijri_month = 0, hijri_day = 0;  // an Islamic-calendar date (day 0: the whole month); a
                                       // year below 1600 is then a Hijri year
  Unit step_unit = Unit::kNone;        // kNone: not relative to the previous mention
  int step = 0;  // how many units after the previous mention (0: the same)  // "the 1980s": year
  bool step_from_own_date = false;  // "بعد عيد الأضحى بشهرين": from this piece's date
                                    // holds 1980
  bool approximate = false, uncertain = false;
  bool has_year() const { return year && year->year; }
};

enum class AtomKind : uint8_t { kSingle, kSince, kInterval, kOneOfDays };

// A recognized expression: tokens [begin, end).
struct Atom {
  size_t begin = 0, end = 0;
  AtomKind kind = AtomKind::kSingle;
  Piece first, last;      // last: for kInterval
  std::vector<int> days;  // kOneOfDays: the alternative days of first's month
};

// Whether a bare 4-digit number may stand for a year (after "in", "since", ...).
enum class BareYear : uint8_t { kNo, kYes };

// The longest single-date expression at `pos` (no ranges, hedges or "since"), or
// nullopt. Tried in order: full dates, day alternatives, numeric dates, parts of
// years and months, seasons, month + year, decades, relative months, steps from the previous
// mention, years.
std::optional<Atom> MatchSingle(const std::vector<Token>& tokens, size_t pos, BareYear bare);

}  // namespace sijill::time::internal
