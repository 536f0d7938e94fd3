#include "cli/claim_text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/entity_ref.h"
#include "knowledge/knowledge_json.h"

namespace sijill::cli {

base::Result<std::string> ClaimText(store::Store& store, const knowledge::Claim& c, int indent) {
  const std::string pad(static_cast<size_t>(indent), ' ');
  ASSIGN_OR_RETURN(auto subject, store.knowledge().GetEntity(c.subject));
  std::string object = c.object_text ? "'" + *c.object_text + "'" : "";
  if (c.object) {
    ASSIGN_OR_RETURN(auto o, store.knowledge().GetEntity(*c.object));
    object = Describe(o);
  }
  std::string text = fmt::format("{}claim {}  {}  {}\n{}  {} -> {}\n", pad, c.id.Short(),
                                 knowledge::Name(c.status), knowledge::Name(c.predicate), pad,
                                 Describe(subject), object);
  std::vector<std::string> facts;
  if (c.role) facts.push_back("role " + *c.role);
  if (c.rank) facts.push_back("rank " + *c.rank);
  facts.push_back("time " + c.time.value_or("unknown"));
  facts.emplace_back(knowledge::Name(c.evidence));
  facts.emplace_back(knowledge::Name(c.confidence));
  text += fmt::format("{}  {}\n", pad, fmt::join(facts, " | "));
  for (const auto& cite : c.citations) {
    text += fmt::format("{}  \"{}\" (source {}:{}, {}..{})\n", pad, cite.quote, cite.source.Short(),
                        cite.passage, cite.cp_begin, cite.cp_end);
  }
  if (c.note) text += fmt::format("{}  note: {}\n", pad, *c.note);
  return text;
}

base::Result<nlohmann::json> ClaimJson(store::Store& store, const knowledge::Claim& c) {
  nlohmann::json j = knowledge::ToJson(c);
  ASSIGN_OR_RETURN(auto subject, store.knowledge().GetEntity(c.subject));
  j["subject_name"] = subject.name;
  if (c.object) {
    ASSIGN_OR_RETURN(auto o, store.knowledge().GetEntity(*c.object));
    j["object_name"] = o.name;
  }
  return j;
}

}  // namespace sijill::cli
