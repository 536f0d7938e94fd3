#include "ingest/zip_xml.h"

#include <libxml/xmlreader.h>

#include <algorithm>
#include <optional>
#include <string>

namespace sijill::ingest::internal {
namespace {

// A member bigger than this that inflates more than kMaxRatio times is taken for a ZIP
// bomb. Real DOCX XML inflates 5-20 times.
constexpr zip_uint64_t kBombMinBytes = 64u << 20;
constexpr zip_uint64_t kMaxRatio = 100;

base::Status Detail(std::string message) {
  return base::Status::InvalidArgument(std::move(message));
}

std::string ZipErrorText(int code) {
  if (code == ZIP_ER_NOZIP) return "not a ZIP archive";
  if (code == ZIP_ER_INCONS) return "the ZIP archive is inconsistent";
  zip_error_t error;
  zip_error_init_with_code(&error, code);
  std::string text = zip_error_strerror(&error);
  zip_error_fini(&error);
  return text;
}

std::string_view View(const xmlChar* text) {
  return text == nullptr ? std::string_view() : reinterpret_cast<const char*>(text);
}

struct XmlReaderFreer {
  void operator()(xmlTextReader* reader) const { xmlFreeTextReader(reader); }
};
struct ZipFileCloser {
  void operator()(zip_file_t* file) const { zip_fclose(file); }
};

}  // namespace

struct ZipXmlReader::State {
  std::string name;
  std::unique_ptr<zip_file_t, ZipFileCloser> file;
  std::unique_ptr<xmlTextReader, XmlReaderFreer> reader;
  std::optional<std::string> zip_error;  // the first libzip read error
  std::optional<std::string> xml_error;  // the first libxml2 error, as "line N: message"

  static int Read(void* context, char* buffer, int length) {
    auto* state = static_cast<State*>(context);
    zip_int64_t n = zip_fread(state->file.get(), buffer, static_cast<zip_uint64_t>(length));
    if (n < 0 && !state->zip_error) {
      state->zip_error = zip_error_strerror(zip_file_get_error(state->file.get()));
    }
    return static_cast<int>(n);
  }
  static int Close(void*) { return 0; }  // the State owns the file
#if LIBXML_VERSION >= 21200
  static void OnError(void* context, const xmlError* error){
#else
  static void OnError(void* context, xmlErrorPtr error) {
#endif
      auto* state = static_cast<State*>(context);
  if (state->xml_error || error == nullptr || error->level < XML_ERR_ERROR) return;
  std::string message = error->message == nullptr ? "malformed XML" : error->message;
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) {
    message.pop_back();
  }
  state->xml_error = "line " + std::to_string(error->line) + ": " + message;
}
};  // namespace sijill::ingest::internal

base::Result<ZipPtr> OpenZip(const std::filesystem::path& path) {
  int code = 0;
  ZipPtr archive(zip_open(path.c_str(), ZIP_RDONLY, &code));
  if (archive == nullptr) return base::Error(Detail(ZipErrorText(code)));
  return archive;
}

bool ZipHas(zip_t& archive, std::string_view name) {
  return zip_name_locate(&archive, std::string(name).c_str(), 0) >= 0;
}

namespace {

base::Status CheckExpansion(zip_t& archive, const std::string& name) {
  zip_stat_t stat;
  zip_stat_init(&stat);
  if (zip_stat(&archive, name.c_str(), 0, &stat) != 0) return base::Status::Ok();
  if ((stat.valid & ZIP_STAT_SIZE) == 0 || (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
    return base::Status::Ok();
  }
  if (stat.size < kBombMinBytes ||
      stat.size / std::max<zip_uint64_t>(stat.comp_size, 1) < kMaxRatio) {
    return base::Status::Ok();
  }
  return Detail(name + " would expand from " + std::to_string(stat.comp_size) + " to " +
                std::to_string(stat.size) + " bytes");
}

// libxml2's I/O layer reports some errors (bad input encodings) through its generic
// handler, which prints to stderr; the reader's own error says what went wrong instead.
void SilentGenericError(void*, const char*, ...) {}

void InitLibxml2Once() {
  static const bool initialized = [] {
    xmlInitParser();
    return true;
  }();
  (void)initialized;
  xmlSetGenericErrorFunc(nullptr, &SilentGenericError);  // per thread in libxml2
}

}  // namespace

base::Result<std::unique_ptr<ZipXmlReader>> ZipXmlReader::Open(zip_t& archive, std::string name) {
  InitLibxml2Once();
  if (!ZipHas(archive, name)) return base::Error(base::Status::NotFound("no " + name));
  TRY(CheckExpansion(archive, name));
  auto state = std::make_unique<State>();
  state->name = std::move(name);
  state->file.reset(zip_fopen(&archive, state->name.c_str(), 0));
  if (state->file == nullptr) {
    return base::Error(Detail(state->name + ": " + zip_error_strerror(zip_get_error(&archive))));
  }
  // No XML_PARSE_NOENT (entities stay unexpanded), no DTD loading, no network.
  state->reader.reset(xmlReaderForIO(&State::Read, &State::Close, state.get(), state->name.c_str(),
                                     nullptr,
                                     XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
  if (state->reader == nullptr) return base::Error(Detail(state->name + ": cannot parse"));
  xmlTextReaderSetStructuredErrorHandler(state->reader.get(), &State::OnError, state.get());
  return std::unique_ptr<ZipXmlReader>(new ZipXmlReader(std::move(state)));
}

ZipXmlReader::ZipXmlReader(std::unique_ptr<State> state) : state_(std::move(state)) {}
ZipXmlReader::~ZipXmlReader() = default;

base::Status ZipXmlReader::Error() const {
  if (state_->zip_error) return Detail(state_->name + ": " + *state_->zip_error);
  if (state_->xml_error) return Detail(state_->name + " " + *state_->xml_error);
  return Detail(state_->name + ": malformed XML");
}

base::Result<bool> ZipXmlReader::Next() {
  xmlTextReader* reader = state_->reader.get();
  int result =
      skip_children_ && !is_empty_element() ? xmlTextReaderNext(reader) : xmlTextReaderRead(reader);
  skip_children_ = false;
  if (result < 0 || state_->zip_error || state_->xml_error) return base::Error(Error());
  if (result == 0) return false;
  if (type() == XML_READER_TYPE_DOCUMENT_TYPE) {
    return base::Error(Detail(state_->name + " has a DTD"));
  }
  return true;
}

int ZipXmlReader::type() const { return xmlTextReaderNodeType(state_->reader.get()); }
int ZipXmlReader::depth() const { return xmlTextReaderDepth(state_->reader.get()); }
bool ZipXmlReader::is_empty_element() const {
  return xmlTextReaderIsEmptyElement(state_->reader.get()) == 1;
}
std::string_view ZipXmlReader::local_name() const {
  return View(xmlTextReaderConstLocalName(state_->reader.get()));
}
std::string_view ZipXmlReader::namespace_uri() const {
  return View(xmlTextReaderConstNamespaceUri(state_->reader.get()));
}
std::string_view ZipXmlReader::value() const {
  return View(xmlTextReaderConstValue(state_->reader.get()));
}

}  // namespace sijill::ingest::internal
