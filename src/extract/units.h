// Language-neutral names of military and security units, so that "the 47th Brigade",
// "Brigade 47" and "اللواء 47" are one unit in a document and get one canonical
// English name ("47th Brigade", "4th Armored Division", "Branch 215",
// "47th Brigade, 2nd Tank Battalion"). Pure functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace sijill::extract {

enum class Echelon {
  kArmy,
  kCorps,
  kDivision,
  kBrigade,
  kRegiment,
  kBattalion,
  kCompany,
  kBattery,
  kPlatoon,
  kSquadron,
  kBranch,
  kDirectorate,
  kDepartment,
  kSection,
  kOffice,
};

// "Division", "Brigade", ... (capitalized English).
std::string_view EchelonName(Echelon echelon);
// Units numbered after their name ("Branch 215", "Section 40") rather than before it
// ("47th Brigade"): branches, directorates, departments, sections and offices.
bool NumberFollows(Echelon echelon);

// "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "47th", "103rd".
// REQUIRES: n >= 0.
std::string EnglishOrdinal(int n);

struct UnitName {
  Echelon echelon = Echelon::kBrigade;
  std::optional<int> number;
  // Arm or specialty in English, capitalized: "Armored", "Tank", "Artillery",
  // "Mechanized", "Infantry", "Special Forces", "Transport". Empty if none.
  std::string specialty;
};

// "47th Brigade", "4th Armored Division", "Branch 215", "Artillery Battalion".
std::string CanonicalUnitName(const UnitName& unit);
// A sub-unit under its parent, as gold and reviewers write it: "47th Brigade, 2nd Tank
// Battalion".
std::string CanonicalSubUnitName(const UnitName& parent, const UnitName& unit);
// The within-document identity of a unit: echelon, number and specialty
// ("unit/division/4/armored"). A unit without a number is keyed by its specialty.
std::string UnitKey(const UnitName& unit);
std::string SubUnitKey(const UnitName& parent, const UnitName& unit);

}  // namespace sijill::extract
