// Running extraction on a source of an archive: what `sijill extract` does. The source's
// stored text is read, extracted (extract.h) with the built-in gazetteer and the
// archive's own places, and what was found is written through a curate::Curator in one
// transaction: entities the archive already knows by a name (same type, knowledge::
// NameKey of any of its names, one entity only; for persons a name of two words or more
// and neither protected) are reused, others are added; every claim is added with
// status candidate, confidence low, a citation of its quote and created_by
// "extract:<recognizer>", unless the same claim with the same citation is already there
// — so running it twice adds nothing the second time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "store/archive.h"
#include "store/records.h"

namespace sijill::extract {

struct RunSummary {
  size_t entities_added = 0;
  size_t entities_known = 0;  // found in the text, already in the archive
  size_t claims_added = 0;
  size_t claims_known = 0;  // already proposed (or decided) with the same citation
  size_t dates = 0;         // date expressions found
  // Proposals the knowledge layer's checks refuse (a recognizer's mistake, never the
  // user's): left out, each with the check's message, so one does not stop a whole run.
  std::vector<std::string> refused;
};

// Errors: storage errors and a damaged text blob; nothing is written then.
base::Result<RunSummary> Run(store::Archive& archive, const store::SourceRecord& source);

}  // namespace sijill::extract
