// Citations checked against the words of their source: a quote is accepted only where
// the source's extracted text holds it exactly (after NFC on both sides). Offsets are code
// points into the extracted text (docs/formats/passages.md); a quote must lie within one
// passage (a paragraph, or part of a long one), so it is found in the passages stored in
// the database without decrypting the text blob.
#pragma once

#include <optional>
#include <string_view>

#include "base/id.h"
#include "base/status.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::curate {

// The citation of the first occurrence of `quote` in `source` (in passage `passage` if
// given). Errors (kInvalidArgument, meant for the user):
//   "the quote is not in source 01ab…: 'xyz'"  (also when it straddles two passages)
//   "the quote is empty"
// kNotFound if the source does not exist.
base::Result<knowledge::Citation> LocateQuote(store::Store& store, const base::Id& source,
                                              std::string_view quote,
                                              std::optional<uint32_t> passage = std::nullopt);

// Checks that `citation.quote` is exactly the text at its span of its source.
// kInvalidArgument naming the source and span otherwise.
base::Status CheckCitation(store::Store& store, const knowledge::Citation& citation);

}  // namespace sijill::curate
