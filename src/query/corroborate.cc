// Corroborate: claims agreeing on subject, predicate, object and time, resting on
// independent sources.
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "query/base_index.h"
#include "query/whole_base.h"

namespace sijill::query {
namespace {

struct Item {
  base::Id claim;
  time::Bounds bounds;
  std::vector<int> keys;  // interned independence keys of its citations
};

struct Group {
  base::Id subject;
  knowledge::Predicate predicate;
  std::optional<base::Id> object;
  std::optional<std::string> object_key;
  std::vector<Item> items;
};

std::string GroupKey(const base::Id& subject, knowledge::Predicate predicate,
                     const std::optional<base::Id>& object, const std::string& text_key) {
  std::string key(reinterpret_cast<const char*>(subject.bytes().data()), 16);
  key += static_cast<char>(predicate);
  if (object) {
    key += 'e';
    key.append(reinterpret_cast<const char*>(object->bytes().data()), 16);
  } else {
    key += 't';
    key += text_key;
  }
  return key;
}

// Splits a group into its connected sets of compatible times and keeps those resting on
// two or more independent keys.
void Components(Group& group, const std::vector<std::string>& key_names,
                std::vector<CorroborationGroup>& out) {
  std::sort(group.items.begin(), group.items.end(), [](const Item& a, const Item& b) {
    return internal::Lo(a.bounds) < internal::Lo(b.bounds);
  });
  size_t begin = 0;
  while (begin < group.items.size()) {
    time::Day reach = internal::Hi(group.items[begin].bounds);
    size_t end = begin + 1;
    while (end < group.items.size() && internal::Lo(group.items[end].bounds) <= reach) {
      reach = std::max(reach, internal::Hi(group.items[end].bounds));
      ++end;
    }
    std::set<std::string> keys;
    std::vector<base::Id> claims;
    for (size_t i = begin; i < end; ++i) {
      claims.push_back(group.items[i].claim);
      for (int k : group.items[i].keys) keys.insert(key_names[k]);
    }
    if (keys.size() >= 2) {
      std::sort(claims.begin(), claims.end());
      out.push_back(CorroborationGroup{group.subject,
                                       group.predicate,
                                       group.object,
                                       group.object_key,
                                       std::move(claims),
                                       {keys.begin(), keys.end()}});
    }
    begin = end;
  }
}

}  // namespace

WitnessOf WitnessesFrom(store::Store& store) {
  return [&store](const base::Id& source) -> base::Result<std::optional<std::string>> {
    ASSIGN_OR_RETURN(store::SourceRecord record, store.GetSource(source));
    return record.witness;
  };
}

std::string IndependenceKey(const base::Id& source, const std::optional<std::string>& witness) {
  if (witness) return "witness:" + knowledge::NameKey(*witness);
  return "source:" + source.ToString();
}

base::Result<std::vector<CorroborationGroup>> Corroborate(store::KnowledgeStore& store,
                                                          const WitnessOf& witness_of) {
  ASSIGN_OR_RETURN(internal::BaseIndex index, internal::BaseIndex::Read(store));
  std::unordered_map<std::string, Group> groups;
  IdMap<int> source_key;  // source id -> interned key
  std::unordered_map<std::string, int> key_ids;
  std::vector<std::string> key_names;
  base::Status failure;
  store::ClaimFilter filter;  // accepted only
  TRY(store.ForEachClaim(filter, [&](const knowledge::Claim& claim) {
    auto bounds = ClaimBounds(claim.time);
    if (!bounds) {
      failure = bounds.error();
      return false;
    }
    Item item{claim.id, *bounds, {}};
    for (const knowledge::Citation& citation : claim.citations) {
      auto it = source_key.find(citation.source);
      if (it == source_key.end()) {
        auto witness = witness_of(citation.source);
        if (!witness) {
          failure = witness.error();
          return false;
        }
        std::string name = IndependenceKey(citation.source, *witness);
        auto [k, added] = key_ids.emplace(name, static_cast<int>(key_names.size()));
        if (added) key_names.push_back(name);
        it = source_key.emplace(citation.source, k->second).first;
      }
      if (std::find(item.keys.begin(), item.keys.end(), it->second) == item.keys.end()) {
        item.keys.push_back(it->second);
      }
    }
    base::Id subject = index.Root(claim.subject);
    std::optional<base::Id> object;
    std::string text_key;
    if (claim.object) {
      object = index.Root(*claim.object);
    } else {
      text_key = knowledge::NameKey(claim.object_text.value_or(""));
    }
    Group& group = groups[GroupKey(subject, claim.predicate, object, text_key)];
    if (group.items.empty()) {
      group.subject = subject;
      group.predicate = claim.predicate;
      group.object = object;
      if (!object) group.object_key = text_key;
    }
    group.items.push_back(std::move(item));
    return true;
  }));
  if (!failure.ok()) return base::Error(failure);
  std::vector<CorroborationGroup> out;
  for (auto& [key, group] : groups) Components(group, key_names, out);
  std::sort(out.begin(), out.end(), [](const CorroborationGroup& a, const CorroborationGroup& b) {
    return std::tie(a.subject, a.predicate, a.object, a.object_key, a.claims.front()) <
           std::tie(b.subject, b.predicate, b.object, b.object_key, b.claims.front());
  });
  return out;
}

}  // namespace sijill::query
