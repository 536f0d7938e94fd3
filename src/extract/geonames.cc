#include "extract/geonames.h"

#include <fmt/format.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <charconv>
#include <cmath>
#include <map>
#include <numbers>
#include <set>

#include "base/utf8.h"
#include "extract/fields.h"
#include "knowledge/model.h"

namespace sijill::extract {
namespace {

constexpr size_t kColumns = 19;
constexpr double kSamePlaceKm = 5.0;

template <typename T>
std::optional<T> ReadNumber(std::string_view s) {
  T value{};
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return value;
}

// True for a name worth keeping as an alias: all its letters Latin, or all Arabic, and
// not a code (upper-case ASCII of at most 4 letters, as airport codes are).
bool IsLatinOrArabicName(std::string_view name) {
  size_t latin = 0, arabic = 0, other = 0, upper_ascii = 0, pos = 0;
  while (pos < name.size()) {
    auto c = static_cast<UChar32>(base::DecodeAt(name, &pos));
    if (!u_isalpha(c)) continue;
    UErrorCode error = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &error);
    if (U_FAILURE(error)) return false;
    if (script == USCRIPT_LATIN) {
      ++latin;
      if (c >= 'A' && c <= 'Z') ++upper_ascii;
    } else if (script == USCRIPT_ARABIC) {
      ++arabic;
    } else {
      ++other;
    }
  }
  if (other > 0 || (latin > 0) == (arabic > 0)) return false;  // other scripts, mixed, none
  return !(latin > 0 && upper_ascii == latin && latin <= 4);
}

std::vector<std::string> Aliases(std::string_view alternates, std::string_view name) {
  std::vector<std::string> out;
  std::set<std::string> keys{knowledge::NameKey(name)};
  for (std::string_view a : SplitFields(alternates, ',')) {
    if (a.empty() || !IsLatinOrArabicName(a)) continue;
    if (keys.insert(knowledge::NameKey(a)).second) out.emplace_back(a);
  }
  return out;
}

base::Status LineError(std::string_view file, size_t line, std::string_view what) {
  return base::Status::InvalidArgument(fmt::format("{}:{}: {}", file, line, what));
}

base::Result<GeoNamesPlace> ReadLine(std::string_view file, size_t line,
                                     const std::vector<std::string_view>& f) {
  if (f.size() != kColumns)
    return base::Error(
        LineError(file, line, fmt::format("{} columns, expected {}", f.size(), kColumns)));
  GeoNamesPlace p;
  auto id = ReadNumber<int64_t>(f[0]);
  if (!id)
    return base::Error(LineError(file, line, fmt::format("geonameid: '{}' is not a number", f[0])));
  p.geonameid = *id;
  p.name = f[1];
  if (p.name.empty()) return base::Error(LineError(file, line, "name: empty"));
  auto lat = ReadNumber<double>(f[4]);
  if (!lat || !(*lat >= -90 && *lat <= 90))
    return base::Error(
        LineError(file, line, fmt::format("latitude: '{}' is not a number in [-90, 90]", f[4])));
  auto lon = ReadNumber<double>(f[5]);
  if (!lon || !(*lon >= -180 && *lon <= 180))
    return base::Error(
        LineError(file, line, fmt::format("longitude: '{}' is not a number in [-180, 180]", f[5])));
  p.latitude = *lat;
  p.longitude = *lon;
  p.feature_class = f[6].empty() ? 0 : f[6][0];
  p.feature_code = f[7];
  if (!f[14].empty()) {
    auto population = ReadNumber<int64_t>(f[14]);
    if (!population)
      return base::Error(
          LineError(file, line, fmt::format("population: '{}' is not a number", f[14])));
    p.population = *population;
  }
  p.aliases = Aliases(f[3], p.name);
  return p;
}

bool Keeps(const GeoNamesFilter& filter, const GeoNamesPlace& p) {
  if (p.population < filter.min_population) return false;
  return filter.feature_classes.empty() ||
         (p.feature_class != 0 &&
          filter.feature_classes.find(p.feature_class) != std::string::npos);
}

// The GeoNames id a note names ("geonames:170063 ..."), if any.
std::optional<int64_t> GeoNamesIdOf(const std::optional<std::string>& note) {
  if (!note) return std::nullopt;
  constexpr std::string_view kPrefix = "geonames:";
  size_t at = note->find(kPrefix);
  if (at == std::string::npos) return std::nullopt;
  std::string_view rest = std::string_view(*note).substr(at + kPrefix.size());
  size_t digits = 0;
  while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
  return ReadNumber<int64_t>(rest.substr(0, digits));
}

// The places already known: by GeoNames id, and by name key with coordinates.
class KnownPlaces {
 public:
  void Add(const knowledge::Entity& e) {
    if (auto id = GeoNamesIdOf(e.note)) ids_.insert(*id);
    if (!e.latitude || !e.longitude) return;
    std::pair<double, double> at{*e.latitude, *e.longitude};
    by_name_.emplace(knowledge::NameKey(e.name), at);
    for (const auto& alias : e.aliases) by_name_.emplace(knowledge::NameKey(alias.name), at);
  }
  bool Has(const GeoNamesPlace& p) const {
    if (ids_.contains(p.geonameid)) return true;
    auto [first, last] = by_name_.equal_range(knowledge::NameKey(p.name));
    for (auto it = first; it != last; ++it) {
      auto [lat, lon] = it->second;
      if (DistanceKm(lat, lon, p.latitude, p.longitude) <= kSamePlaceKm) return true;
    }
    return false;
  }

