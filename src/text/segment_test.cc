#include "text/segment.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/utext.h>

#include <algorithm>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "text/normalize.h"
#include "text/testing/random_text.h"
#include "text/text_internal.h"

namespace sijill::text {
namespace {

using base::Status;
using ::testing::ElementsAre;
using ::testing::IsEmpty;

// Records what the segmenter emits; can be told to fail.
class RecordingSink : public PassageSink {
 public:
  Status OnText(std::string_view nfc_chunk) override {
    if (fail_text) return Status::IOError("disk full");
    text.append(nfc_chunk);
    return Status::Ok();
  }
  Status OnPassage(const Passage& passage) override {
    if (passages.size() == fail_at_passage) return Status::IOError("store closed");
    passages.push_back(passage);
    return Status::Ok();
  }

  std::vector<std::string> Texts() const {
    std::vector<std::string> texts;
    for (const Passage& p : passages) texts.push_back(p.text);
    return texts;
  }

  std::string text;
  std::vector<Passage> passages;
  bool fail_text = false;
  size_t fail_at_passage = SIZE_MAX;
};

// Feeds `input` in chunks of about `chunk_bytes` (cut at code point boundaries).
void FeedInChunks(PassageSegmenter& segmenter, std::string_view input, size_t chunk_bytes) {
  while (!input.empty()) {
    size_t n = std::min(chunk_bytes, input.size());
    while (n < input.size() && (static_cast<unsigned char>(input[n]) & 0xC0) == 0x80) ++n;
    ASSERT_TRUE(segmenter.Feed(input.substr(0, n)).ok());
    input.remove_prefix(n);
  }
}

RecordingSink Segment(std::string_view input, size_t max_chars = 2000,
                      size_t chunk_bytes = SIZE_MAX) {
  RecordingSink sink;
  PassageSegmenter segmenter({.max_passage_chars = max_chars}, sink);
  FeedInChunks(segmenter, input, chunk_bytes);
  EXPECT_TRUE(segmenter.Finish().ok());
  EXPECT_EQ(segmenter.passage_count(), sink.passages.size());
  EXPECT_EQ(segmenter.text_length(), base::CodePointCount(sink.text));
  return sink;
}

// Byte offset of each code point of `text`, plus text.size() at the end.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  for (size_t pos = 0; pos < text.size();) {
    offsets.push_back(pos);
    base::DecodeAt(text, &pos);
  }
  offsets.push_back(text.size());
  return offsets;
}

char32_t CodePointAt(std::string_view text, size_t byte) { return base::DecodeAt(text, &byte); }

// Grapheme clusters of a UTF-8 text, by ICU's implementation of UAX #29.
class Graphemes {
 public:
  explicit Graphemes(std::string_view text) {
    UErrorCode status = U_ZERO_ERROR;
    iterator_.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    utext_openUTF8(&utext_, text.data(), static_cast<int64_t>(text.size()), &status);
    iterator_->setText(&utext_, status);
    EXPECT_TRUE(U_SUCCESS(status));
  }
  ~Graphemes() { utext_close(&utext_); }

  bool IsBoundary(size_t byte) { return iterator_->isBoundary(static_cast<int32_t>(byte)); }
  // Code points in the grapheme cluster containing the code point at `byte`.
  size_t ClusterLength(std::string_view text, size_t byte) {
    auto end = static_cast<size_t>(iterator_->following(static_cast<int32_t>(byte)));
    auto begin = static_cast<size_t>(iterator_->preceding(static_cast<int32_t>(byte + 1)));
    return base::CodePointCount(text.substr(begin, end - begin));
  }

 private:
  std::unique_ptr<icu::BreakIterator> iterator_;
  UText utext_ = UTEXT_INITIALIZER;
};

bool IsBlank(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    if (!internal::IsSpace(base::DecodeAt(text, &pos))) return false;
  }
  return true;
}

bool HasBlankLine(std::string_view text) {
  size_t last_newline = std::string_view::npos;
  for (size_t pos = 0; pos < text.size();) {
    size_t start = pos;
    char32_t c = base::DecodeAt(text, &pos);
    if (c == '\n') {
      if (last_newline != std::string_view::npos) return true;
      last_newline = start;
    } else if (!internal::IsSpace(c)) {
      last_newline = std::string_view::npos;
    }
  }
  return false;
}

