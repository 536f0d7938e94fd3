// The model-based test against the real store: random bases written into a fresh SQLite
// archive (store::Archive::Create in a temporary directory) and every query compared
// with the brute-force reference, as model_test.cc does over the in-memory store.
#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "query/testing/model_check.h"
#include "store/archive.h"

namespace sijill::query {
namespace {

using testing::CheckCounts;
using testing::Generator;

constexpr int kCases = 200;

// Writes the base in one transaction; sources get a unique fake hash.
base::Status Load(store::Store& store, const testing::RandomBase& base) {
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  int n = 0;
  for (store::SourceRecord s : base.sources) {
    s.sha256 = s.text_sha256 = fmt::format("{:064x}", ++n);
    s.format = "text";
    s.original_name = "t.txt";
    s.added_at = "2025-01-01T00:00:00Z";
    TRY(txn->AddSource(s));
  }
  for (const auto& e : base.entities) TRY(txn->knowledge().AddEntity(e));
  for (const auto& c : base.claims) TRY(txn->knowledge().AddClaim(c));
  return txn->Commit();
}

TEST(QuerySqliteModelTest, SqliteStoreAgreesWithReference) {
  CheckCounts counts;
  for (int seed = 1; seed <= kCases; ++seed) {
    Generator g(1000000 + seed);
    testing::RandomBase base = testing::MakeRandomBase(g, testing::RandomShape(g, true));
    base::testing::TempDir tmp;
    auto archive = store::Archive::Create(tmp.path() / "a");
    ASSERT_TRUE(archive) << archive.error().message();
    store::Store& store = (*archive)->store();
    base::Status loaded = Load(store, base);
    ASSERT_TRUE(loaded.ok()) << loaded.message();
    if (!testing::CheckBase(store.knowledge(), base, g, "sqlite seed " + std::to_string(seed),
                            counts, 3)) {
      break;
    }
    // The witnesses as the archive's sources give them.
    auto groups = Corroborate(store.knowledge(), WitnessesFrom(store));
    ASSERT_TRUE(groups) << groups.error().message();
    EXPECT_EQ(testing::Dump(*groups),
              testing::Dump(*Corroborate(store.knowledge(), testing::WitnessesOf(base))));
  }
  std::cout << "[sqlite model] " << kCases << " random bases: " << testing::Report(counts) << "\n";
  EXPECT_GT(counts.certainly, 100);
  EXPECT_GT(counts.possibly, 100);
}

}  // namespace
}  // namespace sijill::query
