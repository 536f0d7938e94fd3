#include "extract/gazetteer.h"

#include <algorithm>

namespace sijill::extract {
namespace {

bool IsWordByte(unsigned char c) { return c >= 0x80 || std::isalnum(c); }

}  // namespace

// Placeholder data and a simple scanner; replaced by the shipped gazetteer.
const Gazetteer& Gazetteer::Builtin() {
  static const Gazetteer* builtin = [] {
    auto* g = new Gazetteer;
    g->Add(
        {"sy:damascus", "Damascus", {"دمشق", "Dimashq"}, "city", std::nullopt, 33.5131, 36.2913});
    g->Add({"sy:hama", "Hama", {"Hamah", "حماة", "حماه"}, "city", std::nullopt, 35.1318, 36.7578});
    g->Add({"sy:homs", "Homs", {"حمص"}, "city", std::nullopt, 34.7308, 36.7094});
    return g;
  }();
  return *builtin;
}

void Gazetteer::Add(Place place) {
  for (Place& p : places_) {
    if (p.id == place.id) {
      p.names.insert(p.names.end(), place.names.begin(), place.names.end());
      return;
    }
  }
  places_.push_back(std::move(place));
}

std::vector<Gazetteer::Match> Gazetteer::Find(std::string_view text) const {
  std::vector<Match> found;
  for (size_t i = 0; i < places_.size(); ++i) {
    std::vector<std::string_view> names{places_[i].name};
    for (const auto& n : places_[i].names) names.push_back(n);
    for (std::string_view name : names) {
      for (size_t at = text.find(name); at != std::string_view::npos;
           at = text.find(name, at + 1)) {
        size_t end = at + name.size();
        bool starts = at == 0 || !IsWordByte(text[at - 1]);
        bool ends = end == text.size() || !IsWordByte(text[end]);
        if (starts && ends) found.push_back({{at, end}, i});
      }
    }
  }
  std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
    return a.span.begin != b.span.begin ? a.span.begin < b.span.begin : a.span.end > b.span.end;
  });
  std::vector<Match> out;
  for (const Match& m : found) {
    if (!out.empty() && m.span.begin < out.back().span.end) continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace sijill::extract
