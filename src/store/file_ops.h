// Small file-system helpers shared by the archive's writers (blob stores, key file):
// errors that name the file and the system's reason, and durable directory entries.
// Internal to store/.
#pragma once

#include <filesystem>
#include <string_view>

#include "base/status.h"

namespace sijill::store {

// kIOError "<path>: <what>: <strerror(errno)>". Call right after the failing call.
base::Status OsError(const std::filesystem::path& path, std::string_view what);

// fsync of a directory, so that a rename or a new file in it survives a crash.
base::Status SyncDirectory(const std::filesystem::path& dir);

}  // namespace sijill::store
