#include "query/time_window.h"

#include <fmt/format.h>

#include "time/relations.h"

namespace sijill::query {

std::string_view Name(Certainty certainty) {
  return certainty == Certainty::kCertainly ? "certainly" : "possibly";
}

base::Result<Window> ParseWindow(std::string_view edtf) {
  ASSIGN_OR_RETURN(time::EdtfValue value, time::ParseEdtf(edtf));
  return Window{time::ToString(value), time::BoundsOf(value)};
}

base::Result<time::Bounds> ClaimBounds(const std::optional<std::string>& time) {
  if (!time) return time::Bounds{};
  auto value = time::ParseEdtf(*time);
  if (!value) {
    return base::Error(base::Status::Corruption(
        fmt::format("stored claim time is not EDTF: {}", value.error().message())));
  }
  return time::BoundsOf(*value);
}

std::optional<Certainty> HoldsIn(const time::Bounds& claim, const time::Bounds& window) {
  switch (time::Overlaps(claim, window)) {
    case time::Answer::kCertainly:
      return Certainty::kCertainly;
    case time::Answer::kPossibly:
      return Certainty::kPossibly;
    case time::Answer::kNo:
      break;
  }
  return std::nullopt;
}

std::string FormatDay(std::optional<time::Day> day) {
  if (!day) return "..";
  time::CivilDate d = time::CivilFromDay(*day);
  if (d.year < 0) return fmt::format("-{:04}-{:02}-{:02}", -d.year, d.month, d.day);
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

namespace {
// Known before unknown, then ascending.
int CompareKnownFirst(const std::optional<time::Day>& a, const std::optional<time::Day>& b) {
  if (a && b) return *a < *b ? -1 : (*a > *b ? 1 : 0);
  if (a) return -1;
  if (b) return 1;
  return 0;
}
}  // namespace

int CompareByEarliest(const time::Bounds& a, const time::Bounds& b) {
  int c = CompareKnownFirst(a.earliest, b.earliest);
  return c != 0 ? c : CompareKnownFirst(a.latest, b.latest);
}

}  // namespace sijill::query
