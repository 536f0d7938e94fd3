// The arguments of English events: who (subjects over auxiliaries, objects, pronouns and
// possessives resolved within the paragraph), where (the place or unit a preposition
// introduces), and the event entities and claims they make.
#include <algorithm>

#include "extract/english_events_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;

// Words that end the phrase a preposition opens.
bool IsBreak(std::string_view w) {
  return OneOf(
      w, {",",    ";",       ".",     ":",   "—",     "–",     "-",      "(",     "and",   "but",
          "when", "because", "where", "who", "which", "after", "before", "until", "while", "so"});
}

// Common nouns that follow a place and name a part of it: "the Jobar market".
bool IsSiteNoun(std::string_view w) {
  return OneOf(w, {"market", "checkpoint", "square", "street", "road", "hospital", "mosque",
                   "school", "camp", "neighbourhood", "neighborhood", "district", "area"});
}

// How far back "the airport" looks for the airport it means (tokens).
constexpr size_t kAirportReach = 2000;

// Whether a name holds a lowercase word, in any case: "Mezzeh Military Airport", "airport".
bool NameHas(std::string_view name, std::string_view lower_word) {
  std::string lower(name);
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return lower.find(lower_word) != std::string::npos;
}

}  // namespace

EventPass::EventPass(Context& c) : c_(c), places_(c.tokens.size()) {
  const auto& entities = c.out.entities();
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != EntityType::kPlace) continue;
    for (Span s : entities[e].spans) {
      auto it = std::lower_bound(c.tokens.begin(), c.tokens.end(), s.begin,
                                 [](const Token& t, size_t b) { return t.span.begin < b; });
      for (; it != c.tokens.end() && it->span.end <= s.end; ++it)
        places_[static_cast<size_t>(it - c.tokens.begin())] = e;
    }
  }
}

bool EventPass::Asserted(const Sentence& s) const {
  std::string lower(c_.text.substr(s.span.begin, s.span.end - s.span.begin));
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return !Unasserted(lower);
}

bool EventPass::Framing(size_t token) const {
  Span p = ParagraphAt(c_.text, c_.tokens[token].span.begin);
  return c_.text.substr(p.begin, p.end - p.begin).starts_with("Interviewer");
}

bool EventPass::IsFirstPerson(size_t token) const {
  if (token >= c_.tokens.size() || !c_.witness || Framing(token)) return false;
  std::string_view t = c_.tokens[token].text;
  return t == "I" || OneOf(c_.Lower(token), {"we", "me", "us", "my", "our"});
}

// "he", "his": the last person named before it in the same paragraph. Only in testimonies:
// news text changes its subject too often for so short a rule.
std::optional<size_t> EventPass::Pronoun(size_t token) const {
  if (!c_.out.document().witness) return std::nullopt;
  Span paragraph = ParagraphAt(c_.text, c_.tokens[token].span.begin);
  std::optional<size_t> found;
  for (const PersonMention& p : c_.persons) {
    if (p.last > token) break;
    if (c_.tokens[p.first].span.begin >= paragraph.begin) found = p.entity;
  }
  return found;
}

std::optional<size_t> EventPass::Possessor(size_t token) const {
  std::string_view w = c_.Lower(token);
  if (w == "my" || w == "our") {
    if (IsFirstPerson(token)) return c_.witness;
    return std::nullopt;
  }
  if (w == "his" || w == "her") return Pronoun(token);
  return std::nullopt;
}

