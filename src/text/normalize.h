// Unicode normalization for stored text and for search. Stored passage text is NFC
// (what the witness's words look like, diacritics kept); search keys are folded much
// further so that spelling variants of one word meet. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sijill::text {

// Returns `utf8` in Unicode Normalization Form C.
// REQUIRES: `utf8` is valid UTF-8.
std::string ToNfc(std::string_view utf8);

// Folds one word (or any text) into its search key:
//   NFKC + case folding (ICU's NFKC_Casefold, which also drops default-ignorable
//   characters such as ZWNJ and soft hyphen: "ﻻ" -> "لا", "ß" -> "ss"); Arabic
//   diacritics (U+064B–U+065F: harakat, shadda, sukun, ...; U+0670 superscript alef;
//   U+06D6–U+06ED Quranic marks) and tatweel (U+0640) removed; alef forms (آ أ إ ٱ) -> ا;
//   ى -> ي; ة -> ه; Arabic-Indic (U+0660–U+0669) and Eastern Arabic-Indic (U+06F0–U+06F9)
//   digits -> ASCII digits; marks of the combining diacritical blocks (U+0300–U+036F,
//   U+1AB0–U+1AFF, U+1DC0–U+1DFF, U+20D0–U+20FF, U+FE20–U+FE2F) removed, after
//   decomposing precomposed Latin letters (U+00C0–U+024F, U+1E00–U+1EFF), so "Kiswé"
//   meets "kiswe" and "Raḥmān" meets "rahman". Other scripts' letters keep their marks
//   (Greek ά, Cyrillic й stay as they are). Folding a key again leaves it unchanged.
// The same function is applied when indexing and when querying. ASCII and plain Arabic
// take a fast path that does not call ICU.
// REQUIRES: `utf8` is valid UTF-8.
std::string FoldForSearch(std::string_view utf8);

// Appends the fold of `utf8` to *out (the allocation-free form of FoldForSearch: it
// allocates only when *out must grow).
// REQUIRES: `utf8` is valid UTF-8 and does not point into *out.
void AppendFolded(std::string_view utf8, std::string* out);

}  // namespace sijill::text
