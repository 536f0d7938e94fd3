#include "text/segment.h"

#include <unicode/brkiter.h>
#include <unicode/bytestream.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include <algorithm>

#include "base/utf8.h"
#include "text/text_internal.h"

namespace sijill::text {
namespace {

using base::DecodeAt;
using base::Status;
using internal::IsSpace;

// Input is normalized in slices of about this many bytes, which bounds the buffers.
constexpr size_t kSliceBytes = size_t{64} * 1024;
// A run of combining marks longer than this (far beyond any real text) is normalized in
// pieces rather than buffered until it ends.
constexpr size_t kMaxCarryBytes = 4096;

bool IsContinuationByte(char b) { return (static_cast<unsigned char>(b) & 0xC0) == 0x80; }

// Length of the longest prefix of `s` of at most `limit` bytes that ends on a code point
// boundary (at least one code point).
size_t SliceLength(std::string_view s, size_t limit) {
  if (s.size() <= limit) return s.size();
  size_t n = limit;
  while (n > 0 && IsContinuationByte(s[n])) --n;
  return n > 0 ? n : std::min(s.size(), size_t{4});
}

// Start of the last code point of `s` that has an NFC boundary before it: the text up to
// there normalizes the same whatever follows. Returns 0 if there is none after 0.
size_t LastNfcBoundary(const icu::Normalizer2& nfc, std::string_view s) {
  size_t end = s.size();
  while (end > 0) {
    size_t start = end - 1;
    while (start > 0 && IsContinuationByte(s[start])) --start;
    size_t next = start;
    if (nfc.hasBoundaryBefore(static_cast<UChar32>(DecodeAt(s, &next)))) return start;
    end = start;
  }
  return 0;
}

bool IsSentenceEnd(char32_t c) {
  return c == '.' || c == '!' || c == '?' || c == 0x2026 /* … */ || c == 0x061F /* ؟ */ ||
         c == 0x06D4 /* ۔ */;
}

// A position in the passage buffer.
struct Position {
  size_t bytes = 0;
  uint64_t cps = 0;
};

// Where to end a passage taken from the front of `para` (which starts with a non-space):
// after the last sentence end followed by space, else before the last space. Returns
// {0, 0} if `para` has no space.
Position FindSoftCut(std::string_view para) {
  Position sentence, space;
  char32_t prev = 0;
  uint64_t cps = 0;
  for (size_t pos = 0; pos < para.size(); ++cps) {
    size_t start = pos;
    char32_t c = internal::DecodeInline(para, &pos);
    if (cps > 0 && IsSpace(c) && !IsSpace(prev)) {
      space = {start, cps};
      if (IsSentenceEnd(prev)) sentence = {start, cps};
    }
    prev = c;
  }
  return sentence.cps > 0 ? sentence : space;
}

// Returns the last grapheme cluster boundary in `text` at or before byte `limit`, other
// than 0; or `limit` if there is none (one grapheme longer than the limit).
size_t LastGraphemeBoundary(icu::BreakIterator& graphemes, std::string_view text, size_t limit) {
  UErrorCode status = U_ZERO_ERROR;
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  graphemes.setText(&utext, status);
  size_t boundary = limit;
  if (U_SUCCESS(status) && !graphemes.isBoundary(static_cast<int32_t>(limit))) {
    int32_t before = graphemes.preceding(static_cast<int32_t>(limit));
    if (before > 0) boundary = static_cast<size_t>(before);
  }
  utext_close(&utext);
  return boundary;
}

}  // namespace

struct PassageSegmenter::State {
  State(Options opts, PassageSink& s) : options(opts), sink(s), nfc(internal::NfcNormalizer()) {
    options.max_passage_chars = std::max<size_t>(options.max_passage_chars, 1);
  }

  Status Feed(std::string_view chunk);
  Status Finish();

  // Steps of Feed and Finish.
  Status NormalizeAndEmit(std::string_view raw_text);
  Status Emit(std::string_view nfc_text);
  Status OnSpace(char32_t c, std::string_view bytes);
  Status OnContent(char32_t c, std::string_view bytes);
  Status CutPassage(char32_t next);
  Position FindCut(char32_t next);
  Status ClosePassage();
  Status EmitPassage(Position end);

  Options options;
  PassageSink& sink;
  const icu::Normalizer2& nfc;
  Status error;            // the first error the sink returned; sticky
  uint32_t ordinal = 0;    // of the next passage
  uint64_t text_cps = 0;   // code points of normalized text emitted and scanned
  std::string raw;         // input from the last NFC boundary on, not yet normalized
  std::string normalized;  // scratch for ICU's output
  bool line_blank = true;  // the current line has only white space so far

