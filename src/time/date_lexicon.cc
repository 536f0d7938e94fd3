#include "time/date_lexicon.h"

#include <algorithm>
#include <array>
#include <bitset>
#include <string>
#include <unordered_set>

namespace sijill::time::internal {

const Token* Cursor::Peek(size_t ahead) const {
  size_t i = pos_ + ahead;
  return i < tokens_->size() ? &(*tokens_)[i] : nullptr;
}

bool Cursor::Word(std::initializer_list<std::string_view> words) {
  const Token* t = Peek();
  if (t == nullptr || t->kind != TokenKind::kWord) return false;
  std::string_view text = t->text;
  for (std::string_view w : words) {
    if (SameWord(text, w)) {
      ++pos_;
      return true;
    }
  }
  return false;
}

bool Cursor::Phrase(std::string_view phrase) {
  // Word by word, without copying: most calls fail on the first word.
  size_t pos = pos_;
  while (!phrase.empty()) {
    if (pos >= tokens_->size()) return false;
    const Token& t = (*tokens_)[pos];
    std::string_view w = t.text;
    if (t.kind != TokenKind::kWord || phrase[0] != w[0] || !phrase.starts_with(w) ||
        (phrase.size() > w.size() && phrase[w.size()] != ' '))
      return false;
    phrase.remove_prefix(std::min(phrase.size(), w.size() + 1));
    ++pos;
  }
  pos_ = pos;
  return true;
}

bool Cursor::Punct(std::initializer_list<std::string_view> marks) {
  const Token* t = Peek();
  if (t == nullptr || t->kind != TokenKind::kPunct) return false;
  for (std::string_view m : marks) {
    if (t->text == m) {
      ++pos_;
      return true;
    }
  }
  return false;
}

std::optional<int64_t> Cursor::Number(int min_digits, int max_digits, int64_t lo, int64_t hi) {
  const Token* t = Peek();
  if (t == nullptr || t->kind != TokenKind::kNumber) return std::nullopt;
  if (t->digits < min_digits || t->digits > max_digits || t->number < lo || t->number > hi)
    return std::nullopt;
  ++pos_;
  return t->number;
}

bool Cursor::Adjacent() const {
  const Token* t = Peek();
  return t != nullptr && pos_ > 0 && (*tokens_)[pos_ - 1].cp_end == t->cp_begin;
}

namespace {

struct Entry {
  std::string_view text;
  int value;
};

constexpr std::array kEnglishMonths = {
    Entry{"january", 1},   Entry{"february", 2}, Entry{"march", 3},     Entry{"april", 4},
    Entry{"may", 5},       Entry{"june", 6},     Entry{"july", 7},      Entry{"august", 8},
    Entry{"september", 9}, Entry{"october", 10}, Entry{"november", 11}, Entry{"december", 12},
    Entry{"jan", 1},       Entry{"feb", 2},      Entry{"mar", 3},       Entry{"apr", 4},
    Entry{"jun", 6},       Entry{"jul", 7},      Entry{"aug", 8},       Entry{"sep", 9},
    Entry{"sept", 9},      Entry{"oct", 10},     Entry{"nov", 11},      Entry{"dec", 12}};

// Normalized Arabic single-word month names (Levantine and MSA).
constexpr std::array kArabicMonths = {
    Entry{"شباط", 2},    Entry{"اذار", 3},   Entry{"نيسان", 4},  Entry{"ايار", 5},
    Entry{"حزيران", 6},  Entry{"تموز", 7},   Entry{"اب", 8},     Entry{"ايلول", 9},
    Entry{"يناير", 1},   Entry{"فبراير", 2}, Entry{"مارس", 3},   Entry{"ابريل", 4},
    Entry{"مايو", 5},    Entry{"يونيو", 6},  Entry{"يونيه", 6},  Entry{"يوليو", 7},
    Entry{"يوليه", 7},   Entry{"اغسطس", 8},  Entry{"سبتمبر", 9}, Entry{"اكتوبر", 10},
    Entry{"نوفمبر", 11}, Entry{"ديسمبر", 12}};

std::optional<int> Lookup(std::string_view text, const auto& table) {
  for (const Entry& e : table) {
    if (SameWord(e.text, text)) return e.value;
  }
  return std::nullopt;
}

bool IsArabic(std::string_view text) {
  return !text.empty() && static_cast<unsigned char>(text[0]) >= 0xD8;
}

// The Arabic text without one leading clitic و ب ل ف, if it leaves a word.
std::string_view StripClitic(std::string_view text) {
  for (std::string_view clitic : {"و", "ب", "ل", "ف"}) {
    if (text.size() > clitic.size() + 4 && text.substr(0, clitic.size()) == clitic)
      return text.substr(clitic.size());
  }
  return text;
}

// كانون/تشرين + الاول/الثاني.
std::optional<int> ReadLevantinePair(Cursor& c, std::string_view first) {
  std::string_view base = first;
  if (base != "كانون" && base != "تشرين") base = StripClitic(first);
  if (base != "كانون" && base != "تشرين") return std::nullopt;
  const Token* next = c.Peek(1);
  if (next == nullptr) return std::nullopt;
  int which = next->text == "الاول" ? 1 : next->text == "الثاني" ? 2 : 0;
  if (which == 0) return std::nullopt;
  c.Word({first});
  c.Word({next->text});
  if (base == "كانون") return which == 1 ? 12 : 1;
  return which == 1 ? 10 : 11;
}

std::optional<int> ReadMonthName(Cursor& c, bool* weak) {
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != TokenKind::kWord) return std::nullopt;
  if (IsArabic(t->text)) {
    if (auto m = ReadLevantinePair(c, t->text)) return m;
    auto m = Lookup(t->text, kArabicMonths);
    if (!m) m = Lookup(StripClitic(t->text), kArabicMonths);
    if (!m) return std::nullopt;
    *weak = *m == 8 && t->text == "اب";
    c.Word({t->text});
    return m;
  }
  auto m = Lookup(t->text, kEnglishMonths);
  if (!m) return std::nullopt;
  bool abbreviated = t->text != kEnglishMonths[static_cast<size_t>(*m - 1)].text;
  *weak = !t->capitalized || *m == 5 || abbreviated;
  c.Word({t->text});
  if (abbreviated && c.Adjacent()) c.Punct({"."});
  return m;
}

}  // namespace

