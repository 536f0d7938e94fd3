#include "time/date_islamic.h"

namespace sijill::time::internal {
namespace {

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

}  // namespace

// Calendrical Calculations, fixed-from-islamic, with the epoch as a Gregorian day.
Day IslamicToDay(int64_t year, int month, int day) {
  const Day epoch = DayFromCivil(622, 7, 19);  // 16 July 622 Julian
  return epoch - 1 + (year - 1) * 354 + FloorDiv(3 + 11 * year, 30) + 29 * (month - 1) + month / 2 +
         day;
}

Day IslamicInGregorianYear(int64_t gregorian_year, int month, int day) {
  const Day first = DayFromCivil(gregorian_year, 1, 1);
  // A Hijri year is about 354.37 days: start from an estimate just below and step up.
  int64_t year = FloorDiv((gregorian_year - 622) * 33, 32) - 1;
  while (IslamicToDay(year, month, day) < first) ++year;
  return IslamicToDay(year, month, day);
}

}  // namespace sijill::time::internal
