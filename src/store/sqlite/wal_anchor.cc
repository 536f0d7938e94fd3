#include "store/sqlite/wal_anchor.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>

namespace sijill::store::sqlite {
namespace {

// slot := nonce[24] tag[16] sealed(salt1 salt2 frame seq)[20] zero[4]   -- 64 bytes, 2 slots
// ad   := version(1) archive_id(16) 'A' slot(1)
constexpr int kSlotBytes = 64;
constexpr int kNonce = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr int kTag = crypto_aead_xchacha20poly1305_ietf_ABYTES;
constexpr int kBody = 20;

std::array<uint8_t, 19> Ad(const ArchiveId& archive, int slot) {
  std::array<uint8_t, 19> ad{};
  ad[0] = 1;
  std::copy(archive.begin(), archive.end(), ad.begin() + 1);
  ad[17] = 'A';
  ad[18] = static_cast<uint8_t>(slot);
  return ad;
}

void Put(uint8_t* p, uint64_t v, int bytes) {
  for (int i = bytes - 1; i >= 0; --i, v >>= 8) p[i] = static_cast<uint8_t>(v);
}
uint64_t Get(const uint8_t* p, int bytes) {
  uint64_t v = 0;
  for (int i = 0; i < bytes; ++i) v = (v << 8) | p[i];
  return v;
}

std::optional<Anchor> ReadSlot(int fd, const PageKey& key, const ArchiveId& archive, int slot) {
  std::array<uint8_t, kSlotBytes> s;
  if (::pread(fd, s.data(), s.size(), off_t{slot} * kSlotBytes) != kSlotBytes) return std::nullopt;
  std::array<uint8_t, kBody> body;
  auto ad = Ad(archive, slot);
  if (crypto_aead_xchacha20poly1305_ietf_decrypt_detached(body.data(), nullptr, &s[kNonce + kTag],
                                                          kBody, &s[kNonce], ad.data(), ad.size(),
                                                          s.data(), key.data()) != 0) {
    return std::nullopt;
  }
  return Anchor{{static_cast<uint32_t>(Get(&body[0], 4)), static_cast<uint32_t>(Get(&body[4], 4))},
                static_cast<uint32_t>(Get(&body[8], 4)),
                Get(&body[12], 8)};
}

}  // namespace

std::string AuditAnchorFile(const std::string& path, const PageKey& key, const ArchiveId& archive) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return errno == ENOENT ? "" : path + ": cannot be read";
  std::string problem;
  off_t size = ::lseek(fd, 0, SEEK_END);
  if (size != 0 && size != 2 * kSlotBytes) {
    problem = fmt::format("{}: {} bytes, expected {}", path, size, 2 * kSlotBytes);
  }
  for (int slot = 0; size != 0 && problem.empty() && slot < 2; ++slot) {
    std::array<uint8_t, kSlotBytes> s{};
    if (::pread(fd, s.data(), s.size(), off_t{slot} * kSlotBytes) != kSlotBytes) {
      problem = fmt::format("{}: slot {} cannot be read", path, slot);
    } else if (std::all_of(s.begin(), s.end(), [](uint8_t b) { return b == 0; })) {
      continue;  // never written
    } else if (!ReadSlot(fd, key, archive, slot) ||
               !std::all_of(s.end() - 4, s.end(), [](uint8_t b) { return b == 0; })) {
      problem = fmt::format("{}: slot {} is damaged (the commit anchor fails authentication)", path,
                            slot);
    }
  }
  ::close(fd);
  return problem;
}

std::optional<Anchor> ReadAnchor(int fd, const PageKey& key, const ArchiveId& archive) {
  if (fd < 0) return std::nullopt;
  auto a = ReadSlot(fd, key, archive, 0);
  auto b = ReadSlot(fd, key, archive, 1);
  if (a && b) return a->seq > b->seq ? a : b;
  return a ? a : b;
}

bool WriteAnchor(int fd, const PageKey& key, const ArchiveId& archive, Anchor anchor) {
  auto current = ReadAnchor(fd, key, archive);
  anchor.seq = current ? current->seq + 1 : 1;
  int slot = static_cast<int>(anchor.seq % 2);  // never the current record's slot
  std::array<uint8_t, kSlotBytes> s{};
  std::array<uint8_t, kBody> body{};
  Put(&body[0], anchor.salts.salt1, 4);
  Put(&body[4], anchor.salts.salt2, 4);
  Put(&body[8], anchor.frame, 4);
  Put(&body[12], anchor.seq, 8);
  randombytes_buf(s.data(), kNonce);
  auto ad = Ad(archive, slot);
  crypto_aead_xchacha20poly1305_ietf_encrypt_detached(&s[kNonce + kTag], &s[kNonce], nullptr,
                                                      body.data(), kBody, ad.data(), ad.size(),
                                                      nullptr, s.data(), key.data());
  return ::pwrite(fd, s.data(), s.size(), off_t{slot} * kSlotBytes) == kSlotBytes &&
         ::fdatasync(fd) == 0;
}

std::string CheckAnchor(const WalAudit& audit, const std::optional<Anchor>& anchor) {
  if (!anchor || anchor->frame == 0) return "";
  if (audit.frames == 0) {
    return fmt::format("the WAL is missing or empty, but frames up to {} were committed",
                       anchor->frame);
  }
  if (!audit.header_valid) {
    return fmt::format("the WAL header is damaged; committed frames up to {} would be lost",
                       anchor->frame);
  }
  if (audit.salts.salt1 != anchor->salts.salt1 || audit.salts.salt2 != anchor->salts.salt2) {
    return fmt::format("the WAL was replaced; committed frames up to {} would be lost",
                       anchor->frame);
  }
  if (audit.last_commit < anchor->frame) {
    if (audit.first_rejected == 0) {
      return fmt::format("the WAL ends at frame {}; committed frames up to {} are missing",
                         audit.frames, anchor->frame);
    }
    return fmt::format(
        "frame {} is damaged or out of place; committed frames up to {} would be lost",
        audit.first_rejected, anchor->frame);
  }
  return "";
}

std::string AnchorPath(std::string_view db_or_wal) {
  std::string_view db = db_or_wal;
  if (db.size() > 4 && db.substr(db.size() - 4) == "-wal") db.remove_suffix(4);
  return std::string(db) + "-anchor";
}

}  // namespace sijill::store::sqlite
