#include "export/source_json.h"

#include <fmt/format.h>

namespace sijill::exporter {

using nlohmann::json;

json SourceToJson(const store::SourceRecord& s) {
  json j = {{"id", s.id.ToString()},
            {"sha256", s.sha256},
            {"size", s.size},
            {"format", s.format},
            {"original_name", s.original_name},
            {"kind", s.kind},
            {"access", store::AccessLevelName(s.access)},
            {"text_sha256", s.text_sha256},
            {"text_length", s.text_length},
            {"passage_count", s.passage_count},
            {"added_at", s.added_at}};
  auto put = [&](const char* key, const std::optional<std::string>& v) {
    if (v) j[key] = *v;
  };
  put("title", s.title);
  put("language", s.language);
  put("document_date", s.document_date);
  put("place", s.place);
  put("witness", s.witness);
  return j;
}

base::Result<store::SourceRecord> SourceFromJson(const json& j, std::string_view where) {
  auto fail = [&](std::string_view key, std::string_view problem) {
    return base::Error(
        base::Status::InvalidArgument(fmt::format("{}.{}: {}", where, key, problem)));
  };
  if (!j.is_object()) {
    return base::Error(base::Status::InvalidArgument(fmt::format("{}: expected an object", where)));
  }
  store::SourceRecord s;
  for (const char* key : {"id", "sha256", "access"}) {
    if (!j.contains(key) || !j[key].is_string()) return fail(key, "expected a string");
  }
  auto id = base::Id::Parse(j["id"].get<std::string>());
  if (!id) return fail("id", fmt::format("'{}' is not an id", j["id"].get<std::string>()));
  s.id = *id;
  s.sha256 = j["sha256"];
  auto access = store::ParseAccessLevel(j["access"].get<std::string>());
  if (!access) return fail("access", "expected public, restricted or confidential");
  s.access = *access;
  auto text = [&](const char* key) -> std::optional<std::string> {
    if (j.contains(key) && j[key].is_string()) return j[key].get<std::string>();
    return std::nullopt;
  };
  auto number = [&](const char* key) -> uint64_t {
    return j.contains(key) && j[key].is_number_unsigned() ? j[key].get<uint64_t>() : 0;
  };
  s.size = number("size");
  s.format = text("format").value_or("");
  s.original_name = text("original_name").value_or("");
  s.kind = text("kind").value_or("");
  s.text_sha256 = text("text_sha256").value_or("");
  s.text_length = number("text_length");
  s.passage_count = static_cast<uint32_t>(number("passage_count"));
  s.added_at = text("added_at").value_or("");
  s.title = text("title");
  s.language = text("language");
  s.document_date = text("document_date");
  s.place = text("place");
  s.witness = text("witness");
  return s;
}

}  // namespace sijill::exporter
