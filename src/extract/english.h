// The English recognizers (units, ranks and roles, persons, events) and claim patterns.
// Internal to the extract module.
#pragma once

#include "extract/builder.h"

namespace sijill::extract {

// Adds to `out` what the English rules find in its document. Places found by the
// gazetteer are already in `out` (recognizer "place").
void ExtractEnglish(DocumentBuilder& out);

}  // namespace sijill::extract
