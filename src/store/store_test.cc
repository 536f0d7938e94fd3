#include "store/store.h"

#include <gtest/gtest.h>

#include "base/testing/temp_dir.h"
#include "store/archive.h"
#include "store/sqlite/sqlite_search.h"
#include "text/search_query.h"

namespace sijill::store {
namespace {

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto a = Archive::Create(tmp_.path() / "a");
    ASSERT_TRUE(a.has_value()) << a.error().message();
    archive_ = std::move(*a);
  }

  // Adds a source with the given passages in one transaction.
  SourceRecord AddSource(const std::string& sha, std::vector<std::string> passages,
                         std::optional<std::string> title = std::nullopt) {
    SourceRecord r;
    r.id = base::Id::Random();
    r.sha256 = sha;
    r.format = "text";
    r.original_name = "t.txt";
    r.title = std::move(title);
    r.text_sha256 = sha;
    r.added_at = "2025-01-01T00:00:00Z";
    auto txn = store().BeginWrite();
    EXPECT_TRUE(txn.has_value());
    EXPECT_TRUE((*txn)->AddSource(r).ok());
    uint64_t cp = 0;
    for (uint32_t i = 0; i < passages.size(); ++i) {
      PassageRecord p{r.id, i, cp, cp + passages[i].size(), passages[i]};
      EXPECT_TRUE((*txn)->AddPassage(p).ok());
      cp += passages[i].size() + 2;
    }
    r.passage_count = static_cast<uint32_t>(passages.size());
    EXPECT_TRUE((*txn)->UpdateSource(r).ok());
    EXPECT_TRUE((*txn)->Commit().ok());
    return r;
  }

  std::vector<SearchHit> Search(std::string_view q, size_t limit = 20) {
    auto query = text::ParseSearchQuery(q);
    EXPECT_TRUE(query.has_value()) << q;
    auto hits = store().search().Search(*query, limit, 0);
    EXPECT_TRUE(hits.has_value()) << hits.error().message();
    return hits.value_or(std::vector<SearchHit>{});
  }

  Store& store() { return archive_->store(); }

  base::testing::TempDir tmp_;
  std::unique_ptr<Archive> archive_;
};

TEST_F(StoreTest, SourcesRoundTrip) {
  SourceRecord r = AddSource(std::string(64, 'a'), {"one", "two"}, "Interview W-17");
  auto got = store().GetSource(r.id);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->title, "Interview W-17");
  EXPECT_EQ(got->passage_count, 2u);
  EXPECT_EQ(got->access, AccessLevel::kRestricted);
  auto by_hash = store().FindSourceBySha256(std::string(64, 'a'));
  ASSERT_TRUE(by_hash.has_value() && by_hash->has_value());
  EXPECT_EQ((*by_hash)->id, r.id);
  auto passages = store().GetPassages(r.id);
  ASSERT_EQ(passages->size(), 2u);
  EXPECT_EQ((*passages)[1].text, "two");
  auto one = store().GetPassages(r.id, 1);
  ASSERT_EQ(one->size(), 1u);
  EXPECT_EQ((*one)[0].ordinal, 1u);
}

TEST_F(StoreTest, SameContentCannotBeAddedTwice) {
  AddSource(std::string(64, 'b'), {"x"});
  SourceRecord dup;
  dup.id = base::Id::Random();
  dup.sha256 = std::string(64, 'b');
  auto txn = store().BeginWrite();
  EXPECT_EQ((*txn)->AddSource(dup).code(), base::StatusCode::kAlreadyExists);
}

TEST_F(StoreTest, UncommittedTransactionLeavesNothing) {
  {
    SourceRecord r;
    r.id = base::Id::Random();
    r.sha256 = std::string(64, 'c');
    auto txn = store().BeginWrite();
    ASSERT_TRUE((*txn)->AddSource(r).ok());
    ASSERT_TRUE((*txn)->AddPassage({r.id, 0, 0, 5, "Jobar"}).ok());
  }
  EXPECT_TRUE(store().ListSources()->empty());
  EXPECT_TRUE(Search("Jobar").empty());
}

TEST_F(StoreTest, PrefixLookup) {
  SourceRecord r = AddSource(std::string(64, 'd'), {"x"});
  auto ids = store().FindSourcesByPrefix(r.id.Short().substr(0, 6), 5);
  ASSERT_EQ(ids->size(), 1u);
  EXPECT_EQ((*ids)[0], r.id);
  std::string upper = r.id.Short();
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  EXPECT_EQ(store().FindSourcesByPrefix(upper, 5)->size(), 1u);
}

TEST_F(StoreTest, SearchFoldsArabicAndKeepsOriginalInSnippets) {
  AddSource(std::string(64, 'e'), {"وصل مُحَمَّد إلى الكسوة مع اللواء", "The brigade stayed in Kisweh.",
                                   "قال أحمد إن الصباغ كان رئيس الأركان"});
  auto hits = Search("محمد");
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].ordinal, 0u);
  // The snippet shows the witness's own spelling, with the match marked.
  ASSERT_EQ(hits[0].marks.size(), 1u);
  EXPECT_NE(hits[0].snippet.find("مُحَمَّد"), std::string::npos);
  EXPECT_EQ(Search("احمد").size(), 1u);
  EXPECT_EQ(Search("صباغ").size(), 1u);  // article-less stem
  EXPECT_EQ(Search("KISWEH brigade").size(), 1u);
  EXPECT_EQ(Search("Kisw*").size(), 1u);
  EXPECT_EQ(Search("\"stayed in kisweh\"").size(), 1u);
  EXPECT_EQ(Search("\"kisweh stayed\"").size(), 0u);
  EXPECT_EQ(Search("kisweh OR محمد").size(), 2u);
  EXPECT_EQ(Search("brigade -kisweh").size(), 0u);
}

TEST_F(StoreTest, HostileQueriesNeverReachFts5Syntax) {
  AddSource(std::string(64, 'f'), {"NEAR the AND gate NOT column: x^y (a)"});
  for (const char* q : {"NEAR(the gate)", "column: x", "x^y", "\"unclosed", "(a)", "AND",
                        "NOT gate", "a*b*", "*", "gate -", "- gate", "\"\"\"", "OR gate OR"}) {
    auto query = text::ParseSearchQuery(q);
    if (!query) continue;  // a clear message is fine
    auto hits = store().search().Search(*query, 20, 0);
    EXPECT_TRUE(hits.has_value()) << q << ": " << hits.error().message();
  }
}

TEST_F(StoreTest, RanksAndPages) {
  AddSource(std::string(64, '1'),
            {"Haidar", "Haidar Haidar Haidar commanded", "nothing here", "Haidar again"});
  auto all = Search("haidar");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(all[0].ordinal, 1u);  // most occurrences in a short passage ranks first
  EXPECT_EQ(all[0].rank, 1u);
  EXPECT_EQ(all[2].rank, 3u);
  auto query = text::ParseSearchQuery("haidar");
  auto page = store().search().Search(*query, 1, 1);
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].ordinal, all[1].ordinal);
  EXPECT_EQ((*page)[0].rank, 2u);
}

TEST(RenderFts5, QuotesEveryToken) {
  auto q = text::ParseSearchQuery("a \"b c\" dd* -e OR f");
  ASSERT_TRUE(q.has_value());
  EXPECT_EQ(sqlite::RenderFts5(*q), "((\"a\" AND \"b c\" AND \"dd\"*) NOT (\"e\")) OR (\"f\")");
}

}  // namespace
}  // namespace sijill::store