  // The passage being collected: starts with a non-space; may end in white space.
  std::string para;
  uint64_t para_begin = 0;  // code point offset of para[0] in the normalized text
  uint64_t para_cps = 0;
  Position content;                               // end of the last non-space in para
  Passage passage;                                // reused for every passage sent to the sink
  std::unique_ptr<icu::BreakIterator> graphemes;  // made on the first hard cut
};

Status PassageSegmenter::State::Feed(std::string_view chunk) {
  while (!chunk.empty()) {
    size_t n = SliceLength(chunk, kSliceBytes);
    raw.append(chunk.substr(0, n));
    chunk.remove_prefix(n);
    size_t ready = LastNfcBoundary(nfc, raw);
    if (ready == 0 && raw.size() > kMaxCarryBytes) ready = raw.size();
    if (ready == 0) continue;
    TRY(NormalizeAndEmit(std::string_view(raw).substr(0, ready)));
    raw.erase(0, ready);
  }
  return Status::Ok();
}

Status PassageSegmenter::State::Finish() {
  TRY(NormalizeAndEmit(raw));
  raw.clear();
  return ClosePassage();
}

Status PassageSegmenter::State::NormalizeAndEmit(std::string_view raw_text) {
  if (raw_text.empty()) return Status::Ok();
  icu::StringPiece piece(raw_text.data(), static_cast<int32_t>(raw_text.size()));
  UErrorCode status = U_ZERO_ERROR;
  if (nfc.isNormalizedUTF8(piece, status) && U_SUCCESS(status)) return Emit(raw_text);
  normalized.clear();
  icu::StringByteSink<std::string> out(&normalized);
  status = U_ZERO_ERROR;
  nfc.normalizeUTF8(0, piece, out, nullptr, status);
  if (U_FAILURE(status)) {
    return Status::Internal(std::string("cannot normalize text: ") + u_errorName(status));
  }
  return Emit(normalized);
}

// Sends normalized text to the sink and cuts it into passages.
Status PassageSegmenter::State::Emit(std::string_view nfc_text) {
  TRY(sink.OnText(nfc_text));
  for (size_t pos = 0; pos < nfc_text.size(); ++text_cps) {
    size_t start = pos;
    char32_t c = internal::DecodeInline(nfc_text, &pos);
    std::string_view bytes = nfc_text.substr(start, pos - start);
    TRY(IsSpace(c) ? OnSpace(c, bytes) : OnContent(c, bytes));
  }
  return Status::Ok();
}

Status PassageSegmenter::State::OnSpace(char32_t c, std::string_view bytes) {
  if (c == '\n') {
    bool ends_blank_line = line_blank;
    line_blank = true;
    if (ends_blank_line) return ClosePassage();
  }
  if (para.empty()) return Status::Ok();
  para.append(bytes);
  ++para_cps;
  // A paragraph's content never exceeds the limit, so a run of white space longer than
  // the limit can only end a passage: emit it now rather than buffer the run.
  if (para_cps - content.cps > options.max_passage_chars) return ClosePassage();
  return Status::Ok();
}

Status PassageSegmenter::State::OnContent(char32_t c, std::string_view bytes) {
  line_blank = false;
  // One cut may not be enough when the buffer ends in a long run of white space.
  while (!para.empty() && para_cps + 1 > options.max_passage_chars) TRY(CutPassage(c));
  if (para.empty()) para_begin = text_cps;
  para.append(bytes);
  ++para_cps;
  content = {para.size(), para_cps};
  return Status::Ok();
}

// Emits a passage from the front of the full buffer, which cannot take `next`, and keeps
// the rest of the buffer, without its leading white space.
Status PassageSegmenter::State::CutPassage(char32_t next) {
  Position cut = FindCut(next);
  TRY(EmitPassage(cut));
  size_t drop = cut.bytes;
  uint64_t drop_cps = cut.cps;
  while (drop < para.size()) {
    size_t next_pos = drop;
    if (!IsSpace(DecodeAt(para, &next_pos))) break;
    drop = next_pos;
    ++drop_cps;
  }
  para.erase(0, drop);
  para_begin += drop_cps;
  para_cps -= drop_cps;
  content = para.empty() ? Position{} : Position{content.bytes - drop, content.cps - drop_cps};
  return Status::Ok();
}

// Where to end the passage at the front of the full buffer, which cannot take `next`.
Position PassageSegmenter::State::FindCut(char32_t next) {
  Position soft = FindSoftCut(para);
  if (soft.cps > 0) return soft;
  if (!graphemes) {
    UErrorCode status = U_ZERO_ERROR;
    graphemes.reset(icu::BreakIterator::createCharacterInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status)) graphemes.reset();
  }
  Position end{para.size(), para_cps};
  if (!graphemes) return end;
  base::AppendUtf8(next, &para);  // whether `end` is a boundary depends on `next`
  size_t boundary = LastGraphemeBoundary(*graphemes, para, end.bytes);
  para.resize(end.bytes);
  if (boundary == end.bytes) return end;
  return {boundary, base::CodePointCount(std::string_view(para).substr(0, boundary))};
}

// Emits the collected passage without its trailing white space, if there is one.
Status PassageSegmenter::State::ClosePassage() {
  if (para.empty()) return Status::Ok();
  TRY(EmitPassage(content));
  para.clear();
  para_cps = 0;
  content = {};
  return Status::Ok();
}

Status PassageSegmenter::State::EmitPassage(Position end) {
  passage.ordinal = ordinal;
  passage.cp_begin = para_begin;
  passage.cp_end = para_begin + end.cps;
  passage.text.assign(para, 0, end.bytes);
  TRY(sink.OnPassage(passage));
  ++ordinal;
  return Status::Ok();
}

PassageSegmenter::PassageSegmenter(Options options, PassageSink& sink)
    : state_(std::make_unique<State>(options, sink)) {}

PassageSegmenter::~PassageSegmenter() = default;

Status PassageSegmenter::Feed(std::string_view chunk) {
  if (!state_->error.ok()) return state_->error;
  Status status = state_->Feed(chunk);
  if (!status.ok()) state_->error = status;
  return status;
}

Status PassageSegmenter::Finish() {
  if (!state_->error.ok()) return state_->error;
  Status status = state_->Finish();
  if (!status.ok()) state_->error = status;
  return status;
}

uint32_t PassageSegmenter::passage_count() const { return state_->ordinal; }

uint64_t PassageSegmenter::text_length() const { return state_->text_cps; }

}  // namespace sijill::text
