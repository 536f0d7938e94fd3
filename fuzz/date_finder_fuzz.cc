// Any valid UTF-8 through the date finder: mentions are ordered, do not overlap, lie
// inside the text, their text is the span's bytes, and every value prints as EDTF that
// parses back to itself.
#include <string>

#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "time/date_finder.h"
#include "time/edtf.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  std::string_view text = sijill::fuzz::AsText(data, size);
  if (!sijill::base::IsValidUtf8(text)) return 0;
  sijill::time::FindOptions options;
  options.document_date = sijill::time::ParseEdtf("2024-05-12")->start;
  const uint64_t length = sijill::base::CodePointCount(text);
  uint64_t previous_end = 0;
  for (const auto& m : sijill::time::FindDates(text, options)) {
    Check(m.cp_begin >= previous_end && m.cp_begin < m.cp_end && m.cp_end <= length,
          "mention spans out of order or outside the text");
    Check(sijill::base::CodePointCount(m.text) == m.cp_end - m.cp_begin,
          "mention text does not match its span");
    if (m.value) {
      auto again = sijill::time::ParseEdtf(sijill::time::ToString(*m.value));
      Check(again.has_value() && *again == *m.value, "value does not round-trip");
    }
    previous_end = m.cp_end;
  }
  return 0;
}
