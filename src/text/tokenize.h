// Word tokenization shared by the full-text index, the query compiler and (later)
// the extractors. A token is a maximal run of letters, digits and combining marks
// (plus an apostrophe or hyphen *inside* a Latin word is a split point, not part of
// the token). Each token is reported with its byte range in the input and its folded
// search key (see normalize.h). A TokenCursor is not thread-safe; separate cursors are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sijill::text {

class TokenCursor {
 public:
  // REQUIRES: `utf8` is valid UTF-8 and outlives the cursor.
  explicit TokenCursor(std::string_view utf8) : text_(utf8) {}

  // Advances to the next token. Returns false at the end of the text.
  bool Next();

  // The current token's folded key; valid until the next call to Next().
  std::string_view folded() const { return folded_; }
  // Byte range [begin, end) of the current token in the input.
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  std::string_view original() const { return text_.substr(begin_, end_ - begin_); }
  // For an Arabic token of at least two letters after a leading article or a particle
  // fused with it (ال، وال، بال، كال، فال، لل), the folded key without that prefix:
  // "الصباغ" -> "صباغ", "للجيش" -> "جيش". Empty when there is none. The index stores
  // it at the same position as the token, so "صباغ" finds "الصباغ"; queries never use it.
  std::string_view stem() const { return stem_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  std::string folded_;
  std::string stem_;
};

}  // namespace sijill::text
