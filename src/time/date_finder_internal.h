// Internal to the date finder: the scan behind FindDates and ReadDateField, with the
// switches that tests and the fuzz target use to compare the fast scan with the
// exhaustive one.
#pragma once

#include <string_view>
#include <vector>

#include "time/date_finder.h"

namespace sijill::time::internal {

struct ScanMode {
  bool field = false;                // a date field: bare years allowed; stop at the first
  bool skip_unlikely_starts = true;  // false: try every token (the reference scan)
};

std::vector<DateMention> FindDatesWith(std::string_view utf8_text, const FindOptions& options,
                                       const ScanMode& mode);

}  // namespace sijill::time::internal
