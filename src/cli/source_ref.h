// Turning what a user typed into a source: a whole id or any unique prefix of one
// (at least 4 characters). An ambiguous prefix lists the candidates instead of guessing.
#pragma once

#include <string_view>

#include "base/id.h"
#include "base/status.h"
#include "store/store.h"

namespace sijill::cli {

// Errors (kNotFound / kInvalidArgument, messages meant for the user):
//   "no source matches 'xyz1'"
//   "'ab' is too short: give at least 4 characters of the source id"
//   "'abcd' is ambiguous; it could be:\n  abcd1234..  Title\n  abcd9876..  Title"
base::Result<base::Id> ResolveSource(store::Store& store, std::string_view typed);

}  // namespace sijill::cli
