// Test helpers for the Arabic recognizers: extraction of a short text with a small
// gazetteer of its own, and lookups of entities by mention and of claims by predicate.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/extract.h"
#include "extract/gazetteer.h"

namespace sijill::extract::testing {

class ArabicExtraction {
 public:
  explicit ArabicExtraction(std::string text, std::optional<std::string> witness = "أبو سامي",
                            knowledge::Evidence uncued_evidence = knowledge::Evidence::kFirstHand)
      : text_(std::move(text)) {
    gazetteer_.Add({"x:homs", "Homs", {"حمص"}, "city", std::nullopt, 34.7, 36.7});
    gazetteer_.Add({"x:qusayr", "Qusayr", {"القصير"}, "city", std::nullopt, 34.5, 36.6});
    gazetteer_.Add({"x:douma", "Douma", {"دوما"}, "city", std::nullopt, 33.6, 36.4});
    gazetteer_.Add({"x:latakia", "Latakia", {"اللاذقية"}, "city", std::nullopt, 35.5, 35.8});
    time::EdtfDate date;
    date.year = 2024;
    date.month = 1;
    date.day = 1;
    date.precision = time::Precision::kDay;
    Document doc = PrepareDocument(text_, Language::kArabic, date, std::move(witness), &gazetteer_);
    doc.uncued_evidence = uncued_evidence;
    found_ = Extract(doc);
  }

  const Extraction& found() const { return found_; }

  std::string TextOf(Span s) const { return text_.substr(s.begin, s.end - s.begin); }

  // The entity of `type` one of whose mentions is exactly `mention`.
  std::optional<size_t> Entity(knowledge::EntityType type, std::string_view mention) const {
    for (size_t i = 0; i < found_.entities.size(); ++i) {
      if (found_.entities[i].type != type) continue;
      for (Span s : found_.entities[i].spans)
        if (TextOf(s) == mention) return i;
    }
    return std::nullopt;
  }
  std::optional<size_t> Unit(std::string_view m) const {
    return Entity(knowledge::EntityType::kUnit, m);
  }
  std::optional<size_t> Person(std::string_view m) const {
    return Entity(knowledge::EntityType::kPerson, m);
  }
  const FoundEntity& at(size_t i) const { return found_.entities[i]; }

  size_t Count(knowledge::EntityType type) const {
    size_t n = 0;
    for (const FoundEntity& e : found_.entities) n += e.type == type ? 1 : 0;
    return n;
  }

  // The claims with this predicate, subject and object.
  std::vector<FoundClaim> Claims(knowledge::Predicate predicate, std::optional<size_t> subject,
                                 std::optional<size_t> object) const {
    std::vector<FoundClaim> out;
    if (!subject || !object) return out;
    for (const FoundClaim& c : found_.claims)
      if (c.predicate == predicate && c.subject == *subject && c.object == *object)
        out.push_back(c);
    return out;
  }
  size_t Count(knowledge::Predicate predicate) const {
    size_t n = 0;
    for (const FoundClaim& c : found_.claims) n += c.predicate == predicate ? 1 : 0;
    return n;
  }

 private:
  std::string text_;
  Gazetteer gazetteer_;
  Extraction found_;
};

}  // namespace sijill::extract::testing
