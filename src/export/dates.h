// Start and end dates for formats whose dates cannot say what EDTF says (Popolo's
// start_date/end_date, FollowTheMoney's startDate/endDate), filled only where the EDTF
// interval's bound is certain and as precise as written: never invented precision
// ("fall 2012" never becomes 2012-09-01; "2012?" gives nothing). The EDTF value itself
// always travels beside them. Thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill::exporter {

enum class Partial { kDayOnly, kAllowYearOrMonth };

struct PlainBounds {
  std::optional<std::string> start;  // "2012-03-01" (or "2012", "2012-03" if allowed)
  std::optional<std::string> end;
};

// The bounds of `edtf` that can be written plainly. Only intervals have bounds: a single
// date ("2012-11-01") says when a fact held, not when it began or ended. An end is given
// only when it is an unqualified date with no unspecified digits, a year 0..9999, of day
// precision (or year or month precision under kAllowYearOrMonth; seasons and other
// groupings never). Open, unknown and unparseable ends give nothing.
PlainBounds PlainBoundsOf(std::string_view edtf, Partial partial);

}  // namespace sijill::exporter
