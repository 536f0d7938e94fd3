#include "query/name_lookup.h"

#include <algorithm>
#include <map>
#include <set>

namespace sijill::query {
namespace {

// Candidates read from the store per lookup: enough for every spelling of a name in any
// real archive, few enough to keep a lookup within milliseconds.
constexpr size_t kStoreCandidates = 50;
// How much lower a pair's name score may be when the two share a link.
constexpr double kLinkedAllowance = 0.1;

std::vector<std::string> NamesOf(const knowledge::Entity& e) {
  std::vector<std::string> names{e.name};
  for (const auto& a : e.aliases) names.push_back(a.name);
  return names;
}

// The best of `e`'s names against `query`.
NameCandidate Best(const resolve::AnalyzedName& query, const knowledge::Entity& e) {
  NameCandidate best;
  const auto names = NamesOf(e);
  for (size_t i = 0; i < names.size(); ++i) {
    const auto name = resolve::Analyze(names[i]);
    const auto m = resolve::Compare(query, name);
    if (i == 0 || m.score > best.score) {
      best.score = m.score;
      best.matched_name = names[i];
      best.alias = i > 0;
      best.how = resolve::Explain(query, name, m);
    }
  }
  best.entity = e;
  return best;
}

// The other ends of `e`'s accepted and candidate claims, as "predicate id".
base::Result<std::set<std::string>> Links(store::KnowledgeStore& store,
                                          const knowledge::Entity& e) {
  store::ClaimFilter filter;
  filter.subject = e.id;
  filter.statuses = {knowledge::ClaimStatus::kAccepted, knowledge::ClaimStatus::kCandidate};
  ASSIGN_OR_RETURN(auto claims, store.FindClaims(filter));
  std::set<std::string> links;
  for (const auto& c : claims) {
    if (c.object)
      links.insert(std::string(knowledge::Name(c.predicate)) + " " + c.object->ToString());
  }
  return links;
}

// Fills `s.shared` with the links both entities have, named.
base::Status AddSharedLinks(store::KnowledgeStore& store, MergeSuggestion& s) {
  ASSIGN_OR_RETURN(auto a, Links(store, s.first));
  ASSIGN_OR_RETURN(auto b, Links(store, s.second));
  for (const auto& link : a) {
    if (b.count(link) == 0) continue;
    const size_t space = link.find(' ');
    auto id = base::Id::Parse(std::string_view(link).substr(space + 1));
    if (!id) continue;
    ASSIGN_OR_RETURN(auto object, store.GetEntity(*id));
    s.shared.push_back(link.substr(0, space) + " " + object.name);
  }
  return base::Status::Ok();
}

// The closest pair of names of two entities.
MergeSuggestion Closest(const knowledge::Entity& a, const knowledge::Entity& b) {
  MergeSuggestion s;
  s.first = a;
  s.second = b;
  for (const auto& na : NamesOf(a)) {
    const auto x = resolve::Analyze(na);
    for (const auto& nb : NamesOf(b)) {
      const auto y = resolve::Analyze(nb);
      const double score = resolve::MutualSimilarity(x, y);
      if (score > s.score) {
        s.score = score;
        s.first_name = na;
        s.second_name = nb;
        s.how = resolve::Explain(y, x, resolve::Compare(y, x));
      }
    }
  }
  return s;
}

}  // namespace

base::Result<std::vector<NameCandidate>> LookupName(store::KnowledgeStore& store,
                                                    std::string_view typed,
                                                    std::optional<knowledge::EntityType> type,
                                                    size_t limit, double min_score) {
  const auto query = resolve::Analyze(typed);
  if (query.tokens.empty()) return std::vector<NameCandidate>{};
  ASSIGN_OR_RETURN(auto entities, store.FindEntitiesByNameTokens(typed, type, kStoreCandidates));
  std::vector<NameCandidate> out;
  for (const auto& e : entities) {
    NameCandidate c = Best(query, e);
    if (c.score >= min_score && c.score > 0) out.push_back(std::move(c));
  }
  std::stable_sort(out.begin(), out.end(), [](const NameCandidate& a, const NameCandidate& b) {
    return a.score > b.score;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

base::Result<std::vector<MergeSuggestion>> SuggestMerges(store::KnowledgeStore& store,
                                                         std::optional<knowledge::EntityType> type,
                                                         size_t limit, double min_score) {
  std::vector<knowledge::Entity> roots;
  TRY(store.ForEachEntity(type, [&](const knowledge::Entity& e) {
    if (!e.merged_into) roots.push_back(e);
    return true;
  }));
  std::map<base::Id, size_t> order;
  for (size_t i = 0; i < roots.size(); ++i) order[roots[i].id] = i;
  std::vector<MergeSuggestion> out;
  for (size_t i = 0; i < roots.size(); ++i) {
    std::set<base::Id> seen;
    for (const auto& name : NamesOf(roots[i])) {
      ASSIGN_OR_RETURN(auto found,
                       store.FindEntitiesByNameTokens(name, roots[i].type, kStoreCandidates));
      for (const auto& other : found) {
        auto it = order.find(other.id);  // roots only, each pair once
        if (it == order.end() || it->second <= i || !seen.insert(other.id).second) continue;
        MergeSuggestion s = Closest(roots[i], other);
        if (s.score < min_score - kLinkedAllowance) continue;
        TRY(AddSharedLinks(store, s));
        if (s.score >= min_score || !s.shared.empty()) out.push_back(std::move(s));
      }
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const MergeSuggestion& a, const MergeSuggestion& b) {
    return a.score > b.score;
  });
  if (out.size() > limit) out.resize(limit);
  return out;
}

}  // namespace sijill::query
