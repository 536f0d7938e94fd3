// The normalized form of a name that entity matching compares (evaluation.md,
// "Normalization of a name"). Pure function; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sijill::eval {

// text::FoldForSearch (NFKC, case fold, Arabic diacritics and tatweel removed, alef
// forms -> ا, ى -> ي, ة -> ه), then quotation marks and punctuation dropped (Unicode
// P* categories, plus ` and ´), runs of white space collapsed to one space and trimmed,
// and one leading article dropped: "the " or "ال" at the start of the name.
//   "The 47th “Hawks” Brigade" -> "47th hawks brigade";  "الفرقة الرابعة" -> "فرقه الرابعه"
// REQUIRES: `name` is valid UTF-8.
std::string NormalizeName(std::string_view name);

}  // namespace sijill::eval
