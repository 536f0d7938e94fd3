// Internal to the date finder: the arithmetical (tabular) Islamic calendar, used to
// place Eid al-Fitr, Eid al-Adha and Ramadan in a Gregorian year. The observed dates
// depend on moon sighting and differ by a day or two between countries, so the finder
// marks every converted date approximate (~).
#pragma once

#include <cstdint>

#include "time/bounds.h"

namespace sijill::time::internal {

// The day of `day` `month` (1..12) of Hijri year `year` (civil epoch, 16 July 622 Julian).
Day IslamicToDay(int64_t year, int month, int day);

// The first day in Gregorian year `gregorian_year` that is `day` `month` of some Hijri
// year. Every Gregorian year contains each Hijri date at least once.
Day IslamicInGregorianYear(int64_t gregorian_year, int month, int day);

}  // namespace sijill::time::internal
