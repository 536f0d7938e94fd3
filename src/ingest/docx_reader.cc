// The DOCX reader. A DOCX file is a ZIP package; the text of the document body is in
// word/document.xml, whose grammar (ECMA-376 WordprocessingML) we need only in part:
//   body      := ... <w:p> paragraph </w:p> ...         (also inside tables, text boxes)
//   paragraph := ... <w:r> run </w:r> ...
//   run       := <w:t>text</w:t> | <w:tab/> | <w:br/> | <w:cr/> | <w:delText>deleted</w:delText>
//                | <w:instrText>field code</w:instrText> | ...
// Only the body is read: footnotes, endnotes, comments, headers and footers live in
// other parts (word/footnotes.xml, ...) and are left out. The metadata comes from
// docProps/core.xml. Memory: one paragraph at a time, at most kMaxChunkBytes of it.
#include <libxml/xmlreader.h>

#include <optional>
#include <string>
#include <vector>

#include "ingest/readers_internal.h"
#include "ingest/zip_xml.h"

namespace sijill::ingest::internal {
namespace {

constexpr std::string_view kDocumentPart = "word/document.xml";
constexpr std::string_view kCorePart = "docProps/core.xml";
constexpr std::string_view kWordNs = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
constexpr std::string_view kStrictWordNs = "http://purl.oclc.org/ooxml/wordprocessingml/main";
constexpr std::string_view kCompatibilityNs =
    "http://schemas.openxmlformats.org/markup-compatibility/2006";
constexpr std::string_view kDcNs = "http://purl.org/dc/elements/1.1/";
constexpr std::string_view kDcTermsNs = "http://purl.org/dc/terms/";
constexpr size_t kMaxFieldBytes = 4096;  // of a metadata value

bool IsTextNode(int type) {
  return type == XML_READER_TYPE_TEXT || type == XML_READER_TYPE_CDATA ||
         type == XML_READER_TYPE_WHITESPACE || type == XML_READER_TYPE_SIGNIFICANT_WHITESPACE;
}

// "<path>: corrupt DOCX: <detail>" from a zip_xml error, whose message is the detail.
base::Status Corrupt(const std::filesystem::path& path, const base::Status& detail) {
  return FileError(path, "corrupt DOCX: " + detail.message());
}

// Walks word/document.xml and writes its paragraphs. A paragraph nested in another (a
// text box anchored in a run) ends the outer one's text so far, which goes on after it
// as a paragraph of its own.
class BodyWalker {
 public:
  BodyWalker(const std::filesystem::path& path, ZipXmlReader& xml, ChunkWriter& writer)
      : path_(path), xml_(xml), writer_(writer) {}

  // Returns the sink's error as is, XML and ZIP errors as "corrupt DOCX".
  base::Status Run() {
    while (true) {
      base::Result<bool> more = xml_.Next();
      if (!more.has_value()) return Corrupt(path_, more.error());
      if (!*more) return base::Status::Ok();
      TRY(OnNode());
    }
  }
  bool wrote_text() const { return wrote_text_; }

 private:
  base::Status OnNode();
  base::Status OnElement(std::string_view name);
  base::Status OnEndElement(std::string_view name);
  base::Status Append(std::string_view text);
  base::Status EndParagraph();
  bool InRun() const { return !run_depths_.empty() && xml_.depth() == run_depths_.back() + 1; }

