#include "extract/units.h"

#include <fmt/format.h>

#include <cctype>

namespace sijill::extract {

std::string_view EchelonName(Echelon echelon) {
  switch (echelon) {
    case Echelon::kArmy:
      return "Army";
    case Echelon::kCorps:
      return "Corps";
    case Echelon::kDivision:
      return "Division";
    case Echelon::kBrigade:
      return "Brigade";
    case Echelon::kRegiment:
      return "Regiment";
    case Echelon::kBattalion:
      return "Battalion";
    case Echelon::kCompany:
      return "Company";
    case Echelon::kBattery:
      return "Battery";
    case Echelon::kPlatoon:
      return "Platoon";
    case Echelon::kSquadron:
      return "Squadron";
    case Echelon::kBranch:
      return "Branch";
    case Echelon::kDirectorate:
      return "Directorate";
    case Echelon::kDepartment:
      return "Department";
    case Echelon::kSection:
      return "Section";
    case Echelon::kOffice:
      return "Office";
  }
  return "Unit";
}

bool NumberFollows(Echelon echelon) {
  switch (echelon) {
    case Echelon::kBranch:
    case Echelon::kDirectorate:
    case Echelon::kDepartment:
    case Echelon::kSection:
    case Echelon::kOffice:
      return true;
    default:
      return false;
  }
}

std::string EnglishOrdinal(int n) {
  int tens = n % 100;
  const char* suffix = "th";
  if (tens < 11 || tens > 13) {
    switch (n % 10) {
      case 1:
        suffix = "st";
        break;
      case 2:
        suffix = "nd";
        break;
      case 3:
        suffix = "rd";
        break;
      default:
        break;
    }
  }
  return fmt::format("{}{}", n, suffix);
}

std::string CanonicalUnitName(const UnitName& unit) {
  std::string name;
  if (unit.number && !NumberFollows(unit.echelon)) name = EnglishOrdinal(*unit.number) + " ";
  if (!unit.specialty.empty()) name += unit.specialty + " ";
  name += EchelonName(unit.echelon);
  if (unit.number && NumberFollows(unit.echelon)) name += fmt::format(" {}", *unit.number);
  return name;
}

std::string CanonicalSubUnitName(const UnitName& parent, const UnitName& unit) {
  return CanonicalUnitName(parent) + ", " + CanonicalUnitName(unit);
}

std::string UnitKey(const UnitName& unit) {
  std::string key = "unit/";
  for (char c : EchelonName(unit.echelon))
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  key += "/";
  if (unit.number) key += std::to_string(*unit.number);
  key += "/";
  for (char c : unit.specialty)
    key += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return key;
}

std::string SubUnitKey(const UnitName& parent, const UnitName& unit) {
  return UnitKey(parent) + "|" + UnitKey(unit);
}

}  // namespace sijill::extract
