#include "time/date_finder.h"

#include "time/date_finder_internal.h"
#include "time/date_patterns.h"
#include "time/date_render.h"

namespace sijill::time {
namespace {

using internal::Atom;
using internal::AtomKind;
using internal::BareYear;
using internal::Context;
using internal::Cursor;
using internal::Part;
using internal::Piece;
using internal::RenderedAtom;
using internal::Token;
using internal::TokenKind;
using internal::Unit;
using internal::YearSpan;

// ---- Step 1: what surrounds a date (hedges, approximation, prepositions, ranges).

enum class Lead : uint8_t { kNone, kPlain, kSince, kUntil, kRange };

Lead ReadLead(Cursor& c) {
  if (c.Word({"since", "after", "منذ"}) || c.Phrase("later than")) return Lead::kSince;
  if (c.Word({"before", "قبل"}) || c.Phrase("earlier than")) return Lead::kUntil;
  if (c.Word({"from", "between", "بين", "من"})) return Lead::kRange;
  if (c.Word({"in", "during", "throughout", "by", "until", "till", "في", "وفي", "خلال", "طوال",
              "حتى", "لغايه"}))
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
    bool hedge = internal::ReadHedge(c), approx = internal::ReadApprox(c);
    q.uncertain |= hedge;
    q.approximate |= approx;
    if (!hedge && !approx) break;
  }
  return q;
}

// Hedges and approximations after a date ("2010, I think", "تقريباً", "1860?"). A hedge
// that is followed by another date belongs to that one ("2012, maybe the first days of").
Qualifiers ReadSuffix(const std::vector<Token>& tokens, Cursor& c) {
  Qualifiers q;
  if (c.Adjacent() && c.Punct({"?"})) q.uncertain = true;
  Cursor paren = c;  // "1862 (uncertain)"
  if (paren.Punct({"("}) && paren.Word({"uncertain", "guess"}) && paren.Punct({")"})) {
    q.uncertain = true;
    c = paren;
  }
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
  size_t second_begin = probe.pos();
  std::optional<Atom> second = internal::MatchSingle(tokens, probe.pos(), BareYear::kYes);
  if (!second || second->kind != AtomKind::kSingle) return;
  atom->kind = AtomKind::kInterval;
  atom->last = second->first;
  atom->first_end = c->pos();
  atom->last_begin = second_begin;
  Apply(mid, &atom->first);
  Apply(mid, &atom->last);
  *c = Cursor(tokens, second->end);
}

// A date that names only a year, a decade or a century.
bool YearLike(const Atom& a) {
  const Piece& p = a.first;
  return a.kind == AtomKind::kSingle && p.has_year() && p.month == 0 && p.day == 0 &&
         p.part == Part::kWhole && p.hijri_month == 0 && p.step_unit == Unit::kNone;
}

// After a year-like date: "1851-1852", "1851-52", "1910-30", "1860s-1870s",
// "1856-ca. 1865" (intervals) or "1858/1860" (one of the two). A two-digit end of 01..12
// is left alone: "2011-12" is ISO 8601's December 2011 as often as a span of years.
void MatchYearDash(const std::vector<Token>& tokens, Atom* atom, Cursor* c) {
  if (!YearLike(*atom)) return;
  const Piece& first = atom->first;
  int64_t y1 = *first.year->year;
  Cursor probe = *c;
  bool tight = probe.Adjacent();
  if (probe.Punct({"/"})) {
    auto y2 = tight && probe.Adjacent() ? probe.Number(4, 4, 1000, 2999) : std::nullopt;
    if (!y2 || first.span != YearSpan::kYear || *y2 <= y1 ||
        (probe.Peek() != nullptr && probe.Adjacent() && probe.Peek()->kind != TokenKind::kPunct))
      return;
    atom->kind = AtomKind::kOneOfYears;
    atom->last = first;
    atom->last.year = internal::YearRef{*y2, 0};
    *c = probe;
    return;
  }
  size_t dash = probe.pos();
  if (!probe.Punct({"-", "\u2013"})) return;
  size_t second_begin = probe.pos();
  Cursor two = probe;
  if (first.span == YearSpan::kYear && tight && two.Adjacent() && y1 >= 1000) {
    if (auto nn = two.Number(2, 2, 13, 99)) {
      int64_t y2 = y1 / 100 * 100 + *nn;
      if (y2 <= y1 ||
          (two.Peek() != nullptr && two.Adjacent() && two.Peek()->kind != TokenKind::kPunct))
        return;
      atom->kind = AtomKind::kInterval;
      atom->last = first;
      atom->last.year = internal::YearRef{y2, 0};
      *c = two;
      return;
    }
  }
  Qualifiers mid = ReadPrefix(probe);
  std::optional<Atom> second = internal::MatchSingle(tokens, probe.pos(), BareYear::kYes);
  if (!second || !YearLike(*second) || *second->first.year->year < y1) return;
  atom->kind = AtomKind::kInterval;
  atom->last = second->first;
  Apply(mid, &atom->last);
  atom->first_end = dash;
  atom->last_begin = second_begin;
  *c = Cursor(tokens, second->end);
}

// The expression starting at token `pos`, with what surrounds it, or nullopt. In a
// date field every bare number of four digits may be a year.
std::optional<Atom> MatchAt(const std::vector<Token>& tokens, size_t pos, bool field) {
  Cursor c(tokens, pos);
  Qualifiers before = ReadPrefix(c);
  Lead lead = ReadLead(c);
  // "before approx. January 1928" (without a lead, ReadPrefix above already stopped here).
  Qualifiers inner = lead != Lead::kNone ? ReadPrefix(c) : Qualifiers{};
  bool contextual = field || lead != Lead::kNone || before.approximate || inner.approximate;
  size_t first_begin = c.pos();
  std::optional<Atom> atom =
      internal::MatchSingle(tokens, c.pos(), contextual ? BareYear::kYes : BareYear::kNo);
  if (!atom) return std::nullopt;
  c = Cursor(tokens, atom->end);
  MatchYearDash(tokens, &*atom, &c);
  if (atom->kind == AtomKind::kSingle && (lead == Lead::kSince || lead == Lead::kUntil))
    atom->kind = lead == Lead::kSince ? AtomKind::kSince : AtomKind::kUntil;
  if (lead == Lead::kRange && atom->kind == AtomKind::kSingle) {
    Cursor probe = c;
    size_t first_end = probe.pos();
    if (ReadConnector(probe)) {
      Qualifiers mid = ReadPrefix(probe);
      size_t second_begin = probe.pos();
      if (auto second = internal::MatchSingle(tokens, probe.pos(), BareYear::kYes);
          second && second->kind == AtomKind::kSingle) {
        atom->kind = AtomKind::kInterval;
        atom->last = second->first;
        atom->first_end = first_end;
        atom->last_begin = second_begin;
        Apply(mid, &atom->last);
        c = Cursor(tokens, second->end);
      }
    }
  }
  if (lead != Lead::kRange && atom->kind == AtomKind::kSingle) MatchAlternative(tokens, &*atom, &c);
  Qualifiers after = ReadSuffix(tokens, c);
  for (Piece* p : {&atom->first, &atom->last}) {
    Apply(before, p);
    Apply(inner, p);
    Apply(after, p);
  }
  atom->begin = pos;
  if (atom->first_end != 0) atom->begin = first_begin;  // the first part begins after the lead
  atom->end = c.pos();
  return atom;
}

std::optional<EdtfValue> ValueOf(const std::string& edtf) {
  if (edtf.empty()) return std::nullopt;
  auto v = ParseEdtf(edtf);
  return v ? std::optional<EdtfValue>(std::move(*v)) : std::nullopt;
}

// The text and span of tokens [begin, end).
template <typename Mention>
Mention SpanOf(std::string_view text, const std::vector<Token>& tokens, size_t begin, size_t end) {
  Mention m;
  m.cp_begin = tokens[begin].cp_begin;
  m.cp_end = tokens[end - 1].cp_end;
  m.text.assign(
      text.substr(tokens[begin].byte_begin, tokens[end - 1].byte_end - tokens[begin].byte_begin));
  return m;
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

namespace internal {

std::vector<DateMention> FindDatesWith(std::string_view utf8_text, const FindOptions& options,
                                       const ScanMode& mode) {
  std::string arena;
  std::vector<Token> tokens = Tokenize(utf8_text, &arena);
  Context ctx{std::nullopt, options.document_date, std::nullopt};
  std::vector<DateMention> out;
  for (size_t i = 0; i < tokens.size();) {
    std::optional<Atom> atom;
    if (!mode.skip_unlikely_starts || MayStartDate(tokens[i]))
      atom = MatchAt(tokens, i, mode.field);
    if (!atom) {
      ++i;
      continue;
    }
    DateMention m = SpanOf<DateMention>(utf8_text, tokens, i, atom->end);
    RenderedAtom r = RenderAtom(*atom, ctx);
    m.value = ValueOf(r.value);
    if (atom->first_end != 0) {
      DatePart first = SpanOf<DatePart>(utf8_text, tokens, atom->begin, atom->first_end);
      DatePart last = SpanOf<DatePart>(utf8_text, tokens, atom->last_begin, atom->end);
      first.value = ValueOf(r.first);
      last.value = ValueOf(r.last);
      m.parts = {std::move(first), std::move(last)};
    }
    out.push_back(std::move(m));
    i = atom->end;
    if (mode.field) break;
  }
  return out;
}

}  // namespace internal

std::vector<DateMention> FindDates(std::string_view utf8_text, const FindOptions& options) {
  return internal::FindDatesWith(utf8_text, options, {});
}

std::optional<DateMention> ReadDateField(std::string_view utf8_text, const FindOptions& options) {
  std::vector<DateMention> m = internal::FindDatesWith(utf8_text, options, {.field = true});
  if (m.empty()) return std::nullopt;
  return std::move(m[0]);
}

}  // namespace sijill::time
