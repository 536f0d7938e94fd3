// The randomized model-based test over the in-memory store (the SQLite run is in
// sqlite_model_test.cc): thousands of random bases, every query compared with the
// brute-force reference.
#include <gtest/gtest.h>

#include "query/testing/memory_knowledge_store.h"
#include "query/testing/model_check.h"

namespace sijill::query {
namespace {

using testing::CheckBase;
using testing::CheckCounts;
using testing::Generator;
using testing::MemoryKnowledgeStore;

constexpr int kCases = 1000;

TEST(QueryModelTest, MemoryStoreAgreesWithReference) {
  CheckCounts counts;
  for (int seed = 1; seed <= kCases; ++seed) {
    Generator g(seed);
    testing::RandomBase base = testing::MakeRandomBase(g, testing::RandomShape(g, true));
    MemoryKnowledgeStore store;
    for (const auto& e : base.entities) store.Add(e);
    for (const auto& c : base.claims) store.Add(c);
    if (!CheckBase(store, base, g, "seed " + std::to_string(seed), counts)) break;
  }
  std::cout << "[model] " << kCases << " random bases: " << testing::Report(counts) << "\n";
  // The generator must exercise both answers, or the test proves little.
  EXPECT_GT(counts.certainly, 1000);
  EXPECT_GT(counts.possibly, 1000);
  EXPECT_GT(counts.conflicts, 100);
  EXPECT_GT(counts.chain_units, 1000);
  EXPECT_GT(counts.sub_places, 100);
  EXPECT_GT(counts.corroborations, 100);
  EXPECT_GT(counts.contradictions[0], 100);
  EXPECT_GT(counts.contradictions[1], 100);
  for (long kind : counts.kinds) EXPECT_GT(kind, 100);
}

}  // namespace
}  // namespace sijill::query
