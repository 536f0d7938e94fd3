#include "ingest/pdf_text.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "base/utf8.h"

namespace sijill::ingest::internal {
namespace {

constexpr char32_t kLre = 0x202A, kRle = 0x202B, kPdf = 0x202C;

// Decodes UTF-8, replacing invalid sequences with U+FFFD.
std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  int32_t i = 0, n = static_cast<int32_t>(text.size());
  while (i < n) {
    UChar32 c;
    U8_NEXT(text.data(), i, n, c);
    out.push_back(c < 0 ? 0xFFFD : static_cast<char32_t>(c));
  }
  return out;
}

// True for characters the output drops: C0/C1 controls but TAB, and the bidi
// embedding, override and isolate marks (which poppler adds and which matter only
// for display).
bool IsDropped(char32_t c) {
  if (c == '\t') return false;
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

// Appends `part` to `out`, reversed if `reverse`.
void AppendPart(std::u32string_view part, bool reverse, std::u32string* out) {
  if (reverse) {
    out->append(part.rbegin(), part.rend());
  } else {
    out->append(part);
  }
}

// Undoes poppler's reordering (TextOutputDev.cc, reorderText) to get the line's
// characters in visual order, left to right. Left-to-right page: stretches in RLE...PDF
// were reversed. Right-to-left page (it uses LRE): the whole line was reversed, but
// the stretches in LRE...PDF were kept in order.
std::u32string VisualOrder(std::u32string line) {
  bool rtl_page = line.find(kLre) != std::u32string::npos;
  if (rtl_page && line.size() >= 2 && line.front() == kRle && line.back() == kPdf) {
    line = line.substr(1, line.size() - 2);
  }
  std::vector<std::pair<std::u32string_view, bool>> parts;  // text, inside marks
  std::u32string_view rest = line;
  while (!rest.empty()) {
    bool marked = rest.front() == kRle || rest.front() == kLre;
    if (marked) rest.remove_prefix(1);
    size_t end = marked ? rest.find(kPdf) : rest.find_first_of(U"\u202A\u202B\u202C");
    if (end == std::u32string_view::npos) end = rest.size();
    parts.emplace_back(rest.substr(0, end), marked);
    rest.remove_prefix(end);
    if (!rest.empty() && rest.front() == kPdf) rest.remove_prefix(1);
  }
  std::u32string visual;
  if (!rtl_page) {
    for (const auto& [part, marked] : parts) AppendPart(part, marked, &visual);
  } else {
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      AppendPart(it->first, !it->second, &visual);
    }
  }
  return visual;
}

struct BidiCloser {
  void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

// The logical order of `visual`, by ICU's inverse bidi algorithm.
std::u16string InverseBidi(const std::u16string& visual, UBiDiLevel paragraph_level) {
  std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_open());
  UErrorCode error = U_ZERO_ERROR;
  ubidi_setReorderingMode(bidi.get(), UBIDI_REORDER_INVERSE_LIKE_DIRECT);
  ubidi_setPara(bidi.get(), visual.data(), static_cast<int32_t>(visual.size()), paragraph_level,
                nullptr, &error);
  std::u16string logical(visual.size() + 16, u'\0');
  int32_t length =
      ubidi_writeReordered(bidi.get(), logical.data(), static_cast<int32_t>(logical.size()),
                           UBIDI_REMOVE_BIDI_CONTROLS, &error);
  if (U_FAILURE(error)) return visual;  // cannot happen for valid input; keep the text
  logical.resize(static_cast<size_t>(length));
  return logical;
}

// Puts `visual` in logical order if it holds right-to-left characters.
std::u32string LogicalOrder(const std::u32string& visual) {
  int rtl = 0, ltr = 0;
  for (char32_t c : visual) {
    UCharDirection direction = u_charDirection(static_cast<UChar32>(c));
    if (direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC) ++rtl;
    if (direction == U_LEFT_TO_RIGHT) ++ltr;
  }
  if (rtl == 0) return visual;
  std::u16string utf16;
  for (char32_t c : visual) {
    if (c < 0x10000) {
      utf16.push_back(static_cast<char16_t>(c));
    } else {
      utf16.push_back(static_cast<char16_t>(U16_LEAD(c)));
      utf16.push_back(static_cast<char16_t>(U16_TRAIL(c)));
    }
  }
  std::u16string logical = InverseBidi(utf16, rtl > ltr ? 1 : 0);
  std::u32string out;
  for (size_t i = 0; i < logical.size();) {
    UChar32 c;
    U16_NEXT(logical.data(), i, logical.size(), c);
    out.push_back(static_cast<char32_t>(c));
  }
  return out;
}

// Encodes `text` without dropped characters, trimmed, with runs of spaces collapsed.
std::string Encode(const std::u32string& text) {
  std::string out;
  for (char32_t c : text) {
    if (IsDropped(c)) continue;
    if (c == ' ' && (out.empty() || out.back() == ' ' || out.back() == '\t')) continue;
    base::AppendUtf8(c, &out);
  }
  while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
  size_t start = out.find_first_not_of(" \t");
  return start == std::string::npos ? std::string() : out.substr(start);
}

bool IsAscii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return (c & 0x80) == 0; });
}

bool IsDigits(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string LogicalLine(std::string_view line) {
  std::u32string text = Decode(line);
  if (!IsAscii(line)) text = LogicalOrder(VisualOrder(std::move(text)));
  return Encode(text);
}

std::string PageParagraphs(std::string_view page) {
  std::string out;
  bool in_paragraph = false;
  while (!page.empty()) {
    size_t end = std::min(page.find_first_of("\n\f"), page.size());
    std::string line = LogicalLine(page.substr(0, end));
    page.remove_prefix(std::min(end + 1, page.size()));
    if (line.empty()) {
      if (in_paragraph) out += "\n\n";
      in_paragraph = false;
      continue;
    }
    if (in_paragraph) out += '\n';
    out += line;
    in_paragraph = true;
  }
  if (in_paragraph) out += "\n\n";
  return out;
}

std::optional<std::string> PdfDate(std::string_view value) {
  if (value.starts_with("D:")) value.remove_prefix(2);
  if (value.size() < 4 || !IsDigits(value.substr(0, 4))) return std::nullopt;
  std::string date(value.substr(0, 4));
  for (size_t at = 4; at <= 6; at += 2) {
    if (value.size() < at + 2 || !IsDigits(value.substr(at, 2))) break;
    date += '-';
    date += value.substr(at, 2);
  }
  return date;
}

}  // namespace sijill::ingest::internal