 private:
  std::set<int64_t> ids_;
  std::multimap<std::string, std::pair<double, double>> by_name_;
};

}  // namespace

double DistanceKm(double lat1, double lon1, double lat2, double lon2) {
  constexpr double kRadians = std::numbers::pi / 180.0;
  double dlat = (lat2 - lat1) * kRadians, dlon = (lon2 - lon1) * kRadians;
  double a = std::sin(dlat / 2) * std::sin(dlat / 2) + std::cos(lat1 * kRadians) *
                                                           std::cos(lat2 * kRadians) *
                                                           std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * 6371.0 * std::asin(std::min(1.0, std::sqrt(a)));
}

base::Result<GeoNamesFile> ParseGeoNames(std::string_view text, std::string_view file_name,
                                         const GeoNamesFilter& filter) {
  GeoNamesFile out;
  size_t number = 0;
  for (std::string_view line : SplitFields(text, '\n')) {
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (line.empty()) continue;
    if (!base::IsValidUtf8(line))
      return base::Error(LineError(file_name, number, "not valid UTF-8"));
    ASSIGN_OR_RETURN(GeoNamesPlace place, ReadLine(file_name, number, SplitFields(line, '\t')));
    if (Keeps(filter, place)) {
      out.places.push_back(std::move(place));
    } else {
      ++out.filtered_out;
    }
  }
  return out;
}

base::Result<GeoNamesImport> ImportGeoNames(store::Store& store, curate::Curator& curator,
                                            const std::vector<GeoNamesPlace>& places) {
  KnownPlaces known;
  TRY(store.knowledge().ForEachEntity(knowledge::EntityType::kPlace,
                                      [&](const knowledge::Entity& e) {
                                        known.Add(e);
                                        return true;
                                      }));
  GeoNamesImport result;
  for (const GeoNamesPlace& p : places) {
    if (known.Has(p)) {
      ++result.known;
      continue;
    }
    knowledge::Entity e;
    e.type = knowledge::EntityType::kPlace;
    e.name = p.name;
    for (const std::string& alias : p.aliases) e.aliases.push_back({alias, std::nullopt});
    e.latitude = p.latitude;
    e.longitude = p.longitude;
    std::string feature =
        p.feature_class ? fmt::format(" {}.{}", p.feature_class, p.feature_code) : std::string();
    e.note = fmt::format("geonames:{}{}", p.geonameid, feature);
    ASSIGN_OR_RETURN(knowledge::Entity added, curator.AddEntity(std::move(e)));
    known.Add(added);
    ++result.added;
  }
  return result;
}

}  // namespace sijill::extract
