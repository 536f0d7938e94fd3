// The English event pass (english_events*.cc): state shared by its patterns. Internal to
// the extract module; FindEvents (english_internal.h) is its entry point.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/english_internal.h"

namespace sijill::extract::english {

inline bool OneOf(std::string_view w, std::initializer_list<std::string_view> words) {
  for (std::string_view x : words)
    if (x == w) return true;
  return false;
}

// Events of one person (shellings, transfers and operations are told as scenes).
enum class Kind { kArrest, kDetention, kRelease, kLeaving, kWounding };

// A participant and the tokens [first, last) that name it.
struct Ref {
  size_t entity = 0;
  size_t first = 0, last = 0;
  bool passive = false;  // the verb after it is passive ("was arrested")
};

// Where an event happened: a place or unit after a preposition ("at the checkpoint at the
// entrance of Qudsaya", "in Branch 215", "to the airport").
struct Where {
  size_t entity = 0;
  bool unit = false;
  bool facility = false;  // a place of detention: a security branch or unit, a prison, an airport
  size_t first = 0, last = 0;  // the place's tokens; `last` takes a following "market", ...
  std::string name;            // "Qudsaya checkpoint", "Jobar market", "Branch 215"
  bool checkpoint = false;     // the phrase speaks of a checkpoint
};

class EventPass {
 public:
  explicit EventPass(Context& c);
  void Run();

 private:
  // Patterns (english_events.cc, english_events_scenes.cc).
  void PersonEvent(const Sentence& s, size_t verb, Kind kind);
  void Left(const Sentence& s, size_t verb);
  void Nominal(const Sentence& s, size_t noun, Kind kind);
  void Companion(const Sentence& s, size_t with);
  void WitnessInFacility(const Sentence& s, size_t prep);
  void Movement(const Sentence& s, size_t verb);
  void Shelling(const Sentence& s, size_t verb);
  void Operation(const Sentence& s, size_t noun);
  void Links(const Sentence& s);

  // Arguments (english_events_args.cc).
  bool Asserted(const Sentence& s) const;
  // The subject of the verb at `verb`, over auxiliaries ("had been"); nullopt when none is
  // known or the wording is modal or negated ("would be", "was not").
  std::optional<Ref> SubjectOf(const Sentence& s, size_t verb) const;
  // The object after an active verb: "me", "us", "him", a person ("my brother Ayham").
  std::optional<Ref> ObjectOf(const Sentence& s, size_t verb) const;
  // "he", "his": the last person named before it in its paragraph (testimonies only).
  std::optional<size_t> Pronoun(size_t token) const;
  // "my", "our": the witness; "his", "her": as Pronoun.
  std::optional<size_t> Possessor(size_t token) const;
  // "I", "we", "me", "us", "my", "our" in the witness's own words.
  bool IsFirstPerson(size_t token) const;
  bool Framing(size_t token) const;  // an interviewer's paragraph
  // The first place or unit of the clause after `from` that a preposition introduces.
  std::optional<Where> WhereAfter(const Sentence& s, size_t from) const;
  // The place or unit that the preposition at `prep` introduces.
  std::optional<Where> WhereAt(const Sentence& s, size_t prep) const;
  // The place or unit found at the token, with a site noun after it ("market").
  std::optional<Where> Entity(size_t token) const;
  // The witness's own unit: the smallest army echelon of their memberships ("our tanks").
  std::optional<size_t> OwnUnit() const;
  // Whether a claim made the person a member or commander of the unit.
  bool MemberOf(size_t person, size_t unit) const;
  // Whether a date (or "in"/"on" and a date) starts at the token.
  bool StartsDate(size_t token) const;

  // Results. Happened makes (or finds) the event of `kind` for `person`, its claims, and
  // returns it; `word` is the word that told it ("defected", "left the army"), which names
  // a leaving. REQUIRES: `where` for a detention.
  size_t Happened(const Sentence& s, Kind kind, size_t person, Span span,
                  const std::optional<Where>& where, std::string_view word);
  size_t Event(std::string_view key, const std::string& canonical, Span span);
  void Take(const Sentence& s, size_t subject, knowledge::Predicate predicate, size_t object,
            std::optional<std::string> role);
  // The time of an event told in `s`: its date, or after/before it ("two months after X").
  std::optional<std::string> EventTime(const Sentence& s) const;
  // Hands the event claims to the builder.
  void Flush();

  Context& c_;
  std::vector<std::optional<size_t>> places_;  // per token: the place found there
  std::set<size_t> detainees_;                 // persons arrested or held in this text
  std::vector<FoundClaim> claims_;             // event claims, one per participant and event
  std::optional<size_t> last_shelling_;
  Span last_shelling_paragraph_;
};

}  // namespace sijill::extract::english
