#include "extract/gazetteer.h"

#include <unicode/uchar.h>

#include <cstdio>
#include <cstdlib>
#include <utility>

#include "base/utf8.h"
#include "extract/builtin_gazetteer.h"
#include "text/tokenize.h"

namespace sijill::extract {

// A word of the searched text: its bytes, its folded key (a range of one string holding
// every word's key), and what the case rule asks of it.
struct Gazetteer::Word {
  size_t begin = 0, end = 0;          // bytes of the text
  size_t key_begin = 0, key_end = 0;  // bytes of the keys string
  bool capitalized = false;           // starts with an upper- or title-case letter
};

// One way to read a first word: its folded key without some proclitic letters.
struct Gazetteer::Reading {
  std::string key;
  size_t letters = 0;  // proclitic letters left out of the span
};

// The longest name found at one word.
struct Gazetteer::Candidate {
  bool found = false;
  size_t last = 0;   // index of its last word
  size_t strip = 0;  // bytes of proclitics before the name in its first word
  uint32_t place = 0;
};

namespace {

// Folded Arabic letters of the proclitics, two UTF-8 bytes each.
constexpr std::string_view kWaw = "\u0648", kFa = "\u0641", kBa = "\u0628", kKaf = "\u0643",
                           kLam = "\u0644", kAlefLam = "\u0627\u0644";
constexpr size_t kLetter = 2;  // bytes of one letter of the Arabic block

bool IsCapitalized(std::string_view word) {
  if (word.empty()) return false;
  size_t pos = 0;
  auto c = static_cast<UChar32>(base::DecodeAt(word, &pos));
  return u_isupper(c) || u_istitle(c);
}

// Harakat, Quranic marks, superscript alef and tatweel: what follows a letter without
// being one.
bool IsArabicMark(char32_t c) {
  return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640 || (c >= 0x06D6 && c <= 0x06ED);
}

// Bytes of `word` (as written) up to and including its first `letters` letters and the
// marks after each.
size_t SkipLetters(std::string_view word, size_t letters) {
  size_t pos = 0;
  for (size_t i = 0; i < letters && pos < word.size(); ++i) {
    base::DecodeAt(word, &pos);
    while (pos < word.size()) {
      size_t next = pos;
      if (!IsArabicMark(base::DecodeAt(word, &next))) break;
      pos = next;
    }
  }
  return pos;
}

// Characters allowed between two words of one name: spaces (not line breaks), hyphens,
// apostrophes.
bool JoinsWords(char32_t c) {
  switch (c) {
    case ' ':
    case '\t':
    case 0x00A0:
    case '-':
    case 0x2010:
    case 0x2011:
    case '\'':
    case '`':
    case 0x2019:
    case 0x02BC:
    case 0x02BB:
    case 0x02BE:
    case 0x02BF:
      return true;
    default:
      return false;
  }
}

bool GapJoins(std::string_view text, size_t begin, size_t end) {
  size_t pos = begin;
  while (pos < end) {
    if (!JoinsWords(base::DecodeAt(text, &pos))) return false;
  }
  return true;
}

bool StartsArabic(std::string_view key) {
  if (key.empty()) return false;
  size_t pos = 0;
  char32_t c = base::DecodeAt(key, &pos);
  return c >= 0x0600 && c <= 0x06FF;
}

}  // namespace

const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer* builtin = [] {
    auto places = ParseFile(BuiltinGazetteerTsv(), "data/gazetteer/syria.tsv");
    if (!places) {  // the build embeds a file that tests parse: a broken build
      std::fprintf(stderr, "sijill: built-in gazetteer: %s\n", places.error().message().c_str());
      std::abort();
    }
    auto* g = new Gazetteer;
    for (Place& p : *places) g->Add(std::move(p));
    return g;
  }();
  return *builtin;
}

void Gazetteer::Add(Place place) {
  if (auto it = by_id_.find(place.id); it != by_id_.end()) {
    auto index = static_cast<uint32_t>(it->second);
    for (std::string& n : place.names) {
      AddName(index, n);
      places_[it->second].names.push_back(std::move(n));
    }
    return;
  }
  auto index = static_cast<uint32_t>(places_.size());
  by_id_.emplace(place.id, places_.size());
  AddName(index, place.name);
  for (const std::string& n : place.names) AddName(index, n);
  places_.push_back(std::move(place));
}

std::optional<size_t> Gazetteer::IndexOf(std::string_view id) const {
  auto it = by_id_.find(std::string(id));
  if (it == by_id_.end()) return std::nullopt;
  return it->second;
}

namespace {

// FNV-1a: cheap, and good enough to spread words over the first-word filter.
size_t WordHash(std::string_view word) {
  uint64_t h = 14695981039346656037ull;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return static_cast<size_t>(h ^ (h >> 29));
}

void EdgeKey(uint32_t node, std::string_view word, std::string* key) {
  key->clear();
  for (int shift = 0; shift < 32; shift += 8) key->push_back(static_cast<char>(node >> shift));
  key->append(word);
}

}  // namespace

