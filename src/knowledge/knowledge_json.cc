#include "knowledge/knowledge_json.h"

#include <fmt/format.h>

namespace sijill::knowledge {
namespace {

using nlohmann::json;

void PutOptional(json& j, const char* key, const std::optional<std::string>& value) {
  if (value) j[key] = *value;
}

// Reads fields of one JSON object, remembering the first problem with its path.
class Reader {
 public:
  Reader(const json& j, std::string_view where) : j_(j), where_(where) {
    if (!j.is_object()) Fail("", "expected an object");
  }

  std::string String(const char* key) {
    auto v = OptionalString(key);
    if (!v && ok()) Fail(key, "missing");
    return v.value_or("");
  }
  std::optional<std::string> OptionalString(const char* key) {
    if (!ok() || !j_.contains(key) || j_[key].is_null()) return std::nullopt;
    if (!j_[key].is_string()) {
      Fail(key, "expected a string");
      return std::nullopt;
    }
    return j_[key].get<std::string>();
  }
  std::optional<double> OptionalNumber(const char* key) {
    if (!ok() || !j_.contains(key) || j_[key].is_null()) return std::nullopt;
    if (!j_[key].is_number()) {
      Fail(key, "expected a number");
      return std::nullopt;
    }
    return j_[key].get<double>();
  }
  uint64_t Unsigned(const char* key) {
    if (!ok()) return 0;
    if (!j_.contains(key) || !j_[key].is_number_unsigned()) {
      Fail(key, "expected a number >= 0");
      return 0;
    }
    return j_[key].get<uint64_t>();
  }
  bool Bool(const char* key) {
    if (!ok() || !j_.contains(key)) return false;
    if (!j_[key].is_boolean()) Fail(key, "expected true or false");
    return ok() && j_[key].get<bool>();
  }
  base::Id Id(const char* key) {
    auto v = OptionalId(key);
    if (!v && ok()) Fail(key, "missing");
    return v.value_or(base::Id{});
  }
  std::optional<base::Id> OptionalId(const char* key) {
    auto text = OptionalString(key);
    if (!text) return std::nullopt;
    auto id = base::Id::Parse(*text);
    if (!id) Fail(key, fmt::format("'{}' is not an id", *text));
    return id;
  }
  template <typename Enum>
  Enum Enumerated(const char* key, std::optional<Enum> (*parse)(std::string_view), Enum fallback) {
    auto text = OptionalString(key);
    if (!text) return fallback;
    auto value = parse(*text);
    if (!value) {
      Fail(key, fmt::format("unknown value '{}'", *text));
      return fallback;
    }
    return *value;
  }
  const json* Array(const char* key) {
    if (!ok() || !j_.contains(key)) return nullptr;
    if (!j_[key].is_array()) {
      Fail(key, "expected an array");
      return nullptr;
    }
    return &j_[key];
  }
  std::string Path(std::string_view key) const {
    return key.empty() ? std::string(where_) : fmt::format("{}.{}", where_, key);
  }
  void Fail(std::string_view key, std::string_view problem) {
    if (ok()) status_ = base::Status::InvalidArgument(fmt::format("{}: {}", Path(key), problem));
  }
  void Absorb(const base::Status& s) {
    if (ok() && !s.ok()) status_ = s;
  }
  bool ok() const { return status_.ok(); }
  const base::Status& status() const { return status_; }

