// Arabic letters to the phonetic alphabet of skeleton.h, by a table written by hand.
// ICU's Arabic-Latin transliterator gives one scholarly romanization ("ḥydr") that would
// still have to be folded into sound classes letter by letter, and it cannot tell و and
// ي as consonants from the same letters as long vowels, which the rules below do.
#include <string_view>

#include "base/utf8.h"
#include "resolve/phonetic_internal.h"

namespace sijill::resolve::internal {
namespace {

bool IsLongA(char32_t c) { return c == U'\u0627' || c == U'\u0648'; }  // ا و

// The sound of one letter that needs no context; nullptr for letters that do.
const char* Plain(char32_t c) {
  switch (c) {
    case U'\u0627':
    case U'\u0622':
    case U'\u0623':
    case U'\u0625':
    case U'\u0671':
    case U'\u0649':
    case U'\u0629':
      return "A";  // alef forms, ى, ة
    case U'\u0628':
    case U'\u067E':
      return "B";  // ب پ
    case U'\u062A':
    case U'\u0637':
    case U'\u062B':
      return "T";  // ت ط ث
    case U'\u062C':
    case U'\u0698':
      return "J";  // ج ژ
    case U'\u0686':
    case U'\u0634':
      return "C";  // چ ش
    case U'\u062D':
      return "H";  // ح
    case U'\u062E':
      return "X";  // خ
    case U'\u062F':
    case U'\u0636':
      return "D";  // د ض
    case U'\u0630':
    case U'\u0632':
    case U'\u0638':
      return "Z";  // ذ ز ظ
    case U'\u0631':
      return "R";
    case U'\u0633':
    case U'\u0635':
      return "S";  // س ص
    case U'\u0639':
    case U'\u0621':
      return "";  // ع, hamza alone
    case U'\u063A':
    case U'\u0642':
    case U'\u0643':
    case U'\u06A9':
    case U'\u06AF':
      return "K";  // غ ق ك ک گ
    case U'\u0641':
    case U'\u06A4':
      return "F";  // ف ڤ
    case U'\u0644':
      return "L";
    case U'\u0645':
      return "M";
    case U'\u0646':
      return "N";
    case U'\u0626':
      return "I";  // ئ
    case U'\u0624':
      return "U";  // ؤ
    default:
      return nullptr;
  }
}

}  // namespace

void AppendArabic(std::string_view run, std::string* out) {
  size_t pos = 0;
  bool first = true;
  while (pos < run.size()) {
    const char32_t c = base::DecodeAt(run, &pos);
    size_t peek = pos;
    const char32_t next = pos < run.size() ? base::DecodeAt(run, &peek) : U'\0';
    if (const char* sound = Plain(c)) {
      *out += sound;
    } else if (c == U'\u0647') {  // ه: a closing one is usually ة written without dots
      *out += next == U'\0' && !first ? "A" : "H";
    } else if (c == U'\u0648') {  // و: a consonant first or before a vowel letter
      *out += first || IsLongA(next) ? "W" : "U";
    } else if (c == U'\u064A' || c == U'\u06CC') {  // ي ی
      *out += first || IsLongA(next) ? "Y" : "I";
    }
    first = false;
  }
}

}  // namespace sijill::resolve::internal