std::optional<Ref> EventPass::SubjectOf(const Sentence& s, size_t verb) const {
  size_t k = verb;
  bool passive = false;
  while (k > s.first) {
    std::string_view w = c_.Lower(k - 1);
    if (OneOf(w, {"was", "were", "been", "got", "is", "are"})) {
      passive = true;
    } else if (OneOf(w, {"not", "never", "n't", "be", "being"})) {
      return std::nullopt;  // negated, modal ("would be"), or a plan ("to be arrested")
    } else if (!OneOf(w, {"had", "has", "have", "also", "then", "later", "finally", "eventually",
                          "soon", "badly", "seriously", "lightly", "just", "still"})) {
      break;
    }
    --k;
  }
  if (k == s.first) return std::nullopt;
  size_t t = k - 1;
  std::string_view w = c_.Lower(t);
  Ref r;
  r.first = t;
  r.last = t + 1;
  r.passive = passive;
  if (c_.tokens[t].text == "I" || w == "we") {
    if (!IsFirstPerson(t)) return std::nullopt;
    r.entity = *c_.witness;
    return r;
  }
  if (w == "he" || w == "she") {
    std::optional<size_t> e = Pronoun(t);
    if (!e) return std::nullopt;
    r.entity = *e;
    return r;
  }
  if (w == "who" && t >= s.first + 2 && c_.Is(t - 1, ",")) t -= 2;  // "Ayham, who was ..."
  if (w == "," && t > s.first) --t;  // "My husband, Fares, was arrested"
  const PersonMention* p = c_.PersonAt(t);
  if (!p || p->last != t + 1) return std::nullopt;
  r.entity = p->entity;
  r.first = std::min(p->first, r.first);
  return r;
}

std::optional<Ref> EventPass::ObjectOf(const Sentence& s, size_t verb) const {
  size_t o = verb + 1;
  if (o >= s.last) return std::nullopt;
  Ref r;
  r.first = o;
  r.last = o + 1;
  std::string_view w = c_.Lower(o);
  if (w == "me" || w == "us") {
    if (!IsFirstPerson(o)) return std::nullopt;
    r.entity = *c_.witness;
    return r;
  }
  if (w == "him" || w == "her") {
    std::optional<size_t> e = Pronoun(o);
    if (!e) return std::nullopt;
    r.entity = *e;
    return r;
  }
  // "my younger brother Ayham": only a possessive and kinship words before the name.
  for (size_t k = o; k < s.last && k < o + 4; ++k) {
    if (const PersonMention* p = c_.PersonAt(k)) {
      r.entity = p->entity;
      r.last = p->last;
      return r;
    }
    bool kin = OneOf(c_.Lower(k), {"my", "his", "her", "our", "their", "younger", "older", "elder",
                                   "little", "big"}) ||
               KinAt(c_, k);
    if (!kin) break;
  }
  return std::nullopt;
}

std::optional<Where> EventPass::Entity(size_t k) const {
  Where w;
  if (k < places_.size() && places_[k]) {
    w.entity = *places_[k];
    w.first = k;
    w.last = k + 1;
    while (w.last < places_.size() && places_[w.last] == places_[k]) ++w.last;
    const std::string& name = c_.out.entity(w.entity).canonical;
    w.name = name;
    w.facility = NameHas(name, "prison") || NameHas(name, "airport") || NameHas(name, "air base") ||
                 NameHas(name, "airbase");
  } else if (const UnitMention* u = c_.UnitAt(k)) {
    w.entity = u->entity;
    w.unit = true;
    w.first = k;
    w.last = u->last;
    w.name = c_.out.entity(u->entity).canonical;
    w.facility = !u->echelon || *u->echelon >= Echelon::kBranch;
  } else {
    return std::nullopt;
  }
  if (w.last < c_.tokens.size() && !c_.tokens[w.last].capitalized && IsSiteNoun(c_.Lower(w.last))) {
    if (c_.Is(w.last, "checkpoint")) {
      w.checkpoint = true;
    } else {
      w.name += " " + c_.tokens[w.last].lower;
    }
    ++w.last;
  }
  return w;
}

