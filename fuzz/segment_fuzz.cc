// Segmenting any valid UTF-8 in arbitrary chunks: every passage is exactly its slice of
// the normalized text, passages are ordered, and the chunking does not matter.
#include <string>
#include <vector>

#include "base/utf8.h"
#include "fuzz/fuzz_support.h"
#include "text/segment.h"

namespace {

struct Collect : sijill::text::PassageSink {
  std::string text;
  std::vector<sijill::text::Passage> passages;
  sijill::base::Status OnText(std::string_view chunk) override {
    text.append(chunk);
    return {};
  }
  sijill::base::Status OnPassage(const sijill::text::Passage& p) override {
    passages.push_back(p);
    return {};
  }
};

// Feeds `text` in pieces of `step` bytes, never splitting a code point.
Collect Segment(std::string_view text, size_t step, size_t max_chars) {
  Collect sink;
  sijill::text::PassageSegmenter segmenter({max_chars}, sink);
  for (size_t pos = 0; pos < text.size();) {
    size_t end = std::min(text.size(), pos + step);
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) ++end;
    sijill::fuzz::Check(segmenter.Feed(text.substr(pos, end - pos)).ok(), "feed");
    pos = end;
  }
  sijill::fuzz::Check(segmenter.Finish().ok(), "finish");
  return sink;
}

std::string Slice(const std::string& text, uint64_t begin, uint64_t end) {
  size_t pos = 0, cp = 0, from = 0;
  while (pos < text.size() && cp < begin) {
    sijill::base::DecodeAt(text, &pos);
    ++cp;
  }
  from = pos;
  while (pos < text.size() && cp < end) {
    sijill::base::DecodeAt(text, &pos);
    ++cp;
  }
  return text.substr(from, pos - from);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  if (size < 2) return 0;
  size_t step = 1 + data[0] % 64;
  size_t max_chars = 8 + data[1] % 120;
  std::string text(sijill::fuzz::AsText(data + 2, size - 2));
  if (!sijill::base::IsValidUtf8(text) || text.find('\r') != std::string::npos) return 0;
  Collect a = Segment(text, step, max_chars);
  Collect b = Segment(text, text.size() + 1, max_chars);
  Check(a.text == b.text, "normalized text depends on chunking");
  Check(a.passages.size() == b.passages.size(), "passages depend on chunking");
  uint64_t previous_end = 0;
  for (size_t i = 0; i < a.passages.size(); ++i) {
    const auto& p = a.passages[i];
    Check(p.ordinal == i, "ordinals");
    Check(p.cp_begin >= previous_end && p.cp_begin < p.cp_end, "passage order");
    Check(Slice(a.text, p.cp_begin, p.cp_end) == p.text, "passage is not its slice");
    Check(p.text == b.passages[i].text, "passage text depends on chunking");
    previous_end = p.cp_end;
  }
  return 0;
}
