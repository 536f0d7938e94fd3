#include <algorithm>

#include "base/utf8.h"
#include "extract/arabic.h"
#include "extract/builder.h"
#include "extract/english.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"
#include "time/date_finder.h"

namespace sijill::extract {
namespace {

bool IsArabicLetter(char32_t c) {
  return (c >= 0x0621 && c <= 0x064A) || (c >= 0x0671 && c <= 0x06D3) ||
         (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool IsLatinLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F);
}

// Byte offset of every code point boundary: offsets[cp] = byte.
std::vector<size_t> CodePointOffsets(std::string_view text) {
  std::vector<size_t> offsets;
  offsets.reserve(text.size() + 1);
  size_t pos = 0;
  while (pos < text.size()) {
    offsets.push_back(pos);
    base::DecodeAt(text, &pos);
  }
  offsets.push_back(text.size());
  return offsets;
}

}  // namespace

Language DetectLanguage(std::string_view text) {
  size_t arabic = 0, latin = 0, pos = 0;
  while (pos < text.size()) {
    char32_t c = base::DecodeAt(text, &pos);
    if (IsArabicLetter(c))
      ++arabic;
    else if (IsLatinLetter(c))
      ++latin;
  }
  return arabic > latin ? Language::kArabic : Language::kEnglish;
}

Document PrepareDocument(std::string_view text, std::optional<Language> language,
                         std::optional<time::EdtfDate> document_date,
                         std::optional<std::string> witness, const Gazetteer* gazetteer) {
  Document doc;
  doc.text = text;
  doc.language = language ? *language : DetectLanguage(text);
  doc.document_date = document_date;
  doc.witness = std::move(witness);
  doc.gazetteer = gazetteer != nullptr ? gazetteer : &Gazetteer::Builtin();
  time::FindOptions options;
  options.document_date = document_date;
  std::vector<size_t> offsets = CodePointOffsets(text);
  auto byte_at = [&](uint64_t cp) { return offsets[std::min<uint64_t>(cp, offsets.size() - 1)]; };
  for (const time::DateMention& m : time::FindDates(text, options)) {
    FoundDate d;
    d.span = {byte_at(m.cp_begin), byte_at(m.cp_end)};
    d.value = m.value;
    if (m.value) d.edtf = time::ToString(*m.value);
    doc.dates.push_back(std::move(d));
  }
  return doc;
}

Extraction Extract(const Document& document) {
  DocumentBuilder out(document);
  const Gazetteer& gazetteer =
      document.gazetteer != nullptr ? *document.gazetteer : Gazetteer::Builtin();
  for (const Gazetteer::Match& m : gazetteer.Find(document.text)) {
    const Place& place = gazetteer.places()[m.place];
    size_t e = out.Mention(knowledge::EntityType::kPlace, "place:" + place.id, place.name, m.span,
                           "place");
    out.entity(e).latitude = place.latitude;
    out.entity(e).longitude = place.longitude;
  }
  if (document.language == Language::kArabic) {
    ExtractArabic(out);
  } else {
    ExtractEnglish(out);
  }
  return std::move(out).Finish();
}

}  // namespace sijill::extract
