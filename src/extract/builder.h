// What the language recognizers share: a DocumentBuilder that gathers mentions into
// document-level entities by a key, and claims without repeats; sentence and paragraph
// bounds; the dates inside a span. Internal to the extract module; not thread-safe.
#pragma once

#include <array>
#include <cstddef>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "extract/extract.h"

namespace sijill::extract {

class DocumentBuilder {
 public:
  explicit DocumentBuilder(const Document& document) : document_(document) {}

  const Document& document() const { return document_; }
  std::string_view TextAt(Span span) const {
    return document_.text.substr(span.begin, span.end - span.begin);
  }

  // The entity of `type` that `key` names in this document (keys are the recognizer's
  // identity for it: a normalized name, a unit's number and echelon, a gazetteer id),
  // made with `canonical` on first use; `span` (if not empty) is added as a mention.
  // Returns its index.
  size_t Mention(knowledge::EntityType type, std::string_view key, std::string_view canonical,
                 Span span, std::string_view recognizer);
  // Adds a mention to an entity already made.
  void AddSpan(size_t entity, Span span);
  // The entity `key` names, if one was made.
  std::optional<size_t> Find(knowledge::EntityType type, std::string_view key) const;
  // Another key under which the entity is found from now on (a surname, a nickname).
  void AddKey(size_t entity, std::string_view key);

  FoundEntity& entity(size_t i) { return entities_[i]; }
  const std::vector<FoundEntity>& entities() const { return entities_; }

  // Adds a claim unless the same one (subject, predicate, object, role, time) is there.
  // Its time is made canonical EDTF (season interval ends as months), or left out.
  void Claim(FoundClaim claim);
  const std::vector<FoundClaim>& claims() const { return claims_; }

  // The result: spans sorted and distinct.
  Extraction Finish() &&;

 private:
  const Document& document_;
  std::vector<FoundEntity> entities_;
  // Entity keys, one table per entity type, looked up by string_view without a copy.
  struct KeyHash {
    using is_transparent = void;
    size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
  };
  using KeyTable = std::unordered_map<std::string, size_t, KeyHash, std::equal_to<>>;
  std::array<KeyTable, 4> keys_;  // indexed by knowledge::EntityType
  KeyTable& KeysOf(knowledge::EntityType type) { return keys_[static_cast<size_t>(type)]; }
  const KeyTable& KeysOf(knowledge::EntityType type) const {
    return keys_[static_cast<size_t>(type)];
  }
  std::vector<FoundClaim> claims_;
  // What Claim compares to find a repeat, for each claim in claims_ (a lookup, not a scan
  // of every claim: long testimonies have thousands).
  struct ClaimKey {
    size_t subject;
    knowledge::Predicate predicate;
    std::optional<size_t> object;
    std::optional<std::string> object_text, role, time;
    auto operator<=>(const ClaimKey&) const = default;
  };
  std::set<ClaimKey> claim_keys_;
};

// The paragraph (text between blank lines or line breaks) holding byte `pos`, trimmed.
Span ParagraphAt(std::string_view text, size_t pos);
// Every sentence of the text, in order: from after the previous ". ", "? ", "! ", "؟ " or
// paragraph start to its end mark (included, with a closing quote) or the paragraph's
// end. Never crosses a paragraph.
std::vector<Span> Sentences(std::string_view text);

// The dates of the document whose spans lie inside `span`, in text order.
std::vector<const FoundDate*> DatesIn(const Document& document, Span span);

}  // namespace sijill::extract
