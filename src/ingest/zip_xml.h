// Streaming XML members of a ZIP archive (a DOCX package) with libzip and libxml2's
// pull parser. Memory stays bounded whatever the member's size: the member is inflated
// and parsed a few KiB at a time. Network access, DTDs and entity substitution are
// refused; libxml2's error printing is replaced by capturing the first error. Internal
// to the DOCX reader. Thread-compatible.
#pragma once

#include <zip.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "base/status.h"

namespace sijill::ingest::internal {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// Opens the ZIP archive at `path` read-only. Errors (kInvalidArgument, message is the
// detail only): "not a ZIP archive", "the ZIP archive is inconsistent", or libzip's text.
base::Result<ZipPtr> OpenZip(const std::filesystem::path& path);

// True if `archive` has a member named exactly `name`.
bool ZipHas(zip_t& archive, std::string_view name);

class ZipXmlReader {
 public:
  // Opens member `name` of `archive` for parsing. `archive` must outlive the reader.
  // Errors (kInvalidArgument unless said; message is the detail only):
  //   kNotFound "no <name>"; "<name>: <libzip error>";
  //   "<name> would expand from <n> to <m> bytes" (a ZIP bomb).
  static base::Result<std::unique_ptr<ZipXmlReader>> Open(zip_t& archive, std::string name);
  ~ZipXmlReader();
  ZipXmlReader(const ZipXmlReader&) = delete;
  ZipXmlReader& operator=(const ZipXmlReader&) = delete;

  // Moves to the next node in document order. Returns true on a node, false at the end.
  // Errors (kInvalidArgument): "<name> line <n>: <libxml2 message>", "<name>: <libzip
  // error>", "<name> has a DTD".
  base::Result<bool> Next();
  // Makes the next Next() skip the current element's children and end tag.
  void SkipChildren() { skip_children_ = true; }

  // The current node. Names and values are views valid until the next Next().
  int type() const;  // xmlReaderTypes: XML_READER_TYPE_ELEMENT, ..._END_ELEMENT, ...
  int depth() const;
  bool is_empty_element() const;
  std::string_view local_name() const;
  std::string_view namespace_uri() const;
  std::string_view value() const;  // of a text node

 private:
  struct State;  // keeps libxml2 and libzip types out of the header's users
  explicit ZipXmlReader(std::unique_ptr<State> state);
  base::Status Error() const;

  std::unique_ptr<State> state_;
  bool skip_children_ = false;
};

}  // namespace sijill::ingest::internal
