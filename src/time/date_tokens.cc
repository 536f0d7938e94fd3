#include "time/date_tokens.h"

#include <array>
#include <cstdlib>

#include "base/utf8.h"

namespace sijill::time::internal {
namespace {

enum class CharClass : uint8_t { kSpace, kIgnored, kDigit, kLetter, kPunct };

// The digit value of `cp`, or -1.
constexpr int DigitValue(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}

constexpr bool IsSpace(char32_t cp) {
  return cp == U' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Marks inside a word that matching ignores: Arabic diacritics, tatweel, joiners.
constexpr bool IsIgnoredMark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
         (cp >= 0x200C && cp <= 0x200F) || cp == 0xFEFF;
}

constexpr bool IsPunct(char32_t cp) {
  if (cp < 0x80) return !((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'));
  return (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 || cp == 0x060C ||
         cp == 0x061B || cp == 0x061F || cp == 0x066A || cp == 0x066B || cp == 0x066C ||
         cp == 0x06D4 || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003);
}

constexpr CharClass Classify(char32_t cp) {
  if (DigitValue(cp) >= 0) return CharClass::kDigit;
  if (IsSpace(cp)) return CharClass::kSpace;
  if (IsIgnoredMark(cp)) return CharClass::kIgnored;
  if (IsPunct(cp)) return CharClass::kPunct;
  return CharClass::kLetter;
}

constexpr std::array<CharClass, 128> kAsciiClass = [] {
  std::array<CharClass, 128> table{};
  for (char32_t cp = 0; cp < 128; ++cp) table[cp] = Classify(cp);
  return table;
}();

// Appends the normalized form of letter `cp` to `out`.
void AppendNormalizedLetter(char32_t cp, std::string* out) {
  if (cp >= U'A' && cp <= U'Z') cp = cp - U'A' + U'a';
  if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622 || cp == 0x0671) cp = 0x0627;  // alef forms
  if (cp == 0x0649) cp = 0x064A;                                                  // ى -> ي
  if (cp == 0x0629) cp = 0x0647;                                                  // ة -> ه
  base::AppendUtf8(cp, out);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8_text, std::string* arena) {
  // A normalized text is never longer than its source (every mapping keeps or shortens
  // the UTF-8 length), so with this capacity the arena never moves and views stay valid.
  arena->clear();
  arena->reserve(utf8_text.size());
  const char* base = arena->data();
  size_t text_begin = 0;  // where the growing token's text starts in the arena
  auto extend = [&](Token* t) {
    t->text = std::string_view(base + text_begin, arena->size() - text_begin);
  };
  std::vector<Token> tokens;
  tokens.reserve(utf8_text.size() / 4 + 1);  // about one token per 5-6 bytes in testimonies
  size_t pos = 0;
  uint64_t cp_index = 0;
  bool in_token = false;  // the last token may still grow (number or word)
  while (pos < utf8_text.size()) {
    size_t start = pos;
    char32_t cp;
    CharClass c;
    if (auto b = static_cast<unsigned char>(utf8_text[pos]); b < 0x80) {  // fast path
      cp = b;
      ++pos;
      c = kAsciiClass[b];
    } else {
      cp = base::DecodeAt(utf8_text, &pos);
      c = Classify(cp);
    }
    Token* last = tokens.empty() ? nullptr : &tokens.back();
    if (c == CharClass::kIgnored) {
      // Part of the word it sits in, else nothing.
      if (in_token && last->kind == TokenKind::kWord) {
        last->cp_end = cp_index + 1;
        last->byte_end = pos;
      }
    } else if (c == CharClass::kSpace || c == CharClass::kPunct) {
      in_token = false;
      if (c == CharClass::kPunct) {
        Token t;
        t.kind = TokenKind::kPunct;
        text_begin = arena->size();
        arena->append(utf8_text.substr(start, pos - start));
        extend(&t);
        t.cp_begin = cp_index, t.cp_end = cp_index + 1;
        t.byte_begin = start, t.byte_end = pos;
        tokens.push_back(std::move(t));
      }
    } else {
      TokenKind kind = c == CharClass::kDigit ? TokenKind::kNumber : TokenKind::kWord;
      if (!in_token || last->kind != kind) {
        Token t;
        t.kind = kind;
        t.cp_begin = cp_index;
        t.byte_begin = start;
        t.capitalized = cp >= U'A' && cp <= U'Z';
        text_begin = arena->size();
        tokens.push_back(std::move(t));
        last = &tokens.back();
        in_token = true;
      }
      if (kind == TokenKind::kNumber) {
        int d = DigitValue(cp);
        arena->push_back(static_cast<char>('0' + d));
        if (last->number < 1'000'000'000'000'000) last->number = last->number * 10 + d;
        ++last->digits;
      } else if (cp < 0x80) {
        arena->push_back(static_cast<char>(cp >= U'A' && cp <= U'Z' ? cp - U'A' + U'a' : cp));
      } else {
        AppendNormalizedLetter(cp, arena);
      }
      extend(last);
      last->cp_end = cp_index + 1;
      last->byte_end = pos;
    }
    ++cp_index;
  }
  if (arena->data() != base) std::abort();  // the capacity argument above is broken
  return tokens;
}

}  // namespace sijill::time::internal
