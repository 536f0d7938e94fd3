#include "store/sqlite/migrations.h"

#include <fmt/format.h>

#include <array>

#include "store/sqlite/sqlite_custody.h"
#include "store/sqlite/sqlite_name_tokens.h"

namespace sijill::store::sqlite {
namespace {

// Each entry takes the schema from version i to i + 1. Never edit a released entry:
// add a new one.
constexpr std::array<const char*, 5> kMigrations = {
    // 0 -> 1: sources, passages and the full-text index over passages.
    R"sql(
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE sources (
  rowid          INTEGER PRIMARY KEY,
  id             TEXT NOT NULL UNIQUE,
  sha256         TEXT NOT NULL UNIQUE,
  size           INTEGER NOT NULL,
  format         TEXT NOT NULL,
  original_name  TEXT NOT NULL,
  kind           TEXT NOT NULL,
  title          TEXT,
  language       TEXT,
  document_date  TEXT,
  place          TEXT,
  witness        TEXT,
  access         TEXT NOT NULL CHECK (access IN ('public', 'restricted', 'confidential')),
  text_sha256    TEXT NOT NULL,
  text_length    INTEGER NOT NULL,
  passage_count  INTEGER NOT NULL,
  added_at       TEXT NOT NULL
) STRICT;

CREATE TABLE passages (
  rowid         INTEGER PRIMARY KEY,
  source_rowid  INTEGER NOT NULL REFERENCES sources (rowid),
  ordinal       INTEGER NOT NULL,
  cp_begin      INTEGER NOT NULL,
  cp_end        INTEGER NOT NULL,
  text          TEXT NOT NULL,
  UNIQUE (source_rowid, ordinal)
) STRICT;

CREATE VIRTUAL TABLE passage_index USING fts5 (
  text, content = 'passages', content_rowid = 'rowid', tokenize = 'sijill'
);
)sql",
    // 1 -> 2: the custody log (append-only; its entries are Merkle leaves) and its
    // signed checkpoints.
    R"sql(
CREATE TABLE custody_log (
  leaf_index  INTEGER PRIMARY KEY CHECK (leaf_index >= 0),
  entry       TEXT NOT NULL,
  leaf_hash   TEXT NOT NULL CHECK (length(leaf_hash) = 64)
) STRICT;

CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;

CREATE TABLE checkpoints (
  tree_size   INTEGER PRIMARY KEY CHECK (tree_size >= 0),
  root_hash   TEXT NOT NULL CHECK (length(root_hash) = 64),
  note        TEXT NOT NULL,
  created_at  TEXT NOT NULL
) STRICT;
)sql",
    // 2 -> 3: the knowledge layer: entities and their names, claims and their
    // citations, and the append-only history of every change to them.
    R"sql(
CREATE TABLE entities (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  type         TEXT NOT NULL CHECK (type IN ('person', 'unit', 'place', 'event')),
  protected    INTEGER NOT NULL CHECK (protected IN (0, 1)),
  latitude     REAL,
  longitude    REAL,
  side         TEXT,
  note         TEXT,
  merged_into  INTEGER REFERENCES entities (rowid),
  root         INTEGER NOT NULL,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL
) STRICT;
CREATE INDEX entities_root ON entities (root);

CREATE TABLE entity_names (
  entity    INTEGER NOT NULL REFERENCES entities (rowid),
  ordinal   INTEGER NOT NULL,
  name      TEXT NOT NULL,
  name_key  TEXT NOT NULL,
  source    TEXT,
  PRIMARY KEY (entity, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_names_key ON entity_names (name_key);

CREATE TABLE claims (
  rowid        INTEGER PRIMARY KEY,
  id           TEXT NOT NULL UNIQUE,
  subject      INTEGER NOT NULL REFERENCES entities (rowid),
  predicate    TEXT NOT NULL,
  object       INTEGER REFERENCES entities (rowid),
  object_text  TEXT,
  role         TEXT,
  rank         TEXT,
  time         TEXT,
  evidence     TEXT NOT NULL,
  confidence   TEXT NOT NULL,
  status       TEXT NOT NULL CHECK (status IN ('candidate', 'accepted', 'rejected')),
  note         TEXT,
  created_by   TEXT NOT NULL,
  created_at   TEXT NOT NULL,
  CHECK ((object IS NULL) <> (object_text IS NULL))
) STRICT;
CREATE INDEX claims_subject ON claims (subject, predicate);
CREATE INDEX claims_object ON claims (object, predicate);
CREATE INDEX claims_status ON claims (status);

CREATE TABLE citations (
  claim     INTEGER NOT NULL REFERENCES claims (rowid),
  ordinal   INTEGER NOT NULL,
  source    INTEGER NOT NULL REFERENCES sources (rowid),
  passage   INTEGER NOT NULL,
  cp_begin  INTEGER NOT NULL,
  cp_end    INTEGER NOT NULL CHECK (cp_end > cp_begin),
  quote     TEXT NOT NULL,
  PRIMARY KEY (claim, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX citations_source ON citations (source);

CREATE TABLE knowledge_history (
  seq     INTEGER PRIMARY KEY,
  at      TEXT NOT NULL,
  actor   TEXT NOT NULL,
  action  TEXT NOT NULL,
  object  TEXT NOT NULL,
  before  TEXT,
  after   TEXT
) STRICT;
CREATE INDEX knowledge_history_object ON knowledge_history (object);
CREATE TRIGGER knowledge_history_no_update BEFORE UPDATE ON knowledge_history
BEGIN SELECT RAISE(ABORT, 'the knowledge history is append-only'); END;
CREATE TRIGGER knowledge_history_no_delete BEFORE DELETE ON knowledge_history
BEGIN SELECT RAISE(ABORT, 'the knowledge history is append-only'); END;
)sql",
    // 3 -> 4: what makes `prove` O(log n): an index of the entries by the source they
    // name, and the custody tree's stored nodes (store/records.h, CustodyNodeRecord),
    // append-only like the log. The nodes of an existing log are written by
    // AfterMigration below, in the same transaction.
    R"sql(
CREATE INDEX custody_log_source ON custody_log (json_extract(entry, '$.objects.source'));

CREATE TABLE custody_nodes (
  level  INTEGER NOT NULL CHECK (level >= 0 AND level < 64),
  idx    INTEGER NOT NULL CHECK (idx >= 0),
  hash   TEXT NOT NULL CHECK (length(hash) = 64),
  PRIMARY KEY (level, idx)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER custody_nodes_no_update BEFORE UPDATE ON custody_nodes
BEGIN SELECT RAISE(ABORT, 'the custody tree is append-only'); END;
CREATE TRIGGER custody_nodes_no_delete BEFORE DELETE ON custody_nodes
BEGIN SELECT RAISE(ABORT, 'the custody tree is append-only'); END;
)sql",
    // 4 -> 5: entity names by resolve token key (sqlite_name_tokens.h), for lookups
    // across spellings and scripts; filled for existing names by AfterMigration below.
    R"sql(
CREATE TABLE entity_name_tokens (
  token    TEXT NOT NULL,
  entity   INTEGER NOT NULL REFERENCES entities (rowid),
  ordinal  INTEGER NOT NULL,
  PRIMARY KEY (token, entity, ordinal)
) STRICT, WITHOUT ROWID;
CREATE INDEX entity_name_tokens_entity ON entity_name_tokens (entity, token);
)sql",
};

// What a migration needs beyond SQL, run after it in its transaction: `version` is the
// version just reached.
base::Status AfterMigration(Connection& conn, int version) {
  if (version == 4) return BackfillCustodyNodes(conn);
  if (version == 5) return BackfillNameTokens(conn);
  return base::Status::Ok();
}

base::Result<int> UserVersion(Connection& conn) {
  ASSIGN_OR_RETURN(auto stmt, conn.Prepare("PRAGMA user_version"));
  ASSIGN_OR_RETURN(bool row, stmt.Step());
  return row ? static_cast<int>(stmt.Int(0)) : 0;
}

}  // namespace

int CurrentSchemaVersion() { return static_cast<int>(kMigrations.size()); }

base::Result<int> Migrate(Connection& conn) {
  ASSIGN_OR_RETURN(int found, UserVersion(conn));
  if (found > CurrentSchemaVersion()) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("the archive was written by a newer Sijill (schema {}; this build knows up "
                    "to {})",
                    found, CurrentSchemaVersion())));
  }
  for (int v = found; v < CurrentSchemaVersion(); ++v) {
    TRY(conn.Exec("BEGIN IMMEDIATE"));
    base::Status s = conn.Exec(kMigrations[static_cast<size_t>(v)]);
    if (s.ok()) s = AfterMigration(conn, v + 1);
    if (s.ok()) s = conn.Exec(fmt::format("PRAGMA user_version = {}", v + 1).c_str());
    if (s.ok()) s = conn.Exec("COMMIT");
    if (!s.ok()) {
      (void)conn.Exec("ROLLBACK");
      return base::Error(s.WithPrefix(fmt::format("migrating the schema to version {}", v + 1)));
    }
  }
  return found;
}

}  // namespace sijill::store::sqlite