std::optional<Where> EventPass::WhereAt(const Sentence& s, size_t prep) const {
  bool checkpoint = false;
  for (size_t k = prep + 1; k < s.last && k < prep + 8; ++k) {
    if (IsBreak(c_.Lower(k)) || c_.Is(k, "to") || c_.Is(k, "from")) break;
    checkpoint = checkpoint || c_.Is(k, "checkpoint");
    if (std::optional<Where> w = Entity(k)) {
      w->checkpoint = w->checkpoint || checkpoint;
      return w;
    }
    // "to the airport — the Mezzeh military airport", or the airport named before.
    std::string_view noun = c_.Lower(k + 1);
    if (!c_.Is(k, "the") || !OneOf(noun, {"airport", "prison", "branch", "court"})) continue;
    std::optional<Where> named;
    for (size_t a = k + 2; a < s.last && a < k + 6 && !named; ++a) {
      named = Entity(a);
      if (named && !NameHas(named->name, noun)) named.reset();
    }
    for (size_t b = k; b > 0 && b + kAirportReach > k && !named; --b) {
      named = Entity(b - 1);
      if (named && !NameHas(named->name, noun)) named.reset();
    }
    if (!named) return std::nullopt;
    named->first = k;
    named->last = k + 2;
    return named;
  }
  return std::nullopt;
}

std::optional<Where> EventPass::WhereAfter(const Sentence& s, size_t from) const {
  for (size_t k = from + 1; k < s.last && k < from + 10; ++k) {
    std::string_view w = c_.Lower(k);
    if (IsBreak(w)) break;
    if (OneOf(w, {"in", "at", "to", "into", "near", "inside", "outside"})) {
      if (std::optional<Where> where = WhereAt(s, k)) return where;
    }
  }
  return std::nullopt;
}

std::optional<size_t> EventPass::OwnUnit() const {
  if (!c_.witness) return std::nullopt;
  std::optional<size_t> best;
  std::optional<Echelon> best_echelon;
  for (const FoundClaim& claim : c_.out.claims()) {
    if (claim.predicate != Predicate::kMemberOf || claim.subject != *c_.witness || !claim.object)
      continue;
    std::optional<Echelon> echelon;
    for (const UnitMention& u : c_.units)
      if (u.entity == *claim.object && u.echelon) echelon = u.echelon;
    // The smallest army echelon stated: "our tanks" are the battalion's.
    bool smaller = !best || (echelon && *echelon <= Echelon::kSquadron &&
                             (!best_echelon || *echelon > *best_echelon));
    if (smaller) {
      best = *claim.object;
      best_echelon = echelon;
    }
  }
  return best;
}

bool EventPass::MemberOf(size_t person, size_t unit) const {
  for (const FoundClaim& claim : c_.out.claims())
    if (claim.subject == person && claim.object == unit &&
        (claim.predicate == Predicate::kMemberOf || claim.predicate == Predicate::kCommanderOf))
      return true;
  return false;
}

bool EventPass::StartsDate(size_t token) const {
  if (token >= c_.tokens.size()) return false;
  size_t at = c_.tokens[token].span.begin;
  if (c_.Is(token, "in") || c_.Is(token, "on")) {
    if (token + 1 >= c_.tokens.size()) return false;
    at = c_.tokens[token + 1].span.begin;
  }
  for (const FoundDate& d : c_.out.document().dates)
    if (d.span.begin <= at && at < d.span.end) return true;
  return false;
}

size_t EventPass::Event(std::string_view key, const std::string& canonical, Span span) {
  size_t e =
      c_.out.Mention(EntityType::kEvent, "event/" + std::string(key), canonical, span, "event");
  // A later telling that says where makes the name fuller ("arrest of X" -> "... at Y").
  std::string& name = c_.out.entity(e).canonical;
  if (canonical.size() > name.size() && canonical.starts_with(name)) name = canonical;
  return e;
}

void EventPass::Take(const Sentence& s, size_t subject, Predicate predicate, size_t object,
                     std::optional<std::string> role) {
  if (subject == object) return;
  FoundClaim claim;
  claim.subject = subject;
  claim.predicate = predicate;
  claim.object = object;
  claim.role = std::move(role);
  claim.time = EventTime(s);
  claim.evidence = EvidenceOf(c_, s);
  claim.quote = s.span;
  claim.recognizer = "event";
  // One claim per participant and event, however often it is told: the first telling that
  // dates it gives the time, the first that names a role the role.
  for (FoundClaim& told : claims_) {
    if (told.subject != subject || told.predicate != predicate || told.object != object) continue;
    if (!told.role) told.role = claim.role;
    if (!told.time && claim.time) {
      told.time = claim.time;
      told.quote = claim.quote;
      told.evidence = claim.evidence;
    }
    return;
  }
  claims_.push_back(std::move(claim));
}

