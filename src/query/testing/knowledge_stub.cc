// TEMPORARY stand-in for knowledge/*.cc until they land on main (see CMakeLists.txt).
#include <cctype>

#include "knowledge/model.h"

namespace sijill::knowledge {

std::string_view Name(EntityType type) {
  static const char* names[] = {"person", "unit", "place", "event"};
  return names[static_cast<int>(type)];
}

std::string_view Name(ClaimStatus status) {
  static const char* names[] = {"candidate", "accepted", "rejected"};
  return names[static_cast<int>(status)];
}

std::string_view Name(Predicate predicate) {
  static const char* names[] = {"commander_of", "member_of",       "subordinate_to", "located_at",
                                "deployed_to",  "participated_in", "occurred_at",    "relative_of",
                                "alias_of",     "detained_at"};
  return names[static_cast<int>(predicate)];
}

std::string NameKey(std::string_view name) {
  std::string out;
  bool space = false;
  for (unsigned char c : name) {
    if (std::isalnum(c) || c >= 0x80) {
      if (space && !out.empty()) out += ' ';
      space = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      space = true;
    }
  }
  return out;
}

}  // namespace sijill::knowledge
