// sijill-date-bench: the date finder's throughput on one core (target: >= 20 MB/s).
// Reads every *.txt file of a corpus (sijill-corpus-gen's output) into memory once, then
// runs time::FindDates over each file's text, whole, several times, and prints the
// input megabytes per second of the best run, the mentions found, and how many of them
// have a value. Files are passed whole, as `sijill date find` does.
//   sijill-date-bench CORPUS_DIR [--runs N] [--max-mb N]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "base/utf8.h"
#include "bench_util.h"
#include "time/date_finder.h"

namespace sijill::bench {
namespace {

int Run(int argc, char** argv) {
  Args args(argc, argv);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(3));
  uint64_t max_mb = ParseCount(args.Flag("max-mb").value_or("100")).value_or(100);
  if (args.positional().size() != 1 || !args.Unused().empty() || runs < 1) {
    std::fputs("usage: sijill-date-bench CORPUS_DIR [--runs N] [--max-mb N]\n", stderr);
    return 2;
  }
  auto corpus = ReadCorpusTexts(args.positional()[0], max_mb * 1'000'000, "sijill-date-bench");
  if (!corpus) return 1;
  std::vector<std::string>& texts = corpus->texts;
  const uint64_t bytes = corpus->bytes;
  time::FindOptions options = time::FindOptions::ForDay(time::DayFromCivil(2024, 12, 20));
  double best = 1e300;
  uint64_t mentions = 0, valued = 0;
  for (int r = 0; r < runs; ++r) {
    mentions = valued = 0;
    double start = NowSeconds();
    for (const std::string& text : texts) {
      for (const auto& m : time::FindDates(text, options)) {
        ++mentions;
        valued += m.value.has_value();
      }
    }
    best = std::min(best, NowSeconds() - start);
  }
  fmt::print("files      {}\ninput      {:.1f} MB\nbest run   {:.3f} s (of {})\n", texts.size(),
             Megabytes(bytes), best, runs);
  fmt::print("throughput {:.1f} MB/s\nmentions   {} ({} with a value, {:.1f} per KB)\n",
             Megabytes(bytes) / best, mentions, valued, mentions * 1000.0 / bytes);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
