// The plain text and Markdown reader. The file is read 64 KiB at a time; each chunk is
// checked (UTF-8, no NUL), cut after its last whole code point (the rest is carried to
// the next chunk), stripped of a leading BOM, given LF line endings, and then either
// held back while the header block is undecided or passed on as body text.
#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstring>
#include <string>
#include <utility>

#include "base/utf8.h"
#include "ingest/readers_internal.h"
#include "ingest/text_header.h"

namespace sijill::ingest::internal {
namespace {

constexpr size_t kReadBytes = size_t{64} * 1024;
// A header block longer than this is not a header block: the text is all body.
constexpr size_t kMaxHeadBytes = size_t{64} * 1024;
constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Length of the longest prefix of `bytes` that does not end inside a UTF-8 sequence.
// REQUIRES: `bytes` is valid UTF-8 except that its last sequence may be incomplete.
size_t CompletePrefix(std::string_view bytes) {
  for (size_t back = 1; back <= 3 && back <= bytes.size(); ++back) {
    auto c = static_cast<unsigned char>(bytes[bytes.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // a continuation byte: look further back
    size_t length = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    return length > back ? bytes.size() - back : bytes.size();
  }
  return bytes.size();
}

class TextReader {
 public:
  TextReader(const std::filesystem::path& path, Format format, TextSink& sink)
      : path_(path),
        syntax_(format == Format::kMarkdown ? HeadSyntax::kHeaderBlockOrFrontMatter
                                            : HeadSyntax::kHeaderBlock),
        writer_(sink) {}

  base::Result<FileMetadata> Run() {
    ASSIGN_OR_RETURN(FilePtr file, OpenForReading(path_));
    TRY(ReadAll(file.get()));
    TRY(Finish());
    return std::move(metadata_);
  }

 private:
  base::Status ReadAll(std::FILE* file);
  base::Status CheckBytes(std::string_view fresh);
  base::Status Consume(std::string_view text, InputEnd end);
  void NormalizeLineEnds(std::string_view text);
  base::Status Head(InputEnd end);
  base::Status Body(std::string_view text);
  base::Status Finish();

  const std::filesystem::path& path_;
  const HeadSyntax syntax_;
  ChunkWriter writer_;
  base::Utf8StreamValidator validator_;
  uint64_t offset_ = 0;        // bytes of the file checked so far
  bool at_start_ = true;       // no text consumed yet (a BOM may come)
  bool after_cr_ = false;      // the last character consumed was a CR
  bool in_head_ = true;        // the header block is still undecided
  bool saw_text_ = false;      // the file has non-whitespace text
  bool body_started_ = false;  // non-whitespace body text was sent
  std::string normalized_;     // scratch: the current chunk with LF line endings
  std::string head_;           // the start of the text, while in_head_
  FileMetadata metadata_;
};

base::Status TextReader::ReadAll(std::FILE* file) {
  std::string buffer(kReadBytes + 4, '\0');
  size_t carried = 0;  // an incomplete UTF-8 sequence from the previous chunk
  while (true) {
    size_t n = std::fread(buffer.data() + carried, 1, kReadBytes, file);
    if (n < kReadBytes && std::ferror(file)) return OsError(path_, errno);
    TRY(CheckBytes(std::string_view(buffer.data() + carried, n)));
    std::string_view bytes(buffer.data(), carried + n);
    if (n < kReadBytes) {  // end of file
      if (!validator_.Finish()) {
        return FileError(path_,
                         "not valid UTF-8 at byte " + std::to_string(validator_.error_offset()));
      }
      return Consume(bytes, InputEnd::kEnd);
    }
    size_t complete = CompletePrefix(bytes);
    TRY(Consume(bytes.substr(0, complete), InputEnd::kMore));
    carried = bytes.size() - complete;
    std::memmove(buffer.data(), buffer.data() + complete, carried);
  }
}

// Checks bytes just read: valid UTF-8 so far, and no NUL. Reports the earlier fault.
base::Status TextReader::CheckBytes(std::string_view fresh) {
  uint64_t bad_utf8 = UINT64_MAX, nul = UINT64_MAX;
  if (!validator_.Feed(fresh)) bad_utf8 = validator_.error_offset();
  if (const void* p = std::memchr(fresh.data(), '\0', fresh.size()); p != nullptr) {
    nul = offset_ + static_cast<uint64_t>(static_cast<const char*>(p) - fresh.data());
  }
  offset_ += fresh.size();
  if (bad_utf8 < nul) {
    return FileError(path_, "not valid UTF-8 at byte " + std::to_string(bad_utf8));
  }
  if (nul != UINT64_MAX) {
    return FileError(path_, "not a text file (NUL byte at byte " + std::to_string(nul) + ")");
  }
  return base::Status::Ok();
}

// Takes the next piece of text, which ends on a code point boundary.
base::Status TextReader::Consume(std::string_view text, InputEnd end) {
  if (at_start_ && !text.empty()) {
    at_start_ = false;
    if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  }
  NormalizeLineEnds(text);
  if (!saw_text_ && !IsBlank(normalized_)) saw_text_ = true;
  if (!in_head_) return Body(normalized_);
  head_ += normalized_;
  return Head(end);
}

// CRLF -> LF, lone CR -> LF. A CR at the end of one chunk and an LF at the start of the
// next are one line end: after_cr_ carries the state.
void TextReader::NormalizeLineEnds(std::string_view text) {
  normalized_.clear();
  for (char c : text) {
    if (c == '\n' && after_cr_) {
      after_cr_ = false;
      continue;
    }
    after_cr_ = c == '\r';
    normalized_.push_back(after_cr_ ? '\n' : c);
  }
}

base::Status TextReader::Head(InputEnd end) {
  HeadResult result = ParseHead(head_, syntax_, end);
  if (result.kind == HeadResult::Kind::kNeedMore && head_.size() <= kMaxHeadBytes) {
    return base::Status::Ok();
  }
  if (result.kind != HeadResult::Kind::kFound || result.body_start > kMaxHeadBytes) {
    result.kind = HeadResult::Kind::kNone;
  }
  in_head_ = false;
  std::string head = std::move(head_);
  head_ = std::string();
  if (result.kind == HeadResult::Kind::kNone) return Body(head);
  metadata_ = std::move(result.metadata);
  return Body(std::string_view(head).substr(result.body_start));
}

base::Status TextReader::Body(std::string_view text) {
  if (!body_started_) {
    text = text.substr(std::min(text.size(), text.find_first_not_of(" \t\n\r\f\v")));
    if (text.empty()) return base::Status::Ok();
    body_started_ = true;
  }
  return writer_.Append(text);
}

base::Status TextReader::Finish() {
  TRY(writer_.Flush());
  if (body_started_) return base::Status::Ok();
  return FileError(path_, saw_text_ ? "no text in the file" : "the file is empty");
}

}  // namespace

base::Result<FileMetadata> ReadText(const std::filesystem::path& path, Format format,
                                    TextSink& sink) {
  return TextReader(path, format, sink).Run();
}

}  // namespace sijill::ingest::internal
