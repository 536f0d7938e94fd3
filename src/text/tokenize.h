// Word tokenization shared by the full-text index, the query compiler and (later)
// the extractors. A token is a maximal run of letters, digits and combining marks
// (general categories L*, N*, M*); everything else separates tokens, including
// apostrophes and hyphens inside a word ("Dar'a" -> "dar" "a", "al-Sabbagh" -> "al"
// "sabbagh") and the transliteration letters ʼ ʻ ʾ ʿ (U+02BC U+02BB U+02BE U+02BF), which
// count as apostrophes. Tatweel is a letter, so it does not split a word (folding
// removes it). Soft hyphen, ZWNJ, ZWJ and word joiner inside a word do not split it
// either. Each token is reported with its byte range in the input and its folded search
// key (see normalize.h); a run whose key folds to nothing (a lone diacritic or tatweel)
// is skipped. Where folding turns a run into text with separators in it (½ -> 1⁄2,
// ⑴ -> (1), ﷺ -> صلي الله عليه وسلم), each run of word characters in the fold is a
// token of its own, all with the original run's byte range. So every key is a fixed
// point: tokenizing a key yields exactly that key, and an index may re-tokenize query
// strings built from keys. A TokenCursor is not thread-safe; separate cursors are.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace sijill::text {

class TokenCursor {
 public:
  // REQUIRES: `utf8` is valid UTF-8 and outlives the cursor.
  explicit TokenCursor(std::string_view utf8) : text_(utf8) {}

  // Advances to the next token. Returns false at the end of the text (and on every
  // later call). Allocates only while its key buffers grow.
  bool Next();

  // The current token's folded key: FoldForSearch(original()), or one word of it (see
  // above). Never empty; valid until the next call to Next().
  std::string_view folded() const { return folded_; }
  // Byte range [begin, end) of the current token in the input.
  size_t begin() const { return begin_; }
  size_t end() const { return end_; }
  std::string_view original() const { return text_.substr(begin_, end_ - begin_); }
  // For an Arabic token of at least two letters after a leading article or a particle
  // fused with it (ال، وال، بال، كال، فال، لل; the longest that leaves two letters), or
  // of at least three letters after the conjunction و, the folded key without that
  // prefix: "الصباغ" -> "صباغ", "للجيش" -> "جيش", "وإبراهيم" -> "ابراهيم". Empty when there
  // is none; never "له" (from the name of God, الله, which has no article to strip).
  // Valid until the next call to Next(). The index stores it at the same position as
  // the token, so "صباغ" finds "الصباغ"; queries never use it.
  std::string_view stem() const { return stem_; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  size_t begin_ = 0;
  size_t end_ = 0;
  std::string folded_;
  std::string stem_;
  std::string split_fold_;  // a fold holding several keys, handed out one by one
  size_t split_pos_ = 0;    // where the next key of split_fold_ starts
};

}  // namespace sijill::text
