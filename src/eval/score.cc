#include "eval/score.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <string>

#include "base/utf8.h"
#include "eval/name_key.h"

namespace sijill::eval {
namespace {

using NameSet = std::set<std::string>;

NameSet NamesOf(std::string_view canonical, const std::vector<std::string>& mentions) {
  NameSet names;
  names.insert(NormalizeName(canonical));
  for (const auto& m : mentions) names.insert(NormalizeName(m));
  names.erase("");
  return names;
}

bool Intersect(const NameSet& a, const NameSet& b) {
  return std::any_of(a.begin(), a.end(), [&](const std::string& n) { return b.contains(n); });
}

size_t TypeIndex(knowledge::EntityType type) { return static_cast<size_t>(type); }

}  // namespace

bool ObjectsAgree(const ClaimObject& gold, const ClaimObject& predicted,
                  const EntityScore& entities) {
  if (gold.entity) {
    int64_t want = entities.match[*gold.entity];
    return want >= 0 && predicted.entity && static_cast<int64_t>(*predicted.entity) == want;
  }
  return !predicted.entity && NormalizeName(gold.literal) == NormalizeName(predicted.literal);
}

namespace {

bool ClaimsMatch(const GoldClaim& g, const PredictedClaim& p, const EntityScore& entities) {
  if (p.status == knowledge::ClaimStatus::kRejected || p.predicate != g.predicate) return false;
  int64_t subject = entities.match[g.subject];
  if (subject < 0 || static_cast<int64_t>(p.subject) != subject) return false;
  return ObjectsAgree(g.object, p.object, entities) && TimesCompatible(g.time, p.time);
}

}  // namespace

double MatchCounts::Precision() const {
  return predicted ? static_cast<double>(matched) / static_cast<double>(predicted) : 0;
}
double MatchCounts::Recall() const {
  return gold ? static_cast<double>(matched) / static_cast<double>(gold) : 0;
}
double MatchCounts::F1() const {
  double p = Precision(), r = Recall();
  return p + r > 0 ? 2 * p * r / (p + r) : 0;
}
MatchCounts& MatchCounts::operator+=(const MatchCounts& o) {
  gold += o.gold, predicted += o.predicted, matched += o.matched;
  return *this;
}

EntityScore ScoreEntities(const Gold& gold, const Predictions& predictions) {
  EntityScore s;
  std::vector<NameSet> predicted_names;
  for (const auto& p : predictions.entities) {
    predicted_names.push_back(NamesOf(p.canonical, p.mentions));
    ++s.by_type[TypeIndex(p.type)].predicted;
  }
  std::vector<bool> taken(predictions.entities.size(), false);
  for (const auto& g : gold.entities) {
    MatchCounts& counts = s.by_type[TypeIndex(g.type)];
    ++counts.gold;
    NameSet names = NamesOf(g.canonical, g.mentions);
    int64_t match = -1;
    for (size_t i = 0; i < predictions.entities.size() && match < 0; ++i) {
      if (taken[i] || predictions.entities[i].type != g.type) continue;
      if (Intersect(names, predicted_names[i])) match = static_cast<int64_t>(i);
    }
    if (match >= 0) {
      taken[static_cast<size_t>(match)] = true;
      ++counts.matched;
    }
    s.match.push_back(match);
  }
  for (const auto& c : s.by_type) s.overall += c;
  return s;
}

DateScore& DateScore::operator+=(const DateScore& o) {
  gold += o.gold, found += o.found, normalized += o.normalized;
  return *this;
}

double DayJaccard(const DayRange& x, const DayRange& y, time::Day document_day) {
  const time::Day floor = time::DayFromCivil(1900, 1, 1);
  time::Day xl = x.earliest.value_or(floor), xh = x.latest.value_or(document_day);
  time::Day yl = y.earliest.value_or(floor), yh = y.latest.value_or(document_day);
  auto inter = static_cast<double>(std::max<time::Day>(0, std::min(xh, yh) - std::max(xl, yl) + 1));
  auto uni = static_cast<double>(std::max(xh, yh) - std::min(xl, yl) + 1);
  return uni > 0 ? inter / uni : 0;
}

DateScore ScoreDates(const Gold& gold, const Predictions& predictions, std::string_view body,
                     time::Day document_day) {
  DateScore s;
  for (const GoldDate& g : gold.dates) {
    ++s.gold;
    size_t at = body.find(g.text);
    if (at == std::string_view::npos || g.text.empty()) continue;
    uint64_t lo = base::CodePointCount(body.substr(0, at));
    uint64_t hi = lo + base::CodePointCount(g.text);
    bool found = false, normalized = false;
    for (const PredictedDate& p : predictions.dates) {
      if (p.cp_end <= lo || p.cp_begin >= hi) continue;
      found = true;
      if (p.value && DayJaccard(RangeOf(*p.value), g.range, document_day) >= 0.5) normalized = true;
    }
    s.found += found;
    s.normalized += normalized;
  }
  return s;
}

time::Day DocumentDay(const std::optional<std::string>& document_date) {
  if (document_date) {
    auto value = time::ParseEdtf(*document_date);
    if (value && value->kind == time::ValueKind::kDate) {
      if (auto span = time::SpanOf(value->start)) return span->last;
    }
  }
  auto today = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now());
  std::chrono::year_month_day ymd(today);
  return time::DayFromCivil(static_cast<int>(ymd.year()), 12, 31);
}

