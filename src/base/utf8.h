// UTF-8 helpers used on every byte that enters the archive: validation with the
// exact byte offset of the first error (for messages that name it), and code-point
// counting (passage offsets are in code points). Stateless or per-object; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace sijill::base {

// Validates `bytes` as UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
// Returns true if valid; otherwise false with *error_offset set to the offset of the
// first byte of the first invalid sequence. A sequence cut off by the end of `bytes`
// is invalid.
bool IsValidUtf8(std::string_view bytes, size_t* error_offset = nullptr);

// Validates a stream of UTF-8 chunks whose sequences may straddle chunk boundaries.
class Utf8StreamValidator {
 public:
  // Feeds the next chunk. Returns false at the first invalid sequence; error_offset()
  // then gives its offset from the start of the stream.
  bool Feed(std::string_view chunk);
  // Call at end of stream: returns false if the stream ends inside a sequence.
  bool Finish();
  uint64_t error_offset() const { return error_offset_; }
  uint64_t bytes_seen() const { return consumed_; }

 private:
  uint64_t consumed_ = 0;  // bytes of the stream before the current chunk
  uint64_t error_offset_ = 0;
  std::string carry_;  // an incomplete sequence from the previous chunk
};

// Number of code points in valid UTF-8 `text`.
size_t CodePointCount(std::string_view text);

// Decodes one code point of valid UTF-8 at text[*pos] and advances *pos.
// REQUIRES: *pos < text.size() and the text is valid UTF-8.
char32_t DecodeAt(std::string_view text, size_t* pos);

// Appends the UTF-8 encoding of `cp` to `out`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace sijill::base
