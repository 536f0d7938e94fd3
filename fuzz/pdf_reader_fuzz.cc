// Any bytes read as pdf: the reader returns text or an error naming the file, and
// what it emits is valid UTF-8 in chunks of bounded size.
#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "ingest/reader.h"

namespace {
struct CheckingSink : sijill::ingest::TextSink {
  sijill::base::Status Text(std::string_view utf8) override {
    sijill::fuzz::Check(sijill::base::IsValidUtf8(utf8), "reader emitted invalid UTF-8");
    sijill::fuzz::Check(utf8.size() <= sijill::ingest::kMaxChunkBytes, "chunk too large");
    return {};
  }
};
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  sijill::fuzz::MemFile file(sijill::fuzz::AsText(data, size));
  CheckingSink sink;
  auto result = sijill::ingest::ReadFile(file.path(), sijill::ingest::Format::kPdf, sink);
  if (!result) {
    sijill::fuzz::Check(result.error().message().starts_with(file.path().string() + ": "),
                        "error does not name the file");
  }
  return 0;
}
