#include "redact/folded_text.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>

#include <array>
#include <bitset>
#include <cstdio>
#include <cstdlib>

#include "base/utf8.h"
#include "redact/mention_rules.h"
#include "text/normalize.h"

namespace sijill::redact::internal {
namespace {

// Fold of each code point U+0600–U+06FF taken alone: kRemoved, one code point, or kSlow
// when the fold is longer or the character may compose with its neighbours (the
// combining hamza and madda U+0653–U+0655). Built from text::FoldForSearch itself, so
// the table cannot disagree with it.
constexpr char32_t kRemoved = 0;
constexpr char32_t kSlow = 0xFFFFFFFF;

std::array<char32_t, 256> BuildArabicTable() {
  std::array<char32_t, 256> table{};
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
    std::string one;
    base::AppendUtf8(c, &one);
    std::string folded = text::FoldForSearch(one);
    char32_t& entry = table[c - 0x0600];
    if (c >= 0x0653 && c <= 0x0655) {
      entry = kSlow;
    } else if (folded.empty()) {
      entry = kRemoved;
    } else {
      size_t pos = 0;
      char32_t first = base::DecodeAt(folded, &pos);
      entry = pos == folded.size() ? first : kSlow;
    }
  }
  return table;
}

const std::array<char32_t, 256>& ArabicTable() {
  static const std::array<char32_t, 256> table = BuildArabicTable();
  return table;
}

// True if `c` belongs to the character before it: a combining mark (general category M),
// or any code point that NFKC_Casefold may combine with what precedes it (Hangul vowel
// and final jamo, the combining hamza). Folding characters one at a time, so delimited,
// gives what folding the whole text gives.
bool ContinuesCharacterWithIcu(char32_t c) {
  static const icu::Normalizer2& nfkc_cf = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* instance = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status) || instance == nullptr) {
      std::fprintf(stderr, "sijill: ICU normalization data is missing: %s\n", u_errorName(status));
      std::abort();
    }
    return *instance;
  }();
  auto uc = static_cast<UChar32>(c);
  return (U_GET_GC_MASK(uc) & U_GC_M_MASK) != 0 || !nfkc_cf.hasBoundaryBefore(uc);
}

// ContinuesCharacterWithIcu, by a table for the two-byte UTF-8 range (harakat are there).
bool ContinuesCharacter(char32_t c) {
  static const std::bitset<0x800> table = [] {
    std::bitset<0x800> t;
    for (char32_t m = 0x80; m < 0x800; ++m) t[m] = ContinuesCharacterWithIcu(m);
    return t;
  }();
  return c < 0x800 ? table[c] : ContinuesCharacterWithIcu(c);
}

// base::DecodeAt with the two-byte case inline.
char32_t Decode(std::string_view text, size_t* pos) {
  auto b = static_cast<unsigned char>(text[*pos]);
  if ((b & 0xE0) == 0xC0) {
    auto c = static_cast<char32_t>(((b & 0x1F) << 6) |
                                   (static_cast<unsigned char>(text[*pos + 1]) & 0x3F));
    *pos += 2;
    return c;
  }
  return base::DecodeAt(text, pos);
}

// Appends folded characters to a FoldedText, collapsing non-name runs to one space.
class Builder {
 public:
  explicit Builder(FoldedText* out) : out_(out) {}

  void Add(char32_t folded, uint32_t origin) {
    if (!IsNameChar(folded)) {
      if (!in_gap_) {
        out_->folded.push_back(' ');
        out_->origin.push_back(origin);
        in_gap_ = true;
      }
      return;
    }
    in_gap_ = false;
    base::AppendUtf8(folded, &out_->folded);
    out_->origin.resize(out_->folded.size(), origin);
  }

  void AddAscii(char c, uint32_t origin) {
    bool upper = c >= 'A' && c <= 'Z';
    bool name = upper || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!name) {
      Add(static_cast<char32_t>(c), origin);
      return;
    }
    in_gap_ = false;
    out_->folded.push_back(upper ? static_cast<char>(c + ('a' - 'A')) : c);
    out_->origin.push_back(origin);
  }

 private:
  FoldedText* out_;
  bool in_gap_ = false;
};

// Folds one cluster text[begin, end) (a code point and its combining marks) into *b.
void AddCluster(std::string_view text, size_t begin, size_t end, char32_t first, size_t first_end,
                Builder* b, std::string* scratch) {
  auto origin = static_cast<uint32_t>(begin);
  if (first >= 0x0600 && first <= 0x06FF) {
    // Fast path: the letter by the table, and its marks only if the table removes them.
    char32_t base_fold = ArabicTable()[first - 0x0600];
    bool fast = base_fold != kSlow;
    for (size_t pos = first_end; fast && pos < end;) {
      char32_t mark = Decode(text, &pos);
      fast = mark >= 0x0600 && mark <= 0x06FF && ArabicTable()[mark - 0x0600] == kRemoved;
    }
    if (fast) {
      if (base_fold != kRemoved) b->Add(base_fold, origin);
      return;
    }
  }
  scratch->clear();
  text::AppendFolded(text.substr(begin, end - begin), scratch);
  for (size_t pos = 0; pos < scratch->size();) b->Add(base::DecodeAt(*scratch, &pos), origin);
}

}  // namespace

std::pair<size_t, size_t> FoldedText::OriginalSpan(size_t first, size_t last,
                                                   size_t original_size) const {
  while (last < origin.size() && origin[last] == origin[last - 1]) ++last;
  return {origin[first], last < origin.size() ? origin[last] : original_size};
}

FoldedText FoldWithOrigins(std::string_view text) {
  FoldedText out;
  out.folded.reserve(text.size() + 16);
  out.origin.reserve(text.size() + 16);
  Builder b(&out);
  std::string scratch;
  size_t pos = 0;
  while (pos < text.size()) {
    auto byte = static_cast<unsigned char>(text[pos]);
    bool next_is_ascii = pos + 1 >= text.size() || static_cast<unsigned char>(text[pos + 1]) < 0x80;
    if (byte < 0x80 && next_is_ascii) {
      b.AddAscii(static_cast<char>(byte), static_cast<uint32_t>(pos));
      ++pos;
      continue;
    }
    size_t begin = pos;
    char32_t first = Decode(text, &pos);
    size_t first_end = pos;
    while (pos < text.size() && static_cast<unsigned char>(text[pos]) >= 0x80) {
      size_t next = pos;
      if (!ContinuesCharacter(Decode(text, &next))) break;
      pos = next;
    }
    AddCluster(text, begin, pos, first, first_end, &b, &scratch);
  }
  return out;
}

std::string FoldName(std::string_view name) {
  std::string folded = FoldWithOrigins(name).folded;
  size_t begin = folded.find_first_not_of(' ');
  if (begin == std::string::npos) return "";
  size_t end = folded.find_last_not_of(' ');
  return folded.substr(begin, end - begin + 1);
}

}  // namespace sijill::redact::internal
