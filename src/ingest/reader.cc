#include "ingest/reader.h"

#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <string>
#include <system_error>

#include "ingest/readers_internal.h"

namespace sijill::ingest {
namespace internal {

base::Status FileError(const std::filesystem::path& path, std::string_view what) {
  return base::Status::InvalidArgument(path.string() + ": " + std::string(what));
}

base::Status OsError(const std::filesystem::path& path, int errno_value) {
  return base::Status::IOError(path.string() + ": " +
                               std::error_code(errno_value, std::generic_category()).message());
}

base::Result<FilePtr> OpenForReading(const std::filesystem::path& path) {
  FilePtr file(std::fopen(path.c_str(), "rb"));
  if (file == nullptr) return base::Error(OsError(path, errno));
  struct stat info;
  if (fstat(fileno(file.get()), &info) != 0) return base::Error(OsError(path, errno));
  if (S_ISDIR(info.st_mode)) return base::Error(FileError(path, "is a directory"));
  return file;
}

base::Status CheckReadable(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(FilePtr file, OpenForReading(path));
  return base::Status::Ok();
}

namespace {
bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
}  // namespace

bool IsBlank(std::string_view text) { return std::all_of(text.begin(), text.end(), IsSpace); }

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

size_t CodePointBoundary(std::string_view text, size_t limit) {
  if (limit >= text.size()) return text.size();
  size_t cut = limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

base::Status ChunkWriter::Append(std::string_view utf8) {
  buffer_.append(utf8);
  while (buffer_.size() >= kMaxChunkBytes) {
    size_t cut = CodePointBoundary(buffer_, kMaxChunkBytes);
    TRY(sink_.Text(std::string_view(buffer_).substr(0, cut)));
    buffer_.erase(0, cut);
  }
  return base::Status::Ok();
}

base::Status ChunkWriter::Flush() {
  if (buffer_.empty()) return base::Status::Ok();
  base::Status status = sink_.Text(buffer_);
  buffer_.clear();
  return status;
}

}  // namespace internal

namespace {

constexpr std::string_view kPdfMagic = "%PDF-";
constexpr std::string_view kZipMagic = "PK\3\4";
constexpr std::string_view kOleMagic = "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";

// The first bytes of a file, for sniffing.
struct FileStart {
  std::array<char, 8> bytes{};
  size_t size = 0;
  std::string_view view() const { return std::string_view(bytes.data(), size); }
};

base::Result<FileStart> ReadFileStart(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(internal::FilePtr file, internal::OpenForReading(path));
  FileStart start;
  start.size = std::fread(start.bytes.data(), 1, start.bytes.size(), file.get());
  if (start.size < start.bytes.size() && std::ferror(file.get())) {
    return base::Error(internal::OsError(path, errno));
  }
  return start;
}

bool HasMarkdownExtension(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".md" || ext == ".markdown";
}

base::Result<Format> DetectZip(const std::filesystem::path& path) {
  switch (internal::ProbeZip(path)) {
    case internal::ZipKind::kDocx:
    case internal::ZipKind::kUnreadable:
      return Format::kDocx;
    case internal::ZipKind::kOtherZip:
      break;
  }
  return base::Error(
      internal::FileError(path, "a ZIP archive but not a DOCX document (no word/document.xml)"));
}

}  // namespace

std::string_view FormatName(Format format) {
  switch (format) {
    case Format::kText:
      return "text";
    case Format::kMarkdown:
      return "markdown";
    case Format::kDocx:
      return "docx";
    case Format::kPdf:
      return "pdf";
  }
  return "unknown";
}

base::Result<Format> DetectFormat(const std::filesystem::path& path) {
  ASSIGN_OR_RETURN(FileStart start, ReadFileStart(path));
  std::string_view bytes = start.view();
  if (bytes.starts_with(kPdfMagic)) return Format::kPdf;
  if (bytes.starts_with(kZipMagic)) return DetectZip(path);
  if (bytes.starts_with(kOleMagic)) {
    return base::Error(internal::FileError(
        path,
        "an OLE2 compound file (a Word 97-2003 .doc or a password-protected Office "
        "document), which Sijill cannot read: save it as DOCX without a password"));
  }
  return HasMarkdownExtension(path) ? Format::kMarkdown : Format::kText;
}

base::Result<FileMetadata> ReadFile(const std::filesystem::path& path, Format format,
                                    TextSink& sink) {
  TRY(internal::CheckReadable(path));
  switch (format) {
    case Format::kText:
    case Format::kMarkdown:
      return internal::ReadText(path, format, sink);
    case Format::kDocx:
      return internal::ReadDocx(path, sink);
    case Format::kPdf:
      return internal::ReadPdf(path, sink);
  }
  return base::Error(base::Status::Internal("unknown format"));
}

}  // namespace sijill::ingest
