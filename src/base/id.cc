#include "base/id.h"

#include <sodium.h>

namespace sijill::base {
namespace {

constexpr std::string_view kAlphabet = "0123456789abcdefghjkmnpqrstvwxyz";

// Returns the 5-bit value of a Crockford base32 character, or -1.
int DecodeChar(char c) {
  if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  if (c == 'i' || c == 'l') c = '1';
  if (c == 'o') c = '0';
  auto pos = kAlphabet.find(c);
  return pos == std::string_view::npos ? -1 : static_cast<int>(pos);
}

}  // namespace

Id Id::Random() {
  Id id;
  if (sodium_init() < 0) __builtin_trap();  // libsodium unusable: no safe randomness
  randombytes_buf(id.bytes_.data(), id.bytes_.size());
  return id;
}

std::string Id::ToString() const {
  std::string out;
  out.reserve(kTextLength);
  // 128 bits, big-endian, 5 bits per character; the last character carries 3 bits.
  for (size_t i = 0; i < kTextLength; ++i) {
    unsigned value = 0;
    for (size_t b = 0; b < 5; ++b) {
      size_t bit = i * 5 + b;
      value <<= 1;
      if (bit < 128) value |= (bytes_[bit / 8] >> (7 - bit % 8)) & 1u;
    }
    out.push_back(kAlphabet[value]);
  }
  return out;
}

std::optional<Id> Id::Parse(std::string_view text) {
  if (text.size() != kTextLength) return std::nullopt;
  Id id;
  for (size_t i = 0; i < kTextLength; ++i) {
    int value = DecodeChar(text[i]);
    if (value < 0) return std::nullopt;
    for (size_t b = 0; b < 5; ++b) {
      size_t bit = i * 5 + b;
      bool set = (value >> (4 - b)) & 1;
      if (bit >= 128) {
        if (set) return std::nullopt;  // padding bits must be zero
        continue;
      }
      if (set) id.bytes_[bit / 8] |= static_cast<uint8_t>(1u << (7 - bit % 8));
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
