// What counts as a mention of a protected name: the one definition that both the
// replacement path (redactor.cc over folded_text + automaton) and the independent leak
// check (leak_scan.cc) implement, each in its own way. Only the definitions live here,
// not the scanning, so that a bug in one scanner is not shared by the other.
// Internal to src/redact. Pure functions; thread-safe.
//
// A mention, stated over the search fold of the text (text::FoldForSearch):
//   - the folded text is cut into words at every code point that is not a name character
//     (IsNameChar): spaces, punctuation, apostrophes, hyphens, line breaks. A multi-word
//     name matches its words separated by any run of such characters ("Abu\nKaram",
//     "Abu-Karam", "Abu  Karam").
//   - the first word of the name may carry an Arabic proclitic prefix inside the text's
//     word (IsProcliticPrefix: "وأيهم", "لأبو كرام", "بالحداد"), and a name whose first
//     word starts with the article ال also matches with the article's alef elided after
//     the preposition ل ("للحداد" for "الحداد"; LamAlVariant).
//   - the last word may carry a Latin plural or possessive ending when it ends in a Latin
//     letter (LatinSuffixes: "Ayhams", "Haddades"; "Ayham's" needs no rule, the apostrophe
//     already ends the word).
//   - otherwise the name's words must be whole words: "Karam" is not a mention inside
//     "Karamanlis". This is the one place where the module does not over-redact: matching
//     inside words would make short Arabic names (علي) erase common words (عليه "on him")
//     across every export, and investigators would stop trusting the exports. Arabic
//     enclitic pronouns on personal names are rare in testimonies and are not matched for
//     the same reason; a user who sees one adds it as an alias.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>

namespace sijill::redact::internal {

// True for code points that names are made of, in folded text: general categories L, N
// and M, except the modifier letters used as apostrophes (ʼ ʻ ʾ ʿ).
bool IsNameChar(char32_t c);

// The longest proclitic prefix, in bytes of folded UTF-8 ("وبال" = 8 bytes).
inline constexpr size_t kMaxProcliticBytes = 8;

// True if folded `prefix` may precede a name's first word inside one word of the text:
// empty, or one or two of و ف ب ل ك, optionally followed by the article ال.
bool IsProcliticPrefix(std::string_view prefix);

// For a folded word that starts with the article ال and has more after it, the form it
// takes after the preposition ل ("الحداد" -> "للحداد"); otherwise nothing.
std::optional<std::string> LamAlVariant(std::string_view folded_word);

// The endings a name's last word may carry: "s" and "es" if the word ends in an ASCII
// letter (folded text is lower case), none otherwise.
bool TakesLatinSuffix(std::string_view folded_word);
inline constexpr std::array<std::string_view, 2> kLatinSuffixes = {"s", "es"};

}  // namespace sijill::redact::internal
