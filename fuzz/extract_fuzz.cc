// Extraction over any valid UTF-8, read as English and as Arabic: nothing crashes, and
// the contract of extract.h holds — every entity has a span, every span and quote lies
// in the text on code point boundaries, a quote stays within one paragraph, claims
// refer to entities that exist, have exactly one object, and carry canonical EDTF.
#include <string>

#include "base/utf8.h"
#include "extract/extract.h"
#include "fuzz/fuzz_support.h"
#include "time/edtf.h"

namespace {

using sijill::fuzz::Check;
namespace extract = sijill::extract;

bool OnBoundaries(std::string_view text, extract::Span s) {
  if (s.begin > s.end || s.end > text.size()) return false;
  return sijill::base::IsValidUtf8(text.substr(s.begin, s.end - s.begin)) &&
         sijill::base::IsValidUtf8(text.substr(0, s.begin));
}

void CheckExtraction(std::string_view text, const extract::Extraction& x) {
  for (const auto& e : x.entities) {
    Check(!e.spans.empty(), "an entity without a mention");
    Check(!e.canonical.empty(), "an entity without a name");
    for (auto s : e.spans) Check(OnBoundaries(text, s) && s.end > s.begin, "a bad mention span");
  }
  for (const auto& c : x.claims) {
    Check(c.subject < x.entities.size(), "a claim's subject does not exist");
    Check(c.object.has_value() != c.object_text.has_value(), "a claim needs exactly one object");
    if (c.object) Check(*c.object < x.entities.size(), "a claim's object does not exist");
    Check(OnBoundaries(text, c.quote) && c.quote.end > c.quote.begin, "a bad quote span");
    std::string_view quote = text.substr(c.quote.begin, c.quote.end - c.quote.begin);
    Check(quote.find('\n') == std::string_view::npos, "a quote crosses a paragraph");
    if (c.time) {
      auto value = sijill::time::ParseEdtf(*c.time);
      Check(value.has_value() && sijill::time::ToString(*value) == *c.time,
            "a claim time that is not canonical EDTF");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = sijill::fuzz::AsText(data, size);
  if (!sijill::base::IsValidUtf8(text)) return 0;
  for (auto language : {extract::Language::kEnglish, extract::Language::kArabic}) {
    extract::Document doc = extract::PrepareDocument(
        text, language, sijill::time::EdtfDate{2024, 5, 12, sijill::time::Precision::kDay},
        std::string("Abu Karam"));
    CheckExtraction(text, extract::Extract(doc));
  }
  return 0;
}