std::optional<int> ReadMonth(Cursor& c, bool* weak) {
  *weak = false;
  auto m = ReadMonthName(c, weak);
  if (!m) return std::nullopt;
  // A paired second name for the same month: "/يناير" or "(يناير)".
  Cursor probe = c;
  bool open = probe.Punct({"("});
  if (open || probe.Punct({"/", "-"})) {
    bool second_weak = false;
    if (ReadMonthName(probe, &second_weak) == m && (!open || probe.Punct({")"}))) {
      c = probe;
      *weak = false;
    }
  }
  return m;
}

namespace {

constexpr std::array kSeasons = {Entry{"spring", 21}, Entry{"summer", 22}, Entry{"fall", 23},
                                 Entry{"autumn", 23}, Entry{"winter", 24}, Entry{"ربيع", 21},
                                 Entry{"صيف", 22},    Entry{"خريف", 23},   Entry{"شتاء", 24}};

}  // namespace

std::optional<int> ReadSeason(Cursor& c) {
  const Token* t = c.Peek();
  if (t == nullptr || t->kind != TokenKind::kWord) return std::nullopt;
  std::string_view text = t->text;
  auto s = Lookup(text, kSeasons);
  if (!s && IsArabic(text)) {
    text = StripClitic(text);
    if (text.substr(0, 4) == "ال") text = text.substr(4);  // الربيع
    s = Lookup(text, kSeasons);
  }
  if (s) c.Word({t->text});
  return s;
}

namespace {

constexpr std::array kEnglishOrdinals = {Entry{"first", 1},   Entry{"second", 2}, Entry{"third", 3},
                                         Entry{"fourth", 4},  Entry{"fifth", 5},  Entry{"sixth", 6},
                                         Entry{"seventh", 7}, Entry{"eighth", 8}, Entry{"ninth", 9},
                                         Entry{"tenth", 10}};
constexpr std::array kArabicOrdinals = {
    Entry{"الاول", 1},    Entry{"الحادي", 1}, Entry{"الثاني", 2},  Entry{"الثالث", 3},
    Entry{"الرابع", 4},   Entry{"الخامس", 5}, Entry{"السادس", 6},  Entry{"السابع", 7},
    Entry{"الثامن", 8},   Entry{"التاسع", 9}, Entry{"العاشر", 10}, Entry{"العشرين", 20},
    Entry{"الثلاثين", 30}};

std::optional<int> ReadArabicOrdinal(Cursor& c) {
  const Token* t = c.Peek();
  auto unit = Lookup(t->text, kArabicOrdinals);
  if (!unit) return std::nullopt;
  c.Word({t->text});
  if (*unit >= 10) return unit;
  if (c.Word({"عشر"})) return *unit + 10;
  if (c.Word({"والعشرين"})) return *unit + 20;
  if (c.Word({"والثلاثين"}))
    return *unit + 30 <= 31 ? std::optional<int>(*unit + 30) : std::nullopt;
  return unit;
}

}  // namespace

