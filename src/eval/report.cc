#include "eval/report.h"

#include <fmt/format.h>

#include "knowledge/model.h"

namespace sijill::eval {
namespace {

double Ratio(uint64_t num, uint64_t den) {
  return den ? static_cast<double>(num) / static_cast<double>(den) : 0;
}

nlohmann::json CountsJson(const MatchCounts& c) {
  return {{"gold", c.gold},       {"predicted", c.predicted},
          {"matched", c.matched}, {"precision", c.Precision()},
          {"recall", c.Recall()}, {"f1", c.F1()}};
}

std::string Row(std::string_view label, const MatchCounts& c) {
  return fmt::format("{:<10}{:>7}{:>11}{:>9}{:>8.3f}{:>8.3f}{:>8.3f}\n", label, c.gold, c.predicted,
                     c.matched, c.Precision(), c.Recall(), c.F1());
}

}  // namespace

nlohmann::json ScoreJson(const Score& s) {
  nlohmann::json entities;
  for (knowledge::EntityType t : knowledge::AllEntityTypes())
    entities[std::string(knowledge::Name(t))] =
        CountsJson(s.entities_by_type[static_cast<size_t>(t)]);
  entities["overall"] = CountsJson(s.entities);
  nlohmann::json claims = CountsJson(s.claims.counts);
  claims["evidence_agreed"] = s.claims.evidence_agreed;
  claims["evidence_agreement"] = Ratio(s.claims.evidence_agreed, s.claims.counts.matched);
  return {{"files", s.files},
          {"entities", entities},
          {"dates",
           {{"gold", s.dates.gold},
            {"found", s.dates.found},
            {"normalized", s.dates.normalized},
            {"found_rate", Ratio(s.dates.found, s.dates.gold)},
            {"normalized_rate", Ratio(s.dates.normalized, s.dates.gold)}}},
          {"claims", claims},
          {"person_unit_posts", CountsJson(s.posts.counts)}};
}

std::string ScoreTable(const Score& s) {
  std::string out = fmt::format("{} file{}\n\n", s.files, s.files == 1 ? "" : "s");
  out += fmt::format("{:<10}{:>7}{:>11}{:>9}{:>8}{:>8}{:>8}\n", "entities", "gold", "predicted",
                     "matched", "P", "R", "F1");
  for (knowledge::EntityType t : knowledge::AllEntityTypes())
    out += Row(knowledge::Name(t), s.entities_by_type[static_cast<size_t>(t)]);
  out += Row("overall", s.entities);
  out += "\n";
  out += Row("claims", s.claims.counts);
  out += Row("posts", s.posts.counts);
  out += "(posts: person->unit commander_of and member_of claims only)\n";
  out += fmt::format("evidence type agreed on {} of {} matched claims ({:.3f})\n\n",
                     s.claims.evidence_agreed, s.claims.counts.matched,
                     Ratio(s.claims.evidence_agreed, s.claims.counts.matched));
  out += fmt::format("dates     found {}/{} ({:.3f}), normalized {}/{} ({:.3f})\n", s.dates.found,
                     s.dates.gold, Ratio(s.dates.found, s.dates.gold), s.dates.normalized,
                     s.dates.gold, Ratio(s.dates.normalized, s.dates.gold));
  return out;
}

}  // namespace sijill::eval
