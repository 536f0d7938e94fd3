// The PDF reader, over poppler-cpp: one page in memory at a time. poppler-cpp reports
// problems on stderr unless told otherwise, and may throw std::bad_alloc; both stop here.
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <exception>
#include <memory>
#include <string>

#include "base/utf8.h"
#include "ingest/pdf_text.h"
#include "ingest/readers_internal.h"

namespace sijill::ingest::internal {
namespace {

void IgnorePopplerMessage(const std::string&, void*) {}

void SilencePopplerOnce() {
  static const bool silenced = [] {
    poppler::set_debug_error_function(&IgnorePopplerMessage, nullptr);
    return true;
  }();
  (void)silenced;
}

// The info dictionary entry `key` as trimmed valid UTF-8, or "".
std::string InfoText(const poppler::document& document, const std::string& key) {
  poppler::byte_array bytes = document.info_key(key).to_utf8();
  std::string text = LogicalLine(std::string_view(bytes.data(), bytes.size()));
  return std::string(Trim(text));
}

FileMetadata ReadMetadata(const poppler::document& document) {
  FileMetadata metadata;
  if (std::string title = InfoText(document, "Title"); !title.empty()) {
    metadata.title = std::move(title);
  }
  metadata.interviewed = PdfDate(InfoText(document, "CreationDate"));
  return metadata;
}

// Sends the text of every page. Returns whether any page had text.
base::Result<bool> ReadPages(const poppler::document& document, TextSink& sink) {
  ChunkWriter writer(sink);
  bool any_text = false;
  for (int i = 0; i < document.pages(); ++i) {
    std::unique_ptr<poppler::page> page(document.create_page(i));
    if (page == nullptr) continue;
    poppler::byte_array bytes = page->text().to_utf8();
    std::string text = PageParagraphs(std::string_view(bytes.data(), bytes.size()));
    if (text.empty()) continue;
    any_text = true;
    TRY(writer.Append(text));
  }
  TRY(writer.Flush());
  return any_text;
}

base::Result<FileMetadata> ReadPdfOrThrow(const std::filesystem::path& path, TextSink& sink) {
  std::unique_ptr<poppler::document> document(poppler::document::load_from_file(path.string()));
  if (document == nullptr || (!document->is_locked() && document->pages() <= 0)) {
    return base::Error(FileError(path, "corrupt PDF or not a PDF"));
  }
  if (document->is_locked()) return base::Error(FileError(path, "the PDF is password-protected"));
  ASSIGN_OR_RETURN(bool any_text, ReadPages(*document, sink));
  if (!any_text) {
    return base::Error(FileError(path, "no text in the file (a scanned PDF needs OCR first)"));
  }
  return ReadMetadata(*document);
}

}  // namespace

base::Result<FileMetadata> ReadPdf(const std::filesystem::path& path, TextSink& sink) {
  SilencePopplerOnce();
  try {
    return ReadPdfOrThrow(path, sink);
  } catch (const std::exception& e) {
    return base::Error(
        base::Status::Internal(path.string() + ": reading the PDF failed: " + e.what()));
  }
}

}  // namespace sijill::ingest::internal
