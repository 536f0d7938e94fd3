// Any valid UTF-8 through the date finder: mentions are ordered, do not overlap, lie
// inside the text, their text is the span's bytes, the ends of a range lie inside its
// span, every value prints as EDTF that parses back to itself, and the fast scan finds
// exactly what the exhaustive scan (every token tried) finds. ReadDateField likewise.
#include <string>

#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "time/date_finder.h"
#include "time/date_finder_internal.h"
#include "time/edtf.h"

namespace {

using sijill::fuzz::Check;

void CheckValue(const std::optional<sijill::time::EdtfValue>& value) {
  if (!value) return;
  auto again = sijill::time::ParseEdtf(sijill::time::ToString(*value));
  Check(again.has_value() && *again == *value, "value does not round-trip");
}

bool Same(const std::vector<sijill::time::DateMention>& a,
          const std::vector<sijill::time::DateMention>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].cp_begin != b[i].cp_begin || a[i].cp_end != b[i].cp_end || a[i].value != b[i].value ||
        a[i].parts.size() != b[i].parts.size())
      return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace time = sijill::time;
  std::string_view text = sijill::fuzz::AsText(data, size);
  if (!sijill::base::IsValidUtf8(text)) return 0;
  time::FindOptions options;
  options.document_date = time::ParseEdtf("2024-05-12")->start;
  const uint64_t length = sijill::base::CodePointCount(text);
  uint64_t previous_end = 0;
  std::vector<time::DateMention> found = time::FindDates(text, options);
  for (const auto& m : found) {
    Check(m.cp_begin >= previous_end && m.cp_begin < m.cp_end && m.cp_end <= length,
          "mention spans out of order or outside the text");
    Check(sijill::base::CodePointCount(m.text) == m.cp_end - m.cp_begin,
          "mention text does not match its span");
    CheckValue(m.value);
    uint64_t part_end = m.cp_begin;
    for (const auto& p : m.parts) {
      Check(p.cp_begin >= part_end && p.cp_begin < p.cp_end && p.cp_end <= m.cp_end,
            "range ends out of order or outside their mention");
      CheckValue(p.value);
      part_end = p.cp_end;
    }
    previous_end = m.cp_end;
  }
  auto exhaustive = time::internal::FindDatesWith(text, options, {.skip_unlikely_starts = false});
  Check(Same(found, exhaustive), "the fast scan differs from the exhaustive scan");
  std::optional<time::DateMention> field = time::ReadDateField(text, options);
  auto field_exhaustive =
      time::internal::FindDatesWith(text, options, {.field = true, .skip_unlikely_starts = false});
  Check(field.has_value() == !field_exhaustive.empty(), "ReadDateField differs from the scan");
  if (field) {
    CheckValue(field->value);
    Check(Same({*field}, {field_exhaustive[0]}), "ReadDateField differs from the scan");
  }
  return 0;
}
