#include "base/utf8.h"

namespace sijill::base {
namespace {

// Length of the valid sequence starting at s[0] (1-4), or 0 if invalid. Returns -1
// if the bytes available are a valid but incomplete prefix of a sequence.
int SequenceLength(const unsigned char* s, size_t avail) {
  unsigned char c = s[0];
  if (c < 0x80) return 1;
  int len;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;  // no overlongs
    if (c == 0xED) hi = 0x9F;  // no surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;  // nothing above U+10FFFF
  } else {
    return 0;
  }
  for (int i = 1; i < len; ++i) {
    if (static_cast<size_t>(i) >= avail) return -1;
    unsigned char b = s[i];
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h) return 0;
  }
  return len;
}

// Validates as much of `bytes` as forms complete sequences. Returns the number of
// bytes validated; sets *bad if an invalid sequence starts there.
size_t ValidatePrefix(std::string_view bytes, bool* bad) {
  auto* s = reinterpret_cast<const unsigned char*>(bytes.data());
  size_t n = bytes.size(), i = 0;
  *bad = false;
  while (i < n) {
    // Fast path: 8 ASCII bytes at a time.
    while (i + 8 <= n) {
      uint64_t word;
      __builtin_memcpy(&word, s + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    if (i >= n) break;
    int len = SequenceLength(s + i, n - i);
    if (len == 0) {
      *bad = true;
      return i;
    }
    if (len < 0) return i;  // incomplete at end
    i += static_cast<size_t>(len);
  }
  return i;
}

}  // namespace

bool IsValidUtf8(std::string_view bytes, size_t* error_offset) {
  bool bad;
  size_t good = ValidatePrefix(bytes, &bad);
  if (good == bytes.size()) return true;
  if (error_offset) *error_offset = good;
  return false;
}

bool Utf8StreamValidator::Feed(std::string_view chunk) {
  if (!carry_.empty()) {
    // Complete the straddling sequence with up to 3 bytes of the new chunk.
    size_t take = std::min<size_t>(4 - carry_.size(), chunk.size());
    std::string joined = carry_ + std::string(chunk.substr(0, take));
    bool bad;
    size_t good = ValidatePrefix(joined, &bad);
    if (bad && good == 0) {
      error_offset_ = consumed_ - carry_.size();
      return false;
    }
    if (good == 0) {  // still incomplete: chunk was tiny
      carry_ = joined;
      consumed_ += take;
      return true;
    }
    size_t used = good - carry_.size();
    carry_.clear();
    chunk.remove_prefix(used);
    consumed_ += used;
  }
  bool bad;
  size_t good = ValidatePrefix(chunk, &bad);
  if (bad) {
    error_offset_ = consumed_ + good;
    return false;
  }
  carry_.assign(chunk.substr(good));
  consumed_ += chunk.size();
  return true;
}

bool Utf8StreamValidator::Finish() {
  if (carry_.empty()) return true;
  error_offset_ = consumed_ - carry_.size();
  return false;
}

size_t CodePointCount(std::string_view text) {
  size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80;
  return count;
}

char32_t DecodeAt(std::string_view text, size_t* pos) {
  auto* s = reinterpret_cast<const unsigned char*>(text.data()) + *pos;
  char32_t cp;
  if (s[0] < 0x80) {
    cp = s[0];
    *pos += 1;
  } else if (s[0] < 0xE0) {
    cp = (char32_t(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    *pos += 2;
  } else if (s[0] < 0xF0) {
    cp = (char32_t(s[0] & 0x0F) << 12) | (char32_t(s[1] & 0x3F) << 6) | (s[2] & 0x3F);
    *pos += 3;
  } else {
    cp = (char32_t(s[0] & 0x07) << 18) | (char32_t(s[1] & 0x3F) << 12) |
         (char32_t(s[2] & 0x3F) << 6) | (s[3] & 0x3F);
    *pos += 4;
  }
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace sijill::base
