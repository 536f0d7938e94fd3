// A gold annotation file (*.gold.json, grammar in ../shared/docs/evaluation.md) as plain
// values, and the predictions scored against it. Entity references are indexes into the
// same file's `entities`, so scoring needs no ids. Thread-compatible values.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "knowledge/model.h"
#include "time/bounds.h"
#include "time/edtf.h"

namespace sijill::eval {

// The days a value may cover; nullopt: an open or unknown end.
struct DayRange {
  std::optional<time::Day> earliest;
  std::optional<time::Day> latest;
};

// time::BoundsOf the value.
DayRange RangeOf(const time::EdtfValue& value);

// The day range of an EDTF text as a gold file writes it. An interval with a season as
// an end ("../2012-22", which EDTF does not allow) is read through
// time::GroupingEndsAsMonths, as claim times are: the same days. Errors: the parser's
// message for the value.
base::Result<DayRange> RangeOfEdtf(std::string_view edtf);

struct GoldEntity {
  std::string id;  // "p1": what the gold's claims refer to
  knowledge::EntityType type = knowledge::EntityType::kPerson;
  std::string canonical;
  std::vector<std::string> mentions;
  bool is_protected = false;
};

struct GoldDate {
  std::string text;  // verbatim, searched for in the body
  std::string edtf;  // the gold "edtf", as written
  DayRange range;
};

// A claim's object: an entity (index into the entities) or a literal value.
struct ClaimObject {
  std::optional<size_t> entity;
  std::string literal;  // used when `entity` is nullopt
};

struct GoldClaim {
  size_t subject = 0;  // index into Gold::entities
  knowledge::Predicate predicate = knowledge::Predicate::kMemberOf;
  ClaimObject object;
  std::optional<std::string> role, rank;
  std::optional<DayRange> time;  // nullopt: null in the file
  std::optional<knowledge::Evidence> evidence;
  std::string quote;
};

struct Gold {
  std::string source;  // file name of the text, relative to the gold file's folder
  std::string language;
  std::optional<std::string> document_date;  // YYYY[-MM[-DD]]
  // Problems that do not stop scoring, each naming the file and field: a document_date
  // that is not YYYY[-MM[-DD]] ("Not specified") is scored as null.
  std::vector<std::string> warnings;
  std::vector<GoldEntity> entities;
  std::vector<GoldDate> dates;
  std::vector<GoldClaim> claims;
};

// Parses the text of a gold file. A claim object that is no entity id of the file is a
// literal. Errors (kInvalidArgument) name `file_name` and the field:
//   "t01.gold.json: not JSON: <parser message>"
//   "t01.gold.json: claims[3].subject: no entity has id \"p9\""
//   "t01.gold.json: dates[0].edtf: 2012-13: month 13 is out of range (01-12)"
base::Result<Gold> ParseGold(std::string_view json_text, std::string_view file_name);

// What an extraction proposed for one document.
struct PredictedEntity {
  knowledge::EntityType type = knowledge::EntityType::kPerson;
  std::string canonical;
  std::vector<std::string> mentions;  // aliases and mention texts
};

struct PredictedDate {
  uint64_t cp_begin = 0, cp_end = 0;     // code points into the document's body text
  std::optional<time::EdtfValue> value;  // nullopt: found but not fixed
};

struct PredictedClaim {
  size_t subject = 0;  // index into Predictions::entities
  knowledge::Predicate predicate = knowledge::Predicate::kMemberOf;
  ClaimObject object;  // entity: index into Predictions::entities
  std::optional<DayRange> time;
  knowledge::Evidence evidence = knowledge::Evidence::kFirstHand;
  knowledge::ClaimStatus status = knowledge::ClaimStatus::kCandidate;
};

struct Predictions {
  std::vector<PredictedEntity> entities;
  std::vector<PredictedDate> dates;
  std::vector<PredictedClaim> claims;
};

// The gold's own entities and claims as predictions (all claims candidates), for
// checking that a perfect extraction scores 1. Dates are not converted: their spans
// come from the text.
Predictions PredictionsFromGold(const Gold& gold);

}  // namespace sijill::eval
