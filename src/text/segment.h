// Cutting a document's text into passages. Input arrives as a stream of UTF-8 chunks
// (LF line endings, as the ingest readers produce); the segmenter NFC-normalizes it,
// passes the normalized text on (it is stored as the document's text blob), and cuts
// it into passages: a paragraph (text between blank lines) is a passage; a paragraph
// longer than Options::max_passage_chars is cut at sentence ends, or failing that at
// white space, or failing that anywhere that is not inside a grapheme. Passage offsets
// are code points into the normalized text. Memory stays bounded by the longest
// passage, whatever the document's size. Not thread-safe.
// Format of offsets: docs/formats/passages.md.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sijill::text {

struct Passage {
  uint32_t ordinal = 0;    // 0-based position in the document
  uint64_t cp_begin = 0;   // first code point, in the normalized document text
  uint64_t cp_end = 0;     // one past the last code point
  std::string text;        // NFC UTF-8; exactly the normalized text's [cp_begin, cp_end)
};

class PassageSink {
 public:
  virtual ~PassageSink() = default;
  // Receives the next piece of the normalized document text, in order. The pieces
  // concatenated are the whole normalized text.
  virtual base::Status OnText(std::string_view nfc_chunk) = 0;
  // Receives each passage in order. Leading and trailing white space is not part of a
  // passage; passages with no letters or digits at all are still emitted.
  virtual base::Status OnPassage(const Passage& passage) = 0;
};

class PassageSegmenter {
 public:
  struct Options {
    size_t max_passage_chars = 2000;  // code points; longer paragraphs are cut
  };

  // `sink` must outlive the segmenter.
  PassageSegmenter(Options options, PassageSink& sink);
  ~PassageSegmenter();

  // Feeds the next chunk. A chunk may end in the middle of a paragraph or even of a
  // combining sequence. Returns the first error the sink returned.
  // REQUIRES: the chunk is valid UTF-8 with LF line endings.
  base::Status Feed(std::string_view chunk);
  // Flushes the last passage. Call once, after the last Feed.
  base::Status Finish();

  uint32_t passage_count() const;
  uint64_t text_length() const;  // code points of normalized text emitted so far

 private:
  struct State;
  State* state_;  // owned; pimpl keeps ICU out of this header
};

}  // namespace sijill::text
