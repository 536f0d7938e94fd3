// Places to recognize in text: the gazetteer shipped with Sijill (data/gazetteer/syria.tsv,
// compiled in: Syria's governorates, districts, sub-districts, cities, towns,
// neighbourhoods, prisons, airports and bases, and the neighbouring countries; Latin and
// Arabic names with their variants and coordinates), to which an archive's own places and
// GeoNames imports are added. The file format is docs/formats/gazetteer.md.
// A built Gazetteer is immutable and thread-safe to read.
//
// How names are found (Find), for any data: the text is cut into words (text::TokenCursor)
// and each word folded (text::FoldForSearch: case, Arabic alef forms, ة/ه, ى/ي, harakat,
// tatweel, Latin accents), so "حماه" meets "حماة" and "Hamah" meets "hamah". A name matches
// a run of whole words, separated only by spaces, hyphens or apostrophes within one line.
// - Latin case: the first word of a name that is capitalized in the gazetteer must be
//   capitalized in the text ("Hama" is not found in "hama"); later words match in any
//   case ("the Mezzeh military airport"). A spelling with no capital matches in any case.
// - Arabic proclitics: a name's first word may carry و or ف, then ب, ك or ل
//   ("وبحمص", "لدمشق"); ل + ال fuses into لل ("للاذقية" is ل + اللاذقية). The span leaves
//   the proclitics out, except the ل that carries a fused article ("للاذقية" from its
//   first ل), since the article belongs to the name.
// - Longest wins: at each word the longest name starting there is taken, and matching
//   resumes after it ("Deir ez-Zor Military Airport", not "Deir ez-Zor").
// - Shared spellings: where two places have one spelling, the one added first wins.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/status.h"
#include "extract/extract.h"

namespace sijill::extract {

struct Place {
  std::string id;                     // stable within the gazetteer ("sy.hama", "geonames:170063")
  std::string name;                   // canonical name, Latin script
  std::vector<std::string> names;     // every other spelling, any script
  std::string kind;                   // governorate, district, city, neighbourhood, prison, ...
  std::optional<std::string> parent;  // id of the place it lies in
  std::optional<double> latitude, longitude;
};

class Gazetteer {
 public:
  Gazetteer() = default;

  // The places shipped with Sijill (compiled in; needs no file at run time).
  static const Gazetteer& Builtin();

  // Reads a gazetteer file (docs/formats/gazetteer.md). Errors (kInvalidArgument) name
  // the line: "<file>:<line>: 7 columns, expected 8", "...: latitude: 'x' is not a number
  // in [-90, 90]", "...: duplicate id 'sy.hama'", "...: not valid UTF-8", ...
  static base::Result<std::vector<Place>> ParseFile(std::string_view text,
                                                    std::string_view file_name);

  // Adds a place (a later place with an existing id adds its names to that place).
  void Add(Place place);
  const std::vector<Place>& places() const { return places_; }
  // The index of the place with `id`, if any.
  std::optional<size_t> IndexOf(std::string_view id) const;

  struct Match {
    Span span;     // the name as written, without a proclitic ("و", "ب", "ل", "ف")
    size_t place;  // index into places()
  };
  // Every mention of a known place name in `text`: whole words, the longest name where
  // two overlap, in text order (see the rules above). REQUIRES: valid UTF-8.
  std::vector<Match> Find(std::string_view text) const;

 private:
  // One spelling of a place, ending at a node of the word trie.
  struct NameEnd {
    uint32_t place = 0;
    // The word of the spelling that must be capitalized in the text (kAnyCase: none).
    uint16_t capital = 0;
  };
  static constexpr uint16_t kAnyCase = UINT16_MAX;
  struct Word;
  struct Reading;
  struct Candidate;

  void AddName(uint32_t place, std::string_view name);
  // The child of `node` along folded word `word`, or 0 (the root is never a child).
  uint32_t Child(uint32_t node, std::string_view word, std::string* key) const;
  static void ProcliticReadings(std::string_view key, std::vector<Reading>* out);
  // The longest name whose first word is words[first] (with or without proclitics).
  void LongestAt(std::string_view text, const std::vector<Word>& words, std::string_view keys,
                 size_t first, std::string* key, std::vector<Reading>* readings,
                 Candidate* best) const;

  std::vector<Place> places_;
  std::unordered_map<std::string, size_t> by_id_;
  // Word trie: node 0 is the root; edges keyed by the parent's 4 bytes + a folded word.
  std::unordered_map<std::string, uint32_t> edges_;
  std::vector<std::vector<NameEnd>> ends_{1};  // per node
  // A bit per hash of every folded first word (a Bloom filter with one hash): most words
  // of a text start no name and are turned away without a hash-map lookup.
  std::vector<uint64_t> first_words_ = std::vector<uint64_t>(kFirstWordBits / 64);
  static constexpr size_t kFirstWordBits = 1 << 16;
};

}  // namespace sijill::extract
