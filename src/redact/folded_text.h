// The replacement path's view of a text: its search fold, with every run of non-name
// characters collapsed to one space, and for each byte of that the place in the original
// text it came from, so that a match found in the fold is replaced exactly where it was
// written. Internal to src/redact. Pure functions; thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::redact::internal {

struct FoldedText {
  // Folded words separated by single spaces (a space also stands for non-name characters
  // at either end). Each word is a run of IsNameChar code points.
  std::string folded;
  // origin[i]: byte offset in the original text of the character that produced
  // folded[i]: its first byte (or, for a space, the first byte of the run it stands for).
  // Bytes of one folded character, and all characters folded from one original
  // character with its combining marks, share one origin.
  std::vector<uint32_t> origin;

  // The original bytes [begin, end) behind folded[first, last): from the origin of
  // `first` to the origin of the first later byte that comes from another character (or
  // the end of `original`). Trailing characters that fold to nothing (tatweel, ZWNJ)
  // are included.
  // REQUIRES: first < last <= folded.size().
  std::pair<size_t, size_t> OriginalSpan(size_t first, size_t last, size_t original_size) const;
};

// Folds `text` one character (a code point with the combining marks, and anything else
// normalization may join to it, that follow it) at a time, with text::AppendFolded or a table equal
// to it for plain ASCII and Arabic. REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB.
FoldedText FoldWithOrigins(std::string_view text);

// The same fold without origins, for names: FoldWithOrigins(name).folded without its
// leading and trailing spaces.
std::string FoldName(std::string_view name);

}  // namespace sijill::redact::internal
