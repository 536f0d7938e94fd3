// Places to recognize in text: the gazetteer shipped with Sijill (Syria's governorates,
// districts, sub-districts, cities, towns, neighbourhoods, prisons, airports and bases,
// and the neighbouring countries; Latin and Arabic names with their variants and
// coordinates), to which an archive's own places and GeoNames imports are added.
// A built Gazetteer is immutable and thread-safe to read.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"

namespace sijill::extract {

struct Place {
  std::string id;                     // stable within the gazetteer ("sy:hama", "geonames:170063")
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

  // Adds a place (a later place with an existing id adds its names to that place).
  void Add(Place place);
  const std::vector<Place>& places() const { return places_; }

  struct Match {
    Span span;     // the name as written, without a proclitic ("و", "ب", "ل", "ف")
    size_t place;  // index into places()
  };
  // Every mention of a known place name in `text`: whole words, the longest name where
  // two overlap, in text order. REQUIRES: valid UTF-8.
  std::vector<Match> Find(std::string_view text) const;

 private:
  std::vector<Place> places_;
};

}  // namespace sijill::extract
