// Assisted extraction: the persons, units, places, events and claims a testimony's text
// proposes, each anchored to the exact spans it was read from, for a reviewer to accept,
// correct or reject. Pure functions over text (no archive, no I/O; run.h stores the
// result as candidates); thread-safe; deterministic.
//
// Nothing is invented: every entity has at least one span, every claim a quote (a
// sentence of the text) that states it; a claim's time comes only from a date written
// in or next to that sentence.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "knowledge/model.h"
#include "time/edtf.h"

namespace sijill::extract {

class Gazetteer;

enum class Language { kEnglish, kArabic };

// [begin, end) byte offsets into Document::text, on code point boundaries.
struct Span {
  size_t begin = 0;
  size_t end = 0;
  bool operator==(const Span&) const = default;
  auto operator<=>(const Span&) const = default;
};

// A date expression of the text (time::FindDates), with byte spans.
struct FoundDate {
  Span span;
  std::optional<time::EdtfValue> value;  // nullopt when the date could not be fixed
  std::string edtf;                      // canonical EDTF of `value`, empty without one
};

// One text to extract from, with what is known about it.
struct Document {
  std::string_view text;  // valid UTF-8 (NFC): a source's whole extracted text
  Language language = Language::kEnglish;
  std::optional<time::EdtfDate> document_date;
  // The witness as the source's metadata names them (pseudonym), if any: their mentions
  // and their relatives are protected persons.
  std::optional<std::string> witness;
  // What a statement whose wording cites no source rests on: the speaker's own knowledge
  // in a testimony; the document itself in an article, report or other document.
  knowledge::Evidence uncued_evidence = knowledge::Evidence::kFirstHand;
  std::vector<FoundDate> dates;          // every date of `text`, in text order
  const Gazetteer* gazetteer = nullptr;  // places to look for; never null after Prepare
};

// An entity the text mentions.
struct FoundEntity {
  knowledge::EntityType type = knowledge::EntityType::kPerson;
  std::string canonical;      // the fullest name the text gives (places: the gazetteer's)
  std::vector<Span> spans;    // every mention, sorted, distinct
  bool is_protected = false;  // the witness or a relative of the witness
  std::optional<double> latitude, longitude;  // places from the gazetteer
  std::string recognizer;  // "unit", "person", "place", "event", ... (created_by suffix)
};

// A relation the text states between two found entities (or an entity and a literal).
struct FoundClaim {
  size_t subject = 0;  // index into Extraction::entities
  knowledge::Predicate predicate = knowledge::Predicate::kMemberOf;
  std::optional<size_t> object;            // index into Extraction::entities, or
  std::optional<std::string> object_text;  // a literal; exactly one is set
  std::optional<std::string> role;         // "commander", "chief of staff", "brother", ...
  std::optional<std::string> rank;         // as the vocabulary names it: "colonel"
  std::optional<std::string> time;         // canonical EDTF, nullopt when the text has none
  knowledge::Evidence evidence = knowledge::Evidence::kFirstHand;
  Span quote;              // the words that state it: within one paragraph
  std::string recognizer;  // the pattern that read it ("apposition", "membership", ...)
  bool operator==(const FoundClaim&) const = default;
};

struct Extraction {
  std::vector<FoundEntity> entities;
  std::vector<FoundClaim> claims;
  std::vector<FoundDate> dates;
};

// The language of a text: Arabic when most of its letters are Arabic.
Language DetectLanguage(std::string_view utf8_text);

// A Document for `text` with its dates found and the built-in gazetteer
// (Gazetteer::Builtin) unless one is given. `language` nullopt: DetectLanguage.
// REQUIRES: `text` is valid UTF-8 and outlives the Document.
Document PrepareDocument(std::string_view text, std::optional<Language> language,
                         std::optional<time::EdtfDate> document_date,
                         std::optional<std::string> witness, const Gazetteer* gazetteer = nullptr);

// Everything the recognizers and claim patterns of the document's language find.
Extraction Extract(const Document& document);

}  // namespace sijill::extract
