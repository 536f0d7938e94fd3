#include "time/date_tokens.h"

#include "base/utf8.h"

namespace sijill::time::internal {
namespace {

enum class CharClass : uint8_t { kSpace, kIgnored, kDigit, kLetter, kPunct };

// The digit value of `cp`, or -1.
int DigitValue(char32_t cp) {
  if (cp >= U'0' && cp <= U'9') return static_cast<int>(cp - U'0');
  if (cp >= 0x0660 && cp <= 0x0669) return static_cast<int>(cp - 0x0660);
  if (cp >= 0x06F0 && cp <= 0x06F9) return static_cast<int>(cp - 0x06F0);
  return -1;
}

bool IsSpace(char32_t cp) {
  return cp == U' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Marks inside a word that matching ignores: Arabic diacritics, tatweel, joiners.
bool IsIgnoredMark(char32_t cp) {
  return (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||
         (cp >= 0x200C && cp <= 0x200F) || cp == 0xFEFF;
}

bool IsPunct(char32_t cp) {
  if (cp < 0x80) return !((cp >= U'a' && cp <= U'z') || (cp >= U'A' && cp <= U'Z'));
  return (cp >= 0x00A1 && cp <= 0x00BF) || cp == 0x00D7 || cp == 0x00F7 || cp == 0x060C ||
         cp == 0x061B || cp == 0x061F || cp == 0x066A || cp == 0x066B || cp == 0x066C ||
         cp == 0x06D4 || (cp >= 0x2010 && cp <= 0x205E) || (cp >= 0x3001 && cp <= 0x3003);
}

CharClass Classify(char32_t cp) {
  if (DigitValue(cp) >= 0) return CharClass::kDigit;
  if (IsSpace(cp)) return CharClass::kSpace;
  if (IsIgnoredMark(cp)) return CharClass::kIgnored;
  if (IsPunct(cp)) return CharClass::kPunct;
  return CharClass::kLetter;
}

// Appends the normalized form of letter `cp` to `out`.
void AppendNormalizedLetter(char32_t cp, std::string* out) {
  if (cp >= U'A' && cp <= U'Z') cp = cp - U'A' + U'a';
  if (cp == 0x0623 || cp == 0x0625 || cp == 0x0622 || cp == 0x0671) cp = 0x0627;  // alef forms
  if (cp == 0x0649) cp = 0x064A;                                                  // ى -> ي
  if (cp == 0x0629) cp = 0x0647;                                                  // ة -> ه
  base::AppendUtf8(cp, out);
}

}  // namespace

std::vector<Token> Tokenize(std::string_view utf8_text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  uint64_t cp_index = 0;
  bool in_token = false;  // the last token may still grow (number or word)
  while (pos < utf8_text.size()) {
    size_t start = pos;
    char32_t cp = base::DecodeAt(utf8_text, &pos);
    CharClass c = Classify(cp);
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
        t.text.assign(utf8_text.substr(start, pos - start));
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
        tokens.push_back(std::move(t));
        last = &tokens.back();
        in_token = true;
      }
      if (kind == TokenKind::kNumber) {
        int d = DigitValue(cp);
        last->text.push_back(static_cast<char>('0' + d));
        if (last->number < 1'000'000'000'000'000) last->number = last->number * 10 + d;
        ++last->digits;
      } else {
        AppendNormalizedLetter(cp, &last->text);
      }
      last->cp_end = cp_index + 1;
      last->byte_end = pos;
    }
    ++cp_index;
  }
  return tokens;
}

}  // namespace sijill::time::internal
