// English events told as scenes rather than of one person: movements of detainees ("they
// moved us ... to the airport", "we took twenty men from A to B", "a group that had been
// flown from A to B"), shellings of a place ("ordered to fire on the blocks around the Y
// market", "the shelling of Y") with the firing unit, whoever gave the order and the
// witness who saw it, and named operations ("the Y operation", "the siege of Y").
#include <algorithm>

#include "extract/english_events_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::Predicate;

bool IsDeterminer(std::string_view w) {
  return OneOf(w, {"a", "an", "the", "some", "several", "about", "around", "many", "dozens"});
}

}  // namespace

void EventPass::Movement(const Sentence& s, size_t v) {
  size_t to = 0, from = 0;
  for (size_t k = v + 1; k < s.last && k < v + 14; ++k) {
    if (c_.Is(k, ";") || c_.Is(k, ".") || c_.Is(k, "—") || c_.Is(k, "and")) break;
    if (c_.Is(k, "to") && !to) to = k;
    if (c_.Is(k, "from") && !from && !to) from = k;
  }
  std::optional<Where> dest = to ? WhereAt(s, to) : std::nullopt;
  std::optional<Where> origin = from ? WhereAt(s, from) : std::nullopt;
  if (!dest && c_.Is(v, "taken") && (c_.Is(v + 1, "at") || c_.Is(v + 1, "from"))) {
    PersonEvent(s, v, Kind::kArrest);  // "he had been taken at the Qudsaya checkpoint"
    return;
  }
  if (!dest) return;
  std::optional<Ref> subject = SubjectOf(s, v);
  bool carries = c_.Is(v, "took") || c_.Is(v, "drove") || c_.Is(v, "brought");
  // A detainee moved: the move puts them in custody where they arrive.
  std::optional<Ref> moved = subject && subject->passive ? subject : std::nullopt;
  if (!moved && (c_.Is(v + 1, "me") || c_.Is(v + 1, "us") || c_.Is(v + 1, "him")))
    moved = ObjectOf(s, v);
  if (moved && detainees_.contains(moved->entity) && !carries && (dest->facility || dest->unit)) {
    size_t first = moved->passive ? moved->first : v;
    if (!moved->passive && v > s.first && OneOf(c_.Lower(v - 1), {"they", "guards", "soldiers"}))
      first = v - 1;
    Happened(s, Kind::kDetention, moved->entity, c_.SpanOf(first, dest->last), dest, "");
    return;
  }
  if (subject && !subject->passive && c_.witness && subject->entity == *c_.witness && origin &&
      from > v + 1 && from < v + 7 && !moved) {
    // "We took about twenty men from the airport to Branch 215".
    Span what = c_.SpanOf(v + 1, from);
    std::string canonical = "transfer of " +
                            std::string(c_.text.substr(what.begin, what.end - what.begin)) +
                            " from " + origin->name + " to " + dest->name;
    std::string key = "transfer/" + std::to_string(origin->entity) + "/" +
                      std::to_string(dest->entity) + "/" + std::string(c_.Lower(from - 1));
    size_t e = Event(key, canonical, c_.SpanOf(subject->first, dest->last));
    Take(s, *c_.witness, Predicate::kParticipatedIn, e,
         c_.Is(v, "drove") ? std::optional<std::string>("driver") : std::nullopt);
    if (std::optional<size_t> unit = OwnUnit())
      Take(s, *unit, Predicate::kParticipatedIn, e, "transporting unit");
    const Where& at = origin->unit ? *dest : *origin;
    if (!at.unit) Take(s, e, Predicate::kOccurredAt, at.entity, std::nullopt);
    return;
  }
  // "a group that had been flown from A to B", received by the witness's unit.
  size_t k = v;
  while (k > s.first && OneOf(c_.Lower(k - 1), {"had", "been", "was", "were", "has", "have"})) --k;
  if (k == v || k <= s.first || !OneOf(c_.Lower(k - 1), {"that", "who"})) return;
  size_t rel = k - 1, np = rel;
  while (np > s.first && rel - np < 4 && !IsDeterminer(c_.Lower(np))) --np;
  if (!IsDeterminer(c_.Lower(np)) || np == rel) return;
  bool received = false;
  for (size_t r = s.first; r < np; ++r) received = received || c_.Is(r, "received");
  if (!received) return;
  Span what = c_.SpanOf(np, rel);
  std::string canonical = "arrival of " +
                          std::string(c_.text.substr(what.begin, what.end - what.begin)) +
                          (origin ? " from " + origin->name : "") + " at " + dest->name;
  std::string key = "arrival/" + std::to_string(dest->entity) + "/" +
                    std::to_string(origin ? origin->entity : dest->entity);
  size_t e = Event(key, canonical, c_.SpanOf(np, dest->last));
  if (std::optional<size_t> unit = OwnUnit())
    Take(s, *unit, Predicate::kParticipatedIn, e, "receiving unit");
  if (!dest->unit) Take(s, e, Predicate::kOccurredAt, dest->entity, std::nullopt);
}

