// The rows queries answer with: plain values a CLI prints and an HTTP API serializes.
// Every row carries its whole claim (with citations: the witnesses' exact words), the
// claim's day bounds and how certainly it holds. Entities are given as the root of their
// merge group. Thread-safe (plain data).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/id.h"
#include "knowledge/model.h"
#include "query/time_window.h"
#include "time/bounds.h"

namespace sijill::query {

// A claim in an answer. `claim.status` says whether it is accepted or a candidate
// (candidates only appear when QueryOptions asks for them).
struct ClaimRow {
  knowledge::Claim claim;                      // with its citations
  time::Bounds bounds;                         // of claim.time; all unset when the time is unknown
  Certainty certainty = Certainty::kPossibly;  // how it holds in the query window
};

// One answer of WhoCommanded.
struct CommanderRow {
  ClaimRow row;                 // the commander_of claim
  knowledge::Entity commander;  // root of the claim subject's merge group
  std::string role;             // claim.role, or "commander" when it has none
  std::optional<std::string> rank;
  // Ids of the claims, among the rows of the same answer, that put a different person
  // in the same post (same role by knowledge::NameKey) on a day both claims certainly
  // cover. Empty: no same-post conflict.
  std::vector<base::Id> conflicts;
};

// A claim linking two entities of an answer (a subordinate_to edge of a chain, a
// located_at edge between places), both given as merge-group roots.
struct EdgeRow {
  base::Id from;  // the claim's subject (child unit, sub-place)
  base::Id to;    // the claim's object (parent unit, enclosing place)
  ClaimRow row;
};

// A unit of a chain of command.
struct ChainUnit {
  knowledge::Entity unit;  // merge-group root
  // 0: where the chain starts (the unit asked about, or a unit of the person asked
  // about); 1, 2, ...: levels above; -1, -2, ...: levels below.
  int level = 0;
  // kCertainly when a path of certain links (within the level limits) reaches it from a
  // certain start; else kPossibly.
  Certainty certainty = Certainty::kPossibly;
  std::vector<CommanderRow> commanders;  // WhoCommanded(unit, window)
};

struct ChainAnswer {
  std::optional<knowledge::Entity> person;  // set when the chain starts from a person
  std::vector<ClaimRow> memberships;        // that person's member_of / commander_of claims
  // Ordered by level (top first), then certainly before possibly, then id. Each unit
  // appears once: at level 0 if it is a start, else at its nearest level above, else at
  // its nearest level below.
  std::vector<ChainUnit> units;
  // The subordinate_to claims walked (each once), ordered by (from, to, claim id).
  std::vector<EdgeRow> links;
};

// A place within the place asked about (or that place itself, at depth 0).
struct PlaceRow {
  knowledge::Entity place;  // merge-group root
  int depth = 0;
  Certainty certainty = Certainty::kCertainly;  // of the located_at path to the place asked
};

// A unit, person or event at a place.
struct PresenceRow {
  ClaimRow row;  // located_at / deployed_to / occurred_at; row.certainty is the claim's own
  knowledge::Entity subject;  // merge-group root
  base::Id place;             // root of the claim's place (one of AtPlaceAnswer::places)
  // The weaker of the claim's own certainty and the place's (PlaceRow::certainty).
  Certainty certainty = Certainty::kPossibly;
};

struct AtPlaceAnswer {
  std::vector<PlaceRow> places;      // depth 0 first, then by depth, certainty, id
  std::vector<EdgeRow> place_links;  // the located_at claims between places, each once
  // Each ordered: certainly first, then by earliest day (unknown last), then claim id.
  std::vector<PresenceRow> units;
  std::vector<PresenceRow> persons;
  std::vector<PresenceRow> events;
};

enum class Side { kSubject, kObject };

struct TimelineRow {
  knowledge::Claim claim;
  time::Bounds bounds;
  std::string earliest;  // FormatDay(bounds.earliest): "2012-06-01" or ".."
  std::string latest;
  Side side = Side::kSubject;  // where the entity asked about stands in the claim
  // The other end of the claim (merge-group root), nullopt for a literal object.
  std::optional<knowledge::Entity> other;
};

struct AboutAnswer {
  knowledge::Entity entity;                // the merge-group root
  std::vector<knowledge::Entity> members;  // the rest of the group, in EntityGroup order
  // Every name of the group but the root's canonical one: the root's aliases, then each
  // member's name and aliases; each spelling once.
  std::vector<knowledge::Alias> aliases;
  // Claims with the group as subject or object, in timeline order, kept apart by status.
  std::vector<knowledge::Claim> accepted;
  std::vector<knowledge::Claim> candidates;
  std::vector<knowledge::Claim> rejected;
};

}  // namespace sijill::query
