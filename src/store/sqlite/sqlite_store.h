// The SQLite implementation of Store: one database file in WAL mode (many readers,
// one writer), FTS5 full-text index over passages with the "sijill" tokenizer.
// Schema: migrations.cc and docs/formats/archive.md. Used by one thread at a time.
#pragma once

#include <filesystem>
#include <memory>

#include "store/store.h"

namespace sijill::store::sqlite {

// Opens (Create::kYes: creates) the database at `file` and migrates it to the current
// schema. Errors as Connection::Open and Migrate.
enum class CreateDatabase { kNo, kYes };
base::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& file,
                                                     CreateDatabase create);

}  // namespace sijill::store::sqlite