ClaimScore& ClaimScore::operator+=(const ClaimScore& o) {
  counts += o.counts;
  evidence_agreed += o.evidence_agreed;
  return *this;
}

bool TimesCompatible(const std::optional<DayRange>& a, const std::optional<DayRange>& b) {
  if (!a || !b) return true;
  const DayRange &x = *a, &y = *b;
  bool x_before_y = x.latest && y.earliest && *x.latest < *y.earliest;
  bool y_before_x = y.latest && x.earliest && *y.latest < *x.earliest;
  return !x_before_y && !y_before_x;
}

ClaimScore ScoreClaims(const Gold& gold, const Predictions& predictions,
                       const EntityScore& entities) {
  ClaimScore s;
  s.counts.gold = gold.claims.size();
  s.counts.predicted = static_cast<uint64_t>(
      std::count_if(predictions.claims.begin(), predictions.claims.end(),
                    [](const auto& c) { return c.status != knowledge::ClaimStatus::kRejected; }));
  std::vector<bool> taken(predictions.claims.size(), false);
  for (const GoldClaim& g : gold.claims) {
    s.match.push_back(-1);
    for (size_t i = 0; i < predictions.claims.size(); ++i) {
      if (taken[i] || !ClaimsMatch(g, predictions.claims[i], entities)) continue;
      taken[i] = true;
      ++s.counts.matched;
      s.match.back() = static_cast<int64_t>(i);
      if (g.evidence == predictions.claims[i].evidence) ++s.evidence_agreed;
      break;
    }
  }
  return s;
}

namespace {

bool IsPost(knowledge::Predicate p) {
  return p == knowledge::Predicate::kCommanderOf || p == knowledge::Predicate::kMemberOf;
}

}  // namespace

ClaimScore ScorePosts(const Gold& gold, const Predictions& predictions,
                      const EntityScore& entities) {
  using knowledge::EntityType;
  Gold gold_posts = gold;
  std::erase_if(gold_posts.claims, [&](const GoldClaim& c) {
    return !IsPost(c.predicate) || !c.object.entity ||
           gold.entities[c.subject].type != EntityType::kPerson ||
           gold.entities[*c.object.entity].type != EntityType::kUnit;
  });
  Predictions predicted_posts = predictions;
  std::erase_if(predicted_posts.claims, [&](const PredictedClaim& c) {
    return !IsPost(c.predicate) || !c.object.entity ||
           predictions.entities[c.subject].type != EntityType::kPerson ||
           predictions.entities[*c.object.entity].type != EntityType::kUnit;
  });
  return ScoreClaims(gold_posts, predicted_posts, entities);
}

Score& Score::operator+=(const Score& o) {
  files += o.files;
  for (size_t i = 0; i < entities_by_type.size(); ++i) entities_by_type[i] += o.entities_by_type[i];
  entities += o.entities;
  dates += o.dates;
  claims += o.claims;
  posts += o.posts;
  return *this;
}

Score ScoreFile(const Gold& gold, const Predictions& predictions, std::string_view body) {
  Score s;
  s.files = 1;
  EntityScore entities = ScoreEntities(gold, predictions);
  s.entities_by_type = entities.by_type;
  s.entities = entities.overall;
  s.dates = ScoreDates(gold, predictions, body, DocumentDay(gold.document_date));
  s.claims = ScoreClaims(gold, predictions, entities);
  s.posts = ScorePosts(gold, predictions, entities);
  return s;
}

}  // namespace sijill::eval
