// The GraphML export (docs/formats/exports.md, "GraphML"), for Gephi and other graph
// tools. Nodes are entities (type, name, aliases, coordinates, merged_into), edges are
// accepted claims from subject to object (predicate, role, rank, time as EDTF, evidence,
// confidence, sources, and citations as JSON text). A claim whose object is a literal
// gets a node of type "literal" of its own. Every attribute is declared with a <key>.
#include <fmt/format.h>

#include <nlohmann/json.hpp>

#include "base/utf8.h"
#include "export/markup.h"
#include "export/writers.h"
#include "knowledge/knowledge_json.h"

namespace sijill::exporter {
namespace {

struct Key {
  const char* id;
  const char* for_what;
  const char* type;
};

constexpr Key kKeys[] = {
    {"type", "node", "string"},        {"name", "node", "string"},
    {"aliases", "node", "string"},     {"latitude", "node", "double"},
    {"longitude", "node", "double"},   {"side", "node", "string"},
    {"merged_into", "node", "string"}, {"predicate", "edge", "string"},
    {"role", "edge", "string"},        {"rank", "edge", "string"},
    {"time", "edge", "string"},        {"evidence", "edge", "string"},
    {"confidence", "edge", "string"},  {"sources", "edge", "string"},
    {"citations", "edge", "string"},   {"note", "edge", "string"},
};

void Data(std::ostream& out, const char* key, std::string_view value) {
  out << "<data key=\"" << key << "\">" << Markup(value) << "</data>";
}

void Node(std::ostream& out, const knowledge::Entity& e) {
  out << "<node id=\"" << e.id.ToString() << "\">";
  Data(out, "type", knowledge::Name(e.type));
  Data(out, "name", e.name);
  if (!e.aliases.empty()) {
    std::string aliases;
    for (const auto& a : e.aliases) aliases += (aliases.empty() ? "" : " | ") + a.name;
    Data(out, "aliases", aliases);
  }
  if (e.latitude) Data(out, "latitude", fmt::format("{}", *e.latitude));
  if (e.longitude) Data(out, "longitude", fmt::format("{}", *e.longitude));
  if (e.side) Data(out, "side", *e.side);
  if (e.merged_into) Data(out, "merged_into", e.merged_into->ToString());
  out << "</node>\n";
}

void Edge(std::ostream& out, const knowledge::Claim& c) {
  std::string target = c.object ? c.object->ToString() : "literal-" + c.id.ToString();
  if (!c.object) {
    out << "<node id=\"" << target << "\">";
    Data(out, "type", "literal");
    Data(out, "name", c.object_text.value_or(""));
    out << "</node>\n";
  }
  out << "<edge id=\"" << c.id.ToString() << "\" source=\"" << c.subject.ToString()
      << "\" target=\"" << target << "\">";
  Data(out, "predicate", knowledge::Name(c.predicate));
  if (c.role) Data(out, "role", *c.role);
  if (c.rank) Data(out, "rank", *c.rank);
  if (c.time) Data(out, "time", *c.time);
  Data(out, "evidence", knowledge::Name(c.evidence));
  Data(out, "confidence", knowledge::Name(c.confidence));
  Data(out, "sources", fmt::format("{}", fmt::join(CitedSources(c), ";")));
  nlohmann::json citations = nlohmann::json::array();
  for (const auto& cite : c.citations) citations.push_back(knowledge::ToJson(cite));
  Data(out, "citations", citations.dump());
  if (c.note) Data(out, "note", *c.note);
  out << "</edge>\n";
}

}  // namespace

base::Status WriteGraphml(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("graph.graphml"));
  *out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\">\n";
  for (const Key& k : kKeys) {
    *out << "<key id=\"" << k.id << "\" for=\"" << k.for_what << "\" attr.name=\"" << k.id
         << "\" attr.type=\"" << k.type << "\"/>\n";
  }
  *out << "<graph id=\"sijill\" edgedefault=\"directed\">\n";
  TRY(ForEachShownEntity(ctx, [&](const knowledge::Entity& e) {
    Node(*out, e);
    return true;
  }));
  TRY(ForEachShownClaim(ctx, Statuses::kAccepted, [&](const knowledge::Claim& c) {
    Edge(*out, c);
    return true;
  }));
  *out << "</graph>\n</graphml>\n";
  return base::Status::Ok();
}

}  // namespace sijill::exporter