 private:
  const json& j_;
  std::string where_;
  base::Status status_;
};

}  // namespace

json ToJson(const Entity& e) {
  json j = {{"id", e.id.ToString()},
            {"type", Name(e.type)},
            {"name", e.name},
            {"created_by", e.created_by},
            {"created_at", e.created_at}};
  json aliases = json::array();
  for (const Alias& a : e.aliases) {
    json alias = {{"name", a.name}};
    if (a.source) alias["source"] = a.source->ToString();
    aliases.push_back(std::move(alias));
  }
  j["aliases"] = std::move(aliases);
  if (e.is_protected) j["protected"] = true;
  if (e.latitude) j["latitude"] = *e.latitude;
  if (e.longitude) j["longitude"] = *e.longitude;
  PutOptional(j, "side", e.side);
  PutOptional(j, "note", e.note);
  if (e.merged_into) j["merged_into"] = e.merged_into->ToString();
  return j;
}

json ToJson(const Citation& c) {
  return {{"source", c.source.ToString()},
          {"passage", c.passage},
          {"begin", c.cp_begin},
          {"end", c.cp_end},
          {"quote", c.quote}};
}

json ToJson(const Claim& c) {
  json j = {{"id", c.id.ToString()},
            {"subject", c.subject.ToString()},
            {"predicate", Name(c.predicate)},
            {"evidence", Name(c.evidence)},
            {"confidence", Name(c.confidence)},
            {"status", Name(c.status)},
            {"created_by", c.created_by},
            {"created_at", c.created_at}};
  if (c.object) j["object"] = c.object->ToString();
  PutOptional(j, "object_text", c.object_text);
  PutOptional(j, "role", c.role);
  PutOptional(j, "rank", c.rank);
  PutOptional(j, "time", c.time);
  PutOptional(j, "note", c.note);
  json citations = json::array();
  for (const Citation& cite : c.citations) citations.push_back(ToJson(cite));
  j["citations"] = std::move(citations);
  return j;
}

json ToJson(const HistoryEvent& e) {
  json j = {{"seq", e.seq},
            {"at", e.at},
            {"actor", e.actor},
            {"action", e.action},
            {"object", e.object.ToString()}};
  if (e.before) j["before"] = json::parse(*e.before, nullptr, false);
  if (e.after) j["after"] = json::parse(*e.after, nullptr, false);
  return j;
}

base::Result<Entity> EntityFromJson(const json& j, std::string_view where) {
  Reader r(j, where);
  Entity e;
  e.id = r.Id("id");
  e.type = r.Enumerated("type", &ParseEntityType, EntityType::kPerson);
  if (r.ok() && !j.contains("type")) r.Fail("type", "missing");
  e.name = r.String("name");
  if (const json* aliases = r.Array("aliases")) {
    for (size_t i = 0; i < aliases->size() && r.ok(); ++i) {
      Reader a((*aliases)[i], r.Path(fmt::format("aliases[{}]", i)));
      Alias alias{a.String("name"), a.OptionalId("source")};
      r.Absorb(a.status());
      e.aliases.push_back(std::move(alias));
    }
  }
  e.is_protected = r.Bool("protected");
  e.latitude = r.OptionalNumber("latitude");
  e.longitude = r.OptionalNumber("longitude");
  e.side = r.OptionalString("side");
  e.note = r.OptionalString("note");
  e.merged_into = r.OptionalId("merged_into");
  e.created_by = r.OptionalString("created_by").value_or("");
  e.created_at = r.OptionalString("created_at").value_or("");
  if (!r.ok()) return base::Error(r.status());
  if (auto s = CheckEntity(e); !s.ok()) return base::Error(s.WithPrefix(std::string(where)));
  return e;
}

base::Result<Claim> ClaimFromJson(const json& j, std::string_view where) {
  Reader r(j, where);
  Claim c;
  c.id = r.Id("id");
  c.subject = r.Id("subject");
  c.predicate = r.Enumerated("predicate", &ParsePredicate, Predicate::kMemberOf);
  if (r.ok() && !j.contains("predicate")) r.Fail("predicate", "missing");
  c.object = r.OptionalId("object");
  c.object_text = r.OptionalString("object_text");
  c.role = r.OptionalString("role");
  c.rank = r.OptionalString("rank");
  c.time = r.OptionalString("time");
  c.evidence = r.Enumerated("evidence", &ParseEvidence, Evidence::kFirstHand);
  c.confidence = r.Enumerated("confidence", &ParseConfidence, Confidence::kMedium);
  c.status = r.Enumerated("status", &ParseClaimStatus, ClaimStatus::kCandidate);
  c.note = r.OptionalString("note");
  c.created_by = r.OptionalString("created_by").value_or("");
  c.created_at = r.OptionalString("created_at").value_or("");
  if (const json* citations = r.Array("citations")) {
    for (size_t i = 0; i < citations->size() && r.ok(); ++i) {
      Reader q((*citations)[i], r.Path(fmt::format("citations[{}]", i)));
      Citation cite;
      cite.source = q.Id("source");
      cite.passage = static_cast<uint32_t>(q.Unsigned("passage"));
      cite.cp_begin = q.Unsigned("begin");
      cite.cp_end = q.Unsigned("end");
      cite.quote = q.String("quote");
      r.Absorb(q.status());
      c.citations.push_back(std::move(cite));
    }
  }
  if (!r.ok()) return base::Error(r.status());
  return c;
}

}  // namespace sijill::knowledge
