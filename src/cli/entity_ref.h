// Turning what a user typed into an entity: a name or alias in either script (compared
// by knowledge::NameKey), a whole id, or a unique id prefix; failing those, a name spelled
// otherwise or shortened (query::LookupName: "Haydar" for "Ghassan Haidar", "1st Div" for
// "1st Armored Division"). A name several entities share, or several close spellings,
// lists them instead of guessing; entities merged into one count once (their group's
// root is returned).
#pragma once

#include <optional>
#include <string_view>

#include "base/status.h"
#include "cli/console.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::cli {

// Errors (meant for the user):
//   kNotFound        "no unit is named '1st Div'"
//   kInvalidArgument "'Haidar' is ambiguous; it could be:\n  01ab2cd3ef  person  Ghassan
//                     Haidar (also: Abu Ali)\n  ..."  — with the way to pick one (by id)
// When the name was read as another spelling, `console` (nullable) is told how on stderr:
// "'Haydar' read as 'Ghassan Haidar' (alias 'Haidar')".
base::Result<knowledge::Entity> ResolveEntity(store::Store& store, std::string_view typed,
                                              std::optional<knowledge::EntityType> type,
                                              Console* console = nullptr);

// A claim by whole id or unique prefix (as sources).
base::Result<base::Id> ResolveClaim(store::Store& store, std::string_view typed);

// "Ghassan Haidar (person, 01ab2cd3ef)" — how lists and errors name an entity.
std::string Describe(const knowledge::Entity& entity);

}  // namespace sijill::cli
