// Transliteration-aware keys of names. A name in Latin or Arabic script becomes a list of
// tokens, each spelled in one small phonetic alphabet that both scripts map into, so that
// spellings of one name meet: "Haidar", "Haydar" and "حيدر" all give the consonant key
// "HDR"; "Deir ez-Zor", "Dayr al-Zawr" and "دير الزور" give ["DR", "ZR"]. Pure functions;
// thread-safe.
//
// The phonetic alphabet (one ASCII character per sound class):
//   consonants  B (b p ب پ)  T (t th ت ط ث)  D (d ض د)  Z (z dh ذ ز ظ)  S (s ce ci س ص)
//               C (sh ch sch ش چ)  J (j dj zh ج ژ)  K (k q c g gh ck ق ك غ گ)  X (kh خ)
//               H (h ح ه)  F (f v ph ف ڤ)  L  M  N  R  W (consonantal w, و)  Y (consonantal
//               y, ي)  and the digits 0-9 as themselves
//   vowels      A (a ا ة ى; final ه)  E (e)  I (i ee y ي)  U (o u ou oo و)
// Articles (al-, el-, ad-, as-, ash-, ar-, ... and ال) are dropped, Arabic ع and hamza are
// dropped, repeated classes collapse (doubled letters and shadda), a Latin h closing a
// token after a vowel is silent ("Mezzeh" = "Mezze" = "المزة"), ordinals keep their digits
// ("47th" -> "47"). Other scripts' letters are kept as they are (folded).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace sijill::resolve {

// One token of a name as written (folded) and as sounds.
struct Token {
  std::string folded;    // text::FoldForSearch of the written token, article stripped
  std::string phonetic;  // in the alphabet above, e.g. "HAIDAR" -> "HAIDAR", "حيدر" -> "HIDR"
  std::string key;       // ConsonantKey(phonetic), e.g. "HDR"; what the index stores
  bool numeric = false;  // made of digits ("47", "47th"); matched exactly
};

// The tokens of `name` (any script; invalid UTF-8 is read as far as it is valid). Tokens
// are cut at anything that is not a letter or digit, except that apostrophes and the
// ʿayn/hamza signs inside a Latin word are dropped ("Mu'in" is one token). Articles are
// dropped when another token follows; tokens whose phonetic form is empty are dropped.
std::vector<Token> Tokenize(std::string_view name);

// The phonetic form of one folded token of Latin or Arabic script (mixed scripts are read
// letter by letter, each by its script's rules).
std::string Phonetic(std::string_view folded_token);

// `phonetic` without vowels and without W and Y (which spell long vowels as often as
// consonants), repeats collapsed; the phonetic form itself if that leaves nothing.
std::string ConsonantKey(std::string_view phonetic);

// The distinct keys of `name`'s tokens, in order of first appearance: what a store
// indexes for each name and looks up for a typed name.
std::vector<std::string> TokenKeys(std::string_view name);

// The key of a whole name of two tokens or more: "=" and its tokens' keys in order, joined
// by spaces ("Dayr al-Zawr" -> "=DR ZR"); "" for a name of fewer tokens. Stored beside the
// token keys, it finds a name written in full by one index lookup however common each of
// its words is. ("=" never begins a token key.)
std::string WholeKey(std::string_view name);

// The keys of each pair of a name's tokens in order ("+" and the two token keys joined by a
// space: "Mohammad Khaled Haidar" -> "+MHMD XLD", "+MHMD HDR", "+XLD HDR"), over its first
// kPairTokens tokens; none for a name of one token. A typed "Mohammed Haydar" finds the
// full name by one of them. ("+" never begins a token key.)
inline constexpr size_t kPairTokens = 6;
std::vector<std::string> PairKeys(std::string_view name);

}  // namespace sijill::resolve
