// Any bytes as an EDTF string: a parsed value prints to a canonical string that parses
// back to the same value and the same string, and its bounds are ordered.
#include <string>

#include "fuzz/fuzz_support.h"
#include "time/bounds.h"
#include "time/edtf.h"
#include "time/relations.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  namespace t = sijill::time;
  auto value = t::ParseEdtf(sijill::fuzz::AsText(data, size));
  if (!value) {
    Check(!value.error().message().empty(), "an error without a message");
    return 0;
  }
  std::string canonical = t::ToString(*value);
  auto again = t::ParseEdtf(canonical);
  Check(again.has_value(), "the canonical string does not parse");
  Check(*again == *value, "the canonical string parses to a different value");
  Check(t::ToString(*again) == canonical, "the canonical string is not stable");
  Check(t::Level(*again) <= t::Level(*value), "the canonical string needs a higher level");
  t::Bounds b = t::BoundsOf(*value);
  Check(!b.earliest || !b.latest || *b.earliest <= *b.latest, "earliest > latest");
  Check(b.certain_first.has_value() == b.certain_last.has_value(), "half a certain range");
  if (b.certain_first) {
    Check(*b.certain_first <= *b.certain_last, "empty certain range");
    Check((!b.earliest || *b.earliest <= *b.certain_first) &&
              (!b.latest || *b.certain_last <= *b.latest),
          "certain days outside the bounds");
    Check(t::Contains(*value, *b.certain_first) == t::Answer::kCertainly ||
              value->kind == t::ValueKind::kOneOf || value->kind == t::ValueKind::kAllOf,
          "a certain day is not certainly contained");
  }
  if (b.earliest) {
    Check(t::Contains(*value, *b.earliest - 1) == t::Answer::kNo ||
              value->kind == t::ValueKind::kOneOf || value->kind == t::ValueKind::kAllOf,
          "a day before the bounds is contained");
  }
  return 0;
}
