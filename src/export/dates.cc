#include "export/dates.h"

#include <fmt/format.h>

#include "time/edtf.h"

namespace sijill::exporter {
namespace {

std::optional<std::string> Plain(const time::EdtfDate& d, time::EndKind kind, Partial partial) {
  if (kind != time::EndKind::kDate) return std::nullopt;
  if (d.year_form != time::YearForm::kPlain || d.significant_digits != 0) return std::nullopt;
  if (d.year_unspecified || d.month_unspecified || d.day_unspecified) return std::nullopt;
  if (d.year_qualifier || d.month_qualifier || d.day_qualifier) return std::nullopt;
  if (d.year < 0 || d.year > 9999) return std::nullopt;
  switch (d.precision) {
    case time::Precision::kDay:
      return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
    case time::Precision::kMonth:
      if (partial == Partial::kDayOnly || d.month < 1 || d.month > 12) return std::nullopt;
      return fmt::format("{:04}-{:02}", d.year, d.month);
    case time::Precision::kYear:
      if (partial == Partial::kDayOnly) return std::nullopt;
      return fmt::format("{:04}", d.year);
  }
  return std::nullopt;
}

}  // namespace

PlainBounds PlainBoundsOf(std::string_view edtf, Partial partial) {
  auto value = time::ParseEdtf(edtf);
  if (!value || value->kind != time::ValueKind::kInterval) return {};
  return {Plain(value->start, value->start_kind, partial),
          Plain(value->end, value->end_kind, partial)};
}

}  // namespace sijill::exporter
