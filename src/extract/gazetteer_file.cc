// Gazetteer::ParseFile: the gazetteer file format (docs/formats/gazetteer.md).
#include <fmt/format.h>

#include <charconv>
#include <map>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "extract/fields.h"
#include "extract/gazetteer.h"

namespace sijill::extract {
namespace {

constexpr std::string_view kHeader =
    "id\tkind\tparent\tname\tarabic\tvariants\tlatitude\tlongitude";
constexpr size_t kColumns = 8;

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// A decimal number within [-limit, limit], or nullopt.
std::optional<double> ReadDegrees(std::string_view s, double limit) {
  double value = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  if (!(value >= -limit && value <= limit)) return std::nullopt;
  return value;
}

class FileReader {
 public:
  explicit FileReader(std::string_view file) : file_(file) {}

  base::Status Error(size_t line, std::string_view what) const {
    return base::Status::InvalidArgument(fmt::format("{}:{}: {}", file_, line, what));
  }

  // The place of one data line (`fields` already split).
  base::Result<Place> ReadRow(size_t line, const std::vector<std::string_view>& fields) const {
    if (fields.size() != kColumns)
      return base::Error(
          Error(line, fmt::format("{} columns, expected {}", fields.size(), kColumns)));
    Place p;
    p.id = Trim(fields[0]);
    p.kind = Trim(fields[1]);
    p.name = Trim(fields[3]);
    if (p.id.empty()) return base::Error(Error(line, "id: empty"));
    if (p.id.find(' ') != std::string::npos)
      return base::Error(Error(line, fmt::format("id: '{}' has a space", p.id)));
    if (p.kind.empty()) return base::Error(Error(line, "kind: empty"));
    if (p.name.empty()) return base::Error(Error(line, "name: empty"));
    if (std::string_view parent = Trim(fields[2]); !parent.empty()) p.parent = std::string(parent);
    if (std::string_view arabic = Trim(fields[4]); !arabic.empty()) p.names.emplace_back(arabic);
    for (std::string_view v : SplitFields(fields[5], '|')) {
      if (v = Trim(v); !v.empty()) p.names.emplace_back(v);
    }
    std::string_view lat = Trim(fields[6]), lon = Trim(fields[7]);
    if (lat.empty() != lon.empty())
      return base::Error(Error(line, "latitude and longitude: give both or neither"));
    if (!lat.empty()) {
      p.latitude = ReadDegrees(lat, 90);
      if (!p.latitude)
        return base::Error(
            Error(line, fmt::format("latitude: '{}' is not a number in [-90, 90]", lat)));
      p.longitude = ReadDegrees(lon, 180);
      if (!p.longitude)
        return base::Error(
            Error(line, fmt::format("longitude: '{}' is not a number in [-180, 180]", lon)));
    }
    return p;
  }

 private:
  std::string_view file_;
};

}  // namespace

base::Result<std::vector<Place>> Gazetteer::ParseFile(std::string_view text,
                                                      std::string_view file_name) {
  FileReader reader(file_name);
  std::vector<Place> places;
  std::map<std::string, size_t, std::less<>> line_of_id;
  std::vector<size_t> lines;  // line of each place
  bool header = false;
  size_t number = 0;
  for (std::string_view line : SplitFields(text, '\n')) {
    ++number;
    if (line.ends_with('\r')) line.remove_suffix(1);
    if (!base::IsValidUtf8(line)) return base::Error(reader.Error(number, "not valid UTF-8"));
    if (Trim(line).empty() || line.starts_with('#')) continue;
    if (!header) {
      if (line != kHeader)
        return base::Error(
            reader.Error(number,
                         "expected the header line (id, kind, parent, name, arabic, variants, "
                         "latitude, longitude; tab-separated)"));
      header = true;
      continue;
    }
    ASSIGN_OR_RETURN(Place place, reader.ReadRow(number, SplitFields(line, '\t')));
    if (auto [it, added] = line_of_id.emplace(place.id, number); !added)
      return base::Error(reader.Error(
          number, fmt::format("duplicate id '{}' (first on line {})", place.id, it->second)));
    places.push_back(std::move(place));
    lines.push_back(number);
  }
  if (!header) return base::Error(reader.Error(number, "no header line"));
  for (size_t i = 0; i < places.size(); ++i) {
    if (places[i].parent && !line_of_id.contains(*places[i].parent))
      return base::Error(reader.Error(
          lines[i], fmt::format("parent: '{}' is not an id of this file", *places[i].parent)));
  }
  return places;
}

}  // namespace sijill::extract
