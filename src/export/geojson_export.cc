// The GeoJSON export (RFC 7946; docs/formats/exports.md, "GeoJSON"), for QGIS and web
// maps: a FeatureCollection with one Feature per place entity, a Point at [longitude,
// latitude] (geometry null for a place with no coordinates yet), and properties: id,
// name, aliases, and "claims", every accepted claim whose subject or object is the
// place, whole with its citations (knowledge-json form).
#include <map>

#include "export/writers.h"
#include "knowledge/knowledge_json.h"

namespace sijill::exporter {
namespace {

using nlohmann::json;

}  // namespace

base::Status WriteGeojson(WriteContext& ctx) {
  ASSIGN_OR_RETURN(std::ostream * out, ctx.out.Open("places.geojson"));
  // Places first (their count is small beside the claims), then the claims at them.
  // Claims are kept as their JSON text: a parsed value costs several times its size.
  struct Place {
    json feature;
    std::vector<std::string> claims;
  };
  std::map<std::string, Place> places;
  std::vector<std::string> order;
  TRY(ForEachShownEntity(ctx, [&](const knowledge::Entity& e) {
    if (e.type != knowledge::EntityType::kPlace) return true;
    json aliases = json::array();
    for (const auto& a : e.aliases) aliases.push_back(a.name);
    json feature = {{"type", "Feature"},
                    {"id", e.id.ToString()},
                    {"geometry", nullptr},
                    {"properties",
                     {{"id", e.id.ToString()},
                      {"name", e.name},
                      {"aliases", aliases},
                      {"claims", json::array()}}}};
    if (e.latitude && e.longitude) {
      feature["geometry"] = {{"type", "Point"}, {"coordinates", {*e.longitude, *e.latitude}}};
    }
    if (e.merged_into) feature["properties"]["merged_into"] = e.merged_into->ToString();
    places.emplace(e.id.ToString(), Place{std::move(feature), {}});
    order.push_back(e.id.ToString());
    return true;
  }));
  TRY(ForEachShownClaim(ctx, Statuses::kAccepted, [&](const knowledge::Claim& c) {
    for (const auto& id : {c.subject.ToString(), c.object ? c.object->ToString() : ""}) {
      auto it = places.find(id);
      if (it != places.end()) it->second.claims.push_back(knowledge::ToJson(c).dump());
    }
    return true;
  }));
  *out << "{\"type\":\"FeatureCollection\",\"features\":[";
  for (size_t i = 0; i < order.size(); ++i) {
    // The feature without its claims, then the claims spliced into its empty array.
    Place& place = places[order[i]];
    std::string feature = place.feature.dump();
    const std::string empty = "\"claims\":[]";
    size_t at = feature.find(empty);
    *out << (i ? ",\n" : "\n") << feature.substr(0, at + empty.size() - 1);
    for (size_t k = 0; k < place.claims.size(); ++k) *out << (k ? "," : "") << place.claims[k];
    *out << feature.substr(at + empty.size() - 1);
    place = Place{};
  }
  *out << "\n]}\n";
  return base::Status::Ok();
}

}  // namespace sijill::exporter
