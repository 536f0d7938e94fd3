#include "text/tokenize.h"

#include <unicode/uchar.h>

#include <array>

#include "base/utf8.h"
#include "text/text_internal.h"

namespace sijill::text {
namespace {

using internal::IsWordChar;
using internal::IsWordJoiner;

// Word-character flags for U+0000–U+07FF (one- and two-byte UTF-8: Latin, Greek,
// Cyrillic, Hebrew, Arabic), so the common scripts need no ICU call per character.
const std::array<bool, 0x800>& SmallWordTable() {
  static const std::array<bool, 0x800> table = [] {
    std::array<bool, 0x800> word{};
    for (char32_t c = 0; c < 0x800; ++c) word[c] = IsWordChar(c);
    return word;
  }();
  return table;
}

struct CodePoint {
  char32_t value;
  size_t next;  // offset just after it
};

// Decodes the code point at `pos`, classifying one- and two-byte ones by table.
inline CodePoint DecodeWithClass(std::string_view text, size_t pos,
                                 const std::array<bool, 0x800>& small, bool* is_word) {
  auto b = static_cast<unsigned char>(text[pos]);
  if (b < 0x80) {
    *is_word = small[b];
    return {b, pos + 1};
  }
  if (b < 0xE0) {
    auto c = static_cast<char32_t>(((b & 0x1F) << 6) |
                                   (static_cast<unsigned char>(text[pos + 1]) & 0x3F));
    *is_word = small[c];
    return {c, pos + 2};
  }
  size_t next = pos;
  char32_t c = base::DecodeAt(text, &next);
  *is_word = IsWordChar(c);
  return {c, next};
}

struct TokenSpan {
  size_t begin = 0;
  size_t end = 0;
  bool ascii = true;  // every byte in [begin, end) is ASCII
};

// Returns the position of the first word character at or after `pos`, or text.size().
size_t SkipSeparators(std::string_view text, size_t pos) {
  const std::array<bool, 0x800>& small = SmallWordTable();
  bool is_word = false;
  while (pos < text.size()) {
    CodePoint cp = DecodeWithClass(text, pos, small, &is_word);
    if (is_word) return pos;
    pos = cp.next;
  }
  return pos;
}

// Reads the token that starts at the word character at `begin`. Word joiners (soft
// hyphen, ZWNJ, ...) continue a token but never end one.
TokenSpan ReadToken(std::string_view text, size_t begin) {
  const std::array<bool, 0x800>& small = SmallWordTable();
  TokenSpan span{begin, begin, true};
  bool is_word = false;
  for (size_t pos = begin; pos < text.size();) {
    CodePoint cp = DecodeWithClass(text, pos, small, &is_word);
    if (!is_word && !IsWordJoiner(cp.value)) break;
    span.ascii &= cp.value < 0x80;
    pos = cp.next;
    if (is_word) span.end = pos;
  }
  return span;
}

void FoldAsciiInto(std::string_view token, std::string* out) {
  out->resize(token.size());
  for (size_t i = 0; i < token.size(); ++i) {
    char c = token[i];
    (*out)[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + ('a' - 'A')) : c;
  }
}

// Number of letters (general category L*) in valid UTF-8 `s`, counting at most to 2.
// Counts the letters of `s`, stopping at `limit`.
int CountLettersUpTo(std::string_view s, int limit) {
  int letters = 0;
  for (size_t pos = 0; pos < s.size() && letters < limit;) {
    char32_t c = base::DecodeAt(s, &pos);
    if ((U_GET_GC_MASK(static_cast<UChar32>(c)) & U_GC_L_MASK) != 0) ++letters;
  }
  return letters;
}

// Folded Arabic prefixes that a stem strips, longest first, with the letters that must
// remain. "لل" is li- + al- with the alef elided. The bare conjunction wa- ("وإبراهيم",
// "ومحمد") is tried last and only before three or more letters, since many names begin
// with و themselves (وائل، وليد): for those the stem is a harmless extra key.
struct StemPrefix {
  std::string_view prefix;
  int min_rest;
};
constexpr std::array<StemPrefix, 7> kStemPrefixes = {
    {{"وال", 2}, {"بال", 2}, {"كال", 2}, {"فال", 2}, {"ال", 2}, {"لل", 2}, {"و", 3}}};

// Writes to *stem the folded Arabic key without its prefix, or clears it. The
// remainder "له" only comes from the name of God (الله), which has no article to strip.
void ComputeStem(std::string_view folded, std::string* stem) {
  stem->clear();
  auto lead = folded.empty() ? 0 : static_cast<unsigned char>(folded[0]);
  if (lead < 0xD8 || lead > 0xDB) return;  // not an Arabic-block key
  for (const auto& [prefix, min_rest] : kStemPrefixes) {
    if (!folded.starts_with(prefix)) continue;
    std::string_view rest = folded.substr(prefix.size());
    if (CountLettersUpTo(rest, min_rest) < min_rest || rest == "له") continue;
    stem->assign(rest);
    return;
  }
}

// Copies the next key of a split fold at or after *pos into *key and advances *pos.
// Returns false if there is none.
bool NextKeyOfSplitFold(std::string_view fold, size_t* pos, std::string* key) {
  *pos = SkipSeparators(fold, *pos);
  if (*pos >= fold.size()) return false;
  TokenSpan span = ReadToken(fold, *pos);
  key->assign(fold.substr(span.begin, span.end - span.begin));
  *pos = span.end;
  return true;
}

bool HasSeparator(std::string_view fold) {
  for (size_t pos = 0; pos < fold.size();) {
    if (!IsWordChar(base::DecodeAt(fold, &pos))) return true;
  }
  return false;
}

// Folds a non-ASCII run into *key, or into *split if its fold has separators (then
// *key is left empty). Returns true if *key holds the run's one key; false if the run
// folds to several keys (in *split) or to nothing (only diacritics or tatweel).
bool FoldRun(std::string_view run, std::string* key, std::string* split) {
  key->clear();
  if (internal::AppendFoldedFast(run, key)) return !key->empty();  // letters, digits
  key->clear();
  internal::AppendFoldedWithIcu(run, key);
  if (!HasSeparator(*key)) return !key->empty();
  split->swap(*key);
  key->clear();
  return false;
}

}  // namespace

bool TokenCursor::Next() {
  while (true) {
    if (!split_fold_.empty()) {
      if (NextKeyOfSplitFold(split_fold_, &split_pos_, &folded_)) break;
      split_fold_.clear();
    }
    pos_ = SkipSeparators(text_, pos_);
    if (pos_ >= text_.size()) {
      begin_ = end_ = text_.size();
      folded_.clear();
      stem_.clear();
      return false;
    }
    TokenSpan span = ReadToken(text_, pos_);
    begin_ = span.begin;
    end_ = pos_ = span.end;
    if (span.ascii) {
      FoldAsciiInto(original(), &folded_);
      break;
    }
    if (FoldRun(original(), &folded_, &split_fold_)) break;
    split_pos_ = 0;
  }
  ComputeStem(folded_, &stem_);
  return true;
}

}  // namespace sijill::text
