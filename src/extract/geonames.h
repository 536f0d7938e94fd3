// GeoNames country dumps (e.g. SY.txt from download.geonames.org/export/dump/): reading
// them, and adding their places to an archive as place entities, which extraction then
// recognizes (run.h adds an archive's places to the gazetteer). What `sijill gazetteer
// import` does.
//
// The dump is UTF-8 text, one place per line, 19 tab-separated columns: geonameid, name,
// asciiname, alternatenames (comma-separated), latitude, longitude, feature class,
// feature code, country code, cc2, admin1..admin4 codes, population, elevation, dem,
// timezone, modification date.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "curate/curator.h"
#include "store/store.h"

namespace sijill::extract {

struct GeoNamesPlace {
  int64_t geonameid = 0;
  std::string name;
  // Alternate names in Latin or Arabic script only (other scripts, and codes such as
  // "DAM" or "OSDI" — upper-case ASCII of at most 4 letters — are left out), without
  // repeats of the name or of each other (knowledge::NameKey).
  std::vector<std::string> aliases;
  double latitude = 0, longitude = 0;
  char feature_class = 0;    // 'P', 'A', 'S', ... (0 when the column is empty)
  std::string feature_code;  // "PPLA", "ADM2", "AIRB", ...
  int64_t population = 0;
};

struct GeoNamesFilter {
  int64_t min_population = 0;
  std::string feature_classes;  // letters to keep ("PAS"); empty keeps every class
};

struct GeoNamesFile {
  std::vector<GeoNamesPlace> places;  // those the filter keeps, in file order
  size_t filtered_out = 0;
};

// Reads a whole dump. Empty lines are skipped. Errors (kInvalidArgument), for the first
// bad line, so that nothing of a bad file is used: "<file>:<line>: 18 columns, expected
// 19", "...: not valid UTF-8", "...: geonameid: 'x' is not a number", "...: name: empty",
// "...: latitude: 'x' is not a number in [-90, 90]", "...: longitude: ...",
// "...: population: 'x' is not a number".
base::Result<GeoNamesFile> ParseGeoNames(std::string_view text, std::string_view file_name,
                                         const GeoNamesFilter& filter);

struct GeoNamesImport {
  size_t added = 0;
  size_t known = 0;  // already in the archive (or earlier in the same file)
};

// Adds each place as a place entity (name, aliases, coordinates, note
// "geonames:<id> <class>.<code>", created_by the actor) through `curator`, unless the
// archive already has it: a place entity whose note names the same GeoNames id, or one
// with the same name (knowledge::NameKey of its name or an alias) within 5 km. The caller
// owns the transaction (all or nothing). Errors: storage and curation errors.
base::Result<GeoNamesImport> ImportGeoNames(store::Store& store, curate::Curator& curator,
                                            const std::vector<GeoNamesPlace>& places);

// Great-circle distance in kilometres (mean Earth radius 6371 km).
double DistanceKm(double lat1, double lon1, double lat2, double lon2);

}  // namespace sijill::extract
