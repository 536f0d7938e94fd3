// Splitting a line of a tab-separated data file (the gazetteer's, GeoNames dumps) into
// its fields. Internal to the extract module; pure.
#pragma once

#include <string_view>
#include <vector>

namespace sijill::extract {

// The fields of `line` between `separator`s: n separators give n + 1 fields, empty ones
// included ("a\t\tb" -> {"a", "", "b"}).
inline std::vector<std::string_view> SplitFields(std::string_view line, char separator) {
  std::vector<std::string_view> out;
  for (size_t start = 0;;) {
    size_t end = line.find(separator, start);
    out.push_back(line.substr(start, end - start));
    if (end == std::string_view::npos) return out;
    start = end + 1;
  }
}

}  // namespace sijill::extract
