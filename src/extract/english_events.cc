// Events of English testimonies, general patterns only: arrests ("I was arrested", "my
// brother X was arrested at the checkpoint at the entrance of Y", "he had been taken at the Y
// checkpoint"), detentions in a unit or place ("I was held in Branch 215", "he was alive in
// Branch 215", "with X in Branch 215", "they moved us ... to the airport"), transfers ("we
// took twenty men from A to B"), releases, leaving the army ("I deserted", "his defection",
// "He left the army"), woundings ("X was wounded in Y"), shellings ("ordered to fire on the
// blocks around the Y market") and named operations ("the Y operation"); with who took part
// (participated_in, with a role where the wording gives one) and where (occurred_at).
//
// One event per happening: arrests, releases, woundings and leavings are keyed by kind and
// person, detentions by person and facility, shellings and operations by place, transfers by
// their ends. An event needs a stated verb with a known participant or place; modal, negated
// and planned wordings make none.
#include <algorithm>
#include <array>
#include <cstdint>
#include <unordered_map>

#include "extract/english_events_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;

// What a word may start, looked up once per token.
enum class Cue { kPerson, kMovement, kLeft, kNoun, kShelling, kWith, kPrep, kOperation };
struct Trigger {
  Cue cue;
  Kind kind = Kind::kArrest;  // for kPerson and kNoun
};

const Trigger* TriggerOf(std::string_view w) {
  static const auto* triggers = new std::unordered_map<std::string_view, Trigger>{
      // Verbs of one person: "I was arrested", "Kaddour was wounded".
      {"arrested", {Cue::kPerson, Kind::kArrest}},
      {"detained", {Cue::kPerson, Kind::kArrest}},
      {"abducted", {Cue::kPerson, Kind::kArrest}},
      {"kidnapped", {Cue::kPerson, Kind::kArrest}},
      {"released", {Cue::kPerson, Kind::kRelease}},
      {"freed", {Cue::kPerson, Kind::kRelease}},
      {"wounded", {Cue::kPerson, Kind::kWounding}},
      {"injured", {Cue::kPerson, Kind::kWounding}},
      {"defected", {Cue::kPerson, Kind::kLeaving}},
      {"deserted", {Cue::kPerson, Kind::kLeaving}},
      {"held", {Cue::kPerson, Kind::kDetention}},
      {"imprisoned", {Cue::kPerson, Kind::kDetention}},
      {"jailed", {Cue::kPerson, Kind::kDetention}},
      {"kept", {Cue::kPerson, Kind::kDetention}},
      {"alive", {Cue::kPerson, Kind::kDetention}},
      // Nouns after a possessive: "his defection", "my arrest".
      {"arrest", {Cue::kNoun, Kind::kArrest}},
      {"release", {Cue::kNoun, Kind::kRelease}},
      {"defection", {Cue::kNoun, Kind::kLeaving}},
      {"desertion", {Cue::kNoun, Kind::kLeaving}},
      {"taken", {Cue::kMovement}},
      {"moved", {Cue::kMovement}},
      {"transferred", {Cue::kMovement}},
      {"took", {Cue::kMovement}},
      {"transported", {Cue::kMovement}},
      {"drove", {Cue::kMovement}},
      {"flown", {Cue::kMovement}},
      {"brought", {Cue::kMovement}},
      {"left", {Cue::kLeft}},
      {"fire", {Cue::kShelling}},
      {"fired", {Cue::kShelling}},
      {"shelled", {Cue::kShelling}},
      {"shelling", {Cue::kShelling}},
      {"bombed", {Cue::kShelling}},
      {"shells", {Cue::kShelling}},
      {"rockets", {Cue::kShelling}},
      {"with", {Cue::kWith}},
      {"in", {Cue::kPrep}},
      {"at", {Cue::kPrep}},
      {"operation", {Cue::kOperation}},
      {"offensive", {Cue::kOperation}},
      {"siege", {Cue::kOperation}},
      {"campaign", {Cue::kOperation}},
  };
  // Most words are none: their first letter and length say so before any hashing.
  static const auto* shapes = [] {
    auto* bits = new std::array<uint32_t, 26>{};
    for (const auto& [word, _] : *triggers) (*bits)[word[0] - 'a'] |= 1u << word.size();
    return bits;
  }();
  if (w.empty() || w[0] < 'a' || w[0] > 'z' || w.size() > 31) return nullptr;
  if (((*shapes)[w[0] - 'a'] & (1u << w.size())) == 0) return nullptr;
  auto it = triggers->find(w);
  return it == triggers->end() ? nullptr : &it->second;
}

}  // namespace