std::optional<int> ReadDay(Cursor& c) {
  const Token* t = c.Peek();
  if (t == nullptr) return std::nullopt;
  Cursor probe = c;
  if (auto n = probe.Number(1, 2, 1, 31)) {
    if (probe.Adjacent()) probe.Word({"st", "nd", "rd", "th"});
    c = probe;
    return static_cast<int>(*n);
  }
  if (t->kind != TokenKind::kWord) return std::nullopt;
  if (auto d = Lookup(t->text, kEnglishOrdinals)) {
    c.Word({t->text});
    return d;
  }
  return ReadArabicOrdinal(c);
}

int ReadEra(Cursor& c) {
  Cursor probe = c;
  int sign = 0;
  if (probe.Word({"ad", "ce"})) {
    sign = 1;
  } else if (probe.Word({"bc", "bce"}) || probe.Phrase("قبل الميلاد")) {
    sign = -1;
  } else if (probe.Word({"b", "a"})) {  // "B.C.", "A.D."
    bool before = probe.Before()->text == "b";
    if (!probe.Adjacent() || !probe.Punct({"."}) || !probe.Adjacent() ||
        !probe.Word({before ? "c" : "d"}))
      return 0;
    if (probe.Adjacent()) probe.Punct({"."});
    sign = before ? -1 : 1;
  }
  if (sign != 0) c = probe;
  return sign;
}

std::optional<YearRef> ReadYear(Cursor& c, bool allow_bare_number) {
  Cursor probe = c;
  bool prefixed =
      probe.Word({"عام", "سنه", "العام", "عامي", "سنتي", "year"}) || probe.Phrase("the year");
  Cursor era = probe;
  if (auto n = era.Number(1, 4, 1, 9999)) {
    if (int sign = ReadEra(era); sign != 0) {
      c = era;
      return YearRef{sign > 0 ? *n : 1 - *n, 0};  // astronomical numbering: 1 BCE is year 0
    }
  }
  if (auto y = probe.Number(4, 4, 1000, 2999)) {
    if (!prefixed && !allow_bare_number) return std::nullopt;
    c = probe;
    return YearRef{*y, 0};
  }
  constexpr std::array kRefs = {
      Entry{"that year", 0},     Entry{"the same year", 0},      Entry{"the following year", 1},
      Entry{"the next year", 1}, Entry{"the previous year", -1}, Entry{"the year before", -1},
      Entry{"ذلك العام", 0},     Entry{"تلك السنه", 0},          Entry{"العام نفسه", 0},
      Entry{"نفس العام", 0},     Entry{"العام التالي", 1},       Entry{"السنه التاليه", 1},
      Entry{"العام السابق", -1}};
  for (const Entry& e : kRefs) {
    if (c.Phrase(e.text)) return YearRef{std::nullopt, e.value};
  }
  return std::nullopt;
}

bool ReadHedge(Cursor& c) {
  if (c.Word({"uncertain"})) {  // a catalogue's "uncertain: 1862"
    c.Punct({":"});
    return true;
  }
  return c.Word({"maybe", "perhaps", "probably", "guess", "ربما", "اظن", "اعتقد", "غالبا"}) ||
         c.Phrase("i think") || c.Phrase("i believe") || c.Phrase("i guess") ||
         c.Phrase("على ما اظن") || c.Phrase("على ما اعتقد") || c.Phrase("على ما اذكر");
}

