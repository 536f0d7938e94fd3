#include "time/date_patterns.h"

#include <array>
#include <functional>

namespace sijill::time::internal {
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

Atom Single(const Piece& p, size_t end) {
  Atom a;
  a.end = end;
  a.first = p;
  return a;
}

// An optional year after a month or season: ", 2013", "2013", "of 2013".
std::optional<YearRef> ReadTrailingYear(Cursor& c) {
  Cursor probe = c;
  probe.Punct({","});
  probe.Word({"of", "من"});
  auto y = ReadYear(probe, /*allow_bare_number=*/true);
  if (y) c = probe;
  return y;
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

// "the 1980s", "1990's".
std::optional<Atom> MatchDecade(Cursor c, BareYear) {
  c.Word({"the"});
  auto y = c.Number(4, 4, 1000, 2990);
  if (!y || *y % 10 != 0 || !c.Adjacent()) return std::nullopt;
  if (c.Punct({"'", "\u2019"}) && !c.Adjacent()) return std::nullopt;
  if (!c.Word({"s"})) return std::nullopt;
  Piece p;
  p.year = YearRef{*y, 0};
  p.decade = true;
  return Single(p, c.pos());
}

// "2013" (where a bare year is allowed), "عام ٢٠١١", "the following year".
std::optional<Atom> MatchYear(Cursor c, BareYear bare) {
  Piece p;
  p.year = ReadYear(c, bare == BareYear::kYes);
  if (!p.year) return std::nullopt;
  return Single(p, c.pos());
}

struct UnitWord {
  std::string_view text;
  Unit unit;
  int count;  // 0: the count is written before it
};

constexpr std::array kUnitWords = {
    UnitWord{"day", Unit::kDay, 0},       UnitWord{"days", Unit::kDay, 0},
    UnitWord{"week", Unit::kWeek, 0},     UnitWord{"weeks", Unit::kWeek, 0},
    UnitWord{"month", Unit::kMonth, 0},   UnitWord{"months", Unit::kMonth, 0},
    UnitWord{"year", Unit::kYear, 0},     UnitWord{"years", Unit::kYear, 0},
    UnitWord{"يوم", Unit::kDay, 1},       UnitWord{"يومين", Unit::kDay, 2},
    UnitWord{"ايام", Unit::kDay, 0},      UnitWord{"اسبوع", Unit::kWeek, 1},
    UnitWord{"اسبوعين", Unit::kWeek, 2},  UnitWord{"اسابيع", Unit::kWeek, 0},
    UnitWord{"شهر", Unit::kMonth, 1},     UnitWord{"شهرين", Unit::kMonth, 2},
    UnitWord{"اشهر", Unit::kMonth, 0},    UnitWord{"شهور", Unit::kMonth, 0},
    UnitWord{"سنه", Unit::kYear, 1},      UnitWord{"عام", Unit::kYear, 1},
    UnitWord{"سنتين", Unit::kYear, 2},    UnitWord{"عامين", Unit::kYear, 2},
    UnitWord{"سنوات", Unit::kYear, 0},    UnitWord{"بيوم", Unit::kDay, 1},
    UnitWord{"بيومين", Unit::kDay, 2},    UnitWord{"باسبوع", Unit::kWeek, 1},
    UnitWord{"باسبوعين", Unit::kWeek, 2}, UnitWord{"بشهر", Unit::kMonth, 1},
    UnitWord{"بشهرين", Unit::kMonth, 2},  UnitWord{"بسنه", Unit::kYear, 1},
    UnitWord{"بعام", Unit::kYear, 1}};

constexpr std::array kCountWords = {
    Entry{"a", 1},    Entry{"one", 1}, Entry{"two", 2},  Entry{"three", 3}, Entry{"four", 4},
    Entry{"five", 5}, Entry{"six", 6}, Entry{"ten", 10}, Entry{"ثلاثه", 3}, Entry{"اربعه", 4},
    Entry{"خمسه", 5}, Entry{"سته", 6}, Entry{"ثلاث", 3}, Entry{"اربع", 4},  Entry{"خمس", 5}};

// "two days", "a month", "يومين", "ثلاثة أشهر": a count and a unit.
std::optional<std::pair<int, Unit>> ReadStep(Cursor& c) {
  Cursor probe = c;
  int count = 0;
  if (auto n = probe.Number(1, 2, 1, 99)) {
    count = static_cast<int>(*n);
  } else if (const Token* t = probe.Peek(); t != nullptr) {
    for (const Entry& e : kCountWords) {
      if (t->text == e.text && probe.Word({e.text})) count = e.value;
    }
  }
  const Token* t = probe.Peek();
  if (t == nullptr) return std::nullopt;
  for (const UnitWord& u : kUnitWords) {
    if (t->text != u.text || (count == 0) == (u.count == 0)) continue;
    probe.Word({u.text});
    c = probe;
    return std::make_pair(count != 0 ? count : u.count, u.unit);
  }
  return std::nullopt;
}

// "two days later", "a month after that", "بعد يومين", "بعد ثلاثة أشهر", "the same day",
// "في اليوم نفسه": a step from the previous mention.
std::optional<Atom> MatchStep(Cursor c, BareYear) {
  Piece p;
  if (c.Phrase("the same day") || c.Phrase("that same day") || c.Phrase("اليوم نفسه") ||
      c.Phrase("نفس اليوم") || c.Phrase("في اليوم نفسه")) {
    p.step_unit = Unit::kDay;
    return Single(p, c.pos());
  }
  bool arabic = c.Word({"بعد", "وبعد"});
  auto step = ReadStep(c);
  if (!step || (!arabic && !c.Word({"later"}) && !c.Phrase("after that"))) return std::nullopt;
  p.step = step->first;
  p.step_unit = step->second;
  return Single(p, c.pos());
}

// "بعد عيد الأضحى بشهرين": a step from a date named inside the phrase. No nesting.
std::optional<Atom> MatchStepAfterDate(Cursor c, BareYear) {
  if (!c.Word({"بعد", "وبعد"})) return std::nullopt;
  const Token* next = c.Peek();
  if (next == nullptr || next->text == "بعد" || next->text == "وبعد") return std::nullopt;
  std::optional<Atom> inner = MatchSingle(c.tokens(), c.pos(), BareYear::kYes);
  if (!inner || inner->kind != AtomKind::kSingle || inner->first.step_unit != Unit::kNone)
    return std::nullopt;
  Cursor after(c.tokens(), inner->end);
  auto step = ReadStep(after);
  if (!step) return std::nullopt;
  Atom a = *inner;
  a.first.step = step->first;
  a.first.step_unit = step->second;
  a.first.step_from_own_date = true;
  a.end = after.pos();
  return a;
}

// "Eid al-Adha", "the small Eid", "عيد الفطر", "Ramadan", "the third day of Ramadan in 2013".
std::optional<Atom> MatchIslamic(Cursor c, BareYear) {
  c.Word({"the"});
  Piece p;
  Cursor probe = c;
  auto day = ReadDay(probe);
  if (day && probe.Word({"day"}) && probe.Word({"of"}))
    c = probe;
  else
    day.reset();
  if (c.Word({"ramadan", "رمضان", "برمضان"})) {
    p.hijri_month = 9, p.hijri_day = day.value_or(0);
  } else if (day) {
    return std::nullopt;
  } else if (c.Word({"eid", "عيد"})) {
    c.Word({"al"});
    c.Punct({"-"});
    if (c.Word({"adha", "الاضحي"}))
      p.hijri_month = 12, p.hijri_day = 10;
    else if (c.Word({"fitr", "الفطر"}))
      p.hijri_month = 10, p.hijri_day = 1;
    else
      return std::nullopt;
  } else if (c.Phrase("small eid")) {
    p.hijri_month = 10, p.hijri_day = 1;
  } else if (c.Phrase("big eid")) {
    p.hijri_month = 12, p.hijri_day = 10;
  } else {
    return std::nullopt;
  }
  p.approximate = true;
  c.Word({"holiday", "holidays"});
  p.year = ReadTrailingYear(c);
  Cursor in = c;
  if (!p.year && in.Word({"in"})) {
    if (auto y = ReadYear(in, /*allow_bare_number=*/true)) p.year = y, c = in;
  }
  return Single(p, c.pos());
}

}  // namespace

std::optional<Atom> MatchSingle(const std::vector<Token>& tokens, size_t pos, BareYear bare) {
  constexpr std::array<Matcher, 12> kMatchers = {MatchDayMonth, MatchNumeric,       MatchMonthDay,
                                                 MatchPart,     MatchSeason,        MatchMonthYear,
                                                 MatchDecade,   MatchRelativeMonth, MatchIslamic,
                                                 MatchStep,     MatchStepAfterDate, MatchYear};
  std::optional<Atom> best;
  for (Matcher m : kMatchers) {
    std::optional<Atom> a = m(Cursor(tokens, pos), bare);
    if (a && (!best || a->end > best->end)) best = std::move(a);
  }
  if (best) best->begin = pos;
  return best;
}

}  // namespace sijill::time::internal