void EventPass::Flush() {
  for (FoundClaim& claim : claims_) c_.out.Claim(std::move(claim));
  claims_.clear();
}

std::optional<std::string> EventPass::EventTime(const Sentence& s) const {
  std::optional<std::string> time = TimeOf(c_, s);
  if (!time) return time;
  // "from late 2012 until his defection": the bounds of something else's time.
  if (time->starts_with("../") || time->ends_with("/..")) return std::nullopt;
  if (time->find('/') != std::string::npos) return time;
  // "two months after the Eid": the event is later than the date (earlier for "before");
  // of a set of days ("[2013-07-11,2013-07-12]") the first or the last.
  for (const FoundDate* d : DatesIn(c_.out.document(), s.span)) {
    if (d->edtf != *time) continue;
    size_t from = d->span.begin > s.span.begin + 40 ? d->span.begin - 40 : s.span.begin;
    std::string_view before = c_.text.substr(from, d->span.begin - from);
    bool after = before.find(" after ") != std::string_view::npos;
    bool earlier = before.find(" before ") != std::string_view::npos;
    if (!after && !earlier) break;
    std::string_view bound = *time;
    if (bound.starts_with("[") || bound.starts_with("{")) {
      size_t comma = bound.find(',');
      if (comma == std::string_view::npos || bound.find("..") != std::string_view::npos) break;
      bound =
          after ? bound.substr(1, comma - 1) : bound.substr(comma + 1, bound.size() - comma - 2);
    }
    return after ? std::string(bound) + "/.." : "../" + std::string(bound);
  }
  return time;
}

size_t EventPass::Happened(const Sentence& s, Kind kind, size_t person, Span span,
                           const std::optional<Where>& where, std::string_view word) {
  std::string who = c_.out.entity(person).canonical;
  std::string id = std::to_string(person);
  std::string key, canonical;
  std::optional<std::string> role;
  switch (kind) {
    case Kind::kArrest:
      key = "arrest/" + id;
      canonical = "arrest of " + who;
      if (where) canonical += (where->checkpoint ? " at the " : " in ") + where->name;
      if (where && where->checkpoint) canonical += " checkpoint";
      role = "detainee";
      break;
    case Kind::kDetention: {
      key = "detention/" + id + "/" + std::to_string(where->entity);
      bool at = !where->unit && where->facility;
      canonical = "detention of " + who + (at ? " at " : " in ") + where->name;
      role = "detainee";
      break;
    }
    case Kind::kRelease:
      key = "release/" + id;
      canonical = "release of " + who;
      role = "released detainee";
      break;
    case Kind::kWounding:
      key = "wounding/" + id;
      canonical = "wounding of " + who;
      role = "wounded";
      break;
    case Kind::kLeaving:
      key = "leaving/" + id;
      if (word.starts_with("defect")) {
        canonical = "defection of " + who;
        role = "defector";
      } else if (word.starts_with("desert")) {
        canonical = "desertion of " + who;
        role = "deserter";
      } else {
        canonical = "departure of " + who + (word == "left the army" ? " from the army" : "");
      }
      break;
  }
  size_t e = Event(key, canonical, span);
  Take(s, person, Predicate::kParticipatedIn, e, role);
  if (where && where->unit && kind == Kind::kDetention) {
    Take(s, where->entity, Predicate::kParticipatedIn, e, "detaining unit");
  } else if (where && !where->unit) {
    Take(s, e, Predicate::kOccurredAt, where->entity, std::nullopt);
  }
  if (kind == Kind::kArrest || kind == Kind::kDetention) detainees_.insert(person);
  return e;
}

}  // namespace sijill::extract::english
