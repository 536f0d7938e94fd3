// The index of names by resolve keys (schema 5, migration 4 -> 5 in migrations.cc): one
// row per distinct resolve::TokenKeys key of each entity name, so that a typed name finds
// the entities whose names share a token key with it, across spellings and scripts, by
// index lookups whatever the number of names. Used by SqliteKnowledge.
//
// The keys are computed in C++ by the resolve module; a change to its key rules needs a
// migration that refills the table (BackfillNameTokens).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "knowledge/model.h"
#include "store/sqlite/connection.h"

namespace sijill::store::sqlite {

// Replaces the token rows (token keys and, for names of several tokens, the whole key
// and the pair keys: resolve::WholeKey, resolve::PairKeys) of entity `rowid` by those of its names
// (canonical: ordinal 0, aliases: 1, 2, ...).
base::Status WriteNameTokens(Connection& conn, int64_t rowid, const knowledge::Entity& entity);

// Fills the table from entity_names (the migration to schema 5).
base::Status BackfillNameTokens(Connection& conn);

// The rowids of at most `limit` entities (of `type` if given) one of whose names has a
// token key equal to a key of `name`'s tokens, or (for keys of two characters or more
// that are not numbers) starting with one. Entities with a name of the same whole key come
// first, then those sharing more pairs of tokens, then more tokens, then lower rowids.
// Each key reads at most a fixed number of rows, and a token that reaches it is checked
// one by one against a bounded number of the other keys' entities, so the cost does not
// grow with the number of names.
base::Result<std::vector<int64_t>> FindNameTokenCandidates(
    Connection& conn, std::string_view name, std::optional<knowledge::EntityType> type,
    size_t limit);

}  // namespace sijill::store::sqlite
