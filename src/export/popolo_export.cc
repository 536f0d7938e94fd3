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

#include <fstream>
#include <map>
#include <optional>

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

// Streams the document: entities one type at a time, then one pass over the claims that
// writes memberships and keeps the other claims in a scratch file, then posts, the other
// claims and the sources. Memory holds only the posts.
class PopoloWriter {
 public:
  PopoloWriter(WriteContext& ctx, std::ostream& out) : ctx_(ctx), out_(out) {}

  base::Status Run() {
    json header = {{"sijill:format", "popolo"},
                   {"sijill:version", 1},
                   {"sijill:level", store::AccessLevelName(ctx_.view.level())}};
    std::string head = header.dump();
    head.pop_back();  // the collections follow in the same object
    out_ << head;
    using knowledge::EntityType;
    for (auto [type, key] :
         {std::pair{EntityType::kPerson, "persons"}, std::pair{EntityType::kUnit, "organizations"},
          std::pair{EntityType::kPlace, "areas"}, std::pair{EntityType::kEvent, "events"}}) {
      Open(key);
      TRY(ForEachShownEntity(ctx_, type, [&](const knowledge::Entity& e) {
        Add(EntityRecord(e));
        return true;
      }));
      Close();
    }
    ASSIGN_OR_RETURN(std::fstream * others, ctx_.out.OpenScratch("popolo-claims"));
    bool any_other = false;
    Open("memberships");
    TRY(ForEachShownClaim(ctx_, Statuses::kAccepted, [&](const knowledge::Claim& c) {
      if (auto m = Membership(c)) {
        Add(*m);
      } else {
        *others << (any_other ? ",\n" : "\n") << knowledge::ToJson(c).dump();
        any_other = true;
      }
      return true;
    }));
    Close();
    Open("posts");
    for (const auto& post : posts_) Add(post);
    Close();
    out_ << ",\n\"sijill:claims\":[";
    if (any_other) {
      // (Inserting an empty stream buffer would set the output's failbit.)
      others->flush();
      others->seekg(0);
      out_ << others->rdbuf();
    }
    out_ << (any_other ? "\n]" : "]");
    Open("sijill:sources");
    for (const auto& src : ctx_.view.sources()) Add(SourceToJson(src));
    Close();
    out_ << "}\n";
    return base::Status::Ok();
  }

 private:
  void Open(const char* key) {
    out_ << ",\n\"" << key << "\":[";
    first_ = true;
  }
  void Add(const json& record) {
    out_ << (first_ ? "\n" : ",\n") << record.dump();
    first_ = false;
  }
  void Close() { out_ << (first_ ? "]" : "\n]"); }

  // The membership a claim states, or nullopt for the predicates Popolo has none for.
  std::optional<json> Membership(const knowledge::Claim& c) {
    using knowledge::Predicate;
    bool membership =
        (c.predicate == Predicate::kCommanderOf || c.predicate == Predicate::kMemberOf ||
         c.predicate == Predicate::kSubordinateTo) &&
        c.object.has_value();
    if (!membership) return std::nullopt;
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
    return m;
  }

  std::string PostId(const base::Id& organization, const std::string& role) {
    auto key = std::make_pair(organization.ToString(), role);
    auto it = post_ids_.find(key);
    if (it != post_ids_.end()) return it->second;
    std::string id = fmt::format("post-{}-{}", organization.ToString(), post_ids_.size() + 1);
    post_ids_[key] = id;
    posts_.push_back({{"id", id},
                      {"organization_id", organization.ToString()},
                      {"label", role},
                      {"role", role}});
    return id;
  }

  WriteContext& ctx_;
  std::ostream& out_;
  bool first_ = true;
  std::map<std::pair<std::string, std::string>, std::string> post_ids_;
  std::vector<json> posts_;
};

}  // namespace

base::Status WritePopolo(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("popolo.json"));
  return PopoloWriter(ctx, *out).Run();
}

}  // namespace sijill::exporter