void EventPass::Run() {
  for (const Sentence& s : c_.sentences) {
    std::optional<bool> asserted;  // read once, at the sentence's first cue
    for (size_t i = s.first; i < s.last; ++i) {
      const Trigger* t = TriggerOf(c_.Lower(i));
      if (!t) continue;
      // "in", "at" and "with" are everywhere: what they need first is cheap to see.
      bool witness_held = c_.witness && detainees_.contains(*c_.witness);
      if (t->cue == Cue::kPrep && !witness_held) continue;
      if (t->cue == Cue::kWith && !c_.PersonAt(i + 1)) continue;
      if (!asserted) asserted = Asserted(s);
      if (!*asserted) break;
      switch (t->cue) {
        case Cue::kPerson:
          PersonEvent(s, i, t->kind);
          break;
        case Cue::kMovement:
          Movement(s, i);
          break;
        case Cue::kLeft:
          Left(s, i);
          break;
        case Cue::kNoun:
          Nominal(s, i, t->kind);
          break;
        case Cue::kShelling:
          Shelling(s, i);
          break;
        case Cue::kWith:
          Companion(s, i);
          break;
        case Cue::kPrep:
          WitnessInFacility(s, i);
          break;
        case Cue::kOperation:
          Operation(s, i);
          break;
      }
    }
    Links(s);
  }
  Flush();
}

// "I was arrested", "Kaddour was wounded in Jobar", "they arrested my brother X", "I
// deserted", "he was alive in Branch 215", "I was held in Branch 215".
void EventPass::PersonEvent(const Sentence& s, size_t v, Kind kind) {
  std::optional<Ref> who = SubjectOf(s, v);
  bool passive = who && who->passive;
  if (kind == Kind::kLeaving && (!who || passive)) return;
  if (kind != Kind::kLeaving && !passive) {
    // Active: "they released him", "soldiers arrested my brother Ayham", "they held me";
    // the subject of "he held a post" is no detainee.
    if (c_.Is(v, "alive")) return;
    who = ObjectOf(s, v);
  }
  if (!who) return;
  std::optional<Where> where = WhereAfter(s, v + (who->last > v ? who->last - v - 1 : 0));
  if (kind == Kind::kArrest && c_.Is(v, "detained") && where && where->facility)
    kind = Kind::kDetention;
  if (kind == Kind::kDetention) {
    bool strict = c_.Is(v, "alive") || c_.Is(v, "kept");  // "alive in Damascus" is no detention
    if (!where || (strict && !where->facility)) return;
  }
  size_t first = std::min(who->first, v);
  size_t last = std::max(who->last, v + 1);
  if (where && (kind == Kind::kArrest || kind == Kind::kDetention || kind == Kind::kWounding))
    last = std::max(last, where->last);
  size_t e = Happened(s, kind, who->entity, c_.SpanOf(first, last), where, c_.Lower(v));
  if (kind != Kind::kArrest && kind != Kind::kDetention) return;
  // "arrested by Air Force Intelligence", "held by a patrol of Military Intelligence".
  for (size_t k = v + 1; k < s.last && k < v + 8; ++k) {
    if (!c_.Is(k, "by")) continue;
    for (size_t u = k + 1; u < s.last && u < k + 5; ++u) {
      const UnitMention* unit = c_.UnitAt(u);
      if (!unit) continue;
      Take(s, unit->entity, Predicate::kParticipatedIn, e,
           kind == Kind::kArrest ? "arresting unit" : "detaining unit");
      break;
    }
    break;
  }
}

