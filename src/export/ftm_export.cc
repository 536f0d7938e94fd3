// The FollowTheMoney export (docs/formats/exports.md, "FollowTheMoney"): JSON lines, one
// entity per line, {"id":..., "schema":..., "properties":{name: [strings]}}, readable by
// `ftm` tools, OCCRP Aleph and OpenSanctions' tooling.
//
//   person -> Person, unit -> Organization, event -> Event (name, alias, notes);
//   place -> Address (full, latitude, longitude, summary = other names);
//   commander_of -> Directorship (director, organization, role);
//   member_of and subordinate_to -> Membership (member, organization, role);
//   relative_of -> Family (person, relative, relationship);
//   every other predicate, and literal objects -> UnknownLink (subject, object, role).
// Links carry recordId = claim id, startDate/endDate only from exact interval ends (year,
// month or day as written, dates.h), and the evidence: sourceUrl "sijill:source/<id>"
// per citing source and one summary per citation ("<quote>" — source S, passage P, code
// points B-E), plus a summary "EDTF time: ..." with the claim's time as written.
// Accepted claims only.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "export/dates.h"
#include "export/writers.h"

namespace sijill::exporter {
namespace {

using knowledge::Predicate;
using nlohmann::json;

void Put(json& props, const char* key, const std::string& value) {
  if (!props.contains(key)) props[key] = json::array();
  props[key].push_back(value);
}

json EntityLine(const knowledge::Entity& e) {
  json props = json::object();
  const char* schema = "Person";
  switch (e.type) {
    case knowledge::EntityType::kPerson:
      schema = "Person";
      break;
    case knowledge::EntityType::kUnit:
      schema = "Organization";
      break;
    case knowledge::EntityType::kEvent:
      schema = "Event";
      break;
    case knowledge::EntityType::kPlace:
      schema = "Address";
      break;
  }
  if (e.type == knowledge::EntityType::kPlace) {
    Put(props, "full", e.name);
    for (const auto& a : e.aliases) Put(props, "summary", a.name);
    if (e.latitude) Put(props, "latitude", fmt::format("{}", *e.latitude));
    if (e.longitude) Put(props, "longitude", fmt::format("{}", *e.longitude));
  } else {
    Put(props, "name", e.name);
    for (const auto& a : e.aliases) Put(props, "alias", a.name);
    if (e.note) Put(props, "notes", *e.note);
  }
  return {{"id", e.id.ToString()}, {"schema", schema}, {"properties", props}};
}

json ClaimLine(const knowledge::Claim& c) {
  json props = json::object();
  std::string subject = c.subject.ToString();
  std::string object = c.object ? c.object->ToString() : "";
  const char* schema = "UnknownLink";
  if (c.object && c.predicate == Predicate::kCommanderOf) {
    schema = "Directorship";
    Put(props, "director", subject);
    Put(props, "organization", object);
  } else if (c.object &&
             (c.predicate == Predicate::kMemberOf || c.predicate == Predicate::kSubordinateTo)) {
    schema = "Membership";
    Put(props, "member", subject);
    Put(props, "organization", object);
  } else if (c.object && c.predicate == Predicate::kRelativeOf) {
    schema = "Family";
    Put(props, "person", subject);
    Put(props, "relative", object);
    if (c.role) Put(props, "relationship", *c.role);
  } else {
    Put(props, "subject", subject);
    if (c.object) Put(props, "object", object);
    Put(props, "role", std::string(knowledge::Name(c.predicate)));
    if (c.object_text) Put(props, "summary", "object: " + *c.object_text);
  }
  if (c.role && c.predicate != Predicate::kRelativeOf) Put(props, "role", *c.role);
  if (c.rank) Put(props, "role", *c.rank);
  Put(props, "recordId", c.id.ToString());
  if (c.time) {
    PlainBounds b = PlainBoundsOf(*c.time, Partial::kAllowYearOrMonth);
    if (b.start) Put(props, "startDate", *b.start);
    if (b.end) Put(props, "endDate", *b.end);
    Put(props, "summary", "EDTF time: " + *c.time);
  }
  for (const auto& id : CitedSources(c)) Put(props, "sourceUrl", "sijill:source/" + id);
  for (const auto& cite : c.citations) {
    Put(props, "summary",
        fmt::format("\"{}\" (source {}, passage {}, code points {}-{})", cite.quote,
                    cite.source.ToString(), cite.passage, cite.cp_begin, cite.cp_end));
  }
  return {{"id", c.id.ToString()}, {"schema", schema}, {"properties", props}};
}

}  // namespace

base::Status WriteFtm(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("entities.ftm.json"));
  TRY(ForEachShownEntity(ctx, [&](const knowledge::Entity& e) {
    *out << EntityLine(e).dump() << "\n";
    return true;
  }));
  return ForEachShownClaim(ctx, Statuses::kAccepted, [&](const knowledge::Claim& c) {
    *out << ClaimLine(c).dump() << "\n";
    return true;
  });
}

}  // namespace sijill::exporter
