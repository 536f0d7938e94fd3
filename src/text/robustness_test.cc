// Fuzz-style tests: random valid UTF-8 must never crash or break a contract of the
// tokenizer, the query parser or the segmenter. (The libFuzzer targets in fuzz/ go
// further; these run on every build.)
#include <gtest/gtest.h>

#include <string>

#include "base/utf8.h"
#include "text/normalize.h"
#include "text/search_query.h"
#include "text/segment.h"
#include "text/testing/random_text.h"
#include "text/tokenize.h"

namespace sijill::text {
namespace {

using testing::RandomSize;
using testing::RandomValidUtf8;
using testing::TestRng;

TEST(Robustness, TokenCursorOnRandomUtf8) {
  std::mt19937 rng = TestRng(101);
  for (int i = 0; i < 5000; ++i) {
    std::string text = RandomValidUtf8(rng, 64);
    TokenCursor cursor(text);
    size_t last_begin = 0, last_end = 0;
    while (cursor.Next()) {
      bool same_run = cursor.begin() == last_begin && cursor.end() == last_end;
      ASSERT_TRUE(same_run || cursor.begin() >= last_end);
      ASSERT_LT(cursor.begin(), cursor.end());
      ASSERT_LE(cursor.end(), text.size());
      ASSERT_FALSE(cursor.folded().empty());
      ASSERT_TRUE(base::IsValidUtf8(cursor.folded()));
      last_begin = cursor.begin();
      last_end = cursor.end();
    }
  }
}

TEST(Robustness, ParseSearchQueryOnRandomBytes) {
  std::mt19937 rng = TestRng(202);
  for (int i = 0; i < 5000; ++i) {
    // Raw bytes, not only valid UTF-8: queries come straight from users.
    std::string query(RandomSize(rng, 40), '\0');
    for (char& b : query) b = static_cast<char>(RandomSize(rng, 255));
    if (i % 2 == 0) query = RandomValidUtf8(rng, 40);
    base::Result<SearchQuery> parsed = ParseSearchQuery(query);
    if (!parsed) {
      ASSERT_EQ(parsed.error().code(), base::StatusCode::kInvalidArgument);
      continue;
    }
    ASSERT_FALSE(parsed->any_of.empty());
    for (const SearchClause& clause : parsed->any_of) {
      ASSERT_FALSE(clause.required.empty());
      for (const SearchTerm& term : clause.required) {
        for (const std::string& token : term.tokens) ASSERT_EQ(FoldForSearch(token), token);
      }
    }
  }
}

class CountingSink : public PassageSink {
 public:
  base::Status OnText(std::string_view nfc_chunk) override {
    text_bytes += nfc_chunk.size();
    return base::Status::Ok();
  }
  base::Status OnPassage(const Passage& passage) override {
    if (passage.text.empty() || passage.cp_end <= passage.cp_begin) {
      return base::Status::Internal("bad passage");
    }
    ++passages;
    return base::Status::Ok();
  }
  size_t text_bytes = 0;
  size_t passages = 0;
};

TEST(Robustness, SegmenterOnRandomUtf8) {
  std::mt19937 rng = TestRng(303);
  for (int i = 0; i < 2000; ++i) {
    CountingSink sink;
    PassageSegmenter segmenter({.max_passage_chars = 1 + RandomSize(rng, 30)}, sink);
    for (int chunk = 0; chunk < 4; ++chunk) {
      ASSERT_TRUE(segmenter.Feed(RandomValidUtf8(rng, 80)).ok());
    }
    ASSERT_TRUE(segmenter.Finish().ok());
    ASSERT_EQ(segmenter.passage_count(), sink.passages);
  }
}

}  // namespace
}  // namespace sijill::text
