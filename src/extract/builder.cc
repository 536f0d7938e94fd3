#include "extract/builder.h"

#include <algorithm>

#include "time/edtf.h"
#include "time/season_ends.h"

namespace sijill::extract {

size_t DocumentBuilder::Mention(knowledge::EntityType type, std::string_view key,
                                std::string_view canonical, Span span,
                                std::string_view recognizer) {
  auto [it, inserted] = KeysOf(type).try_emplace(std::string(key), entities_.size());
  if (inserted) {
    FoundEntity entity;
    entity.type = type;
    entity.canonical = std::string(canonical);
    entity.recognizer = std::string(recognizer);
    entities_.push_back(std::move(entity));
  }
  if (span.end > span.begin) AddSpan(it->second, span);
  return it->second;
}

void DocumentBuilder::AddSpan(size_t entity, Span span) {
  if (span.end > span.begin) entities_[entity].spans.push_back(span);
}

std::optional<size_t> DocumentBuilder::Find(knowledge::EntityType type,
                                            std::string_view key) const {
  const KeyTable& keys = KeysOf(type);
  auto it = keys.find(key);
  if (it == keys.end()) return std::nullopt;
  return it->second;
}

void DocumentBuilder::AddKey(size_t entity, std::string_view key) {
  KeysOf(entities_[entity].type).try_emplace(std::string(key), entity);
}

void DocumentBuilder::Claim(FoundClaim claim) {
  // Times as the knowledge layer takes them, canonical EDTF: a season as an interval end
  // ("2012-21/..", which EDTF does not allow) is read as the months covering the same
  // days; a time that still cannot be read is left out rather than fail a whole run.
  if (claim.time) {
    std::string edtf = *claim.time;
    if (auto months = time::GroupingEndsAsMonths(edtf)) edtf = *months;
    auto value = time::ParseEdtf(edtf);
    claim.time = value ? std::optional<std::string>(time::ToString(*value)) : std::nullopt;
  }
  ClaimKey key{claim.subject,     claim.predicate, claim.object,
               claim.object_text, claim.role,      claim.time};
  if (!claim_keys_.insert(std::move(key)).second) return;  // a repeat
  claims_.push_back(std::move(claim));
}

Extraction DocumentBuilder::Finish() && {
  Extraction out;
  for (FoundEntity& e : entities_) {
    std::sort(e.spans.begin(), e.spans.end());
    e.spans.erase(std::unique(e.spans.begin(), e.spans.end()), e.spans.end());
  }
  out.entities = std::move(entities_);
  out.claims = std::move(claims_);
  out.dates = document_.dates;
  return out;
}

namespace {

bool IsLineBreak(char c) { return c == '\n' || c == '\r'; }

bool IsSpace(char c) { return c == ' ' || c == '\t' || IsLineBreak(c); }

Span Trim(std::string_view text, Span s) {
  while (s.begin < s.end && IsSpace(text[s.begin])) ++s.begin;
  while (s.end > s.begin && IsSpace(text[s.end - 1])) --s.end;
  return s;
}

// Length of a sentence end mark at `i` (".", "!", "?", "؟" = U+061F), 0 if none.
size_t EndMarkAt(std::string_view text, size_t i) {
  char c = text[i];
  if (c == '.' || c == '!' || c == '?') return 1;
  if (text.substr(i, 2) == "\xd8\x9f") return 2;
  return 0;
}

}  // namespace

Span ParagraphAt(std::string_view text, size_t pos) {
  pos = std::min(pos, text.size());
  size_t begin = pos;
  while (begin > 0 && !IsLineBreak(text[begin - 1])) --begin;
  size_t end = pos;
  while (end < text.size() && !IsLineBreak(text[end])) ++end;
  return Trim(text, {begin, end});
}

std::vector<Span> Sentences(std::string_view text) {
  std::vector<Span> out;
  size_t start = 0;
  size_t i = 0;
  auto close = [&](size_t end) {
    Span s = Trim(text, {start, end});
    if (s.end > s.begin) out.push_back(s);
    start = end;
  };
  while (i < text.size()) {
    if (IsLineBreak(text[i])) {
      close(i);
      ++i;
      continue;
    }
    size_t mark = EndMarkAt(text, i);
    if (mark > 0) {
      size_t after = i + mark;
      // Closing quotes and brackets stay with the sentence they end.
      while (after < text.size() &&
             (text[after] == '"' || text[after] == ')' || text.substr(after, 3) == "\xe2\x80\x9d" ||
              text.substr(after, 2) == "\xc2\xbb")) {
        after += text[after] == '"' || text[after] == ')'  ? 1
                 : text.substr(after, 3) == "\xe2\x80\x9d" ? 3
                                                           : 2;
      }
      if (after >= text.size() || IsSpace(text[after])) {
        close(after);
        i = after;
        continue;
      }
      i = after;
      continue;
    }
    ++i;
  }
  close(text.size());
  return out;
}

std::vector<const FoundDate*> DatesIn(const Document& document, Span span) {
  std::vector<const FoundDate*> out;
  for (const FoundDate& d : document.dates) {
    if (d.span.begin >= span.begin && d.span.end <= span.end) out.push_back(&d);
  }
  return out;
}

}  // namespace sijill::extract
