// The Popolo export (docs/formats/exports.md, "Popolo"): one JSON document
//
//   {"sijill:format":"popolo","sijill:version":1,"sijill:level":L,
//    "persons":[...], "organizations":[...], "areas":[...], "events":[...],
//    "memberships":[...], "posts":[...], "sijill:claims":[...], "sijill:sources":[...]}
//
// persons = person entities, organizations = units, areas = places, events = events.
// Accepted commander_of and member_of claims become memberships (person_id ->
// organization_id; commander_of with a role also gets a post of that organization), and
// subordinate_to becomes a membership whose "member" is the child organization. Popolo
// dates cannot say "fall 2012", so the EDTF value is kept in "sijill:time", and
// start_date/end_date are filled only from interval ends that are exact days
// (dates.h). Every membership carries its citations in "sources" (url
// "sijill:source/<id>", note = the quote) and "sijill:citations"; claims of other
// predicates travel whole in "sijill:claims", so no evidence is dropped.
#include <fmt/format.h>

#include <map>

#include "export/dates.h"
#include "export/source_json.h"
#include "export/writers.h"
#include "knowledge/knowledge_json.h"

namespace sijill::exporter {
namespace {

using nlohmann::json;

json Names(const knowledge::Entity& e) {
  json names = json::array();
  for (const auto& a : e.aliases) names.push_back({{"name", a.name}});
  return names;
}

json EntityRecord(const knowledge::Entity& e) {
  json j = {{"id", e.id.ToString()}, {"name", e.name}, {"other_names", Names(e)}};
  if (e.note) j["sijill:note"] = *e.note;
  if (e.side) j["sijill:side"] = *e.side;
  if (e.latitude) j["sijill:latitude"] = *e.latitude;
  if (e.longitude) j["sijill:longitude"] = *e.longitude;
  if (e.merged_into) j["sijill:merged_into"] = e.merged_into->ToString();
  if (e.type == knowledge::EntityType::kUnit) j["classification"] = "unit";
  return j;
}

json Sources(const knowledge::Claim& c) {
  json sources = json::array();
  for (const auto& cite : c.citations) {
    sources.push_back({{"url", "sijill:source/" + cite.source.ToString()}, {"note", cite.quote}});
  }
  return sources;
}

class PopoloWriter {
 public:
  explicit PopoloWriter(WriteContext& ctx) : ctx_(ctx) {}

  base::Status Run(std::ostream& out) {
    TRY(ForEachShownEntity(ctx_, [&](const knowledge::Entity& e) {
      json record = EntityRecord(e);
      switch (e.type) {
        case knowledge::EntityType::kPerson:
          doc_["persons"].push_back(record);
          break;
        case knowledge::EntityType::kUnit:
          doc_["organizations"].push_back(record);
          break;
        case knowledge::EntityType::kPlace:
          doc_["areas"].push_back(record);
          break;
        case knowledge::EntityType::kEvent:
          doc_["events"].push_back(record);
          break;
      }
      return true;
    }));
    TRY(ForEachShownClaim(ctx_, Statuses::kAccepted, [&](const knowledge::Claim& c) {
      AddClaim(c);
      return true;
    }));
    for (const auto& s : ctx_.view.sources()) doc_["sijill:sources"].push_back(SourceToJson(s));
    out << doc_.dump(1) << "\n";
    return base::Status::Ok();
  }

 private:
  void AddClaim(const knowledge::Claim& c) {
    using knowledge::Predicate;
    bool membership =
        (c.predicate == Predicate::kCommanderOf || c.predicate == Predicate::kMemberOf ||
         c.predicate == Predicate::kSubordinateTo) &&
        c.object.has_value();
    if (!membership) {
      doc_["sijill:claims"].push_back(knowledge::ToJson(c));
      return;
    }
    json m = {{"id", c.id.ToString()},
              {"organization_id", c.object->ToString()},
              {"sijill:predicate", knowledge::Name(c.predicate)},
              {"sources", Sources(c)},
              {"sijill:citations", json::array()}};
    for (const auto& cite : c.citations) m["sijill:citations"].push_back(knowledge::ToJson(cite));
    if (c.predicate == Predicate::kSubordinateTo) {
      m["member"] = {{"@type", "Organization"}, {"id", c.subject.ToString()}};
    } else {
      m["person_id"] = c.subject.ToString();
    }
    if (c.role) m["role"] = *c.role;
    if (c.rank) m["sijill:rank"] = *c.rank;
    if (c.note) m["sijill:note"] = *c.note;
    if (c.predicate == Predicate::kCommanderOf && c.role) m["post_id"] = PostId(*c.object, *c.role);
    if (c.time) {
      m["sijill:time"] = *c.time;
      PlainBounds b = PlainBoundsOf(*c.time, Partial::kDayOnly);
      if (b.start) m["start_date"] = *b.start;
      if (b.end) m["end_date"] = *b.end;
    }
    m["sijill:evidence"] = knowledge::Name(c.evidence);
    m["sijill:confidence"] = knowledge::Name(c.confidence);
    doc_["memberships"].push_back(std::move(m));
  }

  std::string PostId(const base::Id& organization, const std::string& role) {
    auto key = std::make_pair(organization.ToString(), role);
    auto it = posts_.find(key);
    if (it != posts_.end()) return it->second;
    std::string id = fmt::format("post-{}-{}", organization.ToString(), posts_.size() + 1);
    posts_[key] = id;
    doc_["posts"].push_back({{"id", id},
                             {"organization_id", organization.ToString()},
                             {"label", role},
                             {"role", role}});
    return id;
  }

  WriteContext& ctx_;
  json doc_ = {{"sijill:format", "popolo"},
               {"sijill:version", 1},
               {"sijill:level", store::AccessLevelName(ctx_.view.level())},
               {"persons", json::array()},
               {"organizations", json::array()},
               {"areas", json::array()},
               {"events", json::array()},
               {"memberships", json::array()},
               {"posts", json::array()},
               {"sijill:claims", json::array()},
               {"sijill:sources", json::array()}};
  std::map<std::pair<std::string, std::string>, std::string> posts_;
};

}  // namespace

base::Status WritePopolo(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("popolo.json"));
  return PopoloWriter(ctx).Run(*out);
}

}  // namespace sijill::exporter