// "fire on the blocks around the Jobar market", "fired at Y", "shelled Y", "the shelling of
// Y", "Y was shelled", "the shells fell on Y".
void EventPass::Shelling(const Sentence& s, size_t v) {
  std::string_view w = c_.Lower(v);
  std::optional<Where> where;
  size_t first = v;
  if (w == "fire" || w == "fired") {
    if (c_.Is(v + 1, "on") || c_.Is(v + 1, "at")) where = WhereAt(s, v + 1);
  } else if (w == "shelling") {
    if (c_.Is(v + 1, "of")) where = WhereAt(s, v + 1);
    if (v > s.first && c_.Is(v - 1, "the")) first = v - 1;
  } else if (w == "shells" || w == "rockets") {
    // "the shells fell on Y"
    if (OneOf(c_.Lower(v + 1), {"land", "landed", "fall", "fell", "hit"}))
      where = WhereAt(s, v + 1);
    if (v > s.first && c_.Is(v - 1, "the")) first = v - 1;
  } else if (w == "shelled" || w == "bombed") {
    std::optional<Ref> subject = SubjectOf(s, v);
    if (!subject || !subject->passive) where = WhereAt(s, v);
    if (!where && v > s.first + 1) {
      size_t k = v;
      while (k > s.first && OneOf(c_.Lower(k - 1), {"was", "were", "had", "been"})) --k;
      if (k < v && k > s.first) {
        where = Entity(k - 1);
        if (where && where->last == k) {
          while (where->first > s.first && places_[where->first - 1] == where->entity)
            --where->first;
          first = where->first;
        } else {
          where.reset();
        }
      }
    }
  }
  if (!where || where->unit) return;
  if (where->first != first && where->first < v) where->last = std::max(where->last, v + 1);
  std::string key = "shelling/" + where->name;
  size_t e = Event(key, "shelling of " + where->name, c_.SpanOf(first, where->last));
  Take(s, e, Predicate::kOccurredAt, where->entity, std::nullopt);
  last_shelling_ = e;
  last_shelling_paragraph_ = ParagraphAt(c_.text, s.span.begin);
  // Who fired: a unit named before the verb in the sentence, or "our tanks", "we".
  std::optional<size_t> firing;
  bool ours = false;
  for (size_t k = s.first; k < v; ++k) {
    if (const UnitMention* u = c_.UnitAt(k)) firing = u->entity;
    ours = ours || IsFirstPerson(k);
    if (c_.Is(k, "ordered") && c_.PersonAt(k - 1))
      Take(s, c_.PersonAt(k - 1)->entity, Predicate::kParticipatedIn, e, "issued order");
  }
  if (!firing && ours) firing = OwnUnit();
  if (firing) Take(s, *firing, Predicate::kParticipatedIn, e, "firing unit");
}

// "the Baba Amr operation", "the siege of Y": a named operation at a place.
void EventPass::Operation(const Sentence& s, size_t n) {
  std::optional<Where> where;
  size_t first = n;
  if (c_.Is(n + 1, "of") && n > s.first && c_.Is(n - 1, "the")) {
    where = Entity(n + 2);
    if (where && where->first != n + 2) where.reset();
    first = n - 1;
  } else if (n > s.first + 1 && n - 1 < places_.size() && places_[n - 1]) {
    size_t k = n - 1;
    while (k > s.first && places_[k - 1] == places_[n - 1]) --k;
    if (k == s.first || !c_.Is(k - 1, "the")) return;
    where = Entity(k);
    first = k - 1;
  }
  if (!where || where->unit) return;
  bool of = first + 1 == n;
  std::string noun(c_.Lower(n));
  std::string name = of ? noun + " of " + where->name : where->name + " " + noun;
  size_t last = of ? where->last : n + 1;
  size_t e = Event("operation/" + name, name, c_.SpanOf(first, last));
  Take(s, e, Predicate::kOccurredAt, where->entity, std::nullopt);
  bool ours = false;
  for (size_t k = s.first; k < s.last; ++k) ours = ours || IsFirstPerson(k);
  if (std::optional<size_t> unit = OwnUnit(); unit && ours)
    Take(s, *unit, Predicate::kParticipatedIn, e, std::nullopt);
}

// Later sentences of a shelling's paragraph: "I saw the shells land", "the order came
// from Abu Ali".
void EventPass::Links(const Sentence& s) {
  if (!last_shelling_ || ParagraphAt(c_.text, s.span.begin).begin != last_shelling_paragraph_.begin)
    return;
  bool saw = false, shots = false;
  for (size_t k = s.first; k < s.last; ++k) {
    if (c_.tokens[k].text == "I" && OneOf(c_.Lower(k + 1), {"saw", "watched", "heard"}) &&
        IsFirstPerson(k))
      saw = true;
    if (OneOf(c_.Lower(k), {"shells", "shell", "shelling", "fire", "firing", "rockets"}))
      shots = true;
    bool order = c_.Is(k, "order") || c_.Is(k, "orders");
    if (order && c_.Is(k + 1, "came") && c_.Is(k + 2, "from"))
      if (const PersonMention* p = c_.PersonAt(k + 3))
        Take(s, p->entity, Predicate::kParticipatedIn, *last_shelling_, "issued order");
    if (order && c_.Is(k - 1, "the") && c_.Is(k - 2, "gave") && c_.PersonAt(k - 3))
      Take(s, c_.PersonAt(k - 3)->entity, Predicate::kParticipatedIn, *last_shelling_,
           "issued order");
  }
  if (saw && shots && c_.witness)
    Take(s, *c_.witness, Predicate::kParticipatedIn, *last_shelling_, "observer");
}

}  // namespace sijill::extract::english
