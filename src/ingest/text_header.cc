#include "ingest/text_header.h"

#include <array>
#include <optional>
#include <string>
#include <utility>

#include "ingest/readers_internal.h"

namespace sijill::ingest::internal {
namespace {

using Field = std::optional<std::string> FileMetadata::*;

struct KeyName {
  std::string_view name;
  Field field;
};

constexpr std::array<KeyName, 6> kKeys = {{
    {"title", &FileMetadata::title},
    {"interviewed", &FileMetadata::interviewed},
    {"date", &FileMetadata::interviewed},
    {"place", &FileMetadata::place},
    {"language", &FileMetadata::language},
    {"witness", &FileMetadata::witness},
}};

bool EqualsIgnoringCase(std::string_view a, std::string_view lower) {
  if (a.size() != lower.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

Field FindKey(std::string_view key) {
  for (const KeyName& k : kKeys) {
    if (EqualsIgnoringCase(key, k.name)) return k.field;
  }
  return nullptr;
}

// Splits "key: value" at the first colon. The key must start the line.
bool SplitKeyValue(std::string_view line, std::string_view* key, std::string_view* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos || colon == 0) return false;
  if (line[0] == ' ' || line[0] == '\t') return false;
  *key = Trim(line.substr(0, colon));
  *value = Trim(line.substr(colon + 1));
  return true;
}

void SetOnce(FileMetadata* metadata, Field field, std::string_view value) {
  if (value.empty() || (metadata->*field).has_value()) return;
  metadata->*field = std::string(value);
}

// A YAML scalar without its matching quotes.
std::string_view Unquote(std::string_view value) {
  if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
      value.back() == value.front()) {
    return Trim(value.substr(1, value.size() - 2));
  }
  return value;
}

HeadResult NeedMore() { return HeadResult{}; }
HeadResult NoHead() {
  HeadResult result;
  result.kind = HeadResult::Kind::kNone;
  return result;
}
HeadResult Found(size_t body_start, FileMetadata metadata) {
  HeadResult result;
  result.kind = HeadResult::Kind::kFound;
  result.body_start = body_start;
  result.metadata = std::move(metadata);
  return result;
}

// Walks `head` line by line. Each complete line (and at kEnd, the unterminated last
// one) goes to `on_line`, which returns a decision or kNeedMore to go on.
template <class OnLine>
HeadResult ForEachLine(std::string_view head, InputEnd end, OnLine on_line) {
  size_t pos = 0;
  while (pos < head.size()) {
    size_t newline = head.find('\n', pos);
    if (newline == std::string_view::npos && end == InputEnd::kMore) break;
    size_t line_end = newline == std::string_view::npos ? head.size() : newline;
    size_t next = newline == std::string_view::npos ? head.size() : newline + 1;
    HeadResult result = on_line(head.substr(pos, line_end - pos), next);
    if (result.kind != HeadResult::Kind::kNeedMore) return result;
    pos = next;
  }
  return end == InputEnd::kEnd ? NoHead() : NeedMore();
}

HeadResult ParseHeaderBlock(std::string_view head, InputEnd end) {
  FileMetadata metadata;
  bool any_key = false;
  return ForEachLine(head, end, [&](std::string_view line, size_t next) -> HeadResult {
    if (any_key && IsBlank(line)) return Found(next, std::move(metadata));
    std::string_view key, value;
    Field field = nullptr;
    if (SplitKeyValue(line, &key, &value)) field = FindKey(key);
    if (field == nullptr) return NoHead();
    SetOnce(&metadata, field, value);
    any_key = true;
    return NeedMore();
  });
}

bool IsFence(std::string_view line, std::string_view fence) {
  return line.starts_with(fence) && IsBlank(line.substr(fence.size()));
}

HeadResult ParseFrontMatter(std::string_view head, InputEnd end) {
  FileMetadata metadata;
  bool opened = false;
  return ForEachLine(head, end, [&](std::string_view line, size_t next) -> HeadResult {
    if (!opened) {
      opened = true;
      return NeedMore();  // the opening "---", checked by the caller
    }
    if (IsFence(line, "---") || IsFence(line, "...")) {
      return Found(next, std::move(metadata));
    }
    std::string_view key, value;
    if (SplitKeyValue(line, &key, &value)) {
      if (Field field = FindKey(key); field != nullptr) SetOnce(&metadata, field, Unquote(value));
    }
    return NeedMore();
  });
}

}  // namespace

HeadResult ParseHead(std::string_view head, HeadSyntax syntax, InputEnd end) {
  if (syntax == HeadSyntax::kHeaderBlockOrFrontMatter) {
    size_t newline = head.find('\n');
    if (newline == std::string_view::npos && end == InputEnd::kMore) {
      // "---" may still be on its way.
      if (std::string_view("---").starts_with(head) || head.starts_with("---")) return NeedMore();
    } else if (IsFence(head.substr(0, newline), "---")) {
      return ParseFrontMatter(head, end);
    }
  }
  return ParseHeaderBlock(head, end);
}

}  // namespace sijill::ingest::internal
