// Character classes and helpers shared by the text module's .cc files and its tests.
// Not part of the module's API: code outside src/text must not include this header.
// Pure functions; thread-safe.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <string>
#include <string_view>

#include "base/utf8.h"

namespace sijill::text::internal {

// True for Unicode White_Space (space, tab, LF, NBSP, U+2028, ...).
inline bool IsSpace(char32_t c) {
  if (c < 0x1680) return c == ' ' || (c >= '\t' && c <= '\r') || c == 0x85 || c == 0xA0;
  return u_isUWhiteSpace(static_cast<UChar32>(c));  // U+1680, U+2000–U+200A, U+2028, ...
}

// Letters used as apostrophes in transliteration (ʼ ʻ ʾ ʿ). They are general category
// Lm, but split words like the ASCII apostrophe does, so "Darʼa" meets "Dar'a".
inline bool IsApostropheLetter(char32_t c) {
  return c == 0x02BC || c == 0x02BB || c == 0x02BE || c == 0x02BF;
}

// True for code points a token is made of: general category L*, N* or M*.
inline bool IsWordChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  constexpr uint32_t kWordMask = U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & kWordMask) != 0 && !IsApostropheLetter(c);
}

// Decodes the code point of valid UTF-8 at text[*pos] and advances *pos; base::DecodeAt
// with the one- and two-byte cases inline.
inline char32_t DecodeInline(std::string_view text, size_t* pos) {
  auto b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    *pos += 1;
    return b;
  }
  if (b < 0xE0) {
    auto c = static_cast<char32_t>(((b & 0x1F) << 6) |
                                   (static_cast<unsigned char>(text[*pos + 1]) & 0x3F));
    *pos += 2;
    return c;
  }
  return base::DecodeAt(text, pos);
}

// Invisible format characters that occur inside words (soft hyphen, ZWNJ, ZWJ, word
// joiner). They do not split a token; folding removes them.
inline bool IsWordJoiner(char32_t c) {
  return c == 0x00AD || c == 0x200C || c == 0x200D || c == 0x2060;
}

// ICU's NFC normalizer (a process-wide singleton owned by ICU).
const icu::Normalizer2& NfcNormalizer();

// Appends the search fold of `utf8` if it is made only of ASCII and of Arabic-block code
// points whose fold does not depend on their neighbours; returns false otherwise, with
// *out partly written. The fast path of AppendFolded, which does not call ICU.
bool AppendFoldedFast(std::string_view utf8, std::string* out);

// Appends the search fold of `utf8` computed entirely with ICU, without the ASCII and
// Arabic fast paths. AppendFolded must give the same result; tests compare the two.
void AppendFoldedWithIcu(std::string_view utf8, std::string* out);

}  // namespace sijill::text::internal
