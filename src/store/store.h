// The storage seam of an archive's database. Everything the rest of Sijill reads or
// writes goes through Store; no SQL exists outside src/store/. The real implementation
// is SqliteStore (store/sqlite/); a PostgreSQL one will sit beside it for shared team
// archives. A Store object is used by one thread at a time; separate processes may
// read while one writes (the Archive's lock admits one writer).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/knowledge_store.h"
#include "store/records.h"
#include "text/search_query.h"

namespace sijill::store {

// A unit of work that is applied whole or not at all. Destroying it without Commit()
// rolls it back. Not thread-safe.
class WriteTransaction {
 public:
  virtual ~WriteTransaction() = default;
  // Inserts a source. kAlreadyExists if its id or sha256 is already present.
  virtual base::Status AddSource(const SourceRecord& source) = 0;
  // Replaces every field of an existing source (matched by id) but id and sha256.
  virtual base::Status UpdateSource(const SourceRecord& source) = 0;
  // Inserts a passage of a source added in this transaction, and indexes it.
  virtual base::Status AddPassage(const PassageRecord& passage) = 0;
  // Appends a custody log entry (canonical bytes, a JSON object, and its leaf hash, see
  // vault/custody.h) and returns its index; also stores the tree nodes the entry
  // completes (CustodyNodeRecord). The log is append-only: nothing can change or remove
  // an entry once committed.
  virtual base::Result<uint64_t> AppendCustody(std::string_view entry,
                                               std::string_view leaf_hash_hex) = 0;
  // Sets an archive-wide value (meta table), e.g. "verifier_key".
  virtual base::Status SetMeta(std::string_view key, std::string_view value) = 0;
  // Records a signed checkpoint. kAlreadyExists if one of that size exists.
  virtual base::Status AddCheckpoint(const CheckpointRecord& checkpoint) = 0;
  // Writes to the knowledge layer, in this transaction.
  virtual KnowledgeWriter& knowledge() = 0;
  // Makes every change durable. After an error nothing of the transaction remains.
  virtual base::Status Commit() = 0;
};

// Answers full-text queries over passages. Separate from Store so that another top-k
// strategy can replace the engine's own without touching callers.
class SearchIndex {
 public:
  virtual ~SearchIndex() = default;
  // Returns at most `limit` hits after skipping `offset`, best first.
  // Errors: kInvalidArgument for a query the engine cannot run (should not happen for a
  // query made by text::ParseSearchQuery), kIOError/kCorruption from the database.
  virtual base::Result<std::vector<SearchHit>> Search(const text::SearchQuery& query, size_t limit,
                                                      size_t offset) = 0;
};

class Store {
 public:
  virtual ~Store() = default;

  // Starts a write transaction. kUnavailable if the database is busy past the timeout.
  virtual base::Result<std::unique_ptr<WriteTransaction>> BeginWrite() = 0;

  // The source whose original has this SHA-256, if any.
  virtual base::Result<std::optional<SourceRecord>> FindSourceBySha256(std::string_view hex) = 0;
  // kNotFound if there is none.
  virtual base::Result<SourceRecord> GetSource(const base::Id& id) = 0;
  // Ids of sources whose id starts with `prefix` (normalized, see base::Id), at most
  // `limit` of them.
  virtual base::Result<std::vector<base::Id>> FindSourcesByPrefix(std::string_view prefix,
                                                                  size_t limit) = 0;
  // Every source, in the order they were added.
  virtual base::Result<std::vector<SourceRecord>> ListSources() = 0;
  // A source's passages in order. `only` restricts to one ordinal.
  virtual base::Result<std::vector<PassageRecord>> GetPassages(
      const base::Id& source, std::optional<uint32_t> only = std::nullopt) = 0;

  // An archive-wide value set by SetMeta, or nullopt.
  virtual base::Result<std::optional<std::string>> GetMeta(std::string_view key) = 0;
  // How many custody log entries there are.
  virtual base::Result<uint64_t> CustodySize() = 0;
  // Up to `limit` custody log entries from index `first`, in order.
  virtual base::Result<std::vector<CustodyRecord>> GetCustody(uint64_t first, size_t limit) = 0;
  // Up to `limit` custody log entries whose "objects" name `source_id` as their "source",
  // in order (an index lookup, without parsing; callers parse and check what it finds).
  virtual base::Result<std::vector<CustodyRecord>> FindCustodyForSource(std::string_view source_id,
                                                                        size_t limit) = 0;
  // The stored leaf hashes (64 hex digits each) of up to `limit` entries from `first`.
  virtual base::Result<std::vector<std::string>> GetCustodyLeafHashes(uint64_t first,
                                                                      size_t limit) = 0;
  // The stored hash (64 hex digits) of the tree node at (level, index); nullopt if the
  // archive has none (see CustodyNodeRecord). Stored, hence to be checked by the caller.
  virtual base::Result<std::optional<std::string>> GetCustodyNode(uint32_t level,
                                                                  uint64_t index) = 0;
  // Every stored tree node, by level then index (what `verify` checks).
  virtual base::Result<std::vector<CustodyNodeRecord>> ListCustodyNodes() = 0;
  // Every checkpoint, smallest tree first.
  virtual base::Result<std::vector<CheckpointRecord>> ListCheckpoints() = 0;

  // Checks the database's own structure (SQLite's integrity_check). kCorruption with
  // what it found.
  virtual base::Status CheckIntegrity() = 0;

  virtual SearchIndex& search() = 0;
  // Reads of the knowledge layer (entities, claims, citations, history).
  virtual KnowledgeStore& knowledge() = 0;

  // The archive's own id (made when it was created) and schema version.
  virtual base::Result<std::string> ArchiveId() = 0;
  virtual int SchemaVersion() const = 0;
};

}  // namespace sijill::store
