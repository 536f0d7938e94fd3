#include "time/date_patterns.h"

#include <array>
#include <functional>

namespace sijill::time::internal {

Atom Single(const Piece& p, size_t end) {
  Atom a;
  a.end = end;
  a.first = p;
  return a;
}

std::optional<YearRef> ReadTrailingYear(Cursor& c) {
  Cursor probe = c;
  probe.Punct({","});
  probe.Word({"of", "من"});
  auto y = ReadYear(probe, /*allow_bare_number=*/true);
  if (y) c = probe;
  return y;
}

namespace {

struct Entry {
  std::string_view text;
  int value;
};

using Matcher = std::optional<Atom> (*)(Cursor c, BareYear bare);

bool IsArabicToken(const Token& t) {
  return !t.text.empty() && static_cast<unsigned char>(t.text[0]) >= 0xD8;
}

// A weak month name ("May", آب) counts only with a year, or after a day number.
bool MonthStands(const Token& month_token, bool weak, bool has_day, bool has_year) {
  if (!weak || has_year) return true;
  return has_day && (IsArabicToken(month_token) || month_token.capitalized);
}

// "3 March 2013", "the 3rd of March", "الثالث من آذار 2013", "20 أو 21 تموز 2012".
std::optional<Atom> MatchDayMonth(Cursor c, BareYear) {
  c.Word({"the"});
  const Token* day_token = c.Peek();
  auto day = ReadDay(c);
  if (!day) return std::nullopt;
  std::vector<int> days{*day};
  while (days.size() < 4 && (c.Word({"or", "او"}) || c.Punct({","}))) {  // bounded: linear time
    auto other = ReadDay(c);
    if (!other) return std::nullopt;
    days.push_back(*other);
  }
  bool of = c.Word({"of", "من"});
  const Token* month_token = c.Peek();
  bool weak = false;
  auto month = ReadMonth(c, &weak);
  if (!month) return std::nullopt;
  auto year = ReadTrailingYear(c);
  bool numeric_day = day_token->kind == TokenKind::kNumber;
  if (!numeric_day && !of) return std::nullopt;  // "third March" is not a date form we know
  if (!MonthStands(*month_token, weak, numeric_day, year && year->year)) return std::nullopt;
  Piece p;
  p.year = year;
  p.month = *month;
  p.day = days[0];
  Atom a = Single(p, c.pos());
  if (days.size() > 1) {
    a.kind = AtomKind::kOneOfDays;
    a.days = days;
  }
  return a;
}

// "March 3, 2013", "March 3rd".
std::optional<Atom> MatchMonthDay(Cursor c, BareYear) {
  const Token* month_token = c.Peek();
  bool weak = false;
  auto month = ReadMonth(c, &weak);
  if (!month) return std::nullopt;
  const Token* day_token = c.Peek();
  auto day = ReadDay(c);
  if (!day || day_token->kind != TokenKind::kNumber) return std::nullopt;
  auto year = ReadTrailingYear(c);
  if (!MonthStands(*month_token, weak, true, year && year->year) || (weak && !year))
    return std::nullopt;
  Piece p;
  p.year = year;
  p.month = *month;
  p.day = *day;
  return Single(p, c.pos());
}

// Day-month-year with one separator: 24-4-2011, 20/7/2011, 1.2.2013; or ISO 2011-04-24.
std::optional<Atom> MatchNumeric(Cursor c, BareYear) {
  Cursor iso = c;
  auto a = c.Number(1, 4, 1, 2999);
  if (!a || !c.Adjacent()) return std::nullopt;
  const Token* sep = c.Peek();
  if (sep == nullptr || !c.Punct({"-", "/", "."}) || !c.Adjacent()) return std::nullopt;
  auto b = c.Number(1, 2, 1, 31);
  if (!b || !c.Adjacent() || !c.Punct({sep->text}) || !c.Adjacent()) return std::nullopt;
  Piece p;
  if (iso.Peek()->digits == 4) {
    auto d = c.Number(2, 2, 1, 31);
    if (!d || *b > 12) return std::nullopt;
    p.year = YearRef{*a, 0}, p.month = static_cast<int>(*b), p.day = static_cast<int>(*d);
  } else {
    auto y = c.Number(4, 4, 1000, 2999);
    if (!y || *a > 31 || *b > 12) return std::nullopt;
    p.year = YearRef{*y, 0}, p.month = static_cast<int>(*b), p.day = static_cast<int>(*a);
  }
  if (c.Peek() != nullptr && c.Adjacent() && c.Peek()->kind != TokenKind::kPunct)
    return std::nullopt;
  return Single(p, c.pos());
}

std::optional<Part> ReadPart(Cursor& c) {
  c.Word({"in", "at", "by"});
  c.Word({"the"});
  if (c.Word({"early", "اوائل", "مطلع", "بدايه", "وبدايه", "ومطلع", "ببدايه"}) ||
      c.Phrase("beginning of") || c.Phrase("start of") || c.Phrase("first days of") ||
      c.Phrase("first week of"))
    return Part::kEarly;
  if (c.Word({"mid", "منتصف", "اواسط", "ومنتصف"}) || c.Phrase("middle of")) return Part::kMiddle;
  if (c.Word({"late", "اواخر", "واواخر", "باواخر"})) return Part::kLate;
  if (c.Phrase("end of") || c.Word({"نهايه", "ونهايه", "بنهايه"})) return Part::kEnd;
  if (c.Phrase("first half of") || c.Phrase("النصف الاول من")) return Part::kFirstHalf;
  if (c.Phrase("second half of") || c.Phrase("النصف الثاني من")) return Part::kSecondHalf;
  return std::nullopt;
}

// "late 2014", "the end of September 2014", "بداية أيلول", "أواخر ٢٠١٣".
std::optional<Atom> MatchPart(Cursor c, BareYear) {
  auto part = ReadPart(c);
  if (!part) return std::nullopt;
  c.Punct({"-"});
  Piece p;
  p.part = *part;
  const Token* month_token = c.Peek();
  bool weak = false;
  if (auto month = ReadMonth(c, &weak)) {
    p.month = *month;
    p.year = ReadTrailingYear(c);
    if (!MonthStands(*month_token, weak, false, p.has_year())) return std::nullopt;
  } else if (c.Phrase("that month") || c.Phrase("the same month") || c.Phrase("ذلك الشهر")) {
    p.step_unit = Unit::kMonth;  // the previous mention's month
  } else {
    p.year = ReadYear(c, /*allow_bare_number=*/true);
    if (!p.year) return std::nullopt;
  }
  p.approximate = p.part != Part::kFirstHalf && p.part != Part::kSecondHalf;
  return Single(p, c.pos());
}

// "the fall of 2012", "summer 2013", "in the autumn", "ربيع 2011", "شتاء ذلك العام".
std::optional<Atom> MatchSeason(Cursor c, BareYear) {
  bool the = c.Word({"the"});
  const Token* season_token = c.Peek();
  auto season = ReadSeason(c);
  if (!season) return std::nullopt;
  Piece p;
  p.month = *season;
  p.year = ReadTrailingYear(c);
  if (!p.year && season_token->text == "fall" && !the) return std::nullopt;
  return Single(p, c.pos());
}

// After a month: ", the second week" -> that week's days (8..14), an interval.
void MatchWeekOfMonth(Cursor c, Atom* a) {
  c.Punct({","});
  c.Word({"in", "during"});
  if (!c.Word({"the"})) return;
  Cursor probe = c;
  auto week = ReadDay(probe);
  if (!week || *week > 4 || probe.Peek() == nullptr || probe.Peek()->kind != TokenKind::kWord ||
      !probe.Word({"week"}))
    return;
  a->kind = AtomKind::kInterval;
  a->first.day = (*week - 1) * 7 + 1;
  a->last = a->first;
  a->last.day = *week * 7;
  a->end = probe.pos();
}

// "March 2013", "كانون الثاني/يناير 2014", "December" (year from context).
std::optional<Atom> MatchMonthYear(Cursor c, BareYear) {
  // A weak name counts after a preposition too: "in May", "في آب".
  const Token* before = c.Before();
  bool after_preposition =
      before != nullptr &&
      (before->text == "in" || before->text == "since" || before->text == "until" ||
       before->text == "during" || before->text == "في" || before->text == "منذ");
  const Token* month_token = c.Peek();
  bool weak = false;
  auto month = ReadMonth(c, &weak);
  if (!month) return std::nullopt;
  Piece p;
  p.month = *month;
  p.year = ReadTrailingYear(c);
  if (!MonthStands(*month_token, weak, after_preposition, p.has_year())) return std::nullopt;
  if (c.Word({"الماضي"})) p.relative_to_document = !p.year;
  Atom a = Single(p, c.pos());
  MatchWeekOfMonth(c, &a);
  return a;
}

// "last November", "this past January".
std::optional<Atom> MatchRelativeMonth(Cursor c, BareYear) {
  if (!c.Word({"last"}) && !c.Phrase("this past")) return std::nullopt;
  bool weak = false;
  auto month = ReadMonth(c, &weak);
  if (!month || weak) return std::nullopt;
  Piece p;
  p.month = *month;
  p.relative_to_document = true;
  return Single(p, c.pos());
}

// "7/2008", "07.2013": a month and a year, numeric.
std::optional<Atom> MatchMonthNumber(Cursor c, BareYear) {
  auto month = c.Number(1, 2, 1, 12);
  if (!month || !c.Adjacent()) return std::nullopt;
  const Token* sep = c.Peek();
  if (!c.Punct({"/", "."}) || !c.Adjacent()) return std::nullopt;
  auto year = c.Number(4, 4, 1000, 2999);
  if (!year) return std::nullopt;
  if (c.Peek() != nullptr && c.Adjacent() &&
      (c.Peek()->kind != TokenKind::kPunct || c.Peek()->text == sep->text))
    return std::nullopt;  // "7/2008/3", "7/2008x": something else
  Piece p;
  p.year = YearRef{*year, 0};
  p.month = static_cast<int>(*month);
  return Single(p, c.pos());
}

// "the 1980s", "1990's", "the early 1980s" (the whole decade, approximate: EDTF has no
// finer unit). "the 1800s" is the century, as commonly meant; "the 2000s" the decade.
std::optional<Atom> MatchDecade(Cursor c, BareYear) {
  c.Word({"the"});
  bool part = c.Word({"early", "mid", "late"});
  if (part) c.Punct({"-"});
  auto y = c.Number(4, 4, 1000, 2990);
  if (!y || *y % 10 != 0 || !c.Adjacent()) return std::nullopt;
  if (c.Punct({"'", "\u2019"}) && !c.Adjacent()) return std::nullopt;
  if (!c.Word({"s"})) return std::nullopt;
  Piece p;
  p.year = YearRef{*y, 0};
  p.span = *y % 100 == 0 && *y < 2000 ? YearSpan::kCentury : YearSpan::kDecade;
  p.approximate = part;
  return Single(p, c.pos());
}

// "the 19th century", "19c", "15c.", "17th-19th centuries", "the 2nd century BC",
// "القرن التاسع عشر": EDTF's 18XX for the 19th (python-edtf's convention: the Nth century
// is the years (N-1)00..(N-1)99). Early/mid/late keep the whole century, approximate.
std::optional<Atom> MatchCentury(Cursor c, BareYear) {
  c.Word({"the"});
  bool part = c.Word({"early", "mid", "late", "اوائل", "منتصف", "اواخر"});
  if (part) c.Punct({"-"});
  bool arabic = c.Word({"القرن", "قرن"});
  auto n1 = ReadDay(c);
  if (!n1 || *n1 > 30) return std::nullopt;
  int n2 = 0;  // the end of a span of centuries, or 0
  if (!arabic) {
    if (c.Adjacent() && c.Word({"c"})) {
      if (c.Adjacent()) c.Punct({"."});
    } else {
      Cursor probe = c;
      if (probe.Punct({"-", "\u2013"}) || probe.Word({"to", "and"})) {
        probe.Word({"the"});
        if (auto end = ReadDay(probe); end && *end != *n1 && *end <= 30) {
          n2 = *end;
          c = probe;
        }
      }
      if (!c.Word({"century", "centuries"})) return std::nullopt;
    }
  }
  int sign = ReadEra(c) < 0 ? -1 : 1;
  auto piece = [&](int n) {
    Piece p;
    p.year = YearRef{sign * (n - 1) * 100, 0};
    p.span = YearSpan::kCentury;
    p.approximate = part;
    return p;
  };
  Atom a = Single(piece(*n1), c.pos());
  if (n2 != 0) {
    a.kind = AtomKind::kInterval;
    a.last = piece(n2);
    if (*a.last.year->year < *a.first.year->year) std::swap(a.first, a.last);  // "5th-3rd ... BC"
  }
  return a;
}

// "2013" (where a bare year is allowed), "عام ٢٠١١", "the following year".
std::optional<Atom> MatchYear(Cursor c, BareYear bare) {
  Piece p;
  p.year = ReadYear(c, bare == BareYear::kYes);
  if (!p.year) return std::nullopt;
  return Single(p, c.pos());
}

}  // namespace

std::optional<Atom> MatchSingle(const std::vector<Token>& tokens, size_t pos, BareYear bare) {
  constexpr std::array<Matcher, 14> kMatchers = {
      MatchDayMonth,  MatchNumeric,     MatchMonthDay,      MatchPart,    MatchSeason,
      MatchMonthYear, MatchMonthNumber, MatchDecade,        MatchCentury, MatchRelativeMonth,
      MatchIslamic,   MatchStep,        MatchStepAfterDate, MatchYear};
  std::optional<Atom> best;
  for (Matcher m : kMatchers) {
    std::optional<Atom> a = m(Cursor(tokens, pos), bare);
    if (a && (!best || a->end > best->end)) best = std::move(a);
  }
  if (best) best->begin = pos;
  return best;
}

}  // namespace sijill::time::internal
