// The knowledge layer in the database: entities with their aliases, claims with their
// citations, and the history of every change. Reached through Store::knowledge() for
// reads and WriteTransaction::knowledge() for writes, so that a knowledge change commits
// together with its custody log entry. Same threading rules as Store.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string_view>
#include <vector>

#include "base/id.h"
#include "base/status.h"
#include "knowledge/model.h"

namespace sijill::store {

// Which claims FindClaims returns. Unset fields match everything. `subject` and `object`
// match the whole merge group of the entity given (see EntityGroup).
struct ClaimFilter {
  std::optional<base::Id> subject;
  std::optional<base::Id> object;
  std::optional<knowledge::Predicate> predicate;
  // Statuses to include; empty means accepted only.
  std::vector<knowledge::ClaimStatus> statuses;
};

class KnowledgeWriter {
 public:
  virtual ~KnowledgeWriter() = default;
  // Inserts an entity with its aliases. kAlreadyExists if its id is taken.
  virtual base::Status AddEntity(const knowledge::Entity& entity) = 0;
  // Replaces every field of an existing entity (matched by id) but id, type and
  // created_*; aliases are replaced as a whole. kNotFound if absent.
  virtual base::Status UpdateEntity(const knowledge::Entity& entity) = 0;
  // Inserts a claim with its citations. kInvalidArgument naming the field when the
  // subject or object entity does not exist, or a citation's source does not.
  virtual base::Status AddClaim(const knowledge::Claim& claim) = 0;
  // Replaces every field of an existing claim but id and created_*; citations as a whole.
  virtual base::Status UpdateClaim(const knowledge::Claim& claim) = 0;
  // Appends to the history; returns the event's seq.
  virtual base::Result<uint64_t> AppendHistory(const knowledge::HistoryEvent& event) = 0;
};

class KnowledgeStore {
 public:
  virtual ~KnowledgeStore() = default;

  // kNotFound if there is none.
  virtual base::Result<knowledge::Entity> GetEntity(const base::Id& id) = 0;
  // Entities one of whose names (canonical or alias) has this knowledge::NameKey, of
  // `type` if given, merged ones included; at most `limit`.
  virtual base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameKey(
      std::string_view name_key, std::optional<knowledge::EntityType> type, size_t limit) = 0;
  // Entities (of `type` if given, merged ones included) one of whose names shares a
  // resolve key (resolve/skeleton.h, TokenKeys) with a token of `name`, or, for a typed
  // token of two key characters or more, has a token whose key starts with it ("Div" ->
  // "Division"): the candidates a caller then orders with resolve::Rank. Entities sharing
  // more of the typed tokens first; at most `limit`.
  virtual base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameTokens(
      std::string_view name, std::optional<knowledge::EntityType> type, size_t limit) = 0;
  // Entities whose id starts with `prefix` (see base::Id::NormalizePrefix).
  virtual base::Result<std::vector<knowledge::Entity>> FindEntitiesByIdPrefix(
      std::string_view prefix, size_t limit) = 0;
  // The root of `id`'s merge group (follow merged_into to the end) and every entity whose
  // chain ends there, root first. kNotFound if `id` does not exist.
  virtual base::Result<std::vector<base::Id>> EntityGroup(const base::Id& id) = 0;
  // Calls `visit` for every entity (of `type` if given) in the order added; stops early
  // if it returns false.
  virtual base::Status ForEachEntity(
      std::optional<knowledge::EntityType> type,
      const std::function<bool(const knowledge::Entity&)>& visit) = 0;

  virtual base::Result<knowledge::Claim> GetClaim(const base::Id& id) = 0;
  virtual base::Result<std::vector<base::Id>> FindClaimsByIdPrefix(std::string_view prefix,
                                                                   size_t limit) = 0;
  // Claims matching `filter`, in the order added, with their citations.
  virtual base::Result<std::vector<knowledge::Claim>> FindClaims(const ClaimFilter& filter) = 0;
  // Every claim matching `filter` (subject/object ignored), in the order added, streamed.
  virtual base::Status ForEachClaim(const ClaimFilter& filter,
                                    const std::function<bool(const knowledge::Claim&)>& visit) = 0;
  virtual base::Result<uint64_t> CountEntities() = 0;
  virtual base::Result<uint64_t> CountClaims(const ClaimFilter& filter) = 0;

  // The history of one entity or claim, oldest first.
  virtual base::Result<std::vector<knowledge::HistoryEvent>> History(const base::Id& object) = 0;
  // Every history event of the archive in seq order, streamed (exports); stops early if
  // `visit` returns false.
  virtual base::Status ForEachHistory(
      const std::function<bool(const knowledge::HistoryEvent&)>& visit) = 0;
};

}  // namespace sijill::store
