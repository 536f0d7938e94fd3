// Redacting any valid UTF-8: nothing crashes, the result is valid UTF-8, and the
// independent leak check finds nothing in it. Twice per input: with fixed protected
// persons (names in both scripts, with the article, multi-word, nested), and with
// persons whose names are the input's first lines (so the fuzzer also chooses names).
#include <memory>
#include <string>
#include <vector>

#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "redact/redactor.h"

namespace {

using sijill::redact::ProtectedName;
using sijill::redact::Redactor;

const Redactor& FixedRedactor() {
  static const std::unique_ptr<Redactor> redactor = [] {
    std::vector<ProtectedName> persons = {
        {"Protected person AAAAAA", {"Abu Karam", "أبو كرام"}},
        {"Protected person BBBBBB", {"Ayham", "أيهم", "إيهم"}},
        {"Protected person CCCCCC", {"Karam", "كرام"}},
        {"Protected person DDDDDD", {"Abdulrahman al-Haddad", "الحداد", "عبد الرحمن"}},
        {"Protected person EEEEEE", {"Ali", "علي", "Sa'id", "سعيدة"}},
    };
    auto r = Redactor::Create(persons);
    sijill::fuzz::Check(r.has_value(), "fixed persons refused");
    return std::move(*r);
  }();
  return *redactor;
}

void CheckRedaction(const Redactor& redactor, std::string_view text) {
  std::string redacted = redactor.Redact(text);
  sijill::fuzz::Check(sijill::base::IsValidUtf8(redacted), "redacted text is not UTF-8");
  sijill::fuzz::Check(redactor.FindLeaks(redacted).empty(), "a protected name leaked");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = sijill::fuzz::AsText(data, size);
  if (!sijill::base::IsValidUtf8(text)) return 0;
  CheckRedaction(FixedRedactor(), text);

  // Up to three names from the first lines; the rest is the text.
  std::vector<ProtectedName> persons;
  std::string_view rest = text;
  for (int i = 0; i < 3; ++i) {
    size_t newline = rest.find('\n');
    if (newline == std::string_view::npos || newline > 64) break;
    persons.push_back(
        {"Protected person F" + std::to_string(i), {std::string(rest.substr(0, newline))}});
    rest.remove_prefix(newline + 1);
  }
  if (persons.empty()) return 0;
  auto redactor = Redactor::Create(persons);
  if (redactor) CheckRedaction(**redactor, rest);
  return 0;
}
