// Temporal graph queries over the knowledge layer: who commanded a unit, the chain of
// command, who was at a place, an entity's timeline and everything about it. Pure logic
// over store::KnowledgeStore (no SQL); the CLI and the HTTP API print the rows
// (query/rows.h). A Queries object is used by one thread at a time, like its store.
//
// Contract shared by every query:
// - Certainty: see query/time_window.h. A claim holds certainly or possibly in the
//   window, and answers keep the two apart.
// - Only accepted claims answer by default; QueryOptions::statuses adds candidates
//   (their rows say so through claim.status). Rejected claims never answer, except in
//   About, which lists them apart.
// - Entities answer for their merge group (KnowledgeStore::EntityGroup): claims about
//   any member count for the root, and rows name the root.
// - Work is proportional to the claims touched: every query reads claims through
//   FindClaims with a subject or object filter, never by scanning the base.
// Errors: kNotFound when an entity does not exist; kInvalidArgument when it has the
// wrong type ("entity 01j9z...: who-commanded needs a unit, not a place"); store errors
// as they come.
#pragma once

#include <vector>

#include "base/id.h"
#include "base/status.h"
#include "query/rows.h"
#include "query/time_window.h"
#include "store/knowledge_store.h"

namespace sijill::query {

enum class Statuses { kAcceptedOnly, kWithCandidates };

struct QueryOptions {
  Statuses statuses = Statuses::kAcceptedOnly;
};

struct ChainOptions {
  int up_levels = 5;
  int down_levels = 1;
};

struct AtPlaceOptions {
  // Places within the place (P located_at place, holding in the window), followed this
  // many levels: 0 = the place alone, 1 = direct sub-places, kAllLevels = every level.
  int sub_place_levels = 1;
  static constexpr int kAllLevels = 1 << 30;
};

class Queries {
 public:
  // `store` must outlive this object.
  explicit Queries(store::KnowledgeStore& store, QueryOptions options = {});

  // commander_of claims whose object is in `unit`'s group and that hold in `window`.
  // A claim with no role is role "commander". Two rows with different commander groups,
  // the same role (by NameKey) and times that certainly share a day (time::Overlaps ==
  // kCertainly) list each other's claim id in `conflicts`. Order: certainly first, then
  // by earliest day (unknown earliest last), then latest day, then claim id.
  // REQUIRES: `unit` is a unit (else kInvalidArgument).
  base::Result<std::vector<CommanderRow>> WhoCommanded(const base::Id& unit, const Window& window);

  // The chain of command at `window` around a unit or a person. For a person, the start
  // units are those the person's group is member_of or commander_of by a claim holding
  // in the window (certainty: the best of those claims); a unit starts from itself,
  // certainly. Up: subordinate_to claims (subject = child, object = parent) holding in
  // the window, level by level up to `up_levels`; every parent at a level is shown.
  // Down: units with a subordinate_to claim to a start unit, `down_levels` deep. A
  // unit's certainty is kCertainly when some path of at most the level limit from a
  // certain start uses only certainly-holding links (a path is as certain as its weakest
  // link); cycles are walked once. Each unit carries WhoCommanded(unit, window).
  // REQUIRES: `start` is a unit or a person.
  base::Result<ChainAnswer> Chain(const base::Id& start, const Window& window,
                                  const ChainOptions& options = {});

  // Who and what was at `place` during `window`: located_at / deployed_to claims of
  // units and persons, and occurred_at / located_at claims of events, whose object is in
  // the group of the place or of a sub-place. Sub-places are places with a located_at
  // claim to a place already reached, holding in the window, followed
  // `sub_place_levels` deep; a sub-place's certainty is that of its best path (a path is
  // as certain as its weakest link), its depth the shortest. A presence is as certain as
  // the weaker of its claim and its place.
  // REQUIRES: `place` is a place.
  base::Result<AtPlaceAnswer> AtPlace(const base::Id& place, const Window& window,
                                      const AtPlaceOptions& options = {});

  // Every claim (per QueryOptions::statuses) with the entity's group as subject or
  // object, each once, ordered by earliest day; claims whose earliest day is unknown
  // (open start, unknown time) come after all known ones; ties by latest day (unknown
  // last), then claim id.
  base::Result<std::vector<TimelineRow>> Timeline(const base::Id& entity);

  // The entity's group root, members, names, and every claim about the group (subject
  // or object; accepted, candidate and rejected apart, whatever the options say).
  base::Result<AboutAnswer> About(const base::Id& entity);

 private:
  class Context;
  store::KnowledgeStore& store_;
  QueryOptions options_;
};

}  // namespace sijill::query
