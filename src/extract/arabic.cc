#include "extract/arabic.h"

namespace sijill::extract {

void ExtractArabic(DocumentBuilder& out) { (void)out; }

}  // namespace sijill::extract
