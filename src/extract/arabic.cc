#include "extract/arabic.h"

#include "extract/arabic_internal.h"

namespace sijill::extract {

void ExtractArabic(DocumentBuilder& out) {
  arabic::ArabicDoc doc(out);
  arabic::FindPlaces(doc);
  arabic::FindWitness(doc);
  arabic::FindPersons(doc);
  arabic::FindUnits(doc);
  arabic::FindAliases(doc);
  arabic::FindNameReferences(doc);
  arabic::FindClaims(doc);
  arabic::FindEvents(doc);
}

}  // namespace sijill::extract
