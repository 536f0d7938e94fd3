// The one check the three reader fuzz targets share: any bytes read as `format` give text
// or an error naming the file, and what is emitted is valid UTF-8 in bounded chunks.
#pragma once

#include <cstddef>
#include <cstdint>

#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "ingest/reader.h"

namespace sijill::fuzz {

struct CheckingSink : ingest::TextSink {
  base::Status Text(std::string_view utf8) override {
    Check(base::IsValidUtf8(utf8), "reader emitted invalid UTF-8");
    Check(utf8.size() <= ingest::kMaxChunkBytes, "chunk too large");
    return {};
  }
};

inline int FuzzReader(const uint8_t* data, size_t size, ingest::Format format) {
  MemFile file(AsText(data, size));
  CheckingSink sink;
  auto result = ingest::ReadFile(file.path(), format, sink);
  if (!result) {
    Check(result.error().message().starts_with(file.path().string() + ": "),
          "error does not name the file");
  }
  return 0;
}

}  // namespace sijill::fuzz
