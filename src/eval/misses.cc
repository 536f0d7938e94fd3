#include "eval/misses.h"

#include <fmt/format.h>

namespace sijill::eval {
namespace {

std::string EntityText(knowledge::EntityType type, std::string_view canonical,
                       const std::vector<std::string>& mentions) {
  return fmt::format("{} '{}' [{}]", knowledge::Name(type), canonical, fmt::join(mentions, " | "));
}

std::string ObjectText(const ClaimObject& object, auto&& entity_name) {
  return object.entity ? entity_name(*object.entity) : "'" + object.literal + "'";
}

// Why nothing matched gold claim `g`, as far as the predictions show it: the first of
// its entities that no prediction matched, or else the predictions that link the same
// two entities but differ in predicate or time.
std::string MissReason(const GoldClaim& g, const Predictions& predictions,
                       const EntityScore& entities) {
  int64_t subject = entities.match[g.subject];
  if (subject < 0) return "subject not found";
  if (g.object.entity && entities.match[*g.object.entity] < 0) return "object not found";
  for (const PredictedClaim& p : predictions.claims) {
    if (p.status == knowledge::ClaimStatus::kRejected) continue;
    if (p.subject != static_cast<size_t>(subject)) continue;
    if (!ObjectsAgree(g.object, p.object, entities)) continue;
    if (p.predicate != g.predicate)
      return fmt::format("predicted as {}", knowledge::Name(p.predicate));
    if (!TimesCompatible(p.time, g.time)) return "times do not overlap";
  }
  return "no claim links them";
}

}  // namespace

Misses FindMisses(const Gold& gold, const Predictions& predictions, const EntityScore& entities,
                  const ClaimScore& claims) {
  Misses m;
  m.source = gold.source;
  std::vector<bool> entity_taken(predictions.entities.size(), false);
  for (size_t i = 0; i < gold.entities.size(); ++i) {
    const GoldEntity& g = gold.entities[i];
    if (entities.match[i] >= 0) {
      entity_taken[static_cast<size_t>(entities.match[i])] = true;
    } else {
      m.missed_entities.push_back(EntityText(g.type, g.canonical, g.mentions));
    }
  }
  for (size_t i = 0; i < predictions.entities.size(); ++i) {
    const PredictedEntity& p = predictions.entities[i];
    if (!entity_taken[i]) m.extra_entities.push_back(EntityText(p.type, p.canonical, p.mentions));
  }
  auto gold_name = [&](size_t i) { return gold.entities[i].canonical; };
  auto predicted_name = [&](size_t i) { return predictions.entities[i].canonical; };
  std::vector<bool> claim_taken(predictions.claims.size(), false);
  for (size_t i = 0; i < gold.claims.size(); ++i) {
    const GoldClaim& g = gold.claims[i];
    if (i < claims.match.size() && claims.match[i] >= 0) {
      claim_taken[static_cast<size_t>(claims.match[i])] = true;
      continue;
    }
    m.missed_claims.push_back(fmt::format(
        "{} {} {}: “{}” ({})", gold_name(g.subject), knowledge::Name(g.predicate),
        ObjectText(g.object, gold_name), g.quote, MissReason(g, predictions, entities)));
  }
  for (size_t i = 0; i < predictions.claims.size(); ++i) {
    const PredictedClaim& p = predictions.claims[i];
    if (claim_taken[i] || p.status == knowledge::ClaimStatus::kRejected) continue;
    m.extra_claims.push_back(
        fmt::format("{} {} {} ({})", predicted_name(p.subject), knowledge::Name(p.predicate),
                    ObjectText(p.object, predicted_name), knowledge::Name(p.evidence)));
  }
  return m;
}

std::string MissesText(const Misses& m) {
  std::string out = m.source + "\n";
  auto list = [&](std::string_view label, const std::vector<std::string>& items) {
    for (const auto& item : items) out += fmt::format("  {}: {}\n", label, item);
  };
  list("missed entity", m.missed_entities);
  list("extra entity", m.extra_entities);
  list("missed claim", m.missed_claims);
  list("extra claim", m.extra_claims);
  return out;
}

nlohmann::json MissesJson(const Misses& m) {
  return {{"source", m.source},
          {"missed_entities", m.missed_entities},
          {"extra_entities", m.extra_entities},
          {"missed_claims", m.missed_claims},
          {"extra_claims", m.extra_claims}};
}

}  // namespace sijill::eval