// The readings of a folded Arabic word with proclitics removed (not the word itself):
// [و|ف] then [ب|ك|ل], and [و|ف] + لل read as ال. Each leaves at least two letters.
void Gazetteer::ProcliticReadings(std::string_view key, std::vector<Reading>* out) {
  out->clear();
  auto room = [](std::string_view rest) { return rest.size() >= 2 * kLetter; };
  size_t conj = (key.starts_with(kWaw) || key.starts_with(kFa)) ? 1 : 0;
  std::string_view rest = key.substr(conj * kLetter);
  if (conj && room(rest)) out->push_back({std::string(rest), 1});
  if (rest.starts_with(kBa) || rest.starts_with(kKaf) || rest.starts_with(kLam)) {
    std::string_view name = rest.substr(kLetter);
    if (room(name)) out->push_back({std::string(name), conj + 1});
  }
  if (rest.starts_with("\u0644\u0644") && rest.size() > 2 * kLetter) {
    // ل + ال + word: the article's alef is dropped ("للجيش"); before a word that itself
    // starts with ل, one of the two lams is dropped as well ("للاذقية").
    out->push_back({std::string(kAlefLam).append(rest.substr(2 * kLetter)), conj});
    out->push_back({std::string(kAlefLam).append(rest.substr(kLetter)), conj});
  }
}

void Gazetteer::AddName(uint32_t place, std::string_view name) {
  if (!base::IsValidUtf8(name)) return;
  uint32_t node = 0;
  uint16_t capital = kAnyCase, index = 0;
  std::string key;
  text::TokenCursor words(name);
  for (; words.Next(); ++index) {
    if (capital == kAnyCase && IsCapitalized(words.original())) capital = index;
    if (index == 0) {
      size_t bit = WordHash(words.folded()) % kFirstWordBits;
      first_words_[bit / 64] |= uint64_t{1} << (bit % 64);
    }
    EdgeKey(node, words.folded(), &key);
    auto [it, added] = edges_.emplace(key, static_cast<uint32_t>(ends_.size()));
    if (added) ends_.emplace_back();
    node = it->second;
  }
  if (node == 0) return;  // no words
  for (const NameEnd& e : ends_[node]) {
    if (e.place == place && e.capital == capital) return;
  }
  ends_[node].push_back({place, capital});
}

uint32_t Gazetteer::Child(uint32_t node, std::string_view word, std::string* key) const {
  EdgeKey(node, word, key);
  auto it = edges_.find(*key);
  return it == edges_.end() ? 0 : it->second;
}

void Gazetteer::LongestAt(std::string_view text, const std::vector<Word>& words,
                          std::string_view keys, size_t first, std::string* key,
                          std::vector<Reading>* readings, Candidate* best) const {
  auto key_of = [&](size_t i) {
    return keys.substr(words[i].key_begin, words[i].key_end - words[i].key_begin);
  };
  auto walk = [&](std::string_view first_key, size_t strip) {
    size_t bit = WordHash(first_key) % kFirstWordBits;
    if ((first_words_[bit / 64] & (uint64_t{1} << (bit % 64))) == 0) return;
    uint32_t node = Child(0, first_key, key);
    for (size_t j = first; node != 0;) {
      for (const NameEnd& e : ends_[node]) {
        if (e.capital != kAnyCase && !words[first + e.capital].capitalized) continue;
        if (!best->found || j > best->last) *best = {true, j, strip, e.place};
        break;  // the first place whose case rule holds wins
      }
      if (j + 1 >= words.size() || !GapJoins(text, words[j].end, words[j + 1].begin)) break;
      ++j;
      node = Child(node, key_of(j), key);
    }
  };
  walk(key_of(first), 0);
  if (!StartsArabic(key_of(first))) return;
  ProcliticReadings(key_of(first), readings);
  std::string_view original =
      text.substr(words[first].begin, words[first].end - words[first].begin);
  for (const Reading& r : *readings) walk(r.key, SkipLetters(original, r.letters));
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text) const {
  std::vector<Word> words;
  std::string keys;
  for (text::TokenCursor cursor(text); cursor.Next();) {
    Word w;
    w.begin = cursor.begin();
    w.end = cursor.end();
    w.key_begin = keys.size();
    keys.append(cursor.folded());
    w.key_end = keys.size();
    w.capitalized = IsCapitalized(cursor.original());
    words.push_back(w);
  }
  std::vector<Match> found;
  std::string key;
  std::vector<Reading> readings;
  for (size_t i = 0; i < words.size();) {
    Candidate best;
    LongestAt(text, words, keys, i, &key, &readings, &best);
    if (!best.found) {
      ++i;
      continue;
    }
    found.push_back({{words[i].begin + best.strip, words[best.last].end}, best.place});
    i = best.last + 1;
  }
  return found;
}

}  // namespace sijill::extract
