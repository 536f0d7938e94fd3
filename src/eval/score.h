// Scoring of one document's predictions against its gold, exactly as
// ../shared/docs/evaluation.md says; counts add up over files (micro-averaging). Pure
// functions over plain values; thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

#include "eval/gold.h"
#include "time/bounds.h"

namespace sijill::eval {

// Counts of a one-to-one matching.
struct MatchCounts {
  uint64_t gold = 0;
  uint64_t predicted = 0;
  uint64_t matched = 0;
  double Precision() const;  // matched / predicted; 0 when nothing was predicted
  double Recall() const;     // matched / gold; 0 when there is no gold
  double F1() const;         // harmonic mean; 0 when both are 0
  MatchCounts& operator+=(const MatchCounts& o);
};

struct EntityScore {
  std::array<MatchCounts, 4> by_type;  // indexed by knowledge::EntityType
  MatchCounts overall;
  // For each gold entity, the index of the predicted entity matched to it, or -1.
  std::vector<int64_t> match;
};

// Each gold entity, in order, takes the first unmatched predicted entity of its type
// one of whose normalized names (canonical or mention) equals one of its own.
EntityScore ScoreEntities(const Gold& gold, const Predictions& predictions);

struct DateScore {
  uint64_t gold = 0;
  uint64_t found = 0;
  uint64_t normalized = 0;
  DateScore& operator+=(const DateScore& o);
};

// Jaccard overlap of the day bounds of `a` and `b`; an open or unknown end stands for
// the document's own span, [1900-01-01, document_day].
double DayJaccard(const DayRange& a, const DayRange& b, time::Day document_day);

// `body` is the document's text after its header block, which predicted spans index (in
// code points). A gold date whose text does not occur in `body` is neither found nor
// normalized.
DateScore ScoreDates(const Gold& gold, const Predictions& predictions, std::string_view body,
                     time::Day document_day);

// The last day of the document date (YYYY, YYYY-MM or YYYY-MM-DD); without one, the
// last day of the current year (so open ends stay finite).
time::Day DocumentDay(const std::optional<std::string>& document_date);

struct ClaimScore {
  // For each gold claim, the index of the predicted claim matched to it, or -1 (per file;
  // not summed).
  std::vector<int64_t> match;
  MatchCounts counts;            // predicted: claims not rejected
  uint64_t evidence_agreed = 0;  // matched claims whose evidence type equals the gold's
  ClaimScore& operator+=(const ClaimScore& o);
};

// True when either time is null or their day bounds overlap (an open end is unbounded).
bool TimesCompatible(const std::optional<DayRange>& a, const std::optional<DayRange>& b);

// Whether a predicted claim object is the one the gold names, given the entity matching
// (for a literal: equal normalized values).
bool ObjectsAgree(const ClaimObject& gold, const ClaimObject& predicted,
                  const EntityScore& entities);

// Each gold claim, in order, takes the first unmatched predicted claim that is not
// rejected, has its predicate, has as subject and object the predicted entities matched
// to the gold's (`entities.match`) or for a literal object an equal normalized value, and
// a compatible time.
ClaimScore ScoreClaims(const Gold& gold, const Predictions& predictions,
                       const EntityScore& entities);

// The same matching over person->unit posts only: commander_of and member_of claims
// whose subject is a person and object a unit, in the gold and in the predictions (the
// relation news annotations such as Security Force Monitor's carry).
ClaimScore ScorePosts(const Gold& gold, const Predictions& predictions,
                      const EntityScore& entities);

// Everything scored for one file or, summed, for a collection.
struct Score {
  uint64_t files = 0;
  std::array<MatchCounts, 4> entities_by_type;
  MatchCounts entities;
  DateScore dates;
  ClaimScore claims;
  ClaimScore posts;  // person->unit posts (ScorePosts)
  Score& operator+=(const Score& o);
};

Score ScoreFile(const Gold& gold, const Predictions& predictions, std::string_view body);

}  // namespace sijill::eval