// Checks every promise segment.h makes about passages.
void ExpectValidPassages(const RecordingSink& sink, size_t max_chars) {
  std::vector<size_t> offsets = CodePointOffsets(sink.text);
  Graphemes graphemes(sink.text);
  uint64_t covered_to = 0;
  for (size_t i = 0; i < sink.passages.size(); ++i) {
    const Passage& p = sink.passages[i];
    SCOPED_TRACE("passage " + std::to_string(i) + ": " + p.text);
    ASSERT_EQ(p.ordinal, i);
    ASSERT_LT(p.cp_begin, p.cp_end);
    ASSERT_LE(p.cp_end, offsets.size() - 1);
    ASSERT_LE(p.cp_end - p.cp_begin, max_chars);
    std::string_view gap(sink.text.data() + offsets[covered_to],
                         offsets[p.cp_begin] - offsets[covered_to]);
    ASSERT_TRUE(IsBlank(gap)) << "text left out of every passage: " << gap;
    ASSERT_EQ(p.text,
              sink.text.substr(offsets[p.cp_begin], offsets[p.cp_end] - offsets[p.cp_begin]));
    ASSERT_FALSE(internal::IsSpace(CodePointAt(p.text, 0)));
    ASSERT_FALSE(
        internal::IsSpace(CodePointAt(p.text, offsets[p.cp_end - 1] - offsets[p.cp_begin])));
    ASSERT_FALSE(HasBlankLine(p.text));
    size_t begin_byte = offsets[p.cp_begin];
    if (i > 0 && p.cp_begin == covered_to && !graphemes.IsBoundary(begin_byte)) {
      // A hard cut inside a grapheme only for a grapheme longer than a passage.
      ASSERT_GT(graphemes.ClusterLength(sink.text, begin_byte), max_chars);
    }
    covered_to = p.cp_end;
  }
}

TEST(PassageSegmenter, ParagraphsAreSeparatedByBlankLines) {
  RecordingSink sink = Segment("First para\nline two.\n\nSecond.\n \t \n\n\nThird");
  EXPECT_THAT(sink.Texts(), ElementsAre("First para\nline two.", "Second.", "Third"));
  EXPECT_EQ(sink.passages[1].cp_begin, 22u);
  EXPECT_EQ(sink.passages[1].cp_end, 29u);
  EXPECT_EQ(sink.passages[2].cp_begin, 36u);
  ExpectValidPassages(sink, 2000);
}

TEST(PassageSegmenter, WhiteSpaceAroundPassagesIsLeftOut) {
  RecordingSink sink = Segment("  \n\t Hello there \u00A0\n \nبَيْت  \n");
  EXPECT_THAT(sink.Texts(), ElementsAre("Hello there", "بَيْت"));
  EXPECT_EQ(sink.passages[0].cp_begin, 5u);
  EXPECT_EQ(sink.passages[0].cp_end, 16u);
  ExpectValidPassages(sink, 2000);
}

TEST(PassageSegmenter, EmptyOrBlankInputHasNoPassages) {
  EXPECT_THAT(Segment("").passages, IsEmpty());
  RecordingSink sink = Segment(" \n\n \t\n");
  EXPECT_THAT(sink.passages, IsEmpty());
  EXPECT_EQ(sink.text, " \n\n \t\n");
}

TEST(PassageSegmenter, PunctuationOnlyParagraphIsEmitted) {
  EXPECT_THAT(Segment("One.\n\n* * *\n\nTwo.").Texts(), ElementsAre("One.", "* * *", "Two."));
}

TEST(PassageSegmenter, TextIsNormalizedAcrossChunks) {
  RecordingSink sink;
  PassageSegmenter segmenter({}, sink);
  ASSERT_TRUE(segmenter.Feed("Kiswe").ok());
  ASSERT_TRUE(segmenter.Feed("\u0301 of 1927\n\n\u0627").ok());
  ASSERT_TRUE(segmenter.Feed("\u0654\u062D\u0645\u062F").ok());
  ASSERT_TRUE(segmenter.Finish().ok());
  EXPECT_EQ(sink.text, "Kisw\u00E9 of 1927\n\n\u0623\u062D\u0645\u062F");
  EXPECT_THAT(sink.Texts(), ElementsAre("Kisw\u00E9 of 1927", "\u0623\u062D\u0645\u062F"));
  EXPECT_EQ(sink.passages[1].cp_begin, 15u);
  EXPECT_EQ(segmenter.text_length(), 19u);
}

