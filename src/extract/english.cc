#include "extract/english.h"

namespace sijill::extract {

void ExtractEnglish(DocumentBuilder& out) { (void)out; }

}  // namespace sijill::extract
