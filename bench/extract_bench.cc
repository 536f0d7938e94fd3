// sijill-extract-bench: extraction throughput on one core (target: >= 5 MB/s of text).
// Reads the *.txt files under each CORPUS_DIR into memory once, then for every file runs
// what `sijill extract` runs before storing: PrepareDocument (the date finder) and
// Extract (gazetteer, recognizers, claim patterns), --runs times; prints the megabytes
// per second of the best run, of each step and of both, with what was found.
//   sijill-extract-bench CORPUS_DIR... [--runs N] [--max-mb N]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "bench_util.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"

namespace sijill::bench {
namespace {

int Run(int argc, char** argv) {
  Args args(argc, argv);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(3));
  uint64_t max_bytes = ParseCount(args.Flag("max-mb").value_or("64")).value_or(64) << 20;
  if (args.positional().empty() || !args.Unused().empty()) {
    std::fprintf(stderr, "usage: sijill-extract-bench CORPUS_DIR... [--runs N] [--max-mb N]\n");
    return 2;
  }
  std::vector<std::string> texts;
  uint64_t bytes = 0;
  for (const std::string& dir : args.positional()) {
    auto corpus =
        ReadCorpusTexts(dir, max_bytes - std::min(bytes, max_bytes), "sijill-extract-bench");
    if (!corpus) return 1;
    for (auto& t : corpus->texts) texts.push_back(std::move(t));
    bytes += corpus->bytes;
  }
  (void)extract::Gazetteer::Builtin();  // built once, outside the timing
  double best_prepare = 1e300, best_extract = 1e300;
  size_t entities = 0, claims = 0, dates = 0;
  for (int run = 0; run < runs; ++run) {
    double prepare = 0, extracting = 0;
    entities = claims = dates = 0;
    for (const std::string& text : texts) {
      double t0 = NowSeconds();
      extract::Document doc =
          extract::PrepareDocument(text, std::nullopt, std::nullopt, std::nullopt);
      double t1 = NowSeconds();
      extract::Extraction x = extract::Extract(doc);
      double t2 = NowSeconds();
      prepare += t1 - t0;
      extracting += t2 - t1;
      entities += x.entities.size();
      claims += x.claims.size();
      dates += x.dates.size();
    }
    best_prepare = std::min(best_prepare, prepare);
    best_extract = std::min(best_extract, extracting);
  }
  double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("{} files, {:.2f} MB; per run: {} entities, {} claims, {} dates\n", texts.size(), mb,
             entities, claims, dates);
  fmt::print("prepare (dates)  {:8.2f} MB/s\n", mb / best_prepare);
  fmt::print("extract          {:8.2f} MB/s\n", mb / best_extract);
  fmt::print("both             {:8.2f} MB/s  (best of {} runs)\n",
             mb / (best_prepare + best_extract), runs);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
