// Printable HTML reports of the knowledge layer: a timeline, and the dossier of an
// entity (sections of claims in time order, every statement footnoted with the
// witnesses' exact words and where they stand). Self-contained pages (inline CSS, no
// scripts, no external resources) that print on A4.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"
#include "curate/disclosure.h"
#include "query/rows.h"
#include "store/store.h"

namespace sijill::cli {

struct ReportSection {
  std::string heading;
  std::vector<query::TimelineRow> rows;
};

struct ReportCounts {
  size_t claims = 0;           // shown
  size_t withheld_claims = 0;  // every citation above the level
  size_t withheld_citations = 0;
};

// The page: `title`, the entity's names, then each non-empty section as a table (time,
// statement, footnote marks), then the footnotes. Every text goes through `disclosure`
// (nullptr: shown as stored); citations of sources it does not show are left out, and a
// claim left with none is withheld. `counts`, if given, says what was shown and withheld.
base::Result<std::string> ReportHtml(store::Store& store, const std::string& title,
                                     const knowledge::Entity& entity,
                                     const std::vector<ReportSection>& sections,
                                     const curate::Disclosure* disclosure,
                                     ReportCounts* counts = nullptr);

// A timeline as one section, shown as stored (the local user's own view).
base::Result<std::string> TimelineHtml(store::Store& store, const knowledge::Entity& entity,
                                       const std::vector<query::TimelineRow>& rows);

}  // namespace sijill::cli
