// Internal to the date finder: splits running text into simple tokens with
// code-point offsets. Not part of the module's public interface.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace sijill::time::internal {

enum class TokenKind : uint8_t { kNumber, kWord, kPunct };

// One token. `text` is normalized for matching: ASCII lower-cased; Arabic with
// diacritics and tatweel removed, alef forms unified to ا, ى to ي, ة to ه; digits
// (ASCII, Arabic-Indic U+0660.., extended U+06F0..) as ASCII. A number token is a
// maximal run of digits; a word a maximal run of letters; punctuation is one code
// point. Whitespace separates tokens and is dropped.
struct Token {
  TokenKind kind = TokenKind::kPunct;
  std::string_view text;     // into the arena given to Tokenize
  int64_t number = 0;        // kNumber: its value (saturates at 10^15)
  int digits = 0;            // kNumber: how many digits were written
  bool capitalized = false;  // kWord: the first letter was an ASCII capital
  uint64_t cp_begin = 0, cp_end = 0;
  size_t byte_begin = 0, byte_end = 0;
};

// Token texts are views into `*arena`, which Tokenize fills (replacing its contents)
// and which must outlive the tokens and stay unchanged.
// a == b, rejecting most unequal words before calling memcmp (the finder compares
// words with word lists all the time).
inline bool SameWord(std::string_view a, std::string_view b) {
  return a.size() == b.size() && (a.empty() || a[0] == b[0]) && a == b;
}

// REQUIRES: `utf8_text` is valid UTF-8.
std::vector<Token> Tokenize(std::string_view utf8_text, std::string* arena);

}  // namespace sijill::time::internal
