#include "ingest/document_text.h"

#include <utility>

namespace sijill::ingest {
namespace {

class SegmentingTextSink : public TextSink {
 public:
  explicit SegmentingTextSink(text::PassageSegmenter& segmenter) : segmenter_(segmenter) {}
  base::Status Text(std::string_view utf8) override { return segmenter_.Feed(utf8); }

 private:
  text::PassageSegmenter& segmenter_;
};

// Keeps the normalized text; passages are not needed.
class CollectingSink : public text::PassageSink {
 public:
  explicit CollectingSink(std::string& text) : text_(text) {}
  base::Status OnText(std::string_view nfc_chunk) override {
    text_.append(nfc_chunk);
    return base::Status::Ok();
  }
  base::Status OnPassage(const text::Passage&) override { return base::Status::Ok(); }

 private:
  std::string& text_;
};

}  // namespace

base::Result<SegmentedRead> ReadSegmented(const std::filesystem::path& path, Format format,
                                          text::PassageSink& sink) {
  text::PassageSegmenter segmenter({}, sink);
  SegmentingTextSink reader_sink(segmenter);
  ASSIGN_OR_RETURN(FileMetadata metadata, ReadFile(path, format, reader_sink));
  TRY(segmenter.Finish());
  return SegmentedRead{std::move(metadata), segmenter.text_length(), segmenter.passage_count()};
}

base::Result<DocumentText> ReadDocumentText(const std::filesystem::path& path) {
  DocumentText out;
  ASSIGN_OR_RETURN(out.format, DetectFormat(path));
  CollectingSink sink(out.text);
  ASSIGN_OR_RETURN(SegmentedRead read, ReadSegmented(path, out.format, sink));
  out.metadata = std::move(read.metadata);
  return out;
}

}  // namespace sijill::ingest
