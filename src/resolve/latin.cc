// Latin letters to the phonetic alphabet of skeleton.h. The table is written by hand:
// ICU's transliterators go between scripts (Arabic -> scholarly Latin with macrons and
// dots), they do not merge the spellings of one name within Latin ("Qaddour"/"Kaddour",
// "Chahine"/"Shahin"), which is what a key needs.
#include <array>
#include <string_view>

#include "resolve/phonetic_internal.h"

namespace sijill::resolve::internal {
namespace {

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

struct Digraph {
  std::string_view letters;
  std::string_view sound;
};

// Longest first where one is a prefix of another ("sch" before "sh").
constexpr std::array<Digraph, 16> kDigraphs = {{
    {"sch", "C"},
    {"tch", "C"},
    {"tsh", "C"},
    {"sh", "C"},
    {"ch", "C"},
    {"kh", "X"},
    {"gh", "K"},
    {"th", "T"},
    {"dh", "Z"},
    {"ph", "F"},
    {"ck", "K"},
    {"dj", "J"},
    {"zh", "J"},
    {"ou", "U"},
    {"oo", "U"},
    {"ee", "I"},
}};

// The sound of the single letter run[i], given its neighbours.
std::string_view Single(std::string_view run, size_t i) {
  const char c = run[i];
  const char next = i + 1 < run.size() ? run[i + 1] : '\0';
  switch (c) {
    case 'a':
      return "A";
    case 'e':
      return "E";
    case 'i':
      return "I";
    case 'o':
    case 'u':
      return "U";
    case 'y':
      return IsVowelLetter(next) ? "Y" : "I";
    case 'w':
      return IsVowelLetter(next) ? "W" : "U";
    case 'b':
    case 'p':
      return "B";
    case 't':
      return "T";
    case 'd':
      return "D";
    case 'z':
      return "Z";
    case 's':
      return "S";
    case 'j':
      return "J";
    case 'k':
    case 'q':
    case 'g':
      return "K";
    case 'c':
      return (next == 'e' || next == 'i' || next == 'y') ? "S" : "K";
    case 'x':
      return "KS";
    case 'f':
    case 'v':
      return "F";
    case 'h':
      return "H";
    case 'l':
      return "L";
    case 'm':
      return "M";
    case 'n':
      return "N";
    case 'r':
      return "R";
    default:
      return "";
  }
}

}  // namespace

void AppendLatin(std::string_view run, std::string* out) {
  for (size_t i = 0; i < run.size();) {
    const std::string_view rest = run.substr(i);
    bool matched = false;
    for (const auto& d : kDigraphs) {
      if (rest.starts_with(d.letters)) {
        *out += d.sound;
        i += d.letters.size();
        matched = true;
        break;
      }
    }
    if (matched) continue;
    // A closing h after a vowel is silent: "Mezzeh", "Fatimah", "Shah".
    const bool silent_h =
        run[i] == 'h' && i + 1 == run.size() && !out->empty() && i > 0 && IsVowelLetter(run[i - 1]);
    if (!silent_h) *out += Single(run, i);
    ++i;
  }
}

}  // namespace sijill::resolve::internal
