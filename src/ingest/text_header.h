// The metadata block at the start of a text or Markdown file: a "Key: value" header
// block, or for Markdown a YAML front matter block (grammar in reader.h). Internal to
// the text reader; pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <string_view>

#include "ingest/reader.h"

namespace sijill::ingest::internal {

enum class HeadSyntax { kHeaderBlock, kHeaderBlockOrFrontMatter };
enum class InputEnd { kMore, kEnd };  // whether more text may follow `head`

struct HeadResult {
  enum class Kind {
    kNeedMore,  // cannot tell yet: call again with more text
    kNone,      // no metadata block: all of the text is body
    kFound,     // a metadata block: the body starts at body_start
  };
  Kind kind = Kind::kNeedMore;
  size_t body_start = 0;
  FileMetadata metadata;  // filled when kFound
};

// Decides whether `head`, the start of a file's text (no BOM, LF line endings), opens
// with a metadata block. With InputEnd::kEnd the answer is never kNeedMore.
HeadResult ParseHead(std::string_view head, HeadSyntax syntax, InputEnd end);

}  // namespace sijill::ingest::internal
