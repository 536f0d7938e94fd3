// The knowledge layer's values: entities (persons, units, places, events), claims about
// them with valid time and evidence, and the citations that tie each claim to a
// witness's exact words. Plain values with their invariants checked by CheckEntity /
// CheckClaim; no storage here (store/knowledge_store.h keeps them). Thread-safe.
//
// Conventions the rest of Sijill relies on:
// - Ids are base::Id (random, 128 bits), so exports and imports between archives keep
//   them.
// - Names are NFC text in any script. Aliases do not repeat the canonical name.
// - A claim's `time` is EDTF (time/edtf.h) in canonical form, or nullopt when the sources
//   say nothing about when: then queries answer "possibly" for every day, never
//   "certainly".
// - Citations locate a quote by code points into the source's extracted NFC text (the
//   text `sijill show` prints), the same offsets passages use (docs/formats/passages.md).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/id.h"
#include "base/status.h"

namespace sijill::knowledge {

enum class EntityType { kPerson, kUnit, kPlace, kEvent };

// A predicate of the design brief. Subject and object types (CheckClaim enforces them):
//   commander_of    person -> unit    role: commander, deputy, chief of staff, ...
//   member_of       person -> unit    rank and role as the witness gave them
//   subordinate_to  unit -> unit      child -> parent in the hierarchy
//   located_at      unit|event|person|place -> place   (HQ, base, prison)
//   deployed_to     unit|person -> place|event
//   participated_in person|unit -> event   role: detainee, firing unit, ...
//   occurred_at     event -> place
//   relative_of     person -> person  role: brother, father, ...
//   alias_of        any -> same type  (a claim that two names are one entity)
//   detained_at     person -> place|unit
enum class Predicate {
  kCommanderOf,
  kMemberOf,
  kSubordinateTo,
  kLocatedAt,
  kDeployedTo,
  kParticipatedIn,
  kOccurredAt,
  kRelativeOf,
  kAliasOf,
  kDetainedAt,
};

// How the source knows what it says.
enum class Evidence { kFirstHand, kHearsay, kDocumentary, kOpenSource };
enum class Confidence { kLow, kMedium, kHigh };
// A claim a person adds is accepted unless they say otherwise; machine-made claims are
// candidates until reviewed. Rejected claims are kept (with their history), never
// deleted, and answer no query.
enum class ClaimStatus { kCandidate, kAccepted, kRejected };

// Names as they appear in commands, exports and the database ("person", "commander_of",
// "first_hand", "medium", "accepted"), and back. Parse* return nullopt for an unknown
// name; they accept exactly these spellings.
std::string_view Name(EntityType type);
std::string_view Name(Predicate predicate);
std::string_view Name(Evidence evidence);
std::string_view Name(Confidence confidence);
std::string_view Name(ClaimStatus status);
std::optional<EntityType> ParseEntityType(std::string_view name);
std::optional<Predicate> ParsePredicate(std::string_view name);
std::optional<Evidence> ParseEvidence(std::string_view name);
std::optional<Confidence> ParseConfidence(std::string_view name);
std::optional<ClaimStatus> ParseClaimStatus(std::string_view name);
// Every value, in declaration order (for help texts and random tests).
const std::vector<EntityType>& AllEntityTypes();
const std::vector<Predicate>& AllPredicates();

struct Alias {
  std::string name;
  std::optional<base::Id> source;  // where this spelling was seen, if known
  bool operator==(const Alias&) const = default;
};

struct Entity {
  base::Id id;
  EntityType type = EntityType::kPerson;
  std::string name;  // canonical name
  std::vector<Alias> aliases;
  // A witness, a relative of one, or anyone flagged: below the confidential level every
  // mention of any of their names is replaced by Pseudonym(*this).
  bool is_protected = false;
  // Places: WGS 84 degrees, both or neither.
  std::optional<double> latitude;
  std::optional<double> longitude;
  // Units: the side they fought on ("government", "opposition", ...), free text compared
  // after folding; contradictions flag a person in units of two different sides.
  std::optional<std::string> side;
  std::optional<std::string> note;
  // Set when this entity was merged into another: queries then answer for the merge
  // group (the entity and everything merged into it), and the merge can be undone.
  std::optional<base::Id> merged_into;
  std::string created_by;  // actor (vault::CurrentActor)
  std::string created_at;  // UTC, ISO 8601

  bool operator==(const Entity&) const = default;
};

// The stable pseudonym that replaces a protected entity's names: "Protected person
// 7K3QZP" (type word + the first 6 characters of its id, upper case). It reveals nothing
// about the name, and is the same in every export of the archive.
std::string Pseudonym(const Entity& entity);

// A verbatim quote at an exact place in a source's text.
struct Citation {
  base::Id source;
  uint32_t passage = 0;   // ordinal of the passage holding the quote's start
  uint64_t cp_begin = 0;  // code points into the source's extracted text, [begin, end)
  uint64_t cp_end = 0;
  std::string quote;  // exactly the text at [cp_begin, cp_end)
  bool operator==(const Citation&) const = default;
};

struct Claim {
  base::Id id;
  base::Id subject;
  Predicate predicate = Predicate::kMemberOf;
  // The object: an entity, or a literal (text) where no entity fits. Exactly one is set.
  std::optional<base::Id> object;
  std::optional<std::string> object_text;
  std::optional<std::string> role;  // commander, chief of staff, detainee, brother, ...
  std::optional<std::string> rank;  // as written: "first lieutenant", "عميد"
  std::optional<std::string> time;  // canonical EDTF; nullopt: unknown
  Evidence evidence = Evidence::kFirstHand;
  Confidence confidence = Confidence::kMedium;
  ClaimStatus status = ClaimStatus::kAccepted;
  std::vector<Citation> citations;
  std::optional<std::string> note;
  std::string created_by;  // who proposed it: an actor, or "extract:<recognizer>"
  std::string created_at;

  bool operator==(const Claim&) const = default;
};

// Field-level checks, with messages that name the field: "time: 2012-13: month 13 is out
// of range (01-12)", "citations: an accepted claim needs at least one citation",
// "object: commander_of needs a unit, and 'Hama' is a place". `subject_type` and
// `object_type` are the types of the referenced entities (nullopt: literal object).
// Does not check that quotes are in their sources (the store does, it has the text).
base::Status CheckEntity(const Entity& entity);
base::Status CheckClaim(const Claim& claim, EntityType subject_type,
                        std::optional<EntityType> object_type);

// The key under which names are looked up: text::FoldForSearch of the name with runs of
// spaces and punctuation collapsed to one space and trimmed ("  The 47th  Brigade. " ->
// "the 47th brigade"; "الفرقة الرابعة" and "الفرقه الرابعه" meet). Resolution of
// spelling variants across scripts is the resolve module's (issue 6); this key is exact.
std::string NameKey(std::string_view name);

// One change to the knowledge layer, kept forever: who did what to which object, and
// the object's JSON (docs/formats/knowledge-json.md) before and after.
struct HistoryEvent {
  uint64_t seq = 0;  // order of events in the archive (assigned by the store)
  std::string at;    // UTC, ISO 8601
  std::string actor;
  std::string action;  // "entity.add", "entity.edit", "entity.merge", "entity.unmerge",
                       // "claim.add", "claim.edit", "claim.accept", "claim.reject"
  base::Id object;     // the entity or claim changed
  std::optional<std::string> before;  // JSON, nullopt for an addition
  std::optional<std::string> after;   // JSON
  bool operator==(const HistoryEvent&) const = default;
};

}  // namespace sijill::knowledge
