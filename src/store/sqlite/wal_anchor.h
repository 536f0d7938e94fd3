// The commit anchor (`<db>-anchor`): a small sealed record of the last WAL commit frame
// known to be synced, written by the encrypted VFS after each WAL sync. SQLite cannot tell
// a damaged or missing committed frame from a torn write and silently drops it; with the
// anchor, recovery that would end before the anchored frame is reported as corruption.
// Format in docs/formats/encrypted-db.md. Functions on a file descriptor or path; callers
// serialize writes (one writing connection at a time, as Sijill's archive lock ensures).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "store/sqlite/wal_format.h"

namespace sijill::store::sqlite {

struct Anchor {
  Salts salts;         // the log generation
  uint32_t frame = 0;  // last synced commit frame; 0 claims nothing
  uint64_t seq = 0;    // the slot with the higher seq is current
};

// The newest authentic record in `fd`, or nullopt if there is none (missing, empty or
// unauthentic file: then nothing is claimed).
std::optional<Anchor> ReadAnchor(int fd, const PageKey& key, const ArchiveId& archive);

// Writes `anchor` (with seq one above the current record's) into the older slot and
// syncs it. Returns false on an I/O error.
bool WriteAnchor(int fd, const PageKey& key, const ArchiveId& archive, Anchor anchor);

// Returns "" if a WAL whose audit is `audit` holds every frame `anchor` claims, else what
// is missing, e.g. "committed frame 41 is missing or damaged".
std::string CheckAnchor(const WalAudit& audit, const std::optional<Anchor>& anchor);

// For a full check of the files (VerifyEncryptedFiles): "" when the anchor file is
// missing, empty, or has two slots each never written (all zero) or authentic with zero
// padding; else what is wrong with it. (Opening treats a damaged anchor as claiming
// nothing, which loses no data; a verification still reports it.)
std::string AuditAnchorFile(const std::string& path, const PageKey& key, const ArchiveId& archive);

// `<db>-anchor` for a database path or its WAL path (`<db>-wal`).
std::string AnchorPath(std::string_view db_or_wal);

}  // namespace sijill::store::sqlite
