#include "cli/curate_session.h"

#include <fmt/format.h>

#include "base/utf8.h"
#include "time/date_finder.h"
#include "time/edtf.h"
#include "time/season_ends.h"

namespace sijill::cli {

base::Status Curate(store::Archive& archive,
                    const std::function<base::Status(curate::Curator&)>& change) {
  ASSIGN_OR_RETURN(auto txn, archive.store().BeginWrite());
  curate::Curator curator(archive.store(), *txn, curate::Actor::Now());
  TRY(change(curator));
  return txn->Commit();
}

base::Result<ReadTime> ReadClaimTime(std::string_view typed) {
  auto value = time::ParseEdtf(typed);
  if (value) return ReadTime{time::ToString(*value), std::nullopt};
  if (auto months = time::GroupingEndsAsMonths(typed)) {
    if (auto v = time::ParseEdtf(*months)) {
      std::string edtf = time::ToString(*v);
      return ReadTime{edtf, fmt::format("time: '{}' read as {} (EDTF has no season as an "
                                        "interval end; the same days)",
                                        typed, edtf)};
    }
  }
  // Text written in EDTF's own characters is EDTF with a mistake, not words: say what is
  // wrong with it rather than guess ("2012-13" is not a span of two years here).
  const bool edtf_syntax =
      typed.find_first_not_of("0123456789X?~%/.-[]{},:TZ+ ") == std::string_view::npos;
  if (!edtf_syntax && base::IsValidUtf8(typed)) {
    if (auto mention = time::ReadDateField(typed, {}); mention && mention->value) {
      std::string edtf = time::ToString(*mention->value);
      return ReadTime{edtf, fmt::format("time: '{}' read as {}", typed, edtf)};
    }
  }
  if (edtf_syntax) {
    return base::Error(base::Status::InvalidArgument("time: " + value.error().message()));
  }
  return base::Error(base::Status::InvalidArgument(
      fmt::format("time: '{}' is neither EDTF nor a date in words Sijill reads", typed)));
}

}  // namespace sijill::cli
