// The one hook every text leaving the archive in an export passes through: Redact()
// replaces mentions of protected persons with their pseudonyms, and FindLeaks() checks a
// whole written output independently before it is kept. The real implementation wraps
// redact::Redactor (MakeTextGuard); a guard built for no protected persons passes text
// through unchanged. Const methods are thread-safe.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "knowledge/model.h"

namespace sijill::exporter {

// A protected name found in output. Holds no part of the name itself: messages built
// from it may be printed.
struct LeakFinding {
  std::string pseudonym;  // whose name it is
  size_t offset = 0;      // byte offset in the text checked
};

class TextGuard {
 public:
  virtual ~TextGuard() = default;
  // `text` with every mention of a protected person replaced by their pseudonym.
  // REQUIRES: valid UTF-8.
  virtual std::string Redact(std::string_view text) const = 0;
  // Every mention still in `text`, in order; empty when it is safe to publish.
  // REQUIRES: valid UTF-8.
  virtual std::vector<LeakFinding> FindLeaks(std::string_view text) const = 0;
};

// A guard for `protected_persons` (their name and aliases, pseudonym
// knowledge::Pseudonym). Errors: those of building the redactor (kInvalidArgument naming
// the person by pseudonym), kUnavailable if this build has no redactor and there is
// someone to protect.
base::Result<std::unique_ptr<TextGuard>> MakeTextGuard(
    const std::vector<knowledge::Entity>& protected_persons);

}  // namespace sijill::exporter
