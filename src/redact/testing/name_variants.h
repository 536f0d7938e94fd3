// Random written variants of protected names for the redact module's randomized tests:
// the ways a witness's name turns up in testimonies. Test-only; header-only.
// Deterministic for a given engine. Not thread-safe (share no engine).
#pragma once

#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace sijill::redact::testing {

struct NamePair {
  std::string arabic;
  std::string latin;
};

// One mention as written: `before` (punctuation, proclitics) and `after` (Latin ending,
// punctuation) stay when the mention is redacted; `name` is what the pseudonym replaces.
struct Mention {
  std::string before;
  std::string name;
  std::string after;
};

template <class T>
const T& Pick(std::mt19937& rng, const std::vector<T>& items) {
  return items[std::uniform_int_distribution<size_t>(0, items.size() - 1)(rng)];
}

inline bool Chance(std::mt19937& rng, double p) { return std::bernoulli_distribution(p)(rng); }

// "Protected person " and six Crockford base32 characters, like knowledge::Pseudonym.
inline std::string RandomPseudonym(std::mt19937& rng) {
  static constexpr std::string_view kDigits = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  std::string out = "Protected person ";
  for (int i = 0; i < 6; ++i) out += kDigits[rng() % kDigits.size()];
  return out;
}

// Non-name characters between words of a text.
inline std::string RandomGap(std::mt19937& rng) {
  static const std::vector<std::string> gaps = {" ", "  ", "\n", ", ", ". ", " - ", "\n\n", " ، "};
  return Pick(rng, gaps);
}

// What may separate the words of one name.
inline std::string RandomNameGap(std::mt19937& rng) {
  static const std::vector<std::string> gaps = {" ", "  ",  "\n", "\r\n",
                                                "-", " \n", "\t", "\u00A0"};
  return Pick(rng, gaps);
}

inline bool IsArabicText(std::string_view s) {
  return !s.empty() && static_cast<unsigned char>(s[0]) >= 0xD8 &&
         static_cast<unsigned char>(s[0]) <= 0xDB;
}

// A Latin word in random case and with random accents (precomposed or combining).
inline std::string LatinVariant(std::mt19937& rng, std::string_view word, int case_style) {
  std::string out;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    bool ascii_letter = c >= 'a' && c <= 'z';
    bool upper =
        case_style == 1 || (case_style == 2 && i == 0) || (case_style == 3 && Chance(rng, 0.5));
    bool vowel = std::string_view("aeiou").find(c) != std::string_view::npos;
    if (vowel && Chance(rng, 0.1)) {
      static const std::vector<std::string> acute = {"á", "é", "í", "ó", "ú"};
      out += acute[std::string_view("aeiou").find(c)];
      continue;
    }
    out += ascii_letter && upper ? static_cast<char>(c - 'a' + 'A') : c;
    if (ascii_letter && Chance(rng, 0.05))
      out += Pick(rng, std::vector<std::string>{"\u0301", "\u0300", "\u0308"});
  }
  return out;
}

// An Arabic word with random alef forms, ى/ي and ة/ه swaps, harakat and tatweel (never
// at the ends of the word).
inline std::string ArabicVariant(std::mt19937& rng, std::string_view word) {
  std::vector<char32_t> cps;
  for (size_t pos = 0; pos < word.size();) cps.push_back(base::DecodeAt(word, &pos));
  std::string out;
  for (size_t i = 0; i < cps.size(); ++i) {
    char32_t c = cps[i];
    bool alef = c == 0x0627 || c == 0x0623 || c == 0x0625 || c == 0x0622;
    if (alef && Chance(rng, 0.4))
      c = Pick(rng, std::vector<char32_t>{0x0627, 0x0623, 0x0625, 0x0622});
    if ((c == 0x064A || c == 0x0649) && Chance(rng, 0.3)) c = c == 0x064A ? 0x0649 : 0x064A;
    if ((c == 0x0629 || c == 0x0647) && Chance(rng, 0.3)) c = c == 0x0629 ? 0x0647 : 0x0629;
    base::AppendUtf8(c, &out);
    if (Chance(rng, 0.25)) base::AppendUtf8(0x064B + rng() % 8, &out);  // tanwin .. sukun
    if (i + 1 < cps.size() && Chance(rng, 0.1)) out += "\u0640";        // tatweel
  }
  return out;
}

// Splits `name` at single spaces (how the tests join name words).
inline std::vector<std::string> Words(std::string_view name) {
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t space; (space = name.find(' ', start)) != std::string_view::npos; start = space + 1) {
    words.emplace_back(name.substr(start, space - start));
  }
  words.emplace_back(name.substr(start));
  return words;
}

// A random written form of `name` (words joined by single spaces, all in one script).
inline Mention RandomMention(std::mt19937& rng, std::string_view name) {
  static const std::vector<std::string> opening = {"", "", "", "(", "«", "\"", "“"};
  static const std::vector<std::string> closing = {"",  "",  "",  ")", "»", "\"",
                                                   ",", ".", "،", "؟", "!", ":"};
  static const std::vector<std::string> proclitics = {"و",  "ف",  "ب",   "ل",   "ك",   "وَ",  "وب",
                                                      "فل", "ول", "بال", "وال", "كال", "فال"};
  static const std::vector<std::string> endings = {"'s", "’s", "s", "es"};
  bool arabic = IsArabicText(name);
  std::vector<std::string> words = Words(name);
  Mention m;
  m.before = Pick(rng, opening);
  if (Chance(rng, arabic ? 0.5 : 0.1)) {
    std::string proclitic = Pick(rng, proclitics);
    // ل before the article loses the article's alef: ل + الحداد -> للحداد. The first ل
    // then belongs to the name as the redactor sees it.
    bool preposition_lam = proclitic == "ل" || proclitic == "فل" || proclitic == "ول";
    if (preposition_lam && words[0].starts_with("ال") && words[0].size() > 4) {
      proclitic.resize(proclitic.size() - std::string_view("ل").size());
      words[0] = "ل" + words[0].substr(std::string_view("ا").size());
    }
    m.before += proclitic;
  }
  int case_style = static_cast<int>(rng() % 4);
  for (size_t w = 0; w < words.size(); ++w) {
    if (w > 0) m.name += RandomNameGap(rng);
    m.name += arabic ? ArabicVariant(rng, words[w]) : LatinVariant(rng, words[w], case_style);
  }
  if (!arabic && Chance(rng, 0.4)) m.after = Pick(rng, endings);
  m.after += Pick(rng, closing);
  return m;
}

}  // namespace sijill::redact::testing
