// Versioned schema of the SQLite archive database. The version lives in
// PRAGMA user_version; each migration moves it up by one inside a transaction, so a
// crash mid-migration leaves the previous version intact. See docs/formats/archive.md.
#pragma once

#include "base/status.h"
#include "store/sqlite/connection.h"

namespace sijill::store::sqlite {

// The schema version this build writes and understands.
int CurrentSchemaVersion();

// Brings the database up to CurrentSchemaVersion(). Returns the version found before.
// Errors: kInvalidArgument if the database is newer than this build
// ("... was written by a newer Sijill (schema N; this build knows up to M)").
base::Result<int> Migrate(Connection& conn);

}  // namespace sijill::store::sqlite
