#include "curate/quotes.h"

#include <fmt/format.h>

#include "base/utf8.h"
#include "text/normalize.h"

namespace sijill::curate {
namespace {

uint64_t CodePoints(std::string_view utf8) {
  uint64_t n = 0;
  for (char c : utf8) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// The byte offset of code point `cp` in `utf8` (its size if past the end).
size_t ByteOffset(std::string_view utf8, uint64_t cp) {
  size_t i = 0;
  for (; i < utf8.size(); ++i) {
    if ((static_cast<unsigned char>(utf8[i]) & 0xC0) != 0x80) {
      if (cp == 0) return i;
      --cp;
    }
  }
  return i;
}

std::string Shortened(std::string_view quote) {
  if (CodePoints(quote) <= 80) return std::string(quote);
  return std::string(quote.substr(0, ByteOffset(quote, 77))) + "...";
}

}  // namespace

base::Result<knowledge::Citation> LocateQuote(store::Store& store, const base::Id& source,
                                              std::string_view quote,
                                              std::optional<uint32_t> passage) {
  if (!base::IsValidUtf8(quote)) {
    return base::Error(base::Status::InvalidArgument("the quote is not valid UTF-8"));
  }
  const std::string nfc = text::ToNfc(quote);
  if (nfc.find_first_not_of(" \t\r\n") == std::string::npos) {
    return base::Error(base::Status::InvalidArgument("the quote is empty"));
  }
  ASSIGN_OR_RETURN(auto record, store.GetSource(source));
  ASSIGN_OR_RETURN(auto passages, store.GetPassages(source, passage));
  for (const store::PassageRecord& p : passages) {
    size_t at = p.text.find(nfc);
    if (at == std::string::npos) continue;
    knowledge::Citation c;
    c.source = source;
    c.passage = p.ordinal;
    c.cp_begin = p.cp_begin + CodePoints(std::string_view(p.text).substr(0, at));
    c.cp_end = c.cp_begin + CodePoints(nfc);
    c.quote = nfc;
    return c;
  }
  std::string where = passage
                          ? fmt::format("passage {} of source {}", *passage, record.id.ToString())
                          : "source " + record.id.ToString();
  return base::Error(base::Status::InvalidArgument(
      fmt::format("the quote is not in {} (quotes are verbatim and within one paragraph): '{}'",
                  where, Shortened(nfc))));
}

base::Status CheckCitation(store::Store& store, const knowledge::Citation& c) {
  const std::string where =
      fmt::format("citation of source {} at {}..{}", c.source.ToString(), c.cp_begin, c.cp_end);
  auto passages = store.GetPassages(c.source, c.passage);
  if (!passages) {
    if (passages.error().code() == base::StatusCode::kNotFound) {
      return base::Status::InvalidArgument(fmt::format("{}: no such source", where));
    }
    return passages.error();
  }
  if (passages->empty()) {
    return base::Status::InvalidArgument(
        fmt::format("{}: the source has no passage {}", where, c.passage));
  }
  const store::PassageRecord& p = passages->front();
  if (c.cp_begin < p.cp_begin || c.cp_end > p.cp_end || c.cp_end <= c.cp_begin) {
    return base::Status::InvalidArgument(
        fmt::format("{}: the span is not within passage {}", where, c.passage));
  }
  size_t begin = ByteOffset(p.text, c.cp_begin - p.cp_begin);
  size_t end = ByteOffset(p.text, c.cp_end - p.cp_begin);
  if (std::string_view(p.text).substr(begin, end - begin) != c.quote) {
    return base::Status::InvalidArgument(fmt::format(
        "{}: the quote '{}' is not the source's text there", where, Shortened(c.quote)));
  }
  return base::Status::Ok();
}

}  // namespace sijill::curate