bool ReadApprox(Cursor& c) {
  // "c. 1860", "ca1860", "~ Feb 1812": the abbreviations and the tilde only before a
  // number or a month name, where they cannot be a letter or a mark of something else.
  Cursor probe = c;
  if (probe.Word({"c", "ca"}) || probe.Punct({"~"})) {
    if (probe.Adjacent()) probe.Punct({"."});
    const Token* next = probe.Peek();
    bool weak = false;
    Cursor month = probe;
    if (next != nullptr && (next->kind == TokenKind::kNumber || ReadMonth(month, &weak))) {
      c = probe;
      return true;
    }
    return false;
  }
  if (c.Word({"approx"})) {
    if (c.Adjacent()) c.Punct({"."});
    return true;
  }
  return c.Word(
             {"around", "about", "approximately", "roughly", "circa", "حوالي", "نحو", "تقريبا"}) ||
         c.Phrase("or so");
}

namespace {

// Words that begin an expression, other than the month, season and ordinal names and
// the Arabic step units, which come from their tables.
constexpr std::string_view kStartWords[] = {
    // leads and qualifiers (date_finder.cc, ReadHedge, ReadApprox)
    "since", "from", "between", "in", "during", "throughout", "by", "before", "after", "until",
    "till", "earlier", "later", "maybe", "perhaps", "probably", "guess", "uncertain", "i", "around",
    "about", "approximately", "roughly", "circa", "approx", "c", "ca", "or", "منذ", "بين", "من",
    "في", "وفي", "خلال", "طوال", "قبل", "حتى", "لغايه", "ربما", "اظن", "اعتقد", "غالبا", "على",
    "حوالي", "نحو", "تقريبا",
    // parts, decades, centuries, years, relative months, steps, Islamic dates
    "the", "at", "early", "beginning", "start", "first", "mid", "middle", "late", "end", "second",
    "last", "this", "that", "year", "a", "one", "two", "three", "four", "five", "six", "ten", "eid",
    "ramadan", "small", "big", "اوائل", "مطلع", "بدايه", "وبدايه", "ومطلع", "ببدايه", "منتصف",
    "اواسط", "ومنتصف", "اواخر", "واواخر", "باواخر", "نهايه", "ونهايه", "بنهايه", "النصف", "ذلك",
    "تلك", "العام", "نفس", "السنه", "اليوم", "بعد", "وبعد", "رمضان", "برمضان", "عيد", "عام", "سنه",
    "عامي", "سنتي", "القرن", "قرن", "ثلاثه", "اربعه", "خمسه", "سته", "ثلاث", "اربع", "خمس", "يوم",
    "يومين", "اسبوع", "اسبوعين", "شهر", "شهرين", "سنتين", "عامين", "بيوم", "بيومين", "باسبوع",
    "باسبوعين", "بشهر", "بشهرين", "بسنه", "بعام"};

// A cheap pre-check before the hash set: one bit per (first byte, second byte, last
// byte, length) class; most words that start nothing are refused by it.
size_t Sketch(std::string_view w) {
  auto b = [&](size_t i) { return static_cast<size_t>(static_cast<unsigned char>(w[i])); };
  size_t n = w.size();
  return ((b(0) * 31 + (n > 1 ? b(1) : 0)) * 31 + b(n - 1) + n * 131) % 8192;
}

struct StartWordSet {
  std::unordered_set<std::string_view> words;
  std::bitset<8192> sketch;
  bool Contains(std::string_view w) const {
    return !w.empty() && sketch.test(Sketch(w)) && words.contains(w);
  }
};

const StartWordSet& StartWords() {
  static const auto* const set = [] {
    auto* s = new StartWordSet;
    s->words.insert(std::begin(kStartWords), std::end(kStartWords));
    auto add = [s](const auto& table) {
      for (const Entry& e : table) s->words.insert(e.text);
    };
    add(kEnglishOrdinals);
    add(kArabicOrdinals);
    add(kEnglishMonths);
    add(kArabicMonths);
    add(kSeasons);
    s->words.insert("كانون");
    s->words.insert("تشرين");
    for (std::string_view w : s->words) s->sketch.set(Sketch(w));
    return s;
  }();
  return *set;
}

}  // namespace

bool MayStartDate(const Token& token) {
  if (token.kind == TokenKind::kNumber) return true;
  if (token.kind == TokenKind::kPunct) return token.text == "~";
  const StartWordSet& words = StartWords();
  if (words.Contains(token.text)) return true;
  if (!IsArabic(token.text)) return false;
  std::string_view bare = StripClitic(token.text);  // وآذار، بالربيع
  if (words.Contains(bare)) return true;
  return bare.starts_with("ال") && words.Contains(bare.substr(4));
}

}  // namespace sijill::time::internal
