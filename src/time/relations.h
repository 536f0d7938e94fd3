// Relations between EDTF values and days, answered as kNo / kPossibly / kCertainly.
// This is what "who commanded this unit on that day" stands on. Pure; thread-safe.
//
// Model: a value denotes an unknown, non-empty set T of days. Its Bounds (bounds.h) say
// T lies within [earliest, latest] (an open or unknown end is unbounded on that side) and
// T includes [certain_first, certain_last] when that is set. Every answer follows from
// these two facts alone, and is sound: kCertainly is given only when the relation holds
// for every T they allow, kNo only when it holds for none; anything else is kPossibly.
//
// What that means for the cases the query layer meets:
// - An unqualified, fully specified date or closed interval covers its days certainly:
//   "1964/2008" certainly contains 2008-12-31 (a date denotes its whole unit).
// - Open ("..") and unknown ("") ends are both read as "not known": "../2012-12-31"
//   possibly (never certainly) contains 2012-06-01 and any earlier day, and no day after
//   2012-12-31. We do not read ".." as "ongoing", since a witness's "until now" is not
//   a fact we can certify.
// - ? ~ % never give kCertainly for days within the qualified component's own span: the
//   claim could be false, and "certainly" must never be. They do not widen bounds, so
//   days outside the strict bounds are kNo: "No" means no under the dates as stated.
//   A caller that wants a margin for "~" widens the Bounds itself.
// - Unspecified digits (201X) and significant digits: one date of the range, which one
//   unknown, so days inside are kPossibly.
// - Sets, against a day: exact per member. One-of [a,b]: kCertainly only if every member
//   certainly contains the day, kNo only if none possibly does. All-of {a,b}: kCertainly
//   if some member certainly does, kNo if none possibly does.
// - Sets, against another value: reduced to their Bounds (hull and certain days), which
//   is sound but may answer kPossibly where the members alone would allow kNo.
#pragma once

#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::time {

enum class Answer { kNo, kPossibly, kCertainly };

// Whether `day` is one of the value's days.
Answer Contains(const EdtfValue& value, Day day);
// Whether every day of `inner` is a day of `outer`.
Answer Contains(const EdtfValue& outer, const EdtfValue& inner);
// Whether the two values share a day.
Answer Overlaps(const EdtfValue& a, const EdtfValue& b);
// Whether every day of `a` is before every day of `b` (or before `day`).
Answer Before(const EdtfValue& a, const EdtfValue& b);
Answer Before(const EdtfValue& a, Day day);
// Whether every day of `a` is after every day of `b` (or after `day`).
Answer After(const EdtfValue& a, const EdtfValue& b);
Answer After(const EdtfValue& a, Day day);

inline bool CertainlyContains(const EdtfValue& value, Day day) {
  return Contains(value, day) == Answer::kCertainly;
}
inline bool PossiblyContains(const EdtfValue& value, Day day) {
  return Contains(value, day) != Answer::kNo;
}

// The same relations over bounds, for callers that keep Bounds instead of values.
Answer Contains(const Bounds& b, Day day);
Answer Contains(const Bounds& outer, const Bounds& inner);
Answer Overlaps(const Bounds& a, const Bounds& b);
Answer Before(const Bounds& a, const Bounds& b);

}  // namespace sijill::time
