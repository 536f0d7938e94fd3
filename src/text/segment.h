// Cutting a document's text into passages. Input arrives as a stream of UTF-8 chunks
// (LF line endings, as the ingest readers produce); the segmenter NFC-normalizes it,
// passes the normalized text on (it is stored as the document's text blob), and cuts
// it into passages: a paragraph (text between blank lines, i.e. lines of white space
// only) is a passage; a paragraph longer than Options::max_passage_chars is cut after
// the last sentence end (. ! ? … ؟ ۔ followed by white space) that keeps the passage
// within the limit, or failing that before the last white space, or failing that at
// the last grapheme boundary (never between a letter and its combining marks). (A run of
// white space longer than the limit inside a paragraph also ends a passage.)
// Passage offsets are code points into the normalized text. Memory stays bounded by
// about twice the longest passage plus 64 KiB, whatever the document's size.
// Not thread-safe.
// Format of offsets: docs/formats/passages.md.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sijill::text {

struct Passage {
  uint32_t ordinal = 0;   // 0-based position in the document
  uint64_t cp_begin = 0;  // first code point, in the normalized document text
  uint64_t cp_end = 0;    // one past the last code point
  std::string text;       // NFC UTF-8; exactly the normalized text's [cp_begin, cp_end)
};

class PassageSink {
 public:
  virtual ~PassageSink() = default;
  // Receives the next piece of the normalized document text, in order. The pieces
  // concatenated are the whole normalized text.
  virtual base::Status OnText(std::string_view nfc_chunk) = 0;
  // Receives each passage in order: ordinals 0, 1, 2, ...; offsets increasing and not
  // overlapping. A passage is never empty and neither starts nor ends with white space
  // (Unicode White_Space); single line breaks inside a paragraph stay in its text.
  // Passages with no letters or digits at all ("* * *") are still emitted. `passage`
  // is valid only during the call.
  virtual base::Status OnPassage(const Passage& passage) = 0;
};

class PassageSegmenter {
 public:
  struct Options {
    // Code points; longer paragraphs are cut, so no passage is longer. A value of 0 is
    // taken as 1. A single grapheme longer than this (a base letter with thousands of
    // combining marks) is the one case cut inside a grapheme.
    size_t max_passage_chars = 2000;
  };

  // `sink` must outlive the segmenter.
  PassageSegmenter(Options options, PassageSink& sink);
  ~PassageSegmenter();

  // Feeds the next chunk. A chunk may end in the middle of a paragraph or even of a
  // combining sequence: text is held back from the last NFC boundary on, so the
  // normalized output does not depend on where chunks end. (Only a run of combining
  // marks longer than 4 KiB is normalized in pieces.) Returns the first error the sink
  // returned; after an error, every later call returns that error again.
  // REQUIRES: the chunk is valid UTF-8 (complete code points) with LF line endings.
  base::Status Feed(std::string_view chunk);
  // Normalizes and emits the held-back text and flushes the last passage. Call once,
  // after the last Feed; Feed may not be called after it.
  base::Status Finish();

  uint32_t passage_count() const;
  uint64_t text_length() const;  // code points of normalized text emitted so far

 private:
  struct State;
  std::unique_ptr<State> state_;  // pimpl keeps ICU out of this header
};

}  // namespace sijill::text
