// The wall clock as Sijill records it. Thread-safe.
#pragma once

#include <string>

namespace sijill::base {

// The current time as ISO 8601 UTC with seconds ("2026-11-27T09:30:00Z").
std::string NowUtc();

}  // namespace sijill::base
