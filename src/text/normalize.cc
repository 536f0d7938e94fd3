#include "text/normalize.h"

#include <unicode/bytestream.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <array>
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "base/utf8.h"
#include "text/text_internal.h"

namespace sijill::text {
namespace {

using base::AppendUtf8;
using base::DecodeAt;

// ICU takes int32_t lengths; longer inputs are normalized in pieces of at most this size.
constexpr size_t kMaxIcuPiece = size_t{1} << 30;

// ICU's normalizer singletons are owned by ICU and live until the process ends. They
// only fail to load when ICU's data is missing, which is an installation error.
const icu::Normalizer2& CheckedInstance(const icu::Normalizer2* instance, UErrorCode status) {
  if (U_FAILURE(status) || instance == nullptr) {
    std::fprintf(stderr, "sijill: ICU normalization data is missing: %s\n", u_errorName(status));
    std::abort();
  }
  return *instance;
}

const icu::Normalizer2& Nfc() {
  static const icu::Normalizer2& nfc = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    return CheckedInstance(icu::Normalizer2::getNFCInstance(status), status);
  }();
  return nfc;
}

const icu::Normalizer2& Nfd() {
  static const icu::Normalizer2& nfd = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    return CheckedInstance(icu::Normalizer2::getNFDInstance(status), status);
  }();
  return nfd;
}

const icu::Normalizer2& NfkcCasefold() {
  static const icu::Normalizer2& nfkc_cf = []() -> const icu::Normalizer2& {
    UErrorCode status = U_ZERO_ERROR;
    return CheckedInstance(icu::Normalizer2::getNFKCCasefoldInstance(status), status);
  }();
  return nfkc_cf;
}

