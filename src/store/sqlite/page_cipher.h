// Authenticated encryption of one 4096-byte SQLite page image in place, for the
// encrypted VFS (encrypted_vfs.h). The last 40 bytes of every page are SQLite's
// "reserved" bytes: the plaintext keeps them zero, the ciphertext stores the
// XChaCha20-Poly1305 nonce (24 bytes) and tag (16 bytes) there. The associated data
// binds the archive id, the file kind and the page's position (docs/formats/encrypted-db.md).
// Pure functions over caller-owned buffers; safe to call from any thread.
#pragma once

#include <array>
#include <cstdint>
#include <span>

namespace sijill::store::sqlite {

inline constexpr int kPageSize = 4096;
inline constexpr int kReservedBytes = 40;  // nonce (24) + tag (16)
inline constexpr int kPayloadBytes = kPageSize - kReservedBytes;

using PageKey = std::array<uint8_t, 32>;
using ArchiveId = std::array<uint8_t, 16>;

// Which file a page image lives in; part of the associated data, so an image
// cannot be moved from the WAL into the database file or the other way.
enum class FileKind : uint8_t { kMainDb = 'D', kWal = 'W' };

// Where a page image sits. For the database file only `pgno` is set. For a WAL frame,
// `frame` is the frame's 1-based index and the rest are copied from its 24-byte header
// (page number, commit size, salts), which the tag therefore authenticates.
struct PagePosition {
  FileKind kind = FileKind::kMainDb;
  uint32_t pgno = 0;
  uint32_t frame = 0;
  uint32_t commit_size = 0;
  uint32_t salt1 = 0;
  uint32_t salt2 = 0;
};

// Encrypts `page` in place with a fresh random nonce.
// Returns false, leaving `page` unchanged, if its 40 reserved bytes are not all zero
// (SQLite never writes them; a non-zero value would not survive the round trip).
bool SealPage(const PageKey& key, const ArchiveId& archive, const PagePosition& pos,
              std::span<uint8_t, kPageSize> page);

// Decrypts `page` in place and zeroes its reserved bytes. Returns false, leaving the
// ciphertext in place, if the tag does not verify (wrong key, other archive, other
// position, or any modified byte).
bool OpenPage(const PageKey& key, const ArchiveId& archive, const PagePosition& pos,
              std::span<uint8_t, kPageSize> page);

}  // namespace sijill::store::sqlite
