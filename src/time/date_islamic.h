// Internal to the date finder: Islamic (Hijri) dates as Gregorian days, used to place
// Ramadan, Eid al-Fitr and Eid al-Adha. Hijri years 1300..1600 (1882..2174 CE) use
// ICU's Umm al-Qura calendar, the published Saudi reckoning that most Levantine
// observance matches or follows by one day (months there begin on a sighting of the
// moon); other years use the arithmetical (tabular) calendar. The finder therefore
// renders a converted day as one of two days, the computed one and the next.
#pragma once

#include <cstdint>

#include "time/bounds.h"

namespace sijill::time::internal {

// The day of `day` `month` (1..12) of Hijri year `year`.
Day IslamicToDay(int64_t year, int month, int day);

// The first day in Gregorian year `gregorian_year` that is `day` `month` of some Hijri
// year. Every Gregorian year contains each Hijri date at least once.
Day IslamicInGregorianYear(int64_t gregorian_year, int month, int day);

}  // namespace sijill::time::internal
