// sijill-extract-bench: extraction throughput on one core (target: >= 5 MB/s of text).
// Reads the *.txt files under each CORPUS_DIR into memory once, then for every file runs
// what `sijill extract` runs before storing: PrepareDocument (the date finder) and
// Extract (gazetteer, recognizers, claim patterns), --runs times; prints the megabytes
// per second of the best run, of each step and of both, with what was found.
// --long N adds two generated documents (one English, one Arabic) of N sentences, each
// stating a different post (a person, a unit), one of them again every tenth sentence:
// a long testimony with many claims, where keeping claims without repeats is measured.
//   sijill-extract-bench [CORPUS_DIR...] [--long N] [--runs N] [--max-mb N]
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>

#include "bench_util.h"
#include "corpus_vocab.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"

namespace sijill::bench {
namespace {

// "4th", "11th", "22nd".
std::string Ordinal(size_t n) {
  const char* suffix = "th";
  if (n % 100 < 11 || n % 100 > 13) {
    if (n % 10 == 1) suffix = "st";
    if (n % 10 == 2) suffix = "nd";
    if (n % 10 == 3) suffix = "rd";
  }
  return fmt::format("{}{}", n, suffix);
}

constexpr size_t kMaxLongSentences = 8 * kGeneratedFamilyNames;

// A testimony of `n` sentences (n <= kMaxLongSentences), sentence i naming a person and a
// unit of its own (units below number 1000, as Arabic text writes them); every tenth
// sentence says again what an earlier one said.
std::string LongDocument(const Vocabulary& v, size_t n) {
  static constexpr std::string_view kEnglishEchelons[] = {"Brigade", "Battalion", "Regiment",
                                                          "Division", "Company"};
  static constexpr std::string_view kArabicEchelons[] = {"اللواء", "الكتيبة", "الفوج", "الفرقة",
                                                         "السرية"};
  std::string text;
  for (size_t i = 0; i < n; ++i) {
    size_t k = i % 10 == 9 ? i / 2 : i;  // a repeat of sentence i / 2
    std::string_view first = v.first_names[k / kGeneratedFamilyNames % v.first_names.size()];
    first = first.substr(0, first.find('|'));
    std::string person = fmt::format("{} {}", first, GeneratedFamilyName(v, k));
    size_t number = k % 900 + 1, echelon = k / 900 % 5;
    if (v.language == "ar") {
      text += fmt::format("كان قائد {} {} العقيد {}. ", kArabicEchelons[echelon], number, person);
    } else {
      text += fmt::format("The commander of the {} {} was Colonel {}. ", Ordinal(number),
                          kEnglishEchelons[echelon], person);
    }
    if (i % 8 == 7) text += "\n\n";
  }
  return text;
}

int Run(int argc, char** argv) {
  Args args(argc, argv);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(3));
  uint64_t max_bytes = ParseCount(args.Flag("max-mb").value_or("64")).value_or(64) << 20;
  uint64_t long_sentences = ParseCount(args.Flag("long").value_or("0")).value_or(0);
  if ((args.positional().empty() && long_sentences == 0) || !args.Unused().empty() ||
      long_sentences > kMaxLongSentences) {
    std::fprintf(stderr,
                 "usage: sijill-extract-bench [CORPUS_DIR...] [--long N] [--runs N] [--max-mb "
                 "N]\n  (--long at most %zu)\n",
                 kMaxLongSentences);
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
  if (long_sentences > 0) {
    for (const Vocabulary* v : {&EnglishVocabulary(), &ArabicVocabulary()}) {
      texts.push_back(LongDocument(*v, long_sentences));
      bytes += texts.back().size();
    }
  }
  (void)extract::Gazetteer::Builtin();  // built once, outside the timing
  double best_prepare = 1e300, best_extract = 1e300;
  size_t entities = 0, claims = 0, dates = 0;
  std::vector<double> best_each(texts.size(), 1e300);  // Extract, per text
  std::vector<size_t> claims_each(texts.size(), 0);
  for (int run = 0; run < runs; ++run) {
    double prepare = 0, extracting = 0;
    entities = claims = dates = 0;
    for (size_t i = 0; i < texts.size(); ++i) {
      const std::string& text = texts[i];
      double t0 = NowSeconds();
      extract::Document doc =
          extract::PrepareDocument(text, std::nullopt, std::nullopt, std::nullopt);
      double t1 = NowSeconds();
      extract::Extraction x = extract::Extract(doc);
      double t2 = NowSeconds();
      prepare += t1 - t0;
      extracting += t2 - t1;
      best_each[i] = std::min(best_each[i], t2 - t1);
      claims_each[i] = x.claims.size();
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
  for (size_t i = texts.size() - (long_sentences > 0 ? 2 : 0); i < texts.size(); ++i) {
    fmt::print("generated {} ({} sentences, {:.2f} MB): {} claims, extract {:.1f} ms\n",
               i + 1 == texts.size() ? "Arabic" : "English", long_sentences,
               static_cast<double>(texts[i].size()) / 1e6, claims_each[i], best_each[i] * 1e3);
  }
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
