#include "eval/gold.h"

#include <fmt/format.h>

#include <map>
#include <nlohmann/json.hpp>

#include "ingest/add.h"
#include "time/season_ends.h"

namespace sijill::eval {
namespace {

using nlohmann::json;

// Reads one gold file, remembering its name for messages.
class GoldReader {
 public:
  explicit GoldReader(std::string_view file) : file_(file) {}

  base::Status Error(std::string_view field, std::string_view problem) const {
    return base::Status::InvalidArgument(fmt::format("{}: {}: {}", file_, field, problem));
  }

  // The string at j[key]; an error if it is missing or not a string.
  base::Result<std::string> String(const json& j, const char* key, const std::string& at) const {
    auto it = j.find(key);
    if (it == j.end() || !it->is_string()) return tl::unexpected(Error(at + key, "needs a string"));
    return it->get<std::string>();
  }

  // nullopt when missing or null; an error for any other non-string.
  base::Result<std::optional<std::string>> OptionalString(const json& j, const char* key,
                                                          const std::string& at) const {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return std::optional<std::string>();
    if (!it->is_string()) return tl::unexpected(Error(at + key, "needs a string or null"));
    return std::optional<std::string>(it->get<std::string>());
  }

  base::Result<DayRange> Edtf(const std::string& text, const std::string& field) const {
    auto range = RangeOfEdtf(text);
    if (!range) return tl::unexpected(Error(field, range.error().message()));
    return *range;
  }

  base::Result<GoldEntity> Entity(const json& j, const std::string& at) const {
    if (!j.is_object()) return tl::unexpected(Error(at, "needs an object"));
    GoldEntity e;
    ASSIGN_OR_RETURN(e.id, String(j, "id", at + "."));
    ASSIGN_OR_RETURN(std::string type, String(j, "type", at + "."));
    auto parsed = knowledge::ParseEntityType(type);
    if (!parsed)
      return tl::unexpected(Error(at + ".type", fmt::format("unknown type \"{}\"", type)));
    e.type = *parsed;
    ASSIGN_OR_RETURN(e.canonical, String(j, "canonical", at + "."));
    auto mentions = j.find("mentions");
    if (mentions != j.end()) {
      if (!mentions->is_array()) return tl::unexpected(Error(at + ".mentions", "needs an array"));
      for (size_t i = 0; i < mentions->size(); ++i) {
        if (!(*mentions)[i].is_string())
          return tl::unexpected(Error(fmt::format("{}.mentions[{}]", at, i), "needs a string"));
        e.mentions.push_back((*mentions)[i].get<std::string>());
      }
    }
    auto prot = j.find("protected");
    e.is_protected = prot != j.end() && prot->is_boolean() && prot->get<bool>();
    return e;
  }

  base::Result<GoldDate> Date(const json& j, const std::string& at) const {
    if (!j.is_object()) return tl::unexpected(Error(at, "needs an object"));
    GoldDate d;
    ASSIGN_OR_RETURN(d.text, String(j, "text", at + "."));
    ASSIGN_OR_RETURN(d.edtf, String(j, "edtf", at + "."));
    ASSIGN_OR_RETURN(d.range, Edtf(d.edtf, at + ".edtf"));
    return d;
  }

  base::Result<GoldClaim> Claim(const json& j, const std::string& at,
                                const std::map<std::string, size_t>& ids) const {
    if (!j.is_object()) return tl::unexpected(Error(at, "needs an object"));
    GoldClaim c;
    ASSIGN_OR_RETURN(std::string subject, String(j, "subject", at + "."));
    auto s = ids.find(subject);
    if (s == ids.end())
      return tl::unexpected(
          Error(at + ".subject", fmt::format("no entity has id \"{}\"", subject)));
    c.subject = s->second;
    ASSIGN_OR_RETURN(std::string predicate, String(j, "predicate", at + "."));
    auto p = knowledge::ParsePredicate(predicate);
    if (!p)
      return tl::unexpected(
          Error(at + ".predicate", fmt::format("unknown predicate \"{}\"", predicate)));
    c.predicate = *p;
    ASSIGN_OR_RETURN(std::string object, String(j, "object", at + "."));
    if (auto o = ids.find(object); o != ids.end()) {
      c.object.entity = o->second;
    } else {
      c.object.literal = object;
    }
    ASSIGN_OR_RETURN(c.role, OptionalString(j, "role", at + "."));
    ASSIGN_OR_RETURN(c.rank, OptionalString(j, "rank", at + "."));
    ASSIGN_OR_RETURN(auto time, OptionalString(j, "time", at + "."));
    if (time) {
      ASSIGN_OR_RETURN(c.time, Edtf(*time, at + ".time"));
    }
    ASSIGN_OR_RETURN(auto evidence, OptionalString(j, "evidence", at + "."));
    if (evidence) {
      c.evidence = knowledge::ParseEvidence(*evidence);
      if (!c.evidence)
        return tl::unexpected(
            Error(at + ".evidence", fmt::format("unknown evidence type \"{}\"", *evidence)));
    }
    ASSIGN_OR_RETURN(auto quote, OptionalString(j, "quote", at + "."));
    c.quote = quote.value_or("");
    return c;
  }

