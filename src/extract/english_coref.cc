// Unit coreference: "the brigade", "our battalion", "my own battalion", "the 47th" name the
// nearest unit before them of that echelon (or number). With no such unit they name
// nothing: "a post at the division" is not a unit of its own.
#include <algorithm>
#include <functional>
#include <map>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

bool IsDeterminer(std::string_view lower) {
  return lower == "the" || lower == "our" || lower == "my" || lower == "its" || lower == "their" ||
         lower == "this" || lower == "that" || lower == "his" || lower == "your";
}

std::optional<size_t> Antecedent(const Context& c, size_t before,
                                 const std::function<bool(const UnitMention&)>& fits) {
  auto it = std::upper_bound(c.units.begin(), c.units.end(), before,
                             [](size_t t, const UnitMention& u) { return t < u.first; });
  while (it != c.units.begin()) {
    --it;
    if (it->last <= before && fits(*it)) return it->entity;
  }
  return std::nullopt;
}

}  // namespace

void ResolveUnitAnaphora(Context& c) {
  std::vector<UnitMention> added;
  std::map<Echelon, size_t> own_unit;
  // Numbers of the units named so far, for "the 47th".
  auto number_of = [&](size_t entity) -> std::optional<int> {
    const std::string& name = c.out.entities()[entity].canonical;
    size_t comma = name.rfind(", ");
    std::string_view own = comma == std::string::npos ? std::string_view(name)
                                                      : std::string_view(name).substr(comma + 2);
    size_t n = 0;
    while (n < own.size() && own[n] >= '0' && own[n] <= '9') ++n;
    if (n == 0 || n > 4) return std::nullopt;
    return std::stoi(std::string(own.substr(0, n)));
  };
  for (size_t i = 0; i + 1 < c.tokens.size(); ++i) {
    if (!IsDeterminer(c.Lower(i)) || c.UnitAt(i) || c.UnitAt(i + 1)) continue;
    size_t j = i + 1;
    if (c.Is(j, "own")) ++j;
    if (j >= c.tokens.size() || c.tokens[j].sentence != c.tokens[i].sentence) continue;
    if (std::optional<Echelon> echelon = EchelonAt(c, j)) {
      if (c.UnitAt(j) || (j + 1 < c.tokens.size() && c.tokens[j + 1].digits)) continue;
      // "our battalion" is the speaker's own battalion wherever it is named again.
      bool own = c.Is(i, "our") || c.Is(i, "my");
      std::optional<size_t> e;
      if (own && own_unit.contains(*echelon)) e = own_unit[*echelon];
      if (!e) e = Antecedent(c, i, [&](const UnitMention& u) { return u.echelon == echelon; });
      if (!e) continue;
      if (own) own_unit.try_emplace(*echelon, *e);
      added.push_back({i, j + 1, *e, echelon, true});
      i = j;
      continue;
    }
    // "his unit", "their unit": the last unit named.
    if (c.Is(j, "unit") && !c.Is(i, "the") && !c.Is(i, "this") && !c.Is(i, "that")) {
      auto e = Antecedent(c, i, [](const UnitMention& u) { return !u.anaphor; });
      if (e) added.push_back({i, j + 1, *e, std::nullopt, true});
      continue;
    }
    // "the 47th", not "the 3rd of March".
    if (!c.Is(i, "the") || j >= c.tokens.size() || c.tokens[j].digits) continue;
    std::optional<int> n = NumberAt(c.tokens[j]);
    if (!n || !std::isdigit(static_cast<unsigned char>(c.tokens[j].text[0])) || c.Is(j + 1, "of"))
      continue;
    auto same_number = [&](const UnitMention& u) { return !u.anaphor && number_of(u.entity) == n; };
    // A number is specific enough to look ahead too ("The 33rd is ... the 33rd Brigade").
    auto e = Antecedent(c, i, same_number);
    if (!e) e = Antecedent(c, c.tokens.size(), same_number);
    if (!e) continue;
    added.push_back({i, j + 1, *e, std::nullopt, true});
    i = j;
  }
  for (const UnitMention& m : added) {
    c.out.AddSpan(m.entity, c.SpanOf(m.first, m.last));
    auto at = std::upper_bound(c.units.begin(), c.units.end(), m.first,
                               [](size_t t, const UnitMention& u) { return t < u.first; });
    c.units.insert(at, m);
  }
}

}  // namespace sijill::extract::english
