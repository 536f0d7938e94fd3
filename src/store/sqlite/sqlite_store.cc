#include "store/sqlite/sqlite_store.h"

#include <fmt/format.h>
#include <sodium.h>

#include <algorithm>

#include "store/sqlite/connection.h"
#include "store/sqlite/migrations.h"
#include "store/sqlite/sqlite_custody.h"
#include "store/sqlite/sqlite_knowledge.h"
#include "store/sqlite/sqlite_search.h"

namespace sijill::store::sqlite {
namespace {

constexpr const char* kSourceColumns =
    "rowid, id, sha256, size, format, original_name, kind, title, language, document_date, "
    "place, witness, access, text_sha256, text_length, passage_count, added_at";

SourceRecord ReadSource(const Statement& s) {
  SourceRecord r;
  r.id = *base::Id::Parse(s.Text(1));
  r.sha256 = s.Text(2);
  r.size = static_cast<uint64_t>(s.Int(3));
  r.format = s.Text(4);
  r.original_name = s.Text(5);
  r.kind = s.Text(6);
  r.title = s.OptionalText(7);
  r.language = s.OptionalText(8);
  r.document_date = s.OptionalText(9);
  r.place = s.OptionalText(10);
  r.witness = s.OptionalText(11);
  r.access = ParseAccessLevel(s.Text(12)).value_or(AccessLevel::kConfidential);
  r.text_sha256 = s.Text(13);
  r.text_length = static_cast<uint64_t>(s.Int(14));
  r.passage_count = static_cast<uint32_t>(s.Int(15));
  r.added_at = s.Text(16);
  return r;
}

// Binds every field but the id and sha256 to ?3..?16 in kSourceColumns order.
void BindSourceFields(Statement& s, const SourceRecord& r) {
  s.Bind(3, static_cast<int64_t>(r.size))
      .Bind(4, r.format)
      .Bind(5, r.original_name)
      .Bind(6, r.kind)
      .BindOptional(7, r.title)
      .BindOptional(8, r.language)
      .BindOptional(9, r.document_date)
      .BindOptional(10, r.place)
      .BindOptional(11, r.witness)
      .Bind(12, AccessLevelName(r.access))
      .Bind(13, r.text_sha256)
      .Bind(14, static_cast<int64_t>(r.text_length))
      .Bind(15, static_cast<int64_t>(r.passage_count))
      .Bind(16, r.added_at);
}

class SqliteTransaction : public WriteTransaction {
 public:
  SqliteTransaction(Connection& conn, SqliteKnowledge& knowledge)
      : conn_(conn), knowledge_(knowledge) {}
  ~SqliteTransaction() override {
    if (!done_) (void)conn_.Exec("ROLLBACK");
  }

  base::Status AddSource(const SourceRecord& r) override {
    ASSIGN_OR_RETURN(auto s,
                     conn_.Prepare("INSERT INTO sources (id, sha256, size, format, original_name, "
                                   "kind, title, language, document_date, place, witness, access, "
                                   "text_sha256, text_length, passage_count, added_at) VALUES "
                                   "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, "
                                   "?15, ?16)"));
    s.Bind(1, r.id.ToString()).Bind(2, r.sha256);
    BindSourceFields(s, r);
    TRY(s.Run());
    source_rowid_ = conn_.LastInsertRowid();
    source_id_ = r.id;
    return base::Status::Ok();
  }

  base::Status UpdateSource(const SourceRecord& r) override {
    ASSIGN_OR_RETURN(auto s,
                     conn_.Prepare("UPDATE sources SET size = ?3, format = ?4, original_name = ?5, "
                                   "kind = ?6, title = ?7, language = ?8, document_date = ?9, "
                                   "place = ?10, witness = ?11, access = ?12, text_sha256 = ?13, "
                                   "text_length = ?14, passage_count = ?15, added_at = ?16 "
                                   "WHERE id = ?1"));
    s.Bind(1, r.id.ToString());
    BindSourceFields(s, r);
    TRY(s.Run());
    if (sqlite3_changes(conn_.raw()) != 1) {
      return base::Status::NotFound(fmt::format("no source {}", r.id.ToString()));
    }
    return base::Status::Ok();
  }

  base::Status AddPassage(const PassageRecord& p) override {
    if (p.source != source_id_) {
      return base::Status::Internal("a passage must belong to the source of its transaction");
    }
    if (!insert_passage_) {
      ASSIGN_OR_RETURN(auto s,
                       conn_.Prepare("INSERT INTO passages (source_rowid, ordinal, "
                                     "cp_begin, cp_end, text) VALUES (?1, ?2, ?3, ?4, ?5)"));
      insert_passage_.emplace(std::move(s));
      ASSIGN_OR_RETURN(auto i, conn_.Prepare("INSERT INTO passage_index (rowid, text) "
                                             "VALUES (?1, ?2)"));
      index_passage_.emplace(std::move(i));
    }
    insert_passage_->Reset();
    insert_passage_->Bind(1, source_rowid_)
        .Bind(2, static_cast<int64_t>(p.ordinal))
        .Bind(3, static_cast<int64_t>(p.cp_begin))
        .Bind(4, static_cast<int64_t>(p.cp_end))
        .Bind(5, p.text);
    TRY(insert_passage_->Run());
    index_passage_->Reset();
    index_passage_->Bind(1, conn_.LastInsertRowid()).Bind(2, p.text);
    return index_passage_->Run();
  }

