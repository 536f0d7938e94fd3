// What the knowledge commands share: running one change through a curate::Curator in
// its own write transaction (committed only if the change succeeded), and reading a
// claim's time as a user types it.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "base/status.h"
#include "curate/curator.h"
#include "store/archive.h"

namespace sijill::cli {

// Runs `change` and commits. Nothing is written if it fails.
base::Status Curate(store::Archive& archive,
                    const std::function<base::Status(curate::Curator&)>& change);

// A claim's time: EDTF ("2012-23", "../2012-12-31"), or a date in words that the date
// reader turns into EDTF ("the fall of 2012", "أواخر 2013"); `note` then says how it was
// read. kInvalidArgument "time: ..." when neither reads it.
struct ReadTime {
  std::string edtf;
  std::optional<std::string> note;  // "time: 'fall 2012' read as 2012-23"
};
base::Result<ReadTime> ReadClaimTime(std::string_view typed);

}  // namespace sijill::cli
