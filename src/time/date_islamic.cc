#include "time/date_islamic.h"

#include <unicode/calendar.h>
#include <unicode/locid.h>
#include <unicode/timezone.h>

#include <cmath>
#include <memory>
#include <optional>

namespace sijill::time::internal {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

// Calendrical Calculations, fixed-from-islamic, with the epoch as a Gregorian day.
Day TabularIslamicToDay(int64_t year, int month, int day) {
  const Day epoch = DayFromCivil(622, 7, 19);  // 16 July 622 Julian
  return epoch - 1 + (year - 1) * 354 + FloorDiv(3 + 11 * year, 30) + 29 * (month - 1) + month / 2 +
         day;
}

// Umm al-Qura through ICU; nullopt if ICU fails (then the tabular calendar is used).
std::optional<Day> UmmAlQuraToDay(int64_t year, int month, int day) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Calendar> calendar(icu::Calendar::createInstance(
      icu::TimeZone::getGMT()->clone(), icu::Locale("en@calendar=islamic-umalqura"), status));
  if (U_FAILURE(status) || calendar == nullptr) return std::nullopt;
  calendar->clear();
  calendar->set(static_cast<int32_t>(year), month - 1, day);
  UDate millis = calendar->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<Day>(std::floor(millis / 86'400'000.0));
}

}  // namespace

Day IslamicToDay(int64_t year, int month, int day) {
  if (year >= 1300 && year <= 1600) {
    if (std::optional<Day> d = UmmAlQuraToDay(year, month, day)) return *d;
  }
  return TabularIslamicToDay(year, month, day);
}

Day IslamicInGregorianYear(int64_t gregorian_year, int month, int day) {
  const Day first = DayFromCivil(gregorian_year, 1, 1);
  // A Hijri year is about 354.37 days: start from an estimate just below and step up.
  int64_t year = FloorDiv((gregorian_year - 622) * 33, 32) - 1;
  while (IslamicToDay(year, month, day) < first) ++year;
  return IslamicToDay(year, month, day);
}

}  // namespace sijill::time::internal
