// People write seasons and other sub-year groupings as interval ends ("../2012-22": until
// the summer of 2012), which EDTF does not allow. GroupingEndsAsMonths rewrites such an
// interval with each grouping end replaced by the month where its days begin (a start)
// or end (an end), keeping its qualifiers: "../2012-22" -> "../2012-08", "2012-24/2013-21~"
// -> "2012-12/2013-05~". The interval covers exactly the same days (bounds.h: winter runs
// into the next year). Used wherever such text is read — claim times typed by a user, gold
// annotations — so that it is read one way everywhere. Pure; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill::time {

// nullopt if `text` is not one interval ("A/B"), an end is neither a plain EDTF date nor
// empty / "..", or no end is a grouping (then there is nothing to rewrite).
std::optional<std::string> GroupingEndsAsMonths(std::string_view text);

}  // namespace sijill::time
