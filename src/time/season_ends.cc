#include "time/season_ends.h"

#include <fmt/format.h>

#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::time {

std::optional<std::string> GroupingEndsAsMonths(std::string_view typed) {
  size_t slash = typed.find('/');
  if (slash == std::string_view::npos || typed.find('/', slash + 1) != std::string_view::npos) {
    return std::nullopt;
  }
  bool changed = false;
  auto end_as_month = [&](std::string_view end, bool is_start) -> std::optional<std::string> {
    if (end.empty() || end == "..") return std::string(end);
    std::string_view core = end;
    std::string qualifier;
    while (!core.empty() && (core.back() == '?' || core.back() == '~' || core.back() == '%')) {
      qualifier.insert(qualifier.begin(), core.back());
      core.remove_suffix(1);
    }
    auto value = ParseEdtf(core);
    if (!value) return std::nullopt;
    Bounds b = BoundsOf(*value);
    if (!b.earliest || !b.latest) return std::nullopt;
    if (core.size() == 7 && core[5] >= '2') {  // YYYY-SS with SS = 21..41
      CivilDate d = CivilFromDay(is_start ? *b.earliest : *b.latest);
      changed = true;
      return fmt::format("{:04}-{:02}{}", d.year, d.month, qualifier);
    }
    return std::string(end);
  };
  auto start = end_as_month(typed.substr(0, slash), true);
  auto end = end_as_month(typed.substr(slash + 1), false);
  if (!start || !end || !changed) return std::nullopt;
  return *start + "/" + *end;
}

}  // namespace sijill::time
