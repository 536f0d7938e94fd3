#include "export/text_guard.h"

#include <fmt/format.h>

namespace sijill::exporter {
namespace {

// Nobody to protect: nothing to replace and nothing that could leak.
class PassThrough : public TextGuard {
 public:
  std::string Redact(std::string_view text) const override { return std::string(text); }
  std::vector<LeakFinding> FindLeaks(std::string_view) const override { return {}; }
};

}  // namespace

base::Result<std::unique_ptr<TextGuard>> MakeTextGuard(
    const std::vector<knowledge::Entity>& protected_persons) {
  if (protected_persons.empty()) return std::make_unique<PassThrough>();
  // UNWIRED: src/redact (redact::Redactor) is not in this build yet. Refusing is the
  // only safe answer: an export below the confidential level would otherwise carry the
  // protected persons' names wherever witnesses mention them.
  return base::Error(base::Status::Unavailable(fmt::format(
      "{} protected person(s) would need redaction below the confidential level, and this "
      "build has no redactor; export at --level confidential (real names) or wait for "
      "src/redact",
      protected_persons.size())));
}

}  // namespace sijill::exporter
