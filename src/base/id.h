// Ids of archive objects (sources, passages, later entities and claims).
// An Id is 128 random bits, so ids made in different archives never collide and
// survive export, import and merging unchanged. Its text form is 26 characters of
// lower-case Crockford base32; people may type any unique prefix of at least
// kMinPrefix characters, and listings show the first kShortLength. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace sijill::base {

class Id {
 public:
  static constexpr size_t kTextLength = 26;
  static constexpr size_t kShortLength = 10;
  static constexpr size_t kMinPrefix = 4;

  // A fresh random id (libsodium's CSPRNG).
  static Id Random();
  // The id with these 16 bytes.
  static Id FromBytes(const std::array<uint8_t, 16>& bytes) {
    Id id;
    id.bytes_ = bytes;
    return id;
  }
  // Parses the 26-character text form (case-insensitive; Crockford's I/L->1, O->0).
  // Returns nullopt if `text` is not a whole id.
  static std::optional<Id> Parse(std::string_view text);
  // True if `text` could be a prefix of some id (only base32 characters, length >= kMinPrefix
  // and <= kTextLength). Normalizes nothing; see NormalizePrefix.
  static bool IsPrefix(std::string_view text);
  // Lower-cases and maps Crockford's look-alike letters, so a typed prefix can be compared.
  static std::string NormalizePrefix(std::string_view text);

  std::string ToString() const;
  std::string Short() const { return ToString().substr(0, kShortLength); }
  const std::array<uint8_t, 16>& bytes() const { return bytes_; }

  friend bool operator==(const Id&, const Id&) = default;
  friend auto operator<=>(const Id&, const Id&) = default;

 private:
  std::array<uint8_t, 16> bytes_{};
};

}  // namespace sijill::base
