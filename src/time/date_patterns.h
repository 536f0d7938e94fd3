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

// What a year-only piece names: the year itself, its decade ("the 1980s": year 1980), or
// its century ("the 19th century", "the 1800s": year 1800; BCE centuries negative).
enum class YearSpan : uint8_t { kYear, kDecade, kCentury };

// One date as written.
struct Piece {
  std::optional<YearRef> year;  // nullopt: not written, take it from context
  // "last November": the latest such month before the document date.
  bool relative_to_document = false;
  int month = 0;  // 0, 1..12, or 21..24 for a season
  int day = 0;    // 0 or 1..31
  Part part = Part::kWhole;
  YearSpan span = YearSpan::kYear;
  // An Islamic-calendar date (day 0: the whole month); a year below 1600 is then Hijri.
  int hijri_month = 0, hijri_day = 0;
  bool islamic_day = false;      // converted from a Hijri day: it may be one day later
  Unit step_unit = Unit::kNone;  // kNone: not relative to the previous mention
  int step = 0;                  // how many units after the previous mention (0: the same)
  bool step_from_own_date = false;  // "بعد عيد الأضحى بشهرين": from this piece's own date
  bool approximate = false, uncertain = false;
  bool has_year() const { return year && year->year; }
};

// kSince: from the date on ("since 2010"); kUntil: up to it ("before 1928"); kOneOfYears:
// one of two years ("1858/1860").
enum class AtomKind : uint8_t { kSingle, kSince, kUntil, kInterval, kOneOfDays, kOneOfYears };

// A recognized expression: tokens [begin, end).
struct Atom {
  size_t begin = 0, end = 0;
  AtomKind kind = AtomKind::kSingle;
  Piece first, last;      // last: for kInterval and kOneOfYears
  std::vector<int> days;  // kOneOfDays: the alternative days of first's month
  // For an interval written as two dates ("from X until Y", "X or Y"): where the first
  // ends and the second begins (tokens). 0: not written as two dates.
  size_t first_end = 0, last_begin = 0;
};

// Whether a bare 4-digit number may stand for a year (after "in", "since", ...).
enum class BareYear : uint8_t { kNo, kYes };

// The longest single-date expression at `pos` (no ranges, hedges or "since"), or
// nullopt. Tried: full dates, day alternatives, numeric dates, parts of years and
// months, seasons, month + year, decades, centuries, year ranges ("1851-52"), relative
// months, Islamic dates, steps from the previous mention, years.
std::optional<Atom> MatchSingle(const std::vector<Token>& tokens, size_t pos, BareYear bare);

// For the matchers (date_patterns.cc, date_patterns_relative.cc): each takes a cursor at
// its start and returns the atom it read, ending where it stopped, or nullopt.
Atom Single(const Piece& p, size_t end);
// An optional year after a month, season or feast: ", 2013", "2013", "of 2013".
std::optional<YearRef> ReadTrailingYear(Cursor& c);
// Steps from the previous mention ("two days later", "the same day", "بعد يومين").
std::optional<Atom> MatchStep(Cursor c, BareYear bare);
// "بعد عيد الأضحى بشهرين": a step from a date named inside the phrase.
std::optional<Atom> MatchStepAfterDate(Cursor c, BareYear bare);
// Ramadan and the two Eids, with an optional day of Ramadan and year.
std::optional<Atom> MatchIslamic(Cursor c, BareYear bare);

}  // namespace sijill::time::internal
