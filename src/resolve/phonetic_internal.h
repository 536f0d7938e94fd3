// The per-script halves of Phonetic (skeleton.h): each appends the phonetic form of a
// run of one script's letters. Internal to resolve.
#pragma once

#include <string>
#include <string_view>

namespace sijill::resolve::internal {

// `run` is folded lowercase ASCII letters (a-z).
void AppendLatin(std::string_view run, std::string* out);

// `run` is folded Arabic letters (UTF-8, U+0620-U+06FF).
void AppendArabic(std::string_view run, std::string* out);

inline bool IsVowel(char c) { return c == 'A' || c == 'E' || c == 'I' || c == 'U'; }

}  // namespace sijill::resolve::internal
