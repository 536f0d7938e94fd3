#include "vault/custody.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <nlohmann/json.hpp>

#include "vault/merkle.h"

namespace sijill::vault {
namespace {

constexpr const char* kFields[] = {"action", "actor", "archive", "hashes", "objects", "time"};

base::Status Corrupt(std::string_view what) {
  return base::Status::Corruption(std::string("custody entry: ") + std::string(what));
}

base::Result<std::map<std::string, std::string>> StringMap(const nlohmann::json& j,
                                                           const char* field) {
  if (!j.is_object()) return base::Error(Corrupt(std::string(field) + " is not an object"));
  std::map<std::string, std::string> out;
  for (const auto& [k, v] : j.items()) {
    if (!v.is_string())
      return base::Error(Corrupt(std::string(field) + "." + k + " is not a string"));
    out.emplace(k, v.get<std::string>());
  }
  return out;
}

}  // namespace

std::string CanonicalBytes(const CustodyEntry& e) {
  // nlohmann::json objects are std::map-backed: keys come out sorted.
  nlohmann::json j = {{"archive", e.archive}, {"time", e.time},       {"actor", e.actor},
                      {"action", e.action},   {"objects", e.objects}, {"hashes", e.hashes}};
  return j.dump(-1, ' ', /*ensure_ascii=*/false, nlohmann::json::error_handler_t::strict);
}

base::Result<CustodyEntry> ParseCustodyEntry(std::string_view bytes) {
  nlohmann::json j = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) return base::Error(Corrupt("not a JSON object"));
  if (j.size() != std::size(kFields)) return base::Error(Corrupt("unexpected fields"));
  CustodyEntry e;
  for (const char* f : kFields) {
    if (!j.contains(f)) return base::Error(Corrupt(std::string("no field ") + f));
  }
  for (auto [field, out] : {std::pair{"archive", &e.archive}, std::pair{"time", &e.time},
                            std::pair{"actor", &e.actor}, std::pair{"action", &e.action}}) {
    if (!j[field].is_string()) return base::Error(Corrupt(std::string(field) + " is not a string"));
    *out = j[field].get<std::string>();
  }
  ASSIGN_OR_RETURN(e.objects, StringMap(j["objects"], "objects"));
  ASSIGN_OR_RETURN(e.hashes, StringMap(j["hashes"], "hashes"));
  if (CanonicalBytes(e) != bytes) return base::Error(Corrupt("not in canonical form"));
  return e;
}

std::string CustodyLeafHashHex(std::string_view bytes) { return HashToHex(LeafHash(bytes)); }

std::string CurrentActor() {
  if (const char* a = std::getenv("SIJILL_ACTOR"); a != nullptr && *a != '\0') return a;
  passwd pw{};
  passwd* found = nullptr;
  char buf[4096];
  if (getpwuid_r(getuid(), &pw, buf, sizeof buf, &found) == 0 && found != nullptr &&
      found->pw_name != nullptr && *found->pw_name != '\0')
    return found->pw_name;
  return "uid:" + std::to_string(getuid());
}

}  // namespace sijill::vault
