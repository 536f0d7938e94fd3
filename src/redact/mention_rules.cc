#include "redact/mention_rules.h"

#include <unicode/uchar.h>

#include <bitset>

namespace sijill::redact::internal {
namespace {

constexpr std::string_view kArticle = "\u0627\u0644";  // ال

// و ف ب ل ك: the one-letter proclitics (and, so, with/in, for/to, like).
bool IsProcliticLetter(char32_t c) {
  return c == 0x0648 || c == 0x0641 || c == 0x0628 || c == 0x0644 || c == 0x0643;
}

}  // namespace

namespace {

bool IsNameCharWithIcu(char32_t c) {
  if (c == 0x02BC || c == 0x02BB || c == 0x02BE || c == 0x02BF) return false;
  constexpr uint32_t kNameMask = U_GC_L_MASK | U_GC_N_MASK | U_GC_M_MASK;
  return (U_GET_GC_MASK(static_cast<UChar32>(c)) & kNameMask) != 0;
}

// IsNameChar for the two-byte UTF-8 range (Latin to Arabic), which is most non-ASCII
// text; a table because ICU's lookup showed in profiles.
const std::bitset<0x800>& TwoByteNameChars() {
  static const std::bitset<0x800> table = [] {
    std::bitset<0x800> t;
    for (char32_t c = 0x80; c < 0x800; ++c) t[c] = IsNameCharWithIcu(c);
    return t;
  }();
  return table;
}

}  // namespace

bool IsNameChar(char32_t c) {
  if (c < 0x80) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  if (c < 0x800) return TwoByteNameChars()[c];
  return IsNameCharWithIcu(c);
}

bool IsProcliticPrefix(std::string_view prefix) {
  if (prefix.ends_with(kArticle)) prefix.remove_suffix(kArticle.size());
  // Every proclitic letter is two bytes in UTF-8 (U+0600–U+07FF).
  if (prefix.size() > 4 || prefix.size() % 2 != 0) return false;
  for (size_t i = 0; i < prefix.size(); i += 2) {
    auto b0 = static_cast<unsigned char>(prefix[i]);
    auto b1 = static_cast<unsigned char>(prefix[i + 1]);
    if ((b0 & 0xE0) != 0xC0 || (b1 & 0xC0) != 0x80) return false;
    if (!IsProcliticLetter(static_cast<char32_t>(((b0 & 0x1F) << 6) | (b1 & 0x3F)))) return false;
  }
  return true;
}

std::optional<std::string> LamAlVariant(std::string_view folded_word) {
  if (!folded_word.starts_with(kArticle) || folded_word.size() == kArticle.size()) {
    return std::nullopt;
  }
  std::string variant = "\u0644\u0644";  // لل
  variant.append(folded_word.substr(kArticle.size()));
  return variant;
}

bool TakesLatinSuffix(std::string_view folded_word) {
  if (folded_word.empty()) return false;
  char last = folded_word.back();
  return last >= 'a' && last <= 'z';
}

}  // namespace sijill::redact::internal