  base::Result<uint64_t> AppendCustody(std::string_view entry,
                                       std::string_view leaf_hash_hex) override {
    return sqlite::AppendCustody(conn_, entry, leaf_hash_hex);
  }

  base::Status SetMeta(std::string_view key, std::string_view value) override {
    ASSIGN_OR_RETURN(auto s, conn_.Prepare("INSERT INTO meta (key, value) VALUES (?1, ?2) "
                                           "ON CONFLICT (key) DO UPDATE SET value = ?2"));
    s.Bind(1, key).Bind(2, value);
    return s.Run();
  }

  base::Status AddCheckpoint(const CheckpointRecord& checkpoint) override {
    return sqlite::AddCheckpoint(conn_, checkpoint);
  }

  KnowledgeWriter& knowledge() override { return knowledge_; }

  base::Status Commit() override {
    insert_passage_.reset();
    index_passage_.reset();
    done_ = true;
    base::Status s = conn_.Exec("COMMIT");
    if (!s.ok()) (void)conn_.Exec("ROLLBACK");
    return s;
  }

 private:
  Connection& conn_;
  SqliteKnowledge& knowledge_;
  bool done_ = false;
  int64_t source_rowid_ = -1;
  base::Id source_id_;
  std::optional<Statement> insert_passage_;
  std::optional<Statement> index_passage_;
};

class SqliteStore : public Store {
 public:
  SqliteStore(std::unique_ptr<Connection> conn, int schema)
      : conn_(std::move(conn)), schema_(schema), search_(*conn_), knowledge_(*conn_) {}

  base::Result<std::unique_ptr<WriteTransaction>> BeginWrite() override {
    TRY(conn_->Exec("BEGIN IMMEDIATE"));
    return std::make_unique<SqliteTransaction>(*conn_, knowledge_);
  }

  base::Result<std::optional<SourceRecord>> FindSourceBySha256(std::string_view hex) override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare(fmt::format("SELECT {} FROM sources WHERE sha256 = ?1",
                                                        kSourceColumns)));
    s.Bind(1, hex);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<SourceRecord>();
    return std::optional<SourceRecord>(ReadSource(s));
  }

