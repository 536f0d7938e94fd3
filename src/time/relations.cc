#include "time/relations.h"

#include <algorithm>
#include <limits>

namespace sijill::time {
namespace {

constexpr Day kMinDay = std::numeric_limits<Day>::min();
constexpr Day kMaxDay = std::numeric_limits<Day>::max();

Day Lo(const Bounds& b) { return b.earliest.value_or(kMinDay); }
Day Hi(const Bounds& b) { return b.latest.value_or(kMaxDay); }

Bounds DayBounds(Day day) {
  Bounds b;
  b.earliest = b.latest = b.certain_first = b.certain_last = day;
  return b;
}

// Combines per-member answers: `any` = some member answered so, `all` = every one did.
Answer ContainsInSet(const EdtfValue& value, Day day) {
  bool any_certain = false, all_certain = true, any_possible = false;
  for (const SetMember& m : value.members) {
    Answer a = Contains(MemberBounds(m, value.kind), day);
    any_certain |= a == Answer::kCertainly;
    all_certain &= a == Answer::kCertainly;
    any_possible |= a != Answer::kNo;
  }
  if (!any_possible) return Answer::kNo;
  bool certain = value.kind == ValueKind::kOneOf ? all_certain : any_certain;
  return certain ? Answer::kCertainly : Answer::kPossibly;
}

}  // namespace

Answer Contains(const Bounds& b, Day day) {
  if (b.certain_first && *b.certain_first <= day && day <= *b.certain_last) {
    return Answer::kCertainly;
  }
  return day < Lo(b) || day > Hi(b) ? Answer::kNo : Answer::kPossibly;
}

Answer Contains(const Bounds& outer, const Bounds& inner) {
  if (outer.certain_first && inner.earliest && inner.latest &&
      *outer.certain_first <= *inner.earliest && *inner.latest <= *outer.certain_last) {
    return Answer::kCertainly;
  }
  bool disjoint = Hi(inner) < Lo(outer) || Lo(inner) > Hi(outer);
  bool certain_outside =
      inner.certain_first && (*inner.certain_first < Lo(outer) || *inner.certain_last > Hi(outer));
  return disjoint || certain_outside ? Answer::kNo : Answer::kPossibly;
}

Answer Overlaps(const Bounds& a, const Bounds& b) {
  if (a.certain_first && b.certain_first &&
      std::max(*a.certain_first, *b.certain_first) <= std::min(*a.certain_last, *b.certain_last)) {
    return Answer::kCertainly;
  }
  return Hi(a) < Lo(b) || Hi(b) < Lo(a) ? Answer::kNo : Answer::kPossibly;
}

Answer Before(const Bounds& a, const Bounds& b) {
  if (a.latest && b.earliest && *a.latest < *b.earliest) return Answer::kCertainly;
  // The last day of a is at least `a_last_min`; the first day of b at most `b_first_max`.
  Day a_last_min = a.certain_last ? std::max(Lo(a), *a.certain_last) : Lo(a);
  Day b_first_max = b.certain_first ? std::min(Hi(b), *b.certain_first) : Hi(b);
  return a_last_min >= b_first_max ? Answer::kNo : Answer::kPossibly;
}

Answer Contains(const EdtfValue& value, Day day) {
  if (value.kind == ValueKind::kOneOf || value.kind == ValueKind::kAllOf) {
    return ContainsInSet(value, day);
  }
  return Contains(BoundsOf(value), day);
}

Answer Contains(const EdtfValue& outer, const EdtfValue& inner) {
  return Contains(BoundsOf(outer), BoundsOf(inner));
}

Answer Overlaps(const EdtfValue& a, const EdtfValue& b) {
  return Overlaps(BoundsOf(a), BoundsOf(b));
}

Answer Before(const EdtfValue& a, const EdtfValue& b) { return Before(BoundsOf(a), BoundsOf(b)); }
Answer Before(const EdtfValue& a, Day day) { return Before(BoundsOf(a), DayBounds(day)); }
Answer After(const EdtfValue& a, const EdtfValue& b) { return Before(BoundsOf(b), BoundsOf(a)); }
Answer After(const EdtfValue& a, Day day) { return Before(DayBounds(day), BoundsOf(a)); }

}  // namespace sijill::time