TEST(PassageSegmenter, ChunkingDoesNotChangeTheResult) {
  std::string input =
      "Ali said: \"It was 1927.\" He left.\n\nقالَ عليٌّ: كانت الكسوة هنا؟ نعم.\n"
      "Kiswe\u0301 e\u0301\u0323.\n\n\n";
  RecordingSink whole = Segment(input, 12);
  for (size_t chunk : {1, 2, 3, 5, 7, 64}) {
    RecordingSink pieces = Segment(input, 12, chunk);
    EXPECT_EQ(pieces.text, whole.text);
    EXPECT_EQ(pieces.Texts(), whole.Texts()) << chunk;
  }
}

TEST(PassageSegmenter, LongParagraphIsCutAtTheLastSentenceEnd) {
  RecordingSink sink = Segment("One two. Three four! Five six seven eight nine ten.", 30);
  EXPECT_THAT(sink.Texts(), ElementsAre("One two. Three four!", "Five six seven eight nine ten."));
  ExpectValidPassages(sink, 30);
}

TEST(PassageSegmenter, ArabicAndUrduSentenceEndsAndEllipsis) {
  EXPECT_THAT(Segment("هل رأيته؟ نعم رأيته هناك", 15).Texts(),
              ElementsAre("هل رأيته؟", "نعم رأيته هناك"));
  EXPECT_THAT(Segment("وہ آیا۔ پھر گیا اور", 12).Texts(), ElementsAre("وہ آیا۔", "پھر گیا اور"));
  EXPECT_THAT(Segment("Wait… then more words", 12).Texts(),
              ElementsAre("Wait…", "then more", "words"));
}

TEST(PassageSegmenter, SentenceEndNeedsFollowingSpace) {
  EXPECT_THAT(Segment("Version 1.2.3 was out", 15).Texts(),
              ElementsAre("Version 1.2.3", "was out"));
}

TEST(PassageSegmenter, WithoutSentenceEndCutsAtTheLastSpace) {
  RecordingSink sink = Segment("alpha beta gamma\ndelta epsilon", 20);
  EXPECT_THAT(sink.Texts(), ElementsAre("alpha beta gamma", "delta epsilon"));
  EXPECT_EQ(sink.passages[1].cp_begin, 17u);
}

TEST(PassageSegmenter, WithoutSpaceCutsHard) {
  EXPECT_THAT(Segment("abcdefghijklmnopqrstuvwxyz", 10).Texts(),
              ElementsAre("abcdefghij", "klmnopqrst", "uvwxyz"));
}

TEST(PassageSegmenter, HardCutKeepsCombiningMarksWithTheirLetter) {
  // q̇ has no precomposed form, so each is two code points.
  RecordingSink sink = Segment("q\u0307q\u0307q\u0307q\u0307", 5);
  EXPECT_THAT(sink.Texts(), ElementsAre("q\u0307q\u0307", "q\u0307q\u0307"));
  ExpectValidPassages(sink, 5);
}

TEST(PassageSegmenter, OneHugeGraphemeIsStillCut) {
  std::string input = "a";
  for (int i = 0; i < 30; ++i) input += "\u0307";
  RecordingSink sink = Segment(input, 8);
  EXPECT_EQ(sink.passages.size(), 4u);
  for (const Passage& p : sink.passages) EXPECT_LE(p.cp_end - p.cp_begin, 8u);
}

TEST(PassageSegmenter, LongWhiteSpaceRunEndsAPassage) {
  std::string input = "word" + std::string(50, ' ') + "next\nline";
  RecordingSink sink = Segment(input, 10);
  EXPECT_THAT(sink.Texts(), ElementsAre("word", "next\nline"));
  ExpectValidPassages(sink, 10);
}

TEST(PassageSegmenter, ZeroLimitIsTakenAsOne) {
  EXPECT_THAT(Segment("ab c", 0).Texts(), ElementsAre("a", "b", "c"));
}

TEST(PassageSegmenter, PassageErrorIsReturnedAndSticky) {
  RecordingSink sink;
  sink.fail_at_passage = 1;
  PassageSegmenter segmenter({}, sink);
  Status status = segmenter.Feed("one\n\ntwo\n\nthree\n\nfour");
  EXPECT_EQ(status.code(), base::StatusCode::kIOError);
  EXPECT_EQ(status.message(), "store closed");
  EXPECT_EQ(segmenter.Feed("more").message(), "store closed");
  EXPECT_EQ(segmenter.Finish().message(), "store closed");
  EXPECT_EQ(segmenter.passage_count(), 1u);
}

TEST(PassageSegmenter, TextErrorIsReturned) {
  RecordingSink sink;
  sink.fail_text = true;
  PassageSegmenter segmenter({}, sink);
  EXPECT_TRUE(segmenter.Feed("x").ok());  // held back until the next NFC boundary
  EXPECT_EQ(segmenter.Feed("y").message(), "disk full");
  EXPECT_EQ(segmenter.Finish().message(), "disk full");
}

