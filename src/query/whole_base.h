// Passes over the whole knowledge base: corroborated claims and contradictions. Each is
// one ForEachClaim pass plus one ForEachEntity pass, grouped in memory by hash; claims
// are compared pairwise only within a group (same subject, predicate and object), after
// sorting by time, so the cost grows with the base and the size of its largest group,
// not with the square of the base. Memory: a few dozen bytes per claim (ids and bounds;
// claims are listed by id, read them with KnowledgeStore::GetClaim).
// Not thread-safe with respect to the store (one thread at a time, like the store).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "base/id.h"
#include "base/status.h"
#include "knowledge/model.h"
#include "query/queries.h"
#include "query/time_window.h"
#include "store/knowledge_store.h"
#include "store/store.h"

namespace sijill::query {

// The witness of a source (store::SourceRecord::witness), nullopt when it names none.
using WitnessOf = std::function<base::Result<std::optional<std::string>>(const base::Id& source)>;
// WitnessOf reading store::Store::GetSource. `store` must outlive the function.
WitnessOf WitnessesFrom(store::Store& store);

// The independence key of a source: "witness:" + NameKey(witness) when it names a
// witness, else "source:" + its id. Two articles quoting one witness share a key.
std::string IndependenceKey(const base::Id& source, const std::optional<std::string>& witness);

// Accepted claims agreeing on subject group, predicate and object (object group, or
// literal object by NameKey), connected by compatible times (time::Overlaps != kNo; an
// unknown time is compatible with every time): the connected sets of such claims (so
// every claim of a group is compatible with at least one other of it, or is alone) that
// rest on at least two independent keys among all their citations.
struct CorroborationGroup {
  base::Id subject;  // merge-group root
  knowledge::Predicate predicate = knowledge::Predicate::kMemberOf;
  std::optional<base::Id> object;             // merge-group root, for an entity object
  std::optional<std::string> object_key;      // NameKey of a literal object
  std::vector<base::Id> claims;               // ascending
  std::vector<std::string> independent_keys;  // distinct, ascending
};

// Groups ordered by (subject, predicate, object, object_key, first claim). Errors: the
// store's, and WitnessOf's.
base::Result<std::vector<CorroborationGroup>> Corroborate(store::KnowledgeStore& store,
                                                          const WitnessOf& witness_of);

enum class ContradictionKind {
  // commander_of claims with the same object group and role (NameKey; none = "commander"),
  // different subject groups, times overlapping (certainly or possibly).
  kTwoCommanders,
  // located_at / deployed_to claims of one unit group to two place groups whose roots
  // both have coordinates more than `min_distance_km` apart (haversine, mean Earth
  // radius 6371.0088 km), whose CERTAIN day spans share a day. Always kCertainly.
  kDistantPlaces,
  // member_of / commander_of claims of one person group to units of disjoint, known sides,
  // times overlapping (certainly or possibly). A unit group's sides are the NameKeys of
  // its members' `side`s; a group with none inherits the sides of every group it is
  // subordinate_to (by any claim the options admit, at any time), transitively.
  kOppositeSides,
};
std::string_view Name(ContradictionKind kind);  // "two_commanders", ...

struct Contradiction {
  ContradictionKind kind = ContradictionKind::kTwoCommanders;
  Certainty certainty = Certainty::kCertainly;  // kPossibly: "possible contradiction"
  base::Id about;    // the unit (two commanders, distant places) or the person (sides)
  base::Id claim_a;  // claim_a < claim_b
  base::Id claim_b;
  std::optional<double> distance_km;          // kDistantPlaces
  std::optional<std::string> side_a, side_b;  // kOppositeSides: the sides, joined by ", "
};

struct ContradictionOptions {
  Statuses statuses = Statuses::kAcceptedOnly;
  double min_distance_km = 50;
};

// Every contradiction, ordered by (kind, certainty: certainly first, about, claim_a,
// claim_b).
base::Result<std::vector<Contradiction>> FindContradictions(
    store::KnowledgeStore& store, const ContradictionOptions& options = {});

// Great-circle distance in km between two WGS 84 points given in degrees.
double HaversineKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sijill::query
