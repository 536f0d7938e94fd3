// Running extraction on a source of an archive: what `sijill extract` does. The source's
// stored text is read and extracted (extract.h) with the built-in gazetteer and the
// archive's own places (ArchiveGazetteer); what was found is written through a
// curate::Curator in one transaction. Entities the archive already knows are reused: the
// one entity of the type known by one of the names (knowledge::NameKey), for persons only
// under a name of two words or more and never a protected one; a protected or one-word
// person only when this same source proposed it before; an event only by its canonical
// name (its mentions, "I was arrested", name no one). Others are added. Every claim is
// added with status candidate, confidence low, a citation of its quote and created_by
// "extract:<recognizer>", unless the same claim with the same citation is already there
// (decided or not) — so running it twice adds nothing the second time.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "base/status.h"
#include "extract/gazetteer.h"
#include "store/archive.h"
#include "store/records.h"

namespace sijill::extract {

struct RunSummary {
  size_t entities_added = 0;
  size_t entities_known = 0;  // found in the text, already in the archive
  size_t claims_added = 0;
  size_t claims_known = 0;  // already proposed (or decided) with the same citation
  size_t dates = 0;         // date expressions found
  // Proposals the knowledge layer's checks refuse: left out, so one does not stop a whole
  // run, each said as "predicate subject -> object (recognizer: "quote"): the check's
  // message", with the names the text gives. Reached when the archive knows two names
  // the text gives two entities as one ("47th Brigade" an alias of the "153rd Brigade":
  // "the 47th was attached to the 153rd" is a unit subordinate to itself), or by a
  // recognizer's mistake.
  std::vector<std::string> refused;
};

// The built-in gazetteer with the archive's own places added (names, aliases,
// coordinates), so that a place a team has entered or imported is recognized under its
// aliases. Build it once for a run over many sources.
base::Result<Gazetteer> ArchiveGazetteer(store::KnowledgeStore& knowledge);

// Errors: storage errors and a damaged text blob; nothing is written then.
base::Result<RunSummary> Run(store::Archive& archive, const store::SourceRecord& source,
                             const Gazetteer& places);
// The same with ArchiveGazetteer(archive's knowledge).
base::Result<RunSummary> Run(store::Archive& archive, const store::SourceRecord& source);

}  // namespace sijill::extract
