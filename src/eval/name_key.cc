#include "eval/name_key.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "text/normalize.h"

namespace sijill::eval {
namespace {

bool Dropped(UChar32 c) { return u_ispunct(c) || c == U'`' || c == U'\u00B4'; }

}  // namespace

std::string NormalizeName(std::string_view name) {
  std::string folded = text::FoldForSearch(name);
  std::string out;
  bool pending_space = false;
  int32_t i = 0;
  const int32_t n = static_cast<int32_t>(folded.size());
  while (i < n) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(folded.data(), i, n, c);
    if (c < 0 || Dropped(c)) continue;
    if (u_isUWhiteSpace(c)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out += ' ';
    pending_space = false;
    out.append(folded, static_cast<size_t>(start), static_cast<size_t>(i - start));
  }
  // One leading article; never the whole name ("the" alone stays).
  for (std::string_view article : {std::string_view("the "), std::string_view("ال")}) {
    if (out.size() > article.size() && out.starts_with(article)) {
      out.erase(0, article.size());
      break;
    }
  }
  return out;
}

}  // namespace sijill::eval
