// Queries::Timeline and Queries::About: everything claimed about one entity's group.
#include <algorithm>
#include <set>
#include <unordered_set>

#include "query/entity_cache.h"
#include "query/queries.h"
#include "query/query_internal.h"

namespace sijill::query {
namespace {

struct Dated {
  knowledge::Claim claim;
  time::Bounds bounds;
};

bool DatedBefore(const Dated& a, const Dated& b) {
  int c = CompareByEarliest(a.bounds, b.bounds);
  return c != 0 ? c < 0 : a.claim.id < b.claim.id;
}

// Claims with the group of `entity` as subject or object, each once, in timeline order.
base::Result<std::vector<Dated>> ClaimsAbout(store::KnowledgeStore& store, const base::Id& entity,
                                             std::vector<knowledge::ClaimStatus> statuses) {
  std::vector<Dated> out;
  std::unordered_set<base::Id, IdHash> seen;
  for (int side = 0; side < 2; ++side) {
    store::ClaimFilter filter;
    filter.statuses = statuses;
    (side == 0 ? filter.subject : filter.object) = entity;
    ASSIGN_OR_RETURN(std::vector<knowledge::Claim> claims, store.FindClaims(filter));
    for (knowledge::Claim& claim : claims) {
      if (!seen.insert(claim.id).second) continue;
      ASSIGN_OR_RETURN(time::Bounds bounds, ClaimBounds(claim.time));
      out.push_back(Dated{std::move(claim), bounds});
    }
  }
  std::sort(out.begin(), out.end(), DatedBefore);
  return out;
}

}  // namespace

base::Result<std::vector<TimelineRow>> Queries::Timeline(const base::Id& entity) {
  EntityCache cache(store_);
  ASSIGN_OR_RETURN(const knowledge::Entity* root, cache.Root(entity));
  ASSIGN_OR_RETURN(std::vector<Dated> claims,
                   ClaimsAbout(store_, root->id, internal::Filter(options_, {}).statuses));
  std::vector<TimelineRow> rows;
  for (Dated& dated : claims) {
    TimelineRow row;
    ASSIGN_OR_RETURN(const knowledge::Entity* subject, cache.Root(dated.claim.subject));
    row.side = subject->id == root->id ? Side::kSubject : Side::kObject;
    if (row.side == Side::kObject) {
      row.other = *subject;
    } else if (dated.claim.object) {
      ASSIGN_OR_RETURN(const knowledge::Entity* object, cache.Root(*dated.claim.object));
      row.other = *object;
    }
    row.earliest = FormatDay(dated.bounds.earliest);
    row.latest = FormatDay(dated.bounds.latest);
    row.bounds = dated.bounds;
    row.claim = std::move(dated.claim);
    rows.push_back(std::move(row));
  }
  return rows;
}

base::Result<AboutAnswer> Queries::About(const base::Id& entity) {
  ASSIGN_OR_RETURN(std::vector<base::Id> group, store_.EntityGroup(entity));
  AboutAnswer answer;
  std::set<std::string> names;
  for (size_t i = 0; i < group.size(); ++i) {
    ASSIGN_OR_RETURN(knowledge::Entity e, store_.GetEntity(group[i]));
    if (i == 0) {
      names.insert(e.name);
    } else if (names.insert(e.name).second) {
      answer.aliases.push_back(knowledge::Alias{e.name, std::nullopt});
    }
    for (const knowledge::Alias& alias : e.aliases) {
      if (names.insert(alias.name).second) answer.aliases.push_back(alias);
    }
    (i == 0 ? answer.entity : answer.members.emplace_back()) = std::move(e);
  }
  using knowledge::ClaimStatus;
  ASSIGN_OR_RETURN(
      std::vector<Dated> claims,
      ClaimsAbout(store_, group.front(),
                  {ClaimStatus::kAccepted, ClaimStatus::kCandidate, ClaimStatus::kRejected}));
  for (Dated& dated : claims) {
    switch (dated.claim.status) {
      case ClaimStatus::kAccepted:
        answer.accepted.push_back(std::move(dated.claim));
        break;
      case ClaimStatus::kCandidate:
        answer.candidates.push_back(std::move(dated.claim));
        break;
      case ClaimStatus::kRejected:
        answer.rejected.push_back(std::move(dated.claim));
        break;
    }
  }
  return answer;
}

}  // namespace sijill::query
