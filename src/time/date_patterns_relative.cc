// The matchers for dates counted from something else: steps from the previous mention
// ("two days later", "بعد ثلاثة أشهر") and Islamic dates ("Eid al-Fitr of 2014").
#include <array>

#include "time/date_patterns.h"

namespace sijill::time::internal {
namespace {

struct Entry {
  std::string_view text;
  int value;
};

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
      if (SameWord(t->text, e.text) && probe.Word({e.text})) count = e.value;
    }
  }
  const Token* t = probe.Peek();
  if (t == nullptr) return std::nullopt;
  for (const UnitWord& u : kUnitWords) {
    if (!SameWord(t->text, u.text) || (count == 0) == (u.count == 0)) continue;
    probe.Word({u.text});
    c = probe;
    return std::make_pair(count != 0 ? count : u.count, u.unit);
  }
  return std::nullopt;
}

}  // namespace

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
  c.Word({"holiday", "holidays"});
  p.year = ReadTrailingYear(c);
  Cursor in = c;
  if (!p.year && in.Word({"in"})) {
    if (auto y = ReadYear(in, /*allow_bare_number=*/true)) p.year = y, c = in;
  }
  return Single(p, c.pos());
}

}  // namespace sijill::time::internal
