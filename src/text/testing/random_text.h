// Random text for the text module's randomized tests. Test-only; header-only.
// Generators are deterministic for a given seed. Not thread-safe (share no engine).
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "base/utf8.h"

namespace sijill::text::testing {

// An engine seeded with `salt` plus gtest's random seed: the same inputs on every run by
// default; other inputs with --gtest_random_seed=N, or --gtest_shuffle --gtest_repeat=N.
inline std::mt19937 TestRng(uint32_t salt) {
  auto seed = static_cast<uint32_t>(::testing::UnitTest::GetInstance()->random_seed());
  return std::mt19937(salt + seed);
}

inline size_t RandomSize(std::mt19937& rng, size_t max) {
  return std::uniform_int_distribution<size_t>(0, max)(rng);
}

// Up to `max_len` code points drawn from `alphabet`.
inline std::string RandomText(std::mt19937& rng, const std::vector<char32_t>& alphabet,
                              size_t max_len) {
  std::string text;
  size_t len = RandomSize(rng, max_len);
  for (size_t i = 0; i < len; ++i) {
    base::AppendUtf8(alphabet[RandomSize(rng, alphabet.size() - 1)], &text);
  }
  return text;
}

// Bytes that random UTF-8 favours: ASCII, Arabic lead bytes and continuation bytes,
// so that sequences often form.
constexpr unsigned char kFuzzBytePool[] = {' ',  '\n', 'a',  'Z',  '*',  '-',  '"',
                                           0xD8, 0xD9, 0xC3, 0xE2, 0x80, 0x81, 0x8B,
                                           0xA7, 0xAB, 0xBB, 0xF0, 0x9F};

// Random bytes, up to `max_len`, turned into valid UTF-8 by dropping every byte that
// starts an invalid sequence: what a fuzzer's input looks like after validation.
inline std::string RandomValidUtf8(std::mt19937& rng, size_t max_len) {
  std::string bytes(RandomSize(rng, max_len), '\0');
  for (char& b : bytes) {
    b = static_cast<char>(RandomSize(rng, 1) == 0
                              ? kFuzzBytePool[RandomSize(rng, sizeof kFuzzBytePool - 1)]
                              : RandomSize(rng, 255));
  }
  std::string valid;
  size_t bad = 0;
  std::string_view rest = bytes;
  while (!base::IsValidUtf8(rest, &bad)) {
    valid.append(rest.substr(0, bad));
    rest.remove_prefix(bad + 1);
  }
  valid.append(rest);
  return valid;
}

}  // namespace sijill::text::testing