// Length of the prefix of `s` (at most kMaxIcuPiece bytes) that can be normalized on its
// own: it ends before a code point with a normalization boundary before it.
size_t IcuPieceLength(const icu::Normalizer2& normalizer, std::string_view s) {
  if (s.size() <= kMaxIcuPiece) return s.size();
  size_t end = kMaxIcuPiece;
  while ((static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
  for (size_t p = end; p > 0;) {
    size_t next = p;
    if (normalizer.hasBoundaryBefore(static_cast<UChar32>(DecodeAt(s, &next)))) return p;
    do {
      --p;
    } while (p > 0 && (static_cast<unsigned char>(s[p]) & 0xC0) == 0x80);
  }
  return end;  // no boundary at all: a pathological run of combining marks
}

// Appends `normalizer`'s normalization of valid UTF-8 `s` to *out.
void AppendNormalized(const icu::Normalizer2& normalizer, std::string_view s, std::string* out) {
  icu::StringByteSink<std::string> sink(out);
  while (!s.empty()) {
    size_t n = IcuPieceLength(normalizer, s);
    UErrorCode status = U_ZERO_ERROR;
    normalizer.normalizeUTF8(0, icu::StringPiece(s.data(), static_cast<int32_t>(n)), sink, nullptr,
                             status);
    if (U_FAILURE(status)) out->append(s.substr(0, n));  // only for invalid UTF-8
    s.remove_prefix(n);
  }
}

// Marks that folding strips from Latin letters, after decomposing them: the combining
// diacritical mark blocks.
bool IsLatinMark(char32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || (c >= 0x1AB0 && c <= 0x1AFF) ||
         (c >= 0x1DC0 && c <= 0x1DFF) || (c >= 0x20D0 && c <= 0x20FF) ||
         (c >= 0xFE20 && c <= 0xFE2F);
}

// Precomposed Latin letters (Latin-1 Supplement to Latin Extended-B, and Latin Extended
// Additional), which folding decomposes to drop their marks.
bool IsPrecomposedLatinRange(char32_t c) {
  return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
}

// The fold of one code point of U+0600–U+06FF that NFKC_Casefold leaves alone. Returns 0
// when folding removes it (diacritics, Quranic marks, tatweel).
char32_t FoldArabic(char32_t c) {
  if ((c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED)) {
    return 0;
  }
  switch (c) {
    case 0x0622:  // آ
    case 0x0623:  // أ
    case 0x0625:  // إ
    case 0x0671:  // ٱ
      return 0x0627;
    case 0x0649:  // ى
      return 0x064A;
    case 0x0629:  // ة
      return 0x0647;
    default:
      break;
  }
  if (c >= 0x0660 && c <= 0x0669) return U'0' + (c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return U'0' + (c - 0x06F0);
  return c;
}

// Appends a precomposed Latin letter without its combining marks (é -> e, ḥ -> h).
void AppendLatinWithoutMarks(char32_t c, std::string* out) {
  icu::UnicodeString decomposition;  // short: stays in its inline buffer
  if (!Nfd().getDecomposition(static_cast<UChar32>(c), decomposition)) {
    AppendUtf8(c, out);
    return;
  }
  for (int32_t i = 0; i < decomposition.length();) {
    auto part = static_cast<char32_t>(decomposition.char32At(i));
    i += U16_LENGTH(part);
    if (!IsLatinMark(part)) AppendUtf8(part, out);
  }
}

// Appends the fold of one code point of NFKC_Casefold output. Returns false if folding
// removed it, which may leave neighbours that compose (Hangul jamo around a harakah).
bool AppendFoldedCodePoint(char32_t c, std::string* out) {
  if (c >= 0x0600 && c <= 0x06FF) {
    c = FoldArabic(c);
    if (c == 0) return false;
    AppendUtf8(c, out);
  } else if (IsPrecomposedLatinRange(c)) {
    AppendLatinWithoutMarks(c, out);
  } else if (IsLatinMark(c)) {
    return false;
  } else {
    AppendUtf8(c, out);
  }
  return true;
}

// Composes out[start, end) to NFC in place if it is not already.
void RecomposeTail(size_t start, std::string* out, std::string* scratch) {
  std::string_view tail = std::string_view(*out).substr(start);
  UErrorCode status = U_ZERO_ERROR;
  if (Nfc().isNormalizedUTF8(icu::StringPiece(tail.data(), static_cast<int32_t>(tail.size())),
                             status)) {
    return;
  }
  scratch->clear();
  AppendNormalized(Nfc(), tail, scratch);
  out->replace(start, std::string::npos, *scratch);
}

// Fast-path table for U+0600–U+06FF: the folded code point, kRemoved, or kSlow for code
// points whose NFKC_Casefold depends on their neighbours or maps them elsewhere.
constexpr uint16_t kRemoved = 0;
constexpr uint16_t kSlow = 0xFFFF;

std::array<uint16_t, 256> BuildArabicTable() {
  std::array<uint16_t, 256> table{};
  const icu::Normalizer2& nfkc_cf = NfkcCasefold();
  for (char32_t c = 0x0600; c <= 0x06FF; ++c) {
    uint16_t& entry = table[c - 0x0600];
    auto uc = static_cast<UChar32>(c);
    UErrorCode status = U_ZERO_ERROR;
    bool stable = nfkc_cf.hasBoundaryBefore(uc) &&
                  nfkc_cf.isNormalized(icu::UnicodeString(uc), status) && U_SUCCESS(status);
    bool composing_hamza_or_madda = c >= 0x0653 && c <= 0x0655;
    if (composing_hamza_or_madda) {
      entry = kSlow;
    } else if (FoldArabic(c) == 0) {
      entry = kRemoved;  // these marks never compose, so dropping them early is exact
    } else {
      entry = stable ? static_cast<uint16_t>(FoldArabic(c)) : kSlow;
    }
  }
  return table;
}

const std::array<uint16_t, 256>& ArabicTable() {
  static const std::array<uint16_t, 256> table = BuildArabicTable();
  return table;
}

constexpr std::array<char, 128> kAsciiLower = [] {
  std::array<char, 128> lower{};
  for (int c = 0; c < 128; ++c) {
    lower[static_cast<size_t>(c)] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  }
  return lower;
}();

}  // namespace

namespace internal {

bool AppendFoldedFast(std::string_view s, std::string* out) {
  const std::array<uint16_t, 256>& arabic = ArabicTable();
  for (size_t i = 0; i < s.size();) {
    auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out->push_back(kAsciiLower[b]);
      ++i;
      continue;
    }
    if (b < 0xD8 || b > 0xDB) return false;  // outside U+0600–U+06FF
    auto c =
        static_cast<char32_t>(((b & 0x1F) << 6) | (static_cast<unsigned char>(s[i + 1]) & 0x3F));
    i += 2;
    uint16_t folded = arabic[c - 0x0600];
    if (folded == kSlow) return false;
    if (folded == kRemoved) continue;
    if (folded < 0x80) {
      out->push_back(static_cast<char>(folded));  // a digit
    } else {                                      // two bytes, like every fast-path Arabic fold
      out->push_back(static_cast<char>(0xC0 | (folded >> 6)));
      out->push_back(static_cast<char>(0x80 | (folded & 0x3F)));
    }
  }
  return true;
}

const icu::Normalizer2& NfcNormalizer() { return Nfc(); }

void AppendFoldedWithIcu(std::string_view utf8, std::string* out) {
  thread_local std::string scratch;  // reused: no allocation per word
  scratch.clear();
  AppendNormalized(NfkcCasefold(), utf8, &scratch);
  size_t start = out->size();
  bool removed_any = false;
  for (size_t pos = 0; pos < scratch.size();) {
    removed_any |= !AppendFoldedCodePoint(DecodeAt(scratch, &pos), out);
  }
  if (removed_any) RecomposeTail(start, out, &scratch);
}

}  // namespace internal

std::string ToNfc(std::string_view utf8) {
  UErrorCode status = U_ZERO_ERROR;
  if (utf8.size() <= kMaxIcuPiece &&
      Nfc().isNormalizedUTF8(icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())),
                             status) &&
      U_SUCCESS(status)) {
    return std::string(utf8);
  }
  std::string out;
  out.reserve(utf8.size());
  AppendNormalized(Nfc(), utf8, &out);
  return out;
}

void AppendFolded(std::string_view utf8, std::string* out) {
  size_t start = out->size();
  if (internal::AppendFoldedFast(utf8, out)) return;
  out->resize(start);
  internal::AppendFoldedWithIcu(utf8, out);
}

std::string FoldForSearch(std::string_view utf8) {
  std::string out;
  AppendFolded(utf8, &out);
  return out;
}

}  // namespace sijill::text
