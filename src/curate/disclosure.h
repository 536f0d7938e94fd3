// What may leave the archive at an access level, and in what form: the one place that
// decides which sources a reader at a level sees and which names they must not. Used by
// every output that leaves the archive — exports, dossiers, search snippets — so that
// they all redact the same names the same way.
//
// At level L: sources whose access is above L are withheld (with the citations of
// them); below the confidential level every mention of a protected person — any of
// their names and aliases, and those of the entities merged with them, in any script —
// is replaced by their pseudonym (knowledge::Pseudonym), and so is every source's
// witness name (a witness is protected by definition; pseudonym "Protected witness
// XXXXXX" unless the witness is a protected entity). At the confidential level text is
// shown as stored.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"
#include "redact/redactor.h"
#include "store/records.h"
#include "store/store.h"

namespace sijill::curate {

class Disclosure {
 public:
  // Reads the protected persons and witnesses of `store` once.
  static base::Result<Disclosure> At(store::Store& store, store::AccessLevel level);

  store::AccessLevel level() const { return level_; }
  bool Shows(store::AccessLevel access) const { return access <= level_; }
  bool redacts() const { return redactor_ != nullptr; }

  // `text` as a reader at this level may see it.
  std::string Text(std::string_view text) const;

  // The last check before output is written: kPermissionDenied naming `what` and the
  // pseudonym of the first protected name still in `output` ("dossier.html: it would
  // show a name of Protected person 7K3QZP at byte 1234; nothing was written"). The
  // message never holds the name itself.
  base::Status CheckNoLeak(std::string_view output, std::string_view what) const;

 private:
  Disclosure(store::AccessLevel level, std::unique_ptr<redact::Redactor> redactor)
      : level_(level), redactor_(std::move(redactor)) {}
  store::AccessLevel level_;
  std::shared_ptr<const redact::Redactor> redactor_;
};

}  // namespace sijill::curate
