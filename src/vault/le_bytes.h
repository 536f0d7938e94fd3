// Little-endian fixed-width integers in byte strings: the encoding of every integer in
// Sijill's binary vault formats (docs/formats/keys.md). Internal to vault/. Thread-safe.
#pragma once

#include <cstdint>
#include <string>

namespace sijill::vault::internal {

template <class T>
void AppendLe(std::string& out, T value) {
  for (size_t i = 0; i < sizeof(T); ++i) {
    out.push_back(static_cast<char>(static_cast<uint8_t>(value >> (8 * i))));
  }
}

template <class T>
T LoadLe(const char* p) {
  T value = 0;
  for (size_t i = 0; i < sizeof(T); ++i) {
    value |= static_cast<T>(static_cast<uint8_t>(p[i])) << (8 * i);
  }
  return value;
}

}  // namespace sijill::vault::internal
