#include "ingest_stages.h"

#include <fmt/format.h>

#include "bench_util.h"
#include "ingest/reader.h"
#include "text/segment.h"
#include "text/tokenize.h"
#include "vault/sha256.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

enum class Stop { kAfterRead, kAfterSegment, kAfterTokenize };

// Receives passages and, if asked, tokenizes them the way the FTS5 tokenizer does.
class Sink : public text::PassageSink {
 public:
  explicit Sink(Stop stop) : stop_(stop) {}
  base::Status OnText(std::string_view) override { return base::Status::Ok(); }
  base::Status OnPassage(const text::Passage& p) override {
    if (stop_ != Stop::kAfterTokenize) return base::Status::Ok();
    text::TokenCursor cursor(p.text);
    while (cursor.Next()) keys_ += cursor.folded().size() + cursor.stem().size();
    return base::Status::Ok();
  }
  size_t keys() const { return keys_; }

 private:
  Stop stop_;
  size_t keys_ = 0;
};

// Feeds the reader's text to the segmenter, or drops it.
class ReaderSink : public ingest::TextSink {
 public:
  explicit ReaderSink(text::PassageSegmenter* segmenter) : segmenter_(segmenter) {}
  base::Status Text(std::string_view utf8) override {
    return segmenter_ ? segmenter_->Feed(utf8) : base::Status::Ok();
  }

 private:
  text::PassageSegmenter* segmenter_;
};

base::Status RunFile(const fs::path& path, Stop stop) {
  ASSIGN_OR_RETURN(ingest::Format format, ingest::DetectFormat(path));
  Sink sink(stop);
  text::PassageSegmenter segmenter({}, sink);
  ReaderSink reader_sink(stop == Stop::kAfterRead ? nullptr : &segmenter);
  ASSIGN_OR_RETURN(auto meta, ingest::ReadFile(path, format, reader_sink));
  (void)meta;
  if (stop != Stop::kAfterRead) TRY(segmenter.Finish());
  return base::Status::Ok();
}

base::Result<double> TimePass(std::span<const fs::path> files, Stop stop) {
  double start = NowSeconds();
  for (const auto& f : files) TRY(RunFile(f, stop));
  return NowSeconds() - start;
}

base::Result<double> TimeHashing(std::span<const fs::path> files) {
  double total = 0;
  for (const auto& f : files) {
    auto bytes = ReadWholeFile(f);
    if (!bytes) return base::Error(base::Status::IOError(f.string() + ": cannot read"));
    double start = NowSeconds();
    for (int copy = 0; copy < 2; ++copy) {
      vault::Sha256 hash;
      hash.Update(*bytes);
      (void)hash.FinishHex();
    }
    total += NowSeconds() - start;
  }
  return total;
}

}  // namespace

base::Result<StageSeconds> MeasureStages(std::span<const fs::path> files) {
  StageSeconds s;
  ASSIGN_OR_RETURN(s.read, TimePass(files, Stop::kAfterRead));
  ASSIGN_OR_RETURN(double segmented, TimePass(files, Stop::kAfterSegment));
  ASSIGN_OR_RETURN(double tokenized, TimePass(files, Stop::kAfterTokenize));
  s.segment = segmented - s.read;
  s.tokenize = tokenized - segmented;
  ASSIGN_OR_RETURN(s.hash, TimeHashing(files));
  return s;
}

void PrintStages(const StageSeconds& s, uint64_t bytes) {
  fmt::print("\nCPU cost of the intake's stages (no disk writes; each stage alone):\n");
  fmt::print("{:<52} {:>9} {:>9}\n", "stage", "seconds", "MB/s");
  auto row = [&](std::string_view name, double seconds) {
    fmt::print("{:<52} {:>9.1f} {:>9.1f}\n", name, seconds,
               seconds > 0 ? Megabytes(bytes) / seconds : 0.0);
  };
  row("read, validate UTF-8, header (ingest::ReadFile)", s.read);
  row("NFC + cut passages (text::PassageSegmenter)", s.segment);
  row("tokenize + fold, with stems (text::TokenCursor)", s.tokenize);
  row("SHA-256, original + text blob (vault::Sha256)", s.hash);
}

}  // namespace sijill::bench
