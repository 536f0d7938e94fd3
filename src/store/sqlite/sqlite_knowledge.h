// The SQLite implementation of KnowledgeStore and KnowledgeWriter (schema: migration
// 2 -> 3 in migrations.cc). One object serves both; writes are only made inside the
// store's open write transaction. Used by one thread at a time.
#pragma once

#include <memory>

#include "store/knowledge_store.h"
#include "store/sqlite/connection.h"

namespace sijill::store::sqlite {

// A claim's subject and object as entity rowids.
struct ClaimEnds {
  int64_t subject = 0;
  std::optional<int64_t> object;
};

class SqliteKnowledge : public KnowledgeStore, public KnowledgeWriter {
 public:
  explicit SqliteKnowledge(Connection& conn);
  ~SqliteKnowledge() override;

  // KnowledgeWriter
  base::Status AddEntity(const knowledge::Entity& entity) override;
  base::Status UpdateEntity(const knowledge::Entity& entity) override;
  base::Status AddClaim(const knowledge::Claim& claim) override;
  base::Status UpdateClaim(const knowledge::Claim& claim) override;
  base::Result<uint64_t> AppendHistory(const knowledge::HistoryEvent& event) override;

  // KnowledgeStore
  base::Result<knowledge::Entity> GetEntity(const base::Id& id) override;
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameKey(
      std::string_view name_key, std::optional<knowledge::EntityType> type, size_t limit) override;
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByNameTokens(
      std::string_view name, std::optional<knowledge::EntityType> type, size_t limit) override;
  base::Result<std::vector<knowledge::Entity>> FindEntitiesByIdPrefix(std::string_view prefix,
                                                                      size_t limit) override;
  base::Result<std::vector<base::Id>> EntityGroup(const base::Id& id) override;
  base::Status ForEachEntity(std::optional<knowledge::EntityType> type,
                             const std::function<bool(const knowledge::Entity&)>& visit) override;
  base::Result<knowledge::Claim> GetClaim(const base::Id& id) override;
  base::Result<std::vector<base::Id>> FindClaimsByIdPrefix(std::string_view prefix,
                                                           size_t limit) override;
  base::Result<std::vector<knowledge::Claim>> FindClaims(const ClaimFilter& filter) override;
  base::Status ForEachClaim(const ClaimFilter& filter,
                            const std::function<bool(const knowledge::Claim&)>& visit) override;
  base::Result<uint64_t> CountEntities() override;
  base::Result<uint64_t> CountClaims(const ClaimFilter& filter) override;
  base::Result<std::vector<knowledge::HistoryEvent>> History(const base::Id& object) override;
  base::Status ForEachHistory(
      const std::function<bool(const knowledge::HistoryEvent&)>& visit) override;

 private:
  struct Cache;  // prepared statements, reused across calls
  // The statement in `slot`, prepared on first use and reset on every later one.
  base::Result<Statement*> Prepared(std::optional<Statement>& slot, std::string_view sql);
  base::Result<int64_t> EntityRowid(const base::Id& id, std::string_view field);
  base::Result<int64_t> SourceRowid(const base::Id& id);
  base::Status WriteNames(int64_t rowid, const knowledge::Entity& entity);
  base::Status WriteCitations(int64_t claim_rowid, const knowledge::Claim& claim);
  base::Status RecomputeRoots(int64_t old_root);
  base::Result<knowledge::Entity> ReadEntity(Statement& row);
  base::Result<std::vector<knowledge::Entity>> ReadEntities(Statement& rows);
  // kInvalidArgument "subject: no entity ..." / "object: ..." when an end does not exist.
  base::Result<ClaimEnds> EndsOf(const knowledge::Claim& claim);
  base::Status ReadCitations(int64_t claim_rowid, knowledge::Claim* claim);
  base::Result<std::vector<knowledge::Claim>> QueryClaims(const ClaimFilter& filter,
                                                          bool by_subject);

  Connection& conn_;
  std::unique_ptr<Cache> cache_;
};

}  // namespace sijill::store::sqlite
