#include "cli/json_records.h"

namespace sijill::cli {
namespace {
nlohmann::json Optional(const std::optional<std::string>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}
}  // namespace

nlohmann::json SourceJson(const store::SourceRecord& s) {
  return {{"id", s.id.ToString()},
          {"short_id", s.id.Short()},
          {"title", Optional(s.title)},
          {"kind", s.kind},
          {"language", Optional(s.language)},
          {"document_date", Optional(s.document_date)},
          {"place", Optional(s.place)},
          {"witness", Optional(s.witness)},
          {"access", std::string(store::AccessLevelName(s.access))},
          {"format", s.format},
          {"original_name", s.original_name},
          {"size", s.size},
          {"sha256", s.sha256},
          {"text_sha256", s.text_sha256},
          {"text_length", s.text_length},
          {"passage_count", s.passage_count},
          {"added_at", s.added_at}};
}

nlohmann::json PassageJson(const store::PassageRecord& p) {
  return {{"id", p.source.ToString() + ":" + std::to_string(p.ordinal)},
          {"source", p.source.ToString()},
          {"ordinal", p.ordinal},
          {"start", p.cp_begin},
          {"end", p.cp_end},
          {"text", p.text}};
}

nlohmann::json SearchHitJson(const store::SearchHit& h) {
  nlohmann::json marks = nlohmann::json::array();
  for (const auto& [begin, end] : h.marks) marks.push_back({begin, end});
  return {{"passage", h.source.ToString() + ":" + std::to_string(h.ordinal)},
          {"source", h.source.ToString()},
          {"source_title", Optional(h.source_title)},
          {"ordinal", h.ordinal},
          {"start", h.cp_begin},
          {"end", h.cp_end},
          {"rank", h.rank},
          {"snippet", h.snippet},
          {"marks", marks}};
}

std::string DumpJson(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace sijill::cli
