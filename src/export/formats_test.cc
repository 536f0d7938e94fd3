// Validity of the publishing formats: GraphML parses as XML (libxml2) with declared keys
// and edges between existing nodes; GeoJSON and FollowTheMoney lines parse as JSON with
// the right structure; Popolo memberships reference existing persons and organizations;
// every format keeps the evidence (each claim's sources and quotes).
#include <gtest/gtest.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "export/exporter.h"
#include "export/testing/knowledge_fixture.h"

namespace sijill::exporter {
namespace {

using nlohmann::json;
using testing::KnowledgeFixture;
using testing::ReadFile;

class Formats : public ::testing::Test {
 protected:
  void SetUp() override { ASSERT_TRUE(fixture_.ok()) << fixture_.error(); }

  std::string Export(Format format, store::AccessLevel level = store::AccessLevel::kConfidential) {
    std::string name =
        std::string(FormatName(format)) + "-" + std::string(store::AccessLevelName(level));
    auto r = exporter::Export(fixture_.archive().store(), {format, level, "t"}, tmp_.Path(name));
    EXPECT_TRUE(r) << r.error().message();
    return ReadFile(tmp_.Path(name));
  }

  base::testing::TempDir tmp_;
  KnowledgeFixture fixture_{tmp_, KnowledgeFixture::Protected::kWitness};
};

// libxml2's BAD_CAST is a C cast; this is the same, spelled for C++.
const xmlChar* X(const char* text) { return reinterpret_cast<const xmlChar*>(text); }

std::string Attr(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  std::string s = v ? reinterpret_cast<const char*>(v) : "";
  xmlFree(v);
  return s;
}

TEST_F(Formats, GraphmlIsXmlWithDeclaredKeysAndEdgesBetweenNodes) {
  std::string text = Export(Format::kGraphml);
  xmlDoc* doc = xmlReadMemory(text.data(), static_cast<int>(text.size()), "g.graphml", nullptr,
                              XML_PARSE_NONET);
  ASSERT_NE(doc, nullptr) << "not well-formed XML";
  xmlNode* root = xmlDocGetRootElement(doc);
  EXPECT_STREQ(reinterpret_cast<const char*>(root->name), "graphml");
  std::set<std::string> keys, nodes, used_keys;
  std::vector<std::pair<std::string, std::string>> edges;
  size_t edges_with_citations = 0;
  for (xmlNode* n = root->children; n; n = n->next) {
    if (n->type != XML_ELEMENT_NODE) continue;
    if (xmlStrEqual(n->name, X("key"))) keys.insert(Attr(n, "id"));
    if (!xmlStrEqual(n->name, X("graph"))) continue;
    for (xmlNode* g = n->children; g; g = g->next) {
      if (g->type != XML_ELEMENT_NODE) continue;
      if (xmlStrEqual(g->name, X("node"))) nodes.insert(Attr(g, "id"));
      if (xmlStrEqual(g->name, X("edge"))) edges.emplace_back(Attr(g, "source"), Attr(g, "target"));
      for (xmlNode* d = g->children; d; d = d->next) {
        if (d->type != XML_ELEMENT_NODE) continue;
        used_keys.insert(Attr(d, "key"));
        if (Attr(d, "key") == "citations") {
          xmlChar* content = xmlNodeGetContent(d);
          auto cites = json::parse(reinterpret_cast<const char*>(content));
          xmlFree(content);
          if (!cites.empty() && cites[0].contains("quote")) ++edges_with_citations;
        }
      }
    }
  }
  xmlFreeDoc(doc);
  for (const auto& k : used_keys) EXPECT_TRUE(keys.count(k)) << "undeclared key " << k;
  EXPECT_EQ(edges.size(), 6u);  // accepted claims
  EXPECT_EQ(edges_with_citations, 6u);
  for (const auto& [s, t] : edges) {
    EXPECT_TRUE(nodes.count(s)) << s;
    EXPECT_TRUE(nodes.count(t)) << t;
  }
  // The literal object's quotes survived escaping.
  EXPECT_NE(text.find("a checkpoint, &quot;the 7th&quot;"), std::string::npos);
}

TEST_F(Formats, GeojsonHasPointsAndTheClaimsAtEachPlace) {
  json doc = json::parse(Export(Format::kGeojson));
  EXPECT_EQ(doc["type"], "FeatureCollection");
  ASSERT_EQ(doc["features"].size(), 1u);
  const json& hama = doc["features"][0];
  EXPECT_EQ(hama["type"], "Feature");
  EXPECT_EQ(hama["geometry"]["type"], "Point");
  EXPECT_EQ(hama["geometry"]["coordinates"], json::array({36.7578, 35.1318}));  // lon, lat
  EXPECT_EQ(hama["properties"]["name"], "Hama");
  ASSERT_EQ(hama["properties"]["claims"].size(), 1u);  // located_at (occurred_at is a candidate)
  EXPECT_EQ(hama["properties"]["claims"][0]["citations"][0]["quote"],
            "The 47th Brigade had its base in Hama.");
}

TEST_F(Formats, FtmLinesAreEntitiesWithStringArrayProperties) {
  std::istringstream lines(Export(Format::kFtm));
  std::string line;
  std::set<std::string> ids;
  std::vector<json> links;
  std::map<std::string, int> schemata;
  while (std::getline(lines, line)) {
    json e = json::parse(line);
    ASSERT_TRUE(e["id"].is_string());
    ASSERT_TRUE(e["schema"].is_string());
    ASSERT_TRUE(e["properties"].is_object());
    for (const auto& [key, values] : e["properties"].items()) {
      ASSERT_TRUE(values.is_array()) << key;
      for (const auto& v : values) ASSERT_TRUE(v.is_string()) << key;
    }
    ids.insert(e["id"]);
    ++schemata[e["schema"]];
    if (e["properties"].contains("recordId")) links.push_back(e);
  }
  EXPECT_EQ(schemata["Person"], 2);
  EXPECT_EQ(schemata["Organization"], 3);
  EXPECT_EQ(schemata["Address"], 1);
  EXPECT_EQ(schemata["Event"], 1);
  EXPECT_EQ(schemata["Directorship"], 1);
  EXPECT_EQ(schemata["Membership"], 2);  // member_of, subordinate_to
  EXPECT_EQ(schemata["UnknownLink"], 3);
  for (const auto& link : links) {
    for (const char* ref : {"director", "organization", "member", "subject", "object"}) {
      if (!link["properties"].contains(ref)) continue;
      EXPECT_TRUE(ids.count(link["properties"][ref][0])) << ref;
    }
    EXPECT_TRUE(link["properties"].contains("sourceUrl"));
    bool quoted = false;
    for (const auto& s : link["properties"]["summary"]) quoted |= s.get<std::string>()[0] == '"';
    EXPECT_TRUE(quoted) << link.dump();
  }
}

TEST_F(Formats, PopoloMembershipsReferenceExistingPersonsAndOrganizations) {
  json doc = json::parse(Export(Format::kPopolo));
  std::set<std::string> persons, organizations, posts;
  for (const auto& p : doc["persons"]) persons.insert(p["id"]);
  for (const auto& o : doc["organizations"]) organizations.insert(o["id"]);
  for (const auto& p : doc["posts"]) {
    posts.insert(p["id"]);
    EXPECT_TRUE(organizations.count(p["organization_id"]));
  }
  ASSERT_EQ(doc["memberships"].size(), 3u);
  for (const auto& m : doc["memberships"]) {
    // Exactly one member: a person or (subordinate_to) an organization.
    EXPECT_NE(m.contains("person_id"), m.contains("member"));
    EXPECT_TRUE(!m.contains("person_id") || persons.count(m["person_id"]));
    EXPECT_TRUE(!m.contains("member") || organizations.count(m["member"]["id"]));
    EXPECT_TRUE(organizations.count(m["organization_id"]));
    EXPECT_TRUE(!m.contains("post_id") || posts.count(m["post_id"]));
    EXPECT_FALSE(m["sources"].empty());
    EXPECT_FALSE(m["sijill:citations"].empty());
    // Exact days only: "2012-11-01/2012-12-31" has both; "2012-23" (fall) and
    // "2012/2013" none, and keep their EDTF.
    std::string time = m["sijill:time"];
    if (time == "2012-11-01/2012-12-31") {
      EXPECT_EQ(m["start_date"], "2012-11-01");
      EXPECT_EQ(m["end_date"], "2012-12-31");
    } else {
      EXPECT_FALSE(m.contains("start_date")) << time;
      EXPECT_FALSE(m.contains("end_date")) << time;
    }
  }
  EXPECT_EQ(doc["sijill:claims"].size(), 3u);  // located_at, deployed_to, detained_at
}

}  // namespace
}  // namespace sijill::exporter
