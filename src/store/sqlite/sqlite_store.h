// The SQLite implementation of Store: one database file in WAL mode (many readers,
// one writer), FTS5 full-text index over passages with the "sijill" tokenizer.
// Schema: migrations.cc and docs/formats/archive.md. Used by one thread at a time.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>

#include "base/id.h"
#include "store/store.h"
#include "vault/secret.h"

namespace sijill::store::sqlite {

// Opens (Create::kYes: creates) the database at `file` and migrates it to the current
// schema. Errors as Connection::Open and Migrate.
enum class CreateDatabase { kNo, kYes };
struct DatabaseOptions {
  CreateDatabase create = CreateDatabase::kNo;
  // A new database's archive id (default: a random one). An encrypted database must be
  // given the id its pages are bound to, new or not.
  std::optional<base::Id> archive_id;
  // Encrypt every page with this 32-byte key (encrypted_vfs.h); nullptr: a plain file.
  const vault::SecretBytes* page_key = nullptr;
};
base::Result<std::unique_ptr<Store>> OpenSqliteStore(const std::filesystem::path& file,
                                                     const DatabaseOptions& options);

}  // namespace sijill::store::sqlite
