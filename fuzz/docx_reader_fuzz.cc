// Any bytes read as docx (see reader_fuzz.h for what is checked).
#include "fuzz/reader_fuzz.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  return sijill::fuzz::FuzzReader(data, size, sijill::ingest::Format::kDocx);
}
