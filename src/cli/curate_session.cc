#include "cli/curate_session.h"

#include <fmt/format.h>

#include "base/utf8.h"
#include "time/bounds.h"
#include "time/date_finder.h"
#include "time/edtf.h"

namespace sijill::cli {

base::Status Curate(store::Archive& archive,
                    const std::function<base::Status(curate::Curator&)>& change) {
  ASSIGN_OR_RETURN(auto txn, archive.store().BeginWrite());
  curate::Curator curator(archive.store(), *txn, curate::Actor::Now());
  TRY(change(curator));
  return txn->Commit();
}

namespace {

// EDTF has no season or other sub-year grouping as an interval end ("../2012-22"), but
// people write them. Each such end becomes the month where its days begin (a start) or
// end (an end): the interval covers exactly the same days. nullopt if `typed` is not an
// interval or an end is not a plain grouping.
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
    auto value = time::ParseEdtf(core);
    if (!value) return std::nullopt;
    time::Bounds b = time::BoundsOf(*value);
    if (!b.earliest || !b.latest) return std::nullopt;
    if (core.size() == 7 && core[5] >= '2') {  // YYYY-SS with SS = 21..41
      time::CivilDate d = time::CivilFromDay(is_start ? *b.earliest : *b.latest);
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

}  // namespace

base::Result<ReadTime> ReadClaimTime(std::string_view typed) {
  auto value = time::ParseEdtf(typed);
  if (value) return ReadTime{time::ToString(*value), std::nullopt};
  if (auto months = GroupingEndsAsMonths(typed)) {
    if (auto v = time::ParseEdtf(*months)) {
      std::string edtf = time::ToString(*v);
      return ReadTime{edtf, fmt::format("time: '{}' read as {} (EDTF has no season as an "
                                        "interval end; the same days)",
                                        typed, edtf)};
    }
  }
  // Text written in EDTF's own characters is EDTF with a mistake, not words: say what is
  // wrong with it rather than guess ("2012-13" is not a span of two years here).
  const bool edtf_syntax =
      typed.find_first_not_of("0123456789X?~%/.-[]{},:TZ+ ") == std::string_view::npos;
  if (!edtf_syntax && base::IsValidUtf8(typed)) {
    if (auto mention = time::ReadDateField(typed, {}); mention && mention->value) {
      std::string edtf = time::ToString(*mention->value);
      return ReadTime{edtf, fmt::format("time: '{}' read as {}", typed, edtf)};
    }
  }
  return base::Error(base::Status::InvalidArgument(
      fmt::format("time: {} (nor is it a date in words Sijill reads)", value.error().message())));
}

}  // namespace sijill::cli
