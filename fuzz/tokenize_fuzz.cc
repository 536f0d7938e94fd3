// Tokenizing any valid UTF-8: tokens are in order, inside the text, with non-empty
// keys, and folding is idempotent.
#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "text/normalize.h"
#include "text/tokenize.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  std::string_view text = sijill::fuzz::AsText(data, size);
  if (!sijill::base::IsValidUtf8(text)) return 0;
  sijill::text::TokenCursor cursor(text);
  size_t previous_begin = 0;
  while (cursor.Next()) {
    Check(cursor.begin() < cursor.end() && cursor.end() <= text.size(), "token range");
    Check(cursor.begin() >= previous_begin, "tokens out of order");
    Check(!cursor.folded().empty(), "empty key");
    Check(sijill::base::IsValidUtf8(cursor.folded()), "key is not UTF-8");
    previous_begin = cursor.begin();
  }
  std::string once = sijill::text::FoldForSearch(text);
  Check(sijill::text::FoldForSearch(once) == once, "folding is not idempotent");
  return 0;
}
