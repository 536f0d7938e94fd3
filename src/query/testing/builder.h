// A small knowledge base written by hand for example tests: entities and claims added
// to a MemoryKnowledgeStore with sequential ids, so expected rows can name them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "query/testing/memory_knowledge_store.h"
#include "store/records.h"

namespace sijill::query::testing {

// A constructor rather than an aggregate, so that tests may give only the first fields
// ({"2012"}) without -Wmissing-field-initializers.
struct ClaimSpec {
  ClaimSpec(std::optional<std::string> time_ = std::nullopt,
            std::optional<std::string> role_ = std::nullopt,
            knowledge::ClaimStatus status_ = knowledge::ClaimStatus::kAccepted,
            std::vector<base::Id> sources_ = {})
      : time(std::move(time_)),
        role(std::move(role_)),
        status(status_),
        sources(std::move(sources_)) {}
  std::optional<std::string> time;
  std::optional<std::string> role;
  knowledge::ClaimStatus status = knowledge::ClaimStatus::kAccepted;
  std::vector<base::Id> sources;  // one citation each; none: one of a default source
};

class Builder {
 public:
  // Ids 0000...01, 0000...02, ...: their order is the order of creation.
  base::Id NextId() {
    std::array<uint8_t, 16> bytes{};
    bytes[14] = static_cast<uint8_t>(++next_ >> 8);
    bytes[15] = static_cast<uint8_t>(next_);
    return base::Id::FromBytes(bytes);
  }
  base::Id Entity(knowledge::EntityType type, std::string name,
                  std::optional<std::string> side = std::nullopt) {
    knowledge::Entity e;
    e.id = NextId();
    e.type = type;
    e.name = std::move(name);
    e.side = std::move(side);
    store.Add(e);
    return e.id;
  }
  base::Id Unit(std::string name, std::optional<std::string> side = std::nullopt) {
    return Entity(knowledge::EntityType::kUnit, std::move(name), std::move(side));
  }
  base::Id Person(std::string name) { return Entity(knowledge::EntityType::kPerson, name); }
  base::Id Event(std::string name) { return Entity(knowledge::EntityType::kEvent, name); }
  base::Id Place(std::string name, std::optional<double> lat = std::nullopt,
                 std::optional<double> lon = std::nullopt) {
    knowledge::Entity e;
    e.id = NextId();
    e.type = knowledge::EntityType::kPlace;
    e.name = std::move(name);
    e.latitude = lat;
    e.longitude = lon;
    store.Add(e);
    return e.id;
  }
  // Makes `member` part of `root`'s merge group.
  void Merge(const base::Id& member, const base::Id& root) { store.Merge(member, root); }
  base::Id Source(std::optional<std::string> witness) {
    store::SourceRecord s;
    s.id = NextId();
    s.witness = std::move(witness);
    sources.push_back(s);
    return s.id;
  }
  base::Id Claim(const base::Id& subject, knowledge::Predicate predicate, const base::Id& object,
                 const ClaimSpec& spec = {}) {
    knowledge::Claim c;
    c.id = NextId();
    c.subject = subject;
    c.predicate = predicate;
    c.object = object;
    c.time = spec.time;
    c.role = spec.role;
    c.status = spec.status;
    std::vector<base::Id> cited = spec.sources;
    if (cited.empty()) {
      if (!default_source_) default_source_ = Source("default witness");
      cited.push_back(*default_source_);
    }
    for (const base::Id& s : cited) {
      c.citations.push_back({s, 0, 0, 7, "he said"});
    }
    store.Add(c);
    return c.id;
  }

  MemoryKnowledgeStore store;
  std::vector<store::SourceRecord> sources;

 private:
  int next_ = 0;
  std::optional<base::Id> default_source_;
};

}  // namespace sijill::query::testing