  base::Result<SourceRecord> GetSource(const base::Id& id) override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare(fmt::format("SELECT {} FROM sources WHERE id = ?1",
                                                        kSourceColumns)));
    s.Bind(1, id.ToString());
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return base::Error(base::Status::NotFound("no source " + id.ToString()));
    return ReadSource(s);
  }

  base::Result<std::vector<base::Id>> FindSourcesByPrefix(std::string_view prefix,
                                                          size_t limit) override {
    // Ids are lower-case base32, so a range scan on the unique index finds the prefix.
    ASSIGN_OR_RETURN(auto s, conn_->Prepare("SELECT id FROM sources WHERE id >= ?1 AND id < ?2 "
                                            "ORDER BY id LIMIT ?3"));
    std::string lo = base::Id::NormalizePrefix(prefix);
    s.Bind(1, lo).Bind(2, lo + "\x7f").Bind(3, static_cast<int64_t>(limit));
    std::vector<base::Id> ids;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      ids.push_back(*base::Id::Parse(s.Text(0)));
    }
    return ids;
  }

  base::Result<std::vector<SourceRecord>> ListSources() override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare(fmt::format("SELECT {} FROM sources ORDER BY rowid",
                                                        kSourceColumns)));
    std::vector<SourceRecord> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back(ReadSource(s));
    }
    return out;
  }

  base::Result<std::vector<PassageRecord>> GetPassages(const base::Id& source,
                                                       std::optional<uint32_t> only) override {
    ASSIGN_OR_RETURN(
        auto s, conn_->Prepare("SELECT p.ordinal, p.cp_begin, p.cp_end, p.text FROM passages p "
                               "JOIN sources s ON s.rowid = p.source_rowid WHERE s.id = ?1 "
                               "AND (?2 IS NULL OR p.ordinal = ?2) ORDER BY p.ordinal"));
    s.Bind(1, source.ToString());
    if (only)
      s.Bind(2, static_cast<int64_t>(*only));
    else
      s.BindNull(2);
    std::vector<PassageRecord> out;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      out.push_back({source, static_cast<uint32_t>(s.Int(0)), static_cast<uint64_t>(s.Int(1)),
                     static_cast<uint64_t>(s.Int(2)), std::string(s.Text(3))});
    }
    return out;
  }

  base::Result<std::optional<std::string>> GetMeta(std::string_view key) override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare("SELECT value FROM meta WHERE key = ?1"));
    s.Bind(1, key);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return std::optional<std::string>();
    return std::optional<std::string>(std::string(s.Text(0)));
  }

  base::Result<uint64_t> CustodySize() override { return sqlite::CustodySize(*conn_); }

  base::Result<std::vector<CustodyRecord>> GetCustody(uint64_t first, size_t limit) override {
    return sqlite::GetCustody(*conn_, first, limit);
  }
  base::Result<std::vector<CustodyRecord>> FindCustodyForSource(std::string_view source_id,
                                                                size_t limit) override {
    return sqlite::FindCustodyForSource(*conn_, source_id, limit);
  }
  base::Result<std::vector<std::string>> GetCustodyLeafHashes(uint64_t first,
                                                              size_t limit) override {
    return sqlite::GetCustodyLeafHashes(*conn_, first, limit);
  }
  base::Result<std::optional<std::string>> GetCustodyNode(uint32_t level, uint64_t index) override {
    return sqlite::GetCustodyNode(*conn_, level, index);
  }
  base::Result<std::vector<CustodyNodeRecord>> ListCustodyNodes() override {
    return sqlite::ListCustodyNodes(*conn_);
  }

  base::Result<std::vector<CheckpointRecord>> ListCheckpoints() override {
    return sqlite::ListCheckpoints(*conn_);
  }

  base::Status CheckIntegrity() override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare("PRAGMA integrity_check(20)"));
    std::string found;
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      if (s.Text(0) != "ok") found += (found.empty() ? "" : "; ") + std::string(s.Text(0));
    }
    if (found.empty()) return base::Status::Ok();
    return base::Status::Corruption("the database: " + found);
  }

  SearchIndex& search() override { return search_; }
  KnowledgeStore& knowledge() override { return knowledge_; }

  base::Result<std::string> ArchiveId() override {
    ASSIGN_OR_RETURN(auto s, conn_->Prepare("SELECT value FROM meta WHERE key = 'archive_id'"));
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return base::Error(base::Status::Corruption("the archive has no id"));
    return std::string(s.Text(0));
  }

  int SchemaVersion() const override { return schema_; }

 private:
  std::unique_ptr<Connection> conn_;
  int schema_;
  SqliteSearchIndex search_;
  SqliteKnowledge knowledge_;
};

// Gives a new database its archive id, once.
base::Status EnsureArchiveId(Connection& conn, const base::Id& id) {
  ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT OR IGNORE INTO meta (key, value) "
                                        "VALUES ('archive_id', ?1)"));
  s.Bind(1, id.ToString());
  return s.Run();
}

// An encrypted database's pages keep 40 bytes for the nonce and tag, so a table row holds
// at most 4021 bytes before SQLite moves the rest to an overflow page. FTS5 writes index
// leaves of up to 4050 bytes (its default pgsz): in an encrypted database nearly every
// leaf would take two pages, each read and decrypted. Leaves of 4000 bytes fit in one.
// The setting lives in the index's own config table and applies to every leaf written
// afterwards; archives in the clear keep FTS5's default.
base::Status FitIndexLeavesToPages(Connection& conn) {
  return conn.Exec("INSERT INTO passage_index (passage_index, rank) VALUES ('pgsz', 4000)");
}

}  // namespace

base::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& file,
                                                     const DatabaseOptions& options) {
  const bool create = options.create == CreateDatabase::kYes;
  const auto mode = create ? Connection::Create::kYes : Connection::Create::kNo;
  std::unique_ptr<Connection> conn;
  if (options.page_key != nullptr) {
    if (!options.archive_id || options.page_key->size() != 32)
      return base::Error(base::Status::Internal("an encrypted database needs its id and key"));
    PageKey key;
    std::copy_n(options.page_key->data(), key.size(), key.begin());
    auto opened = Connection::OpenEncrypted(file, mode, key, options.archive_id->bytes());
    sodium_memzero(key.data(), key.size());
    if (!opened) return base::Error(opened.error());
    conn = std::move(*opened);
  } else {
    ASSIGN_OR_RETURN(conn, Connection::Open(file, mode));
  }
  if (auto migrated = Migrate(*conn); !migrated) return base::Error(migrated.error());
  if (create) TRY(EnsureArchiveId(*conn, options.archive_id.value_or(base::Id::Random())));
  if (create && options.page_key != nullptr) TRY(FitIndexLeavesToPages(*conn));
  int schema = CurrentSchemaVersion();
  return std::unique_ptr<Store>(std::make_unique<SqliteStore>(std::move(conn), schema));
}

}  // namespace sijill::store::sqlite
