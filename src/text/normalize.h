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
//   NFKC + case folding (ICU's NFKC_Casefold); Arabic diacritics (harakat, shadda,
//   sukun, superscript alef, Quranic marks) and tatweel removed; alef forms
//   (آ أ إ ٱ) -> ا; ى -> ي; ة -> ه; Arabic-Indic and Eastern Arabic-Indic digits ->
//   ASCII digits; Latin combining marks removed (é -> e), so "Kiswé" meets "kiswe".
// The same function is applied when indexing and when querying.
// REQUIRES: `utf8` is valid UTF-8.
std::string FoldForSearch(std::string_view utf8);

// Appends the fold of `utf8` to *out (the allocation-free form of FoldForSearch).
void AppendFolded(std::string_view utf8, std::string* out);

}  // namespace sijill::text