  const std::filesystem::path& path_;
  ZipXmlReader& xml_;
  ChunkWriter& writer_;
  std::string paragraph_;           // the open paragraph's text not yet written
  bool paragraph_written_ = false;  // part of the open paragraph was written
  int open_paragraphs_ = 0;
  std::vector<int> run_depths_;  // depths of the open <w:r> elements
  bool in_text_ = false;         // inside <w:t>
  bool wrote_text_ = false;      // a paragraph with text was written
};

base::Status BodyWalker::OnNode() {
  int type = xml_.type();
  if (IsTextNode(type)) return in_text_ ? Append(xml_.value()) : base::Status::Ok();
  if (type != XML_READER_TYPE_ELEMENT && type != XML_READER_TYPE_END_ELEMENT) {
    return base::Status::Ok();
  }
  std::string_view ns = xml_.namespace_uri();
  if (ns == kCompatibilityNs && xml_.local_name() == "Fallback" &&
      type == XML_READER_TYPE_ELEMENT) {
    xml_.SkipChildren();  // the same content again, for older programs
    return base::Status::Ok();
  }
  if (ns != kWordNs && ns != kStrictWordNs) return base::Status::Ok();
  return type == XML_READER_TYPE_ELEMENT ? OnElement(xml_.local_name())
                                         : OnEndElement(xml_.local_name());
}

base::Status BodyWalker::OnElement(std::string_view name) {
  bool empty = xml_.is_empty_element();
  if (name == "p" && !empty) {
    if (open_paragraphs_ > 0) TRY(EndParagraph());
    ++open_paragraphs_;
  } else if (name == "r" && !empty) {
    run_depths_.push_back(xml_.depth());
  } else if (name == "t" && !empty) {
    in_text_ = true;
  } else if (name == "tab" && InRun()) {
    return Append("\t");
  } else if ((name == "br" || name == "cr") && InRun()) {
    return Append("\n");
  }
  return base::Status::Ok();
}

base::Status BodyWalker::OnEndElement(std::string_view name) {
  if (name == "p" && open_paragraphs_ > 0) {
    --open_paragraphs_;
    return EndParagraph();
  }
  if (name == "r" && !run_depths_.empty()) run_depths_.pop_back();
  if (name == "t") in_text_ = false;
  return base::Status::Ok();
}

base::Status BodyWalker::Append(std::string_view text) {
  if (open_paragraphs_ == 0) return base::Status::Ok();
  paragraph_.append(text);
  if (paragraph_.size() < kMaxChunkBytes) return base::Status::Ok();
  paragraph_written_ = true;  // a huge paragraph: write it in parts
  wrote_text_ = true;
  TRY(writer_.Append(paragraph_));
  paragraph_.clear();
  return base::Status::Ok();
}

base::Status BodyWalker::EndParagraph() {
  // A page or line break at either end of a paragraph separates nothing.
  std::string_view text = paragraph_;
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
  while (!paragraph_written_ && !text.empty() && text.front() == '\n') text.remove_prefix(1);
  if (paragraph_written_ || !IsBlank(text)) {
    wrote_text_ = true;
    TRY(writer_.Append(text));
    TRY(writer_.Append("\n\n"));
  }
  paragraph_.clear();
  paragraph_written_ = false;
  return base::Status::Ok();
}

// "2024-05-12T10:30:00Z" -> "2024-05-12"; also "YYYY-MM" and "YYYY" (W3CDTF).
std::optional<std::string> W3cDate(std::string_view value) {
  auto digits = [&](size_t from, size_t count) {
    if (value.size() < from + count) return false;
    for (size_t i = from; i < from + count; ++i) {
      if (value[i] < '0' || value[i] > '9') return false;
    }
    return true;
  };
  if (!digits(0, 4)) return std::nullopt;
  if (value.size() < 7 || value[4] != '-' || !digits(5, 2)) return std::string(value.substr(0, 4));
  if (value.size() < 10 || value[7] != '-' || !digits(8, 2)) return std::string(value.substr(0, 7));
  return std::string(value.substr(0, 10));
}

// Appends `text` to `field`, keeping at most kMaxFieldBytes of it (whole code points).
void AppendCapped(std::string* field, std::string_view text) {
  field->append(text.substr(0, kMaxFieldBytes));
  if (field->size() > kMaxFieldBytes) field->resize(CodePointBoundary(*field, kMaxFieldBytes));
}

void SetTrimmed(std::optional<std::string>* field, std::string_view value) {
  value = Trim(value);
  if (!value.empty()) *field = std::string(value);
}

// Reads dc:title and dcterms:created. The metadata is optional: a missing or broken
// docProps/core.xml gives what could be read before the damage.
FileMetadata ReadCoreProperties(zip_t& archive) {
  FileMetadata metadata;
  auto xml = ZipXmlReader::Open(archive, std::string(kCorePart));
  if (!xml.has_value()) return metadata;
  std::string* capture = nullptr;  // the element whose text is being read
  std::string title, created;
  while (true) {
    auto more = (*xml)->Next();
    if (!more.has_value() || !*more) break;
    int type = (*xml)->type();
    if (type == XML_READER_TYPE_ELEMENT && !(*xml)->is_empty_element()) {
      std::string_view ns = (*xml)->namespace_uri(), name = (*xml)->local_name();
      if (ns == kDcNs && name == "title") capture = &title;
      if (ns == kDcTermsNs && name == "created") capture = &created;
    } else if (type == XML_READER_TYPE_END_ELEMENT) {
      capture = nullptr;
    } else if (IsTextNode(type) && capture != nullptr) {
      AppendCapped(capture, (*xml)->value());
    }
  }
  SetTrimmed(&metadata.title, title);
  if (auto date = W3cDate(Trim(created))) metadata.interviewed = std::move(date);
  return metadata;
}

base::Status ReadBody(const std::filesystem::path& path, zip_t& archive, TextSink& sink) {
  auto xml = ZipXmlReader::Open(archive, std::string(kDocumentPart));
  if (!xml.has_value()) return Corrupt(path, xml.error());
  ChunkWriter writer(sink);
  BodyWalker walker(path, **xml, writer);
  TRY(walker.Run());
  TRY(writer.Flush());
  if (!walker.wrote_text()) return FileError(path, "no text in the file");
  return base::Status::Ok();
}

}  // namespace

ZipKind ProbeZip(const std::filesystem::path& path) {
  auto archive = OpenZip(path);
  if (!archive.has_value()) return ZipKind::kUnreadable;
  return ZipHas(**archive, kDocumentPart) ? ZipKind::kDocx : ZipKind::kOtherZip;
}

base::Result<FileMetadata> ReadDocx(const std::filesystem::path& path, TextSink& sink) {
  base::Result<ZipPtr> archive = OpenZip(path);
  if (!archive.has_value()) return base::Error(Corrupt(path, archive.error()));
  TRY(ReadBody(path, **archive, sink));
  return ReadCoreProperties(**archive);
}

}  // namespace sijill::ingest::internal
