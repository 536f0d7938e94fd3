// The model-based check: every query answered by the implementation over a
// KnowledgeStore and by the brute-force Reference over the same plain vectors must give
// the same rows, certainly and possibly apart. Shared by the in-memory and SQLite runs.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "query/queries.h"
#include "query/testing/dump.h"
#include "query/testing/random_base.h"
#include "query/testing/reference.h"
#include "query/testing/reference_whole_base.h"
#include "query/whole_base.h"

namespace sijill::query::testing {

// Counts what was compared, for the test's report.
struct CheckCounts {
  long queries = 0;
  long rows = 0;
  long certainly = 0;
  long possibly = 0;
  long conflicts = 0;               // who-commanded rows flagged
  long chain_units = 0;             // units in chains, above or below the start
  long sub_places = 0;              // places at depth > 0
  long corroborations = 0;          // groups
  long contradictions[2] = {0, 0};  // certainly, possibly
  long kinds[3] = {0, 0, 0};        // by ContradictionKind
};

inline WitnessOf WitnessesOf(const RandomBase& base) {
  return [&base](const base::Id& id) -> base::Result<std::optional<std::string>> {
    for (const auto& s : base.sources) {
      if (s.id == id) return s.witness;
    }
    return base::Error(base::Status::NotFound("source " + id.ToString()));
  };
}

// Returns false (after reporting through gtest) at the first difference.
inline bool CheckBase(store::KnowledgeStore& store, const RandomBase& base, Generator& g,
                      const std::string& label, CheckCounts& counts, int windows = 6) {
  for (Statuses statuses : {Statuses::kAcceptedOnly, Statuses::kWithCandidates}) {
    QueryOptions options{statuses};
    Queries queries(store, options);
    Reference ref(base.entities, base.claims, base.sources, options);
    auto same = [&](const std::string& what, const std::string& got, const std::string& want) {
      ++counts.queries;
      EXPECT_EQ(got, want) << label << " " << what
                           << (statuses == Statuses::kWithCandidates ? " (with candidates)" : "");
      return got == want;
    };
    for (int k = 0; k < windows; ++k) {
      std::string edtf = g.Edtf();
      Window window = *ParseWindow(edtf);
      time::EdtfValue w = *time::ParseEdtf(edtf);
      for (const auto& e : base.entities) {
        std::string what = fmt::format("{} window {}", Short(e.id), edtf);
        if (e.type == knowledge::EntityType::kUnit) {
          auto got = queries.WhoCommanded(e.id, window);
          if (!got) return ADD_FAILURE() << got.error().message(), false;
          auto want = ref.WhoCommanded(e.id, w);
          for (const auto& r : want) {
            ++counts.rows;
            ++(r.row.certainty == Certainty::kCertainly ? counts.certainly : counts.possibly);
            counts.conflicts += !r.conflicts.empty();
          }
          if (!same("who-commanded " + what, Dump(*got), Dump(want))) return false;
        }
        if (e.type == knowledge::EntityType::kUnit || e.type == knowledge::EntityType::kPerson) {
          ChainOptions o{g.Uniform(0, 5), g.Uniform(0, 2)};
          auto got = queries.Chain(e.id, window, o);
          if (!got) return ADD_FAILURE() << got.error().message(), false;
          for (const auto& u : got->units) counts.chain_units += u.level != 0;
          if (!same(fmt::format("chain {} up {} down {}", what, o.up_levels, o.down_levels),
                    Dump(*got), Dump(ref.Chain(e.id, w, o)))) {
            return false;
          }
        }
        if (e.type == knowledge::EntityType::kPlace) {
          int levels = std::vector<int>{0, 1, 2, AtPlaceOptions::kAllLevels}[g.Uniform(0, 3)];
          auto got = queries.AtPlace(e.id, window, {levels});
          if (!got) return ADD_FAILURE() << got.error().message(), false;
          for (const auto& p : got->places) counts.sub_places += p.depth > 0;
          if (!same(fmt::format("at-place {} levels {}", what, levels), Dump(*got),
                    Dump(ref.AtPlace(e.id, w, levels)))) {
            return false;
          }
        }
      }
    }
    for (const auto& e : base.entities) {
      auto timeline = queries.Timeline(e.id);
      if (!timeline) return ADD_FAILURE() << timeline.error().message(), false;
      if (!same("timeline " + Short(e.id), Dump(*timeline), Dump(ref.Timeline(e.id)))) return false;
      auto about = queries.About(e.id);
      if (!about) return ADD_FAILURE() << about.error().message(), false;
      if (!same("about " + Short(e.id), Dump(*about), Dump(ref.About(e.id)))) return false;
    }
    auto contradictions = FindContradictions(store, {statuses, 50});
    if (!contradictions) return ADD_FAILURE() << contradictions.error().message(), false;
    for (const auto& c : *contradictions) {
      ++counts.contradictions[c.certainty == Certainty::kCertainly ? 0 : 1];
      ++counts.kinds[static_cast<int>(c.kind)];
    }
    if (!same("contradictions", Dump(*contradictions), Dump(ReferenceContradictions(ref)))) {
      return false;
    }
  }
  auto groups = Corroborate(store, WitnessesOf(base));
  if (!groups) return ADD_FAILURE() << groups.error().message(), false;
  Reference ref(base.entities, base.claims, base.sources);
  ++counts.queries;
  counts.corroborations += groups->size();
  EXPECT_EQ(Dump(*groups), Dump(ReferenceCorroborate(ref))) << label << " corroboration";
  return Dump(*groups) == Dump(ReferenceCorroborate(ref));
}

inline std::string Report(const CheckCounts& c) {
  return fmt::format(
      "{} answers compared; who-commanded rows {} certainly, {} possibly, {} in conflict; "
      "{} chain units off the start; {} sub-places; {} corroboration groups; "
      "contradictions {} certain, {} possible ({} two commanders, {} distant places, {} "
      "opposite sides)",
      c.queries, c.certainly, c.possibly, c.conflicts, c.chain_units, c.sub_places,
      c.corroborations, c.contradictions[0], c.contradictions[1], c.kinds[0], c.kinds[1],
      c.kinds[2]);
}

// A random shape: few entities of each type, so that claims meet on the same units,
// places and times often enough to make conflicts, chains and corroborations.
inline BaseShape RandomShape(Generator& g, bool literal_objects) {
  BaseShape s;
  s.units = g.Uniform(1, 8);
  s.persons = g.Uniform(1, 6);
  s.places = g.Uniform(1, 6);
  s.events = g.Uniform(1, 3);
  s.sources = g.Uniform(1, 6);
  s.claims = g.Uniform(0, 80);
  s.literal_objects = literal_objects;
  return s;
}

}  // namespace sijill::query::testing
