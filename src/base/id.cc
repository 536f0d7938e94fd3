#include "base/id.h"

#include <sodium.h>

#include <array>

namespace sijill::base {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

// The 5-bit value of each Crockford base32 character, or -1: a table, because ids are
// parsed for every row an export or query reads.
constexpr std::array<int8_t, 256> kDecode = [] {
  std::array<int8_t, 256> table{};
  table.fill(-1);
  for (size_t v = 0; v < kAlphabet.size(); ++v) {
    char c = kAlphabet[v];
    table[static_cast<uint8_t>(c)] = static_cast<int8_t>(v);
    if (c >= 'a' && c <= 'z') table[static_cast<uint8_t>(c - 'a' + 'A')] = static_cast<int8_t>(v);
  }
  for (char c : {'i', 'I', 'l', 'L'}) table[static_cast<uint8_t>(c)] = 1;
  for (char c : {'o', 'O'}) table[static_cast<uint8_t>(c)] = 0;
  return table;
}();

int DecodeChar(char c) { return kDecode[static_cast<uint8_t>(c)]; }

}  // namespace

Id Id::Random() {
  Id id;
  if (sodium_init() < 0) __builtin_trap();  // libsodium unusable: no safe randomness
  randombytes_buf(id.bytes_.data(), id.bytes_.size());
  return id;
}

std::string Id::ToString() const {
  // 128 bits, big-endian, 5 bits per character; the last character carries 3 bits and
  // two zero bits of padding.
  std::string out;
  out.reserve(kTextLength);
  uint32_t acc = 0;  // holds at most 12 pending bits
  int bits = 0;
  for (uint8_t b : bytes_) {
    acc = (acc << 8) | b;
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      out.push_back(kAlphabet[(acc >> bits) & 31u]);
    }
    acc &= (1u << bits) - 1;
  }
  out.push_back(kAlphabet[(acc << (5 - bits)) & 31u]);  // bits == 3 here
  return out;
}

std::optional<Id> Id::Parse(std::string_view text) {
  if (text.size() != kTextLength) return std::nullopt;
  Id id;
  uint32_t acc = 0;  // holds at most 12 pending bits
  int bits = 0;
  size_t out = 0;
  for (size_t i = 0; i < kTextLength; ++i) {
    int value = DecodeChar(text[i]);
    if (value < 0) return std::nullopt;
    if (i + 1 == kTextLength) {
      if ((value & 3) != 0) return std::nullopt;  // padding bits must be zero
      acc = (acc << 3) | static_cast<uint32_t>(value >> 2);
      bits += 3;
    } else {
      acc = (acc << 5) | static_cast<uint32_t>(value);
      bits += 5;
    }
    if (bits >= 8) {
      bits -= 8;
      id.bytes_[out++] = static_cast<uint8_t>(acc >> bits);
      acc &= (1u << bits) - 1;
    }
  }
  return id;
}

bool Id::IsPrefix(std::string_view text) {
  if (text.size() < kMinPrefix || text.size() > kTextLength) return false;
  for (char c : text) {
    if (DecodeChar(c) < 0) return false;
  }
  return true;
}

std::string Id::NormalizePrefix(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    int value = DecodeChar(c);
    out.push_back(value < 0 ? c : kAlphabet[static_cast<size_t>(value)]);
  }
  return out;
}

}  // namespace sijill::base