TEST(PassageSegmenter, LargeDocumentStreamsInBoundedPassages) {
  std::string line = "The kisweh was embroidered in Cairo, قال الشاهد، and sent on. ";
  RecordingSink sink;
  size_t passages = 0;
  PassageSegmenter segmenter({.max_passage_chars = 500}, sink);
  for (int i = 0; i < 20000; ++i) {
    ASSERT_TRUE(segmenter.Feed(line).ok());
    passages += sink.passages.size();
    for (const Passage& p : sink.passages) ASSERT_LE(p.cp_end - p.cp_begin, 500u);
    sink.passages.clear();
    sink.text.clear();
  }
  ASSERT_TRUE(segmenter.Finish().ok());
  passages += sink.passages.size();
  EXPECT_EQ(segmenter.passage_count(), passages);
  EXPECT_EQ(segmenter.text_length(), 20000 * base::CodePointCount(line));
  EXPECT_GT(passages, 20000 * base::CodePointCount(line) / 500);
}

// Random documents over an alphabet rich in white space, sentence ends and marks.
std::string RandomDocument(std::mt19937& rng, size_t len) {
  static const std::vector<std::string> alphabet = {
      "a", "b", "Z", "7",      " ",      " ", " ",      "\n",     "\n",     "\t",
      ".", "!", "?", "…",      "؟",      "۔", "\u00A0", "\u0301", "\u0323", "e",
      "ب", "ت", "ا", "\u064E", "\u0654", "ـ", "😀",      "\u200D", "\u0915", "\u093F"};
  std::uniform_int_distribution<size_t> pick(0, alphabet.size() - 1);
  std::string text;
  for (size_t i = 0; i < len; ++i) text += alphabet[pick(rng)];
  return text;
}

TEST(PassageSegmenter, RandomDocumentsKeepEveryInvariant) {
  std::mt19937 rng = testing::TestRng(42);
  for (int i = 0; i < 1500; ++i) {
    std::string input = RandomDocument(rng, std::uniform_int_distribution<size_t>(0, 300)(rng));
    size_t max_chars = std::uniform_int_distribution<size_t>(1, 40)(rng);
    size_t chunk = std::uniform_int_distribution<size_t>(1, 50)(rng);
    SCOPED_TRACE(input);
    RecordingSink whole = Segment(input, max_chars);
    EXPECT_EQ(whole.text, ToNfc(input));
    ExpectValidPassages(whole, max_chars);
    RecordingSink pieces = Segment(input, max_chars, chunk);
    ASSERT_EQ(pieces.text, whole.text);
    ASSERT_EQ(pieces.Texts(), whole.Texts());
  }
}

// Reference model: the paragraphs of normalized `text`, found by splitting into lines.
std::vector<std::string> Paragraphs(std::string_view text) {
  std::vector<std::string> paragraphs;
  std::string current;
  auto flush = [&] {
    size_t b = 0, e = current.size();
    while (b < e && internal::IsSpace(CodePointAt(current, b))) base::DecodeAt(current, &b);
    while (e > b) {
      size_t s = e - 1;
      while ((static_cast<unsigned char>(current[s]) & 0xC0) == 0x80) --s;
      if (!internal::IsSpace(CodePointAt(current, s))) break;
      e = s;
    }
    if (b < e) paragraphs.push_back(current.substr(b, e - b));
    current.clear();
  };
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = std::min(text.find('\n', start), text.size());
    std::string_view line = text.substr(start, end - start);
    bool blank = true;
    for (size_t pos = 0; pos < line.size() && blank;)
      blank = internal::IsSpace(base::DecodeAt(line, &pos));
    if (blank)
      flush();
    else
      current.append(text.substr(start, std::min(end + 1, text.size()) - start));
    start = end + 1;
  }
  flush();
  return paragraphs;
}

TEST(PassageSegmenter, ShortParagraphsMatchTheReferenceModel) {
  std::mt19937 rng = testing::TestRng(9);
  for (int i = 0; i < 1500; ++i) {
    std::string input = RandomDocument(rng, std::uniform_int_distribution<size_t>(0, 200)(rng));
    RecordingSink sink = Segment(input, 1000, 1 + rng() % 20);
    ASSERT_EQ(sink.Texts(), Paragraphs(sink.text)) << input;
  }
}

}  // namespace
}  // namespace sijill::text
