#include "curate/disclosure.h"

#include <fmt/format.h>

#include <cctype>
#include <set>

#include "knowledge/model.h"

namespace sijill::curate {
namespace {

base::Result<std::vector<redact::ProtectedName>> ProtectedNames(store::Store& store) {
  std::vector<redact::ProtectedName> out;
  std::set<std::string> keys;  // NameKeys already protected
  std::vector<knowledge::Entity> protected_entities;
  TRY(store.knowledge().ForEachEntity(knowledge::EntityType::kPerson,
                                      [&](const knowledge::Entity& e) {
                                        if (e.is_protected) protected_entities.push_back(e);
                                        return true;
                                      }));
  for (const auto& e : protected_entities) {
    redact::ProtectedName p{knowledge::Pseudonym(e), {}};
    // The whole merge group's names: a protected witness merged with (or into) an entity
    // under another spelling is the same person.
    ASSIGN_OR_RETURN(auto group, store.knowledge().EntityGroup(e.id));
    for (const base::Id& id : group) {
      ASSIGN_OR_RETURN(auto member, store.knowledge().GetEntity(id));
      p.names.push_back(member.name);
      for (const auto& a : member.aliases) p.names.push_back(a.name);
    }
    for (const auto& n : p.names) keys.insert(knowledge::NameKey(n));
    out.push_back(std::move(p));
  }
  ASSIGN_OR_RETURN(auto sources, store.ListSources());
  for (const auto& s : sources) {
    if (!s.witness || knowledge::NameKey(*s.witness).empty()) continue;
    if (!keys.insert(knowledge::NameKey(*s.witness)).second) continue;
    std::string tag = s.id.ToString().substr(0, 6);
    for (char& c : tag) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out.push_back({"Protected witness " + tag, {*s.witness}});
  }
  return out;
}

}  // namespace

base::Result<Disclosure> Disclosure::At(store::Store& store, store::AccessLevel level) {
  if (level == store::AccessLevel::kConfidential) return Disclosure(level, nullptr);
  ASSIGN_OR_RETURN(auto names, ProtectedNames(store));
  ASSIGN_OR_RETURN(auto redactor, redact::Redactor::Create(names));
  return Disclosure(level, std::move(redactor));
}

std::string Disclosure::Text(std::string_view text) const {
  return redactor_ ? redactor_->Redact(text) : std::string(text);
}

base::Status Disclosure::CheckNoLeak(std::string_view output, std::string_view what) const {
  if (!redactor_) return base::Status::Ok();
  auto leaks = redactor_->FindLeaks(output);
  if (leaks.empty()) return base::Status::Ok();
  return base::Status::PermissionDenied(
      fmt::format("{}: it would show a name of {} at byte {} ({} such places); nothing was "
                  "written",
                  what, leaks.front().pseudonym, leaks.front().offset, leaks.size()));
}

}  // namespace sijill::curate
