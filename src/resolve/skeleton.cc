#include "resolve/skeleton.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <optional>

#include "base/utf8.h"
#include "resolve/phonetic_internal.h"
#include "text/normalize.h"

namespace sijill::resolve {
namespace {

enum class Script { kNone, kLatin, kArabic, kDigit, kOther };

Script ScriptOf(char32_t c) {
  if (c >= U'a' && c <= U'z') return Script::kLatin;
  if (c >= U'0' && c <= U'9') return Script::kDigit;
  if ((c >= U'\u0621' && c <= U'\u064A') || (c >= U'\u0671' && c <= U'\u06D3')) {
    return Script::kArabic;
  }
  if (c >= 0x80 && u_isalnum(static_cast<UChar32>(c))) return Script::kOther;
  return Script::kNone;
}

// Signs written inside a Latin word for ʿayn or hamza, or as an apostrophe: dropped.
bool IsInnerSign(char32_t c) {
  return c == U'\'' || c == U'`' || c == U'\u2018' || c == U'\u2019' || c == U'\u02BE' ||
         c == U'\u02BF' || c == U'\u02BC';
}

constexpr std::array<std::string_view, 19> kLatinArticles = {
    "al", "el", "ad", "ed", "as", "es", "ash", "esh", "ar", "er",
    "at", "et", "az", "ez", "an", "en", "ath", "adh", "ul"};

bool IsArticle(std::string_view folded) {
  return std::find(kLatinArticles.begin(), kLatinArticles.end(), folded) != kLatinArticles.end();
}

// ال at the start of an Arabic word of at least two letters more.
std::string_view WithoutArabicArticle(std::string_view folded) {
  constexpr std::string_view kAl = "\u0627\u0644";
  if (folded.starts_with(kAl) && base::CodePointCount(folded) >= 4) {
    return folded.substr(kAl.size());
  }
  return folded;
}

// The longest valid UTF-8 prefix of `name`, with ى spelled ا (FoldForSearch would make
// it ي, but it is read as a long a).
std::string Prepared(std::string_view name) {
  size_t bad = name.size();
  if (!base::IsValidUtf8(name, &bad)) name = name.substr(0, bad);
  std::string out;
  out.reserve(name.size());
  constexpr std::string_view kAlefMaqsura = "\u0649";
  for (size_t i = 0; i < name.size();) {
    if (name.substr(i).starts_with(kAlefMaqsura)) {
      out += "\u0627";
      i += kAlefMaqsura.size();
    } else {
      out += name[i++];
    }
  }
  return out;
}

// The written tokens of folded text: runs of letters and digits, inner signs dropped.
std::vector<std::string> WrittenTokens(std::string_view folded) {
  std::vector<std::string> tokens;
  std::string current;
  for (size_t pos = 0; pos < folded.size();) {
    const size_t start = pos;
    const char32_t c = base::DecodeAt(folded, &pos);
    if (ScriptOf(c) != Script::kNone) {
      current.append(folded.substr(start, pos - start));
    } else if (!(IsInnerSign(c) && !current.empty())) {
      if (!current.empty()) tokens.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) tokens.push_back(std::move(current));
  return tokens;
}

// What follows "abd" and a fused article in a Latin token ("abdulrahman" -> "rahman",
// "abdul" -> ""), or nullopt for other tokens.
std::optional<std::string_view> AfterLatinAbdAl(std::string_view t) {
  if (!t.starts_with("abd")) return std::nullopt;
  for (std::string_view article : {"ul", "el", "al", "ol"}) {
    if (t.substr(3).starts_with(article)) return t.substr(3 + article.size());
  }
  return std::nullopt;
}

// What follows عبد in an Arabic token fused with an article ("عبدالله" -> "الله"; the
// article is stripped later, as on any word), or nullopt for other tokens.
std::optional<std::string_view> AfterArabicAbd(std::string_view t) {
  constexpr std::string_view kAbd = "\u0639\u0628\u062f", kAl = "\u0627\u0644";
  if (!t.starts_with(kAbd) || t.size() <= kAbd.size() + kAl.size()) return std::nullopt;
  if (!t.substr(kAbd.size()).starts_with(kAl)) return std::nullopt;
  return t.substr(kAbd.size());
}

// "Abdul Rahman", "Abdulrahman", "Abdel-Kader", "عبدالله": the article fused after "abd"
// (servant of) is cut off, so that they meet "Abd al-Rahman" and "عبد الله".
void SplitAbd(std::vector<std::string>* tokens) {
  std::vector<std::string> out;
  for (auto& t : *tokens) {
    if (auto rest = AfterLatinAbdAl(t)) {
      out.push_back("abd");
      if (!rest->empty()) out.push_back(std::string(*rest));
    } else if (auto arabic_rest = AfterArabicAbd(t)) {
      out.push_back("\u0639\u0628\u062f");
      out.push_back(std::string(*arabic_rest));
    } else {
      out.push_back(std::move(t));
    }
  }
  *tokens = std::move(out);
}

// Collapses repeated classes (doubled letters, shadda, "ou" next to "u"); digits stay.
std::string Collapsed(std::string_view phonetic) {
  std::string out;
  for (char c : phonetic) {
    const bool digit = c >= '0' && c <= '9';
    if (out.empty() || out.back() != c || digit) out += c;
  }
  return out;
}

// "47th" -> "47": a token that starts with digits keeps only them.
bool NumericPart(std::string_view folded, std::string* digits) {
  size_t n = 0;
  while (n < folded.size() && folded[n] >= '0' && folded[n] <= '9') ++n;
  if (n == 0) return false;
  *digits = std::string(folded.substr(0, n));
  return true;
}

}  // namespace

std::string Phonetic(std::string_view folded_token) {
  std::string out;
  size_t pos = 0;
  while (pos < folded_token.size()) {
    const size_t start = pos;
    Script script = ScriptOf(base::DecodeAt(folded_token, &pos));
    size_t end = pos;
    while (end < folded_token.size()) {
      size_t next = end;
      if (ScriptOf(base::DecodeAt(folded_token, &next)) != script) break;
      end = next;
    }
    const std::string_view run = folded_token.substr(start, end - start);
    if (script == Script::kLatin) {
      internal::AppendLatin(run, &out);
    } else if (script == Script::kArabic) {
      internal::AppendArabic(run, &out);
    } else if (script != Script::kNone) {
      out.append(run);
    }
    pos = end;
  }
  return Collapsed(out);
}

std::string ConsonantKey(std::string_view phonetic) {
  std::string kept;
  for (char c : phonetic) {
    if (!internal::IsVowel(c) && c != 'W' && c != 'Y') kept += c;
  }
  return kept.empty() ? std::string(phonetic) : Collapsed(kept);
}

std::vector<Token> Tokenize(std::string_view name) {
  std::vector<std::string> written = WrittenTokens(text::FoldForSearch(Prepared(name)));
  SplitAbd(&written);
  std::vector<Token> tokens;
  for (size_t i = 0; i < written.size(); ++i) {
    const bool last = i + 1 == written.size();
    if (!last && IsArticle(written[i])) continue;
    Token t;
    t.folded = std::string(WithoutArabicArticle(written[i]));
    std::string digits;
    t.numeric = NumericPart(t.folded, &digits);
    t.phonetic = t.numeric ? digits : Phonetic(t.folded);
    if (t.phonetic.empty()) continue;
    t.key = t.numeric ? t.phonetic : ConsonantKey(t.phonetic);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

std::vector<std::string> TokenKeys(std::string_view name) {
  std::vector<std::string> keys;
  for (auto& t : Tokenize(name)) {
    if (std::find(keys.begin(), keys.end(), t.key) == keys.end()) keys.push_back(t.key);
  }
  return keys;
}

std::string WholeKey(std::string_view name) {
  const auto tokens = Tokenize(name);
  if (tokens.size() < 2) return "";
  std::string key = "=";
  for (size_t i = 0; i < tokens.size(); ++i) key += (i == 0 ? "" : " ") + tokens[i].key;
  return key;
}

std::vector<std::string> PairKeys(std::string_view name) {
  const auto tokens = Tokenize(name);
  const size_t n = std::min(tokens.size(), kPairTokens);
  std::vector<std::string> keys;
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      std::string key = "+" + tokens[i].key + " " + tokens[j].key;
      if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
  }
  return keys;
}

}  // namespace sijill::resolve
