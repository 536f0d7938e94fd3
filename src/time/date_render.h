// Internal to the date finder: the EDTF text of a matched expression. Resolves years
// that are not written (from the years named earlier in the text, else the document
// date), steps from the previous mention ("two days later") and Islamic dates, and
// keeps that context from one mention to the next.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "time/date_patterns.h"
#include "time/edtf.h"

namespace sijill::time::internal {

struct Context {
  std::optional<int64_t> last_year;  // the most recent year named or resolved
  std::optional<EdtfDate> document;
  std::optional<Piece> anchor;  // the previous mention's last date, its year resolved
};

struct RenderedAtom {
  // The EDTF text of the whole expression; "" when it could not be fixed. A month or
  // day whose year cannot be resolved keeps the year unspecified ("XXXX-11").
  std::string value;
  // For an atom written as two dates (Atom::first_end != 0): each alone ("" if unfixed).
  std::string first, last;
};

// Renders `atom` and updates `ctx` for the mentions after it.
RenderedAtom RenderAtom(Atom atom, Context& ctx);

}  // namespace sijill::time::internal
