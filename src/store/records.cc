#include "store/records.h"

namespace sijill::store {

std::string_view AccessLevelName(AccessLevel level) {
  switch (level) {
    case AccessLevel::kPublic:
      return "public";
    case AccessLevel::kRestricted:
      return "restricted";
    case AccessLevel::kConfidential:
      return "confidential";
  }
  return "restricted";
}

std::optional<AccessLevel> ParseAccessLevel(std::string_view name) {
  if (name == "public") return AccessLevel::kPublic;
  if (name == "restricted") return AccessLevel::kRestricted;
  if (name == "confidential") return AccessLevel::kConfidential;
  return std::nullopt;
}

}  // namespace sijill::store
