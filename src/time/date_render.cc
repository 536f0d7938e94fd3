#include "time/date_render.h"

#include <fmt/format.h>

#include "time/bounds.h"
#include "time/date_islamic.h"

namespace sijill::time::internal {
namespace {

Piece WithYear(Piece p, int64_t year) {
  p.year = YearRef{year, 0};
  return p;
}

// The date `p.step` units after `anchor` (a resolved piece), or nullopt when the
// anchor is too coarse for the unit (a step of months from a bare year).
std::optional<Piece> StepFrom(const Piece& anchor, const Piece& p) {
  Piece r = anchor;
  r.part = p.part;
  r.approximate = p.approximate;
  r.uncertain = p.uncertain;
  r.islamic_day = false;
  int64_t y = *anchor.year->year;
  bool calendar_month = r.month >= 1 && r.month <= 12;
  switch (p.step_unit) {
    case Unit::kYear:
      return WithYear(r, y + p.step);
    case Unit::kMonth: {
      if (!calendar_month) return std::nullopt;
      int64_t total = y * 12 + (r.month - 1) + p.step;
      int64_t year = total >= 0 ? total / 12 : -((-total + 11) / 12);  // floor: BCE years too
      r.month = static_cast<int>(total - year * 12) + 1;
      r.day = 0;
      r.approximate = r.approximate || anchor.day == 0;
      return WithYear(r, year);
    }
    case Unit::kDay:
    case Unit::kWeek: {
      if (!calendar_month) return std::nullopt;
      int days = p.step * (p.step_unit == Unit::kWeek ? 7 : 1);
      CivilDate c = CivilFromDay(DayFromCivil(y, r.month, r.day == 0 ? 1 : r.day) + days);
      r.month = c.month;
      if (r.day != 0) r.day = c.day;
      return WithYear(r, c.year);
    }
    case Unit::kNone:
      break;
  }
  return p;
}

std::optional<int64_t> ResolveYear(const Piece& p, const Context& ctx,
                                   std::optional<int64_t> sibling) {
  if (p.has_year()) return p.year->year;
  if (p.relative_to_document) {
    if (!ctx.document) return std::nullopt;
    const EdtfDate& d = *ctx.document;
    bool this_year = d.precision != Precision::kYear && d.month <= 12 && p.month < d.month;
    return this_year ? d.year : d.year - 1;
  }
  if (p.year) {  // "that year", "the following year"
    if (!ctx.last_year) return std::nullopt;
    return *ctx.last_year + p.year->context_offset;
  }
  if (sibling) return sibling;
  if (ctx.last_year) return ctx.last_year;
  if (!ctx.document) return std::nullopt;
  // A month later in the year than the document was written is last year's: "in
  // December", told in June 2013, is December 2012.
  const EdtfDate& d = *ctx.document;
  bool later = d.precision != Precision::kYear && d.month <= 12 && p.month >= 1 && p.month <= 12 &&
               p.month > d.month;
  return later ? d.year - 1 : d.year;
}

// An Islamic-calendar piece as a Gregorian one; `*year` (the resolved year: Hijri below
// 1600, else Gregorian) becomes the Gregorian year. Ramadan as a whole becomes the
// Gregorian month of its 15th day, approximate; a day is marked islamic_day (rendered
// as that day or the next).
Piece Gregorianize(Piece p, int64_t* year) {
  if (p.hijri_month == 0) return p;
  int day = p.hijri_day == 0 ? 15 : p.hijri_day;
  Day d = *year < 1600 ? IslamicToDay(*year, p.hijri_month, day)
                       : IslamicInGregorianYear(*year, p.hijri_month, day);
  CivilDate c = CivilFromDay(d);
  *year = c.year;
  p.month = c.month;
  p.day = p.hijri_day == 0 ? 0 : c.day;
  p.islamic_day = p.hijri_day != 0;
  p.approximate = p.approximate || p.hijri_day == 0;
  p.hijri_month = p.hijri_day = 0;
  return p;
}

// The piece one day later (for the later of an Islamic day's two possible days).
Piece NextDay(Piece p, int64_t* year) {
  CivilDate c = CivilFromDay(DayFromCivil(*year, p.month, p.day) + 1);
  *year = c.year;
  p.month = c.month;
  p.day = c.day;
  return p;
}

std::string YearText(int64_t y) {
  return y < 0 ? fmt::format("-{:04d}", -y) : fmt::format("{:04d}", y);
}

struct Ends {
  std::string first, last;  // last empty: a single date
  std::string Whole() const { return last.empty() ? first : first + "/" + last; }
};

std::string Qualify(std::string date, const Piece& p) {
  if (p.approximate && p.uncertain) return date + "%";
  if (p.approximate) return date + "~";
  if (p.uncertain) return date + "?";
  return date;
}

Ends MonthEnds(const Piece& p, int64_t y) {
  auto day = [&](int d) {
    return Qualify(fmt::format("{}-{:02d}-{:02d}", YearText(y), p.month, d), p);
  };
  int last = DaysInMonth(y, p.month);
  switch (p.part) {
    case Part::kEarly:
      return {day(1), day(10)};
    case Part::kMiddle:
      return {day(11), day(20)};
    case Part::kLate:
      return {day(21), day(last)};
    case Part::kEnd:
      return {day(last), ""};
    case Part::kFirstHalf:
      return {day(1), day(15)};
    case Part::kSecondHalf:
      return {day(16), day(last)};
    case Part::kWhole:
      break;
  }
  return {Qualify(fmt::format("{}-{:02d}", YearText(y), p.month), p), ""};
}

Ends YearEnds(const Piece& p, int64_t y) {
  auto month = [&](int m) { return Qualify(fmt::format("{}-{:02d}", YearText(y), m), p); };
  switch (p.part) {
    case Part::kEarly:
      return {month(1), ""};
    case Part::kMiddle:
      return {month(6), ""};
    case Part::kLate:
    case Part::kEnd:
      return {month(12), ""};
    case Part::kFirstHalf:
      return {month(1), month(6)};
    case Part::kSecondHalf:
      return {month(7), month(12)};
    case Part::kWhole:
      break;
  }
  return {Qualify(YearText(y), p), ""};
}

Ends Render(const Piece& p, int64_t y) {
  if (p.span == YearSpan::kDecade) return {Qualify(fmt::format("{:03d}X", y / 10), p), ""};
  if (p.span == YearSpan::kCentury) {
    return {
        Qualify(y < 0 ? fmt::format("-{:02d}XX", -y / 100) : fmt::format("{:02d}XX", y / 100), p),
        ""};
  }
  if (p.day != 0)
    return {Qualify(fmt::format("{}-{:02d}-{:02d}", YearText(y), p.month, p.day), p), ""};
  if (p.month >= 21) return {Qualify(fmt::format("{}-{:02d}", YearText(y), p.month), p), ""};
  if (p.month != 0) return MonthEnds(p, y);
  return YearEnds(p, y);
}

// A single piece alone: an Islamic day as one of two days.
std::string RenderAlone(const Piece& p, int64_t y) {
  if (!p.islamic_day) return Render(p, y).Whole();
  int64_t y2 = y;
  Piece next = NextDay(p, &y2);
  return "[" + Render(p, y).first + "," + Render(next, y2).first + "]";
}

// A season cannot end an interval in EDTF: use its first or last month instead.
Piece SeasonAsMonth(Piece p, int64_t* year, bool as_start) {
  if (p.month < 21) return p;
  static constexpr int kFirst[] = {3, 6, 9, 12}, kLast[] = {5, 8, 11, 2};
  int s = p.month - 21;
  p.month = as_start ? kFirst[s] : kLast[s];
  if (!as_start && s == 3) ++*year;
  return p;
}

// The first day an interval may start / the last day it may end, as EDTF text.
std::string StartText(Piece p, int64_t y) { return Render(SeasonAsMonth(p, &y, true), y).first; }
std::string EndText(Piece p, int64_t y) {
  if (p.islamic_day) p = NextDay(p, &y);
  Ends e = Render(SeasonAsMonth(p, &y, false), y);
  return e.last.empty() ? e.first : e.last;
}

// "XXXX-11", "XXXX-01-12": a month, day or season whose year is nowhere to be found.
std::string UnknownYear(const Atom& atom) {
  const Piece& p = atom.first;
  if (atom.kind != AtomKind::kSingle || (p.year && !p.relative_to_document) || p.hijri_month != 0 ||
      p.step_unit != Unit::kNone || p.part != Part::kWhole || p.month == 0)
    return "";
  std::string s = fmt::format("XXXX-{:02d}", p.month);
  if (p.day != 0) s += fmt::format("-{:02d}", p.day);
  return Qualify(s, p);
}

}  // namespace

RenderedAtom RenderAtom(Atom atom, Context& ctx) {
  RenderedAtom out;
  if (atom.first.step_unit != Unit::kNone && !atom.first.step_from_own_date) {
    std::optional<Piece> stepped = ctx.anchor ? StepFrom(*ctx.anchor, atom.first) : std::nullopt;
    if (!stepped) return out;
    atom.first = *stepped;
  }
  std::optional<int64_t> last_written =
      atom.last.has_year() ? atom.last.year->year : std::optional<int64_t>();
  std::optional<int64_t> y1 = ResolveYear(atom.first, ctx, last_written);
  if (!y1) {
    out.value = UnknownYear(atom);
    return out;
  }
  atom.first = Gregorianize(atom.first, &*y1);
  if (atom.first.step_from_own_date) {
    std::optional<Piece> stepped = StepFrom(WithYear(atom.first, *y1), atom.first);
    if (!stepped) return out;
    atom.first = *stepped;
    y1 = *stepped->year->year;
  }
  ctx.last_year = y1;
  ctx.anchor = WithYear(atom.first, *y1);
  switch (atom.kind) {
    case AtomKind::kSingle:
      out.value = RenderAlone(atom.first, *y1);
      return out;
    case AtomKind::kSince:
      out.value = StartText(atom.first, *y1) + "/..";
      return out;
    case AtomKind::kUntil:
      out.value = "../" + EndText(atom.first, *y1);
      return out;
    case AtomKind::kOneOfDays: {
      std::string set = "[";
      for (int d : atom.days) {
        Piece p = atom.first;
        p.day = d;
        set += (set.size() > 1 ? "," : "") + Render(p, *y1).first;
      }
      out.value = set + "]";
      return out;
    }
    case AtomKind::kOneOfYears:
    case AtomKind::kInterval:
      break;
  }
  std::optional<int64_t> y2 = ResolveYear(atom.last, ctx, y1);
  if (!y2) return out;
  atom.last = Gregorianize(atom.last, &*y2);
  ctx.last_year = y2;
  ctx.anchor = WithYear(atom.last, *y2);
  if (atom.kind == AtomKind::kOneOfYears) {
    out.value = "[" + Render(atom.first, *y1).first + "," + Render(atom.last, *y2).first + "]";
  } else {
    out.value = StartText(atom.first, *y1) + "/" + EndText(atom.last, *y2);
  }
  if (atom.first_end != 0) {
    out.first = RenderAlone(atom.first, *y1);
    out.last = RenderAlone(atom.last, *y2);
  }
  return out;
}

}  // namespace sijill::time::internal
