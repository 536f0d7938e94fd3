// The time vocabulary of queries: a query window (an EDTF value), the certainty with
// which a claim holds in it, and the parsed bounds of a claim's valid time. Pure values
// and functions; thread-safe.
//
// A claim HOLDS in a window CERTAINLY when time::Overlaps(claim time, window) is
// kCertainly, POSSIBLY when it is kPossibly, and not at all when it is kNo. Overlap,
// never containment: a commander appointed in 2011 and still there in 2013 answers for
// "2012-11-01". Open ends are never filled in: "../2012-12-31" holds possibly, never
// certainly, on 2012-06-01. A claim with no time holds possibly in every window.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/status.h"
#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::query {

// Only two values: a claim that does not hold is not in an answer at all.
enum class Certainty { kPossibly, kCertainly };

// "possibly", "certainly".
std::string_view Name(Certainty certainty);
// The weaker of the two (the certainty of a path is that of its weakest link).
inline Certainty Weakest(Certainty a, Certainty b) {
  return a == Certainty::kCertainly && b == Certainty::kCertainly ? Certainty::kCertainly
                                                                  : Certainty::kPossibly;
}

// A query window: "2012-11-01", "2012-10", "2012", "2012-03/2012-09", ...
struct Window {
  std::string edtf;  // canonical
  time::Bounds bounds;
};

// Parses a window. kInvalidArgument with time::ParseEdtf's message ("2012-13: month 13
// is out of range (01-12)") when `edtf` is not EDTF.
base::Result<Window> ParseWindow(std::string_view edtf);

// The bounds of a claim's time: BoundsOf(ParseEdtf(*time)), or all unset when the time
// is unknown (nullopt), which holds possibly in every window. kCorruption naming the
// value when a stored time does not parse (the store only keeps checked values).
base::Result<time::Bounds> ClaimBounds(const std::optional<std::string>& time);

// How a claim with these bounds holds in `window`: nullopt when it does not.
std::optional<Certainty> HoldsIn(const time::Bounds& claim, const time::Bounds& window);

// A day as "YYYY-MM-DD" (years before 1 as "-0044-03-15", beyond 9999 with more
// digits), or ".." when the bound is not known.
std::string FormatDay(std::optional<time::Day> day);

// Orders bounds by earliest day, unknown earliest AFTER every known one (a claim we
// cannot place in time goes at the end of a timeline, not the start), then by latest
// day (unknown last). Returns <0, 0, >0.
int CompareByEarliest(const time::Bounds& a, const time::Bounds& b);

}  // namespace sijill::query
