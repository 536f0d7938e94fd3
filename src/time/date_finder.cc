#include "time/date_finder.h"

#include <fmt/format.h>

#include "time/date_islamic.h"
#include "time/date_patterns.h"

namespace sijill::time {
namespace {

using internal::Atom;
using internal::AtomKind;
using internal::BareYear;
using internal::Cursor;
using internal::Part;
using internal::Piece;
using internal::Token;

// ---- Step 1: what surrounds a date (hedges, approximation, prepositions, ranges).

enum class Lead : uint8_t { kNone, kPlain, kSince, kRange };

Lead ReadLead(Cursor& c) {
  if (c.Word({"since", "منذ"})) return Lead::kSince;
  if (c.Word({"from", "between", "بين", "من"})) return Lead::kRange;
  if (c.Word({"in", "during", "throughout", "by", "before", "after", "until", "till", "في", "وفي",
              "خلال", "طوال", "قبل", "حتى", "لغايه"}))
    return Lead::kPlain;
  return Lead::kNone;
}

bool ReadConnector(Cursor& c) {
  return c.Word({"until", "till", "to", "through", "and", "حتى", "الى", "لغايه", "و", "وحتى",
                 "والى"}) ||
         c.Punct({"-", "\u2013", "\u2014"});
}

struct Qualifiers {
  bool approximate = false, uncertain = false;
};

// Hedges and approximations before a date ("maybe around 2016").
Qualifiers ReadPrefix(Cursor& c) {
  Qualifiers q;
  for (int i = 0; i < 2; ++i) {
    if (internal::ReadHedge(c)) q.uncertain = true;
    if (internal::ReadApprox(c)) q.approximate = true;
  }
  return q;
}

// Hedges and approximations after a date ("2010, I think", "تقريباً"). A hedge that
// is followed by another date belongs to that one ("2012, maybe the first days of").
Qualifiers ReadSuffix(const std::vector<Token>& tokens, Cursor& c) {
  Qualifiers q;
  if (internal::ReadApprox(c)) q.approximate = true;
  Cursor probe = c;
  probe.Punct({",", "\u060C"});
  if (internal::ReadHedge(probe) && !internal::MatchSingle(tokens, probe.pos(), BareYear::kNo)) {
    q.uncertain = true;
    c = probe;
  }
  return q;
}

void Apply(const Qualifiers& q, Piece* p) {
  p->approximate |= q.approximate;
  p->uncertain |= q.uncertain;
}

// "late April 2013, or maybe early May", "January or February": the alternatives
// span an interval (the dev-set convention), uncertain when hedged.
void MatchAlternative(const std::vector<Token>& tokens, Atom* atom, Cursor* c) {
  Cursor probe = *c;
  probe.Punct({",", "\u060C"});
  if (!probe.Word({"or", "او"})) return;
  Qualifiers mid = ReadPrefix(probe);
  probe.Word({"in", "في"});
  std::optional<Atom> second = internal::MatchSingle(tokens, probe.pos(), BareYear::kYes);
  if (!second || second->kind != AtomKind::kSingle) return;
  atom->kind = AtomKind::kInterval;
  atom->last = second->first;
  Apply(mid, &atom->first);
  Apply(mid, &atom->last);
  *c = Cursor(tokens, second->end);
}

// The expression starting at token `pos`, with what surrounds it, or nullopt.
std::optional<Atom> MatchAt(const std::vector<Token>& tokens, size_t pos) {
  Cursor c(tokens, pos);
  Qualifiers before = ReadPrefix(c);
  Lead lead = ReadLead(c);
  bool contextual = lead != Lead::kNone || before.approximate;
  std::optional<Atom> atom =
      internal::MatchSingle(tokens, c.pos(), contextual ? BareYear::kYes : BareYear::kNo);
  if (!atom) return std::nullopt;
  c = Cursor(tokens, atom->end);
  if (lead == Lead::kSince) atom->kind = AtomKind::kSince;
  if (lead == Lead::kRange && atom->kind == AtomKind::kSingle) {
    Cursor probe = c;
    if (ReadConnector(probe)) {
      Qualifiers mid = ReadPrefix(probe);
      if (auto second = internal::MatchSingle(tokens, probe.pos(), BareYear::kYes);
          second && second->kind == AtomKind::kSingle) {
        atom->kind = AtomKind::kInterval;
        atom->last = second->first;
        Apply(mid, &atom->last);
        c = Cursor(tokens, second->end);
      }
    }
  }
  if (lead != Lead::kRange && atom->kind == AtomKind::kSingle) MatchAlternative(tokens, &*atom, &c);
  Qualifiers after = ReadSuffix(tokens, c);
  for (Piece* p : {&atom->first, &atom->last}) {
    Apply(before, p);
    Apply(after, p);
  }
  atom->begin = pos;
  atom->end = c.pos();
  return atom;
}

// ---- Step 2: years that are not written.

struct Context {
  std::optional<int64_t> last_year;  // the most recent year named or resolved
  std::optional<EdtfDate> document;
  std::optional<Piece> anchor;  // the previous mention's last date, its year resolved
};

Piece WithYear(Piece p, int64_t year) {
  p.year = internal::YearRef{year, 0};
  return p;
}

// The date `p.step` units after `anchor` (a resolved piece), or nullopt when the
// anchor is too coarse for the unit (a step of months from a bare year).
std::optional<Piece> StepFrom(const Piece& anchor, const Piece& p) {
  Piece r = anchor;
  r.part = p.part;
  r.approximate = p.approximate;
  r.uncertain = p.uncertain;
  int64_t y = *anchor.year->year;
  bool calendar_month = r.month >= 1 && r.month <= 12;
  switch (p.step_unit) {
    case internal::Unit::kYear:
      return WithYear(r, y + p.step);
    case internal::Unit::kMonth: {
      if (!calendar_month) return std::nullopt;
      int64_t total = y * 12 + (r.month - 1) + p.step;
      r.month = static_cast<int>(total % 12) + 1;
      r.day = 0;
      r.approximate = r.approximate || anchor.day == 0;
      return WithYear(r, total / 12);
    }
    case internal::Unit::kDay:
    case internal::Unit::kWeek: {
      if (!calendar_month) return std::nullopt;
      int days = p.step * (p.step_unit == internal::Unit::kWeek ? 7 : 1);
      CivilDate c = CivilFromDay(DayFromCivil(y, r.month, r.day == 0 ? 1 : r.day) + days);
      r.month = c.month;
      if (r.day != 0) r.day = c.day;
      return WithYear(r, c.year);
    }
    case internal::Unit::kNone:
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
  if (ctx.document) return ctx.document->year;
  return std::nullopt;
}

// An Islamic-calendar piece as a Gregorian one, approximate; `*year` (the resolved
// year: Hijri below 1600, else Gregorian) becomes the Gregorian year. Ramadan as a
// whole becomes the Gregorian month of its 15th day.
Piece Gregorianize(Piece p, int64_t* year) {
  if (p.hijri_month == 0) return p;
  int day = p.hijri_day == 0 ? 15 : p.hijri_day;
  Day d = *year < 1600 ? internal::IslamicToDay(*year, p.hijri_month, day)
                       : internal::IslamicInGregorianYear(*year, p.hijri_month, day);
  CivilDate c = CivilFromDay(d);
  *year = c.year;
  p.month = c.month;
  p.day = p.hijri_day == 0 ? 0 : c.day;
  p.hijri_month = p.hijri_day = 0;
  p.approximate = true;
  return p;
}

// ---- Step 3: EDTF text for a resolved piece.

struct Ends {
  std::string first, last;  // last empty: a single date
};

std::string Qualify(std::string date, const Piece& p) {
  if (p.approximate && p.uncertain) return date + "%";
  if (p.approximate) return date + "~";
  if (p.uncertain) return date + "?";
  return date;
}

Ends MonthEnds(const Piece& p, int64_t y) {
  auto day = [&](int d) { return Qualify(fmt::format("{:04d}-{:02d}-{:02d}", y, p.month, d), p); };
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
  return {Qualify(fmt::format("{:04d}-{:02d}", y, p.month), p), ""};
}

Ends YearEnds(const Piece& p, int64_t y) {
  auto month = [&](int m) { return Qualify(fmt::format("{:04d}-{:02d}", y, m), p); };
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
  return {Qualify(fmt::format("{:04d}", y), p), ""};
}

Ends Render(const Piece& p, int64_t y) {
  if (p.decade) return {Qualify(fmt::format("{:03d}X", y / 10), p), ""};
  if (p.day != 0) return {Qualify(fmt::format("{:04d}-{:02d}-{:02d}", y, p.month, p.day), p), ""};
  if (p.month >= 21) return {Qualify(fmt::format("{:04d}-{:02d}", y, p.month), p), ""};
  if (p.month != 0) return MonthEnds(p, y);
  return YearEnds(p, y);
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

// The EDTF text of `atom`, or "" when a year could not be resolved.
std::string EdtfText(Atom atom, Context& ctx) {
  if (atom.first.step_unit != internal::Unit::kNone && !atom.first.step_from_own_date) {
    std::optional<Piece> stepped = ctx.anchor ? StepFrom(*ctx.anchor, atom.first) : std::nullopt;
    if (!stepped) return "";
    atom.first = *stepped;
  }
  std::optional<int64_t> last_written =
      atom.last.has_year() ? atom.last.year->year : std::optional<int64_t>();
  std::optional<int64_t> y1 = ResolveYear(atom.first, ctx, last_written);
  if (!y1) return "";
  atom.first = Gregorianize(atom.first, &*y1);
  if (atom.first.step_from_own_date) {
    std::optional<Piece> stepped = StepFrom(WithYear(atom.first, *y1), atom.first);
    if (!stepped) return "";
    atom.first = *stepped;
    y1 = *stepped->year->year;
  }
  ctx.last_year = y1;
  ctx.anchor = WithYear(atom.first, *y1);
  switch (atom.kind) {
    case AtomKind::kSingle: {
      Ends e = Render(atom.first, *y1);
      return e.last.empty() ? e.first : e.first + "/" + e.last;
    }
    case AtomKind::kSince:
      return Render(atom.first, *y1).first + "/..";
    case AtomKind::kOneOfDays: {
      std::string out = "[";
      for (int d : atom.days) {
        Piece p = atom.first;
        p.day = d;
        out += (out.size() > 1 ? "," : "") + Render(p, *y1).first;
      }
      return out + "]";
    }
    case AtomKind::kInterval:
      break;
  }
  std::optional<int64_t> y2 = ResolveYear(atom.last, ctx, y1);
  if (!y2) return "";
  atom.last = Gregorianize(atom.last, &*y2);
  ctx.last_year = y2;
  ctx.anchor = WithYear(atom.last, *y2);
  int64_t start_year = *y1, end_year = *y2;
  Ends a = Render(SeasonAsMonth(atom.first, &start_year, true), start_year);
  Ends b = Render(SeasonAsMonth(atom.last, &end_year, false), end_year);
  return a.first + "/" + (b.last.empty() ? b.first : b.last);
}

}  // namespace

FindOptions FindOptions::ForDay(Day day) {
  CivilDate c = CivilFromDay(day);
  FindOptions o;
  EdtfDate d;
  d.year = c.year;
  d.month = static_cast<uint8_t>(c.month);
  d.day = static_cast<uint8_t>(c.day);
  d.precision = Precision::kDay;
  o.document_date = d;
  return o;
}

std::vector<DateMention> FindDates(std::string_view utf8_text, const FindOptions& options) {
  std::vector<Token> tokens = internal::Tokenize(utf8_text);
  Context ctx{std::nullopt, options.document_date, std::nullopt};
  std::vector<DateMention> out;
  for (size_t i = 0; i < tokens.size();) {
    std::optional<Atom> atom = MatchAt(tokens, i);
    if (!atom) {
      ++i;
      continue;
    }
    const Token& first = tokens[atom->begin];
    const Token& last = tokens[atom->end - 1];
    DateMention m;
    m.cp_begin = first.cp_begin;
    m.cp_end = last.cp_end;
    m.text.assign(utf8_text.substr(first.byte_begin, last.byte_end - first.byte_begin));
    std::string edtf = EdtfText(*atom, ctx);
    if (!edtf.empty()) {
      if (auto v = ParseEdtf(edtf)) m.value = std::move(*v);
    }
    out.push_back(std::move(m));
    i = atom->end;
  }
  return out;
}

}  // namespace sijill::time
