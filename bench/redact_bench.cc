// sijill-redact-bench: Redactor::Redact and Redactor::FindLeaks throughput on one core
// (target: >= 50 MB/s for typical text with 1,000 protected names).
// Reads *.txt files of a corpus (sijill-corpus-gen's output) into memory once, builds a
// Redactor for --persons protected persons whose names are drawn from the corpus's own
// vocabulary (so that the text mentions many of them: a harder case than a real archive,
// where protected persons are a small share of the names), then times Redact and
// FindLeaks over every file, whole, several times, and prints the input megabytes per
// second of the best run of each. Also checks FindLeaks(Redact(text)) is empty.
//   sijill-redact-bench CORPUS_DIR [--runs N] [--max-mb N] [--persons N]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>

#include "base/utf8.h"
#include "bench_util.h"
#include "corpus_vocab.h"
#include "redact/redactor.h"

namespace sijill::bench {
namespace {

// The usual spelling of a vocabulary entry "a|b|c".
std::string Usual(std::string_view entry) { return std::string(entry.substr(0, entry.find('|'))); }

// `count` persons, each "First Family" and "Abu First Family" in English and in Arabic.
// Half take their family name from the common list, half from the generated tail.
std::vector<redact::ProtectedName> Persons(size_t count) {
  const Vocabulary& en = EnglishVocabulary();
  const Vocabulary& ar = ArabicVocabulary();
  std::vector<redact::ProtectedName> persons;
  for (size_t i = 0; i < count; ++i) {
    size_t first = i % en.first_names.size();
    auto family = [&](const Vocabulary& v) {
      return i % 2 == 0 ? Usual(v.family_names[(i / 2) % v.family_names.size()])
                        : GeneratedFamilyName(v, i);
    };
    std::string en_name = Usual(en.first_names[first]) + " " + family(en);
    std::string ar_name = Usual(ar.first_names[first % ar.first_names.size()]) + " " + family(ar);
    persons.push_back({fmt::format("Protected person P{:05}", i),
                       {en_name, std::string(en.abu) + " " + en_name, ar_name,
                        std::string(ar.abu) + " " + ar_name}});
  }
  return persons;
}

int Run(int argc, char** argv) {
  Args args(argc, argv);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(3));
  uint64_t max_mb = ParseCount(args.Flag("max-mb").value_or("100")).value_or(100);
  size_t persons = ParseCount(args.Flag("persons").value_or("1000")).value_or(1000);
  if (args.positional().size() != 1 || !args.Unused().empty() || runs < 1) {
    std::fputs("usage: sijill-redact-bench CORPUS_DIR [--runs N] [--max-mb N] [--persons N]\n",
               stderr);
    return 2;
  }
  auto corpus = ReadCorpusTexts(args.positional()[0], max_mb * 1'000'000, "sijill-redact-bench");
  if (!corpus) return 1;
  std::vector<std::string>& texts = corpus->texts;
  const uint64_t bytes = corpus->bytes;
  double start = NowSeconds();
  auto redactor = redact::Redactor::Create(Persons(persons));
  if (!redactor) {
    fmt::print(stderr, "sijill-redact-bench: {}\n", redactor.error().message());
    return 1;
  }
  double build = NowSeconds() - start;

  // Wall time and this process's CPU time: the machine is shared, and CPU time shows
  // what one core does when others are busy.
  auto cpu = [] { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; };
  double best_redact = 1e300, best_leaks = 1e300, cpu_redact = 1e300, cpu_leaks = 1e300;
  uint64_t changed = 0, leaks_before = 0, leaks_after = 0;
  for (int r = 0; r < runs; ++r) {
    changed = leaks_before = leaks_after = 0;
    start = NowSeconds();
    double cpu_start = cpu();
    for (const std::string& text : texts) changed += (*redactor)->Redact(text) != text;
    best_redact = std::min(best_redact, NowSeconds() - start);
    cpu_redact = std::min(cpu_redact, cpu() - cpu_start);
    start = NowSeconds();
    cpu_start = cpu();
    for (const std::string& text : texts) leaks_before += (*redactor)->FindLeaks(text).size();
    best_leaks = std::min(best_leaks, NowSeconds() - start);
    cpu_leaks = std::min(cpu_leaks, cpu() - cpu_start);
  }
  for (const std::string& text : texts) {
    leaks_after += (*redactor)->FindLeaks((*redactor)->Redact(text)).size();
  }
  fmt::print("files       {}\ninput       {:.1f} MB\npersons     {} ({} names)\n", texts.size(),
             Megabytes(bytes), persons, persons * 4);
  fmt::print("build       {:.3f} s\n", build);
  fmt::print("Redact      {:.1f} MB/s wall, {:.1f} MB/s CPU (best of {}; {} files changed)\n",
             Megabytes(bytes) / best_redact, Megabytes(bytes) / cpu_redact, runs, changed);
  fmt::print(
      "FindLeaks   {:.1f} MB/s wall, {:.1f} MB/s CPU ({} mentions before redaction, {} after)\n",
      Megabytes(bytes) / best_leaks, Megabytes(bytes) / cpu_leaks, leaks_before, leaks_after);
  return leaks_after == 0 ? 0 : 1;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