// "I left the army", "He left the army in 2015", "I left in the summer of 2015" (a witness
// who served, followed by a date or the end of the sentence).
void EventPass::Left(const Sentence& s, size_t v) {
  std::optional<Ref> who = SubjectOf(s, v);
  if (!who || who->passive) return;
  size_t last = v + 1;
  bool army = (c_.Is(v + 1, "the") || c_.Is(v + 1, "my")) &&
              OneOf(c_.Lower(v + 2), {"army", "service", "military", "unit"});
  if (army) {
    last = v + 3;
  } else {
    if (!c_.witness || who->entity != *c_.witness || !OwnUnit()) return;
    bool dated = StartsDate(v + 1);
    bool ends = v + 1 >= s.last || c_.Is(v + 1, ".") || c_.Is(v + 1, "—") || c_.Is(v + 1, ";");
    if (!dated && !ends) return;
  }
  Happened(s, Kind::kLeaving, who->entity, c_.SpanOf(std::min(who->first, v), last), std::nullopt,
           army ? "left the army" : "left");
}

// "his defection", "my arrest": an event of the person the possessive names.
void EventPass::Nominal(const Sentence& s, size_t n, Kind kind) {
  if (n == s.first) return;
  std::optional<size_t> who = Possessor(n - 1);
  if (!who) return;
  if (c_.Is(n + 1, "warrant") || c_.Is(n + 1, "order")) return;  // "my arrest warrant"
  Happened(s, kind, *who, c_.SpanOf(n - 1, n + 1), std::nullopt, c_.Lower(n));
}

// "he had been with Ayham in Branch 215": the person named was held there too ("served
// with X in Branch 215" says nothing of the kind).
void EventPass::Companion(const Sentence& s, size_t w) {
  const PersonMention* p = c_.PersonAt(w + 1);
  if (!p || p->first != w + 1 || !(c_.Is(p->last, "in") || c_.Is(p->last, "at"))) return;
  std::optional<Where> where = WhereAt(s, p->last);
  if (!where || !where->facility) return;
  size_t first = w;
  while (first > s.first && OneOf(c_.Lower(first - 1), {"been", "was", "were", "had"})) --first;
  if (first == w) return;
  if (first > s.first && OneOf(c_.Lower(first - 1), {"he", "she", "i", "we", "they"})) --first;
  Happened(s, Kind::kDetention, p->entity, c_.SpanOf(first, where->last), where, "");
}

// "In Branch 215 I met ...": a witness already arrested in this text, in a detention facility.
void EventPass::WitnessInFacility(const Sentence& s, size_t prep) {
  if (!c_.witness || !detainees_.contains(*c_.witness) || Framing(prep)) return;
  std::optional<Where> where = WhereAt(s, prep);
  if (!where || !where->facility || where->first != prep + 1 + (c_.Is(prep + 1, "the") ? 1 : 0))
    return;
  if (MemberOf(*c_.witness, where->entity)) return;
  bool first_person = false;
  for (size_t k = prep; k > s.first && k + 6 > prep && !first_person; --k)
    first_person = IsFirstPerson(k - 1);
  for (size_t k = where->last; k < s.last && k < where->last + 3 && !first_person; ++k)
    first_person = IsFirstPerson(k);
  if (!first_person) return;
  Happened(s, Kind::kDetention, *c_.witness, c_.SpanOf(prep, where->last), where, "");
}

void FindEvents(Context& c) { EventPass(c).Run(); }

}  // namespace sijill::extract::english