  // The array at j[key] (missing: empty).
  base::Result<const json*> Array(const json& j, const char* key) const {
    static const json kEmpty = json::array();
    auto it = j.find(key);
    if (it == j.end()) return &kEmpty;
    if (!it->is_array()) return tl::unexpected(Error(key, "needs an array"));
    return &*it;
  }

 private:
  std::string file_;
};

}  // namespace

DayRange RangeOf(const time::EdtfValue& value) {
  time::Bounds b = time::BoundsOf(value);
  return {b.earliest, b.latest};
}

base::Result<DayRange> RangeOfEdtf(std::string_view edtf) {
  auto value = time::ParseEdtf(edtf);
  if (value) return RangeOf(*value);
  // A season as an interval end ("../2012-22"): read as every other Sijill reader reads it.
  if (auto months = time::GroupingEndsAsMonths(edtf)) {
    if (auto rewritten = time::ParseEdtf(*months)) return RangeOf(*rewritten);
  }
  return tl::unexpected(value.error());
}

base::Result<Gold> ParseGold(std::string_view json_text, std::string_view file_name) {
  GoldReader r(file_name);
  json j = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded())
    return tl::unexpected(base::Status::InvalidArgument(fmt::format("{}: not JSON", file_name)));
  if (!j.is_object()) return tl::unexpected(r.Error("top level", "needs an object"));
  Gold g;
  ASSIGN_OR_RETURN(g.source, r.String(j, "source", ""));
  ASSIGN_OR_RETURN(auto language, r.OptionalString(j, "language", ""));
  g.language = language.value_or("");
  ASSIGN_OR_RETURN(g.document_date, r.OptionalString(j, "document_date", ""));
  if (g.document_date) {
    auto checked = ingest::ValidateDocumentDate(*g.document_date);
    if (checked) {
      g.document_date = *checked;
    } else {
      g.warnings.push_back(fmt::format("{}: document_date: \"{}\" is not a date; scored as null",
                                       file_name, *g.document_date));
      g.document_date.reset();
    }
  }

  ASSIGN_OR_RETURN(const json* entities, r.Array(j, "entities"));
  std::map<std::string, size_t> ids;
  for (size_t i = 0; i < entities->size(); ++i) {
    ASSIGN_OR_RETURN(GoldEntity e, r.Entity((*entities)[i], fmt::format("entities[{}]", i)));
    ids.emplace(e.id, g.entities.size());
    g.entities.push_back(std::move(e));
  }
  ASSIGN_OR_RETURN(const json* dates, r.Array(j, "dates"));
  for (size_t i = 0; i < dates->size(); ++i) {
    ASSIGN_OR_RETURN(GoldDate d, r.Date((*dates)[i], fmt::format("dates[{}]", i)));
    g.dates.push_back(std::move(d));
  }
  ASSIGN_OR_RETURN(const json* claims, r.Array(j, "claims"));
  for (size_t i = 0; i < claims->size(); ++i) {
    ASSIGN_OR_RETURN(GoldClaim c, r.Claim((*claims)[i], fmt::format("claims[{}]", i), ids));
    g.claims.push_back(std::move(c));
  }
  return g;
}

Predictions PredictionsFromGold(const Gold& gold) {
  Predictions p;
  for (const GoldEntity& e : gold.entities) p.entities.push_back({e.type, e.canonical, e.mentions});
  for (const GoldClaim& c : gold.claims) {
    PredictedClaim pc;
    pc.subject = c.subject;
    pc.predicate = c.predicate;
    pc.object = c.object;
    pc.time = c.time;
    pc.evidence = c.evidence.value_or(knowledge::Evidence::kFirstHand);
    pc.status = knowledge::ClaimStatus::kCandidate;
    p.claims.push_back(std::move(pc));
  }
  return p;
}

}  // namespace sijill::eval
