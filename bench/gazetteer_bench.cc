// sijill-gazetteer-bench: Gazetteer::Find with the built-in gazetteer, in MB/s on one
// core, on the dev testimonies and on a larger generated text; and, for scale, the whole
// extraction (PrepareDocument + Extract) on the same texts. Target: whole extraction
// >= 5 MB/s, so Find must be much faster.
// The generated text is the dev testimonies' paragraphs, shuffled, with a place name of
// the gazetteer (any spelling, either script, with an Arabic proclitic now and then)
// inserted every ~40 words: more places per line than real testimonies have.
//   sijill-gazetteer-bench [DEV_DIR] [--runs N] [--mb N] [--seed N]
// DEV_DIR defaults to ../shared/data/dev (run from the project root).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

#include "bench_util.h"
#include "extract/extract.h"
#include "extract/gazetteer.h"

namespace sijill::bench {
namespace {

struct Texts {
  std::vector<std::string> texts;
  uint64_t bytes = 0;
};

// Every paragraph of `texts`, shuffled and repeated until `bytes`, with place names
// spliced in between words.
std::string Generate(const std::vector<std::string>& texts, uint64_t bytes, uint32_t seed) {
  std::vector<std::string> paragraphs;
  for (const std::string& t : texts) {
    for (size_t start = 0; start < t.size();) {
      size_t end = t.find("\n\n", start);
      if (end == std::string::npos) end = t.size();
      if (end > start) paragraphs.push_back(t.substr(start, end - start));
      start = end + 2;
    }
  }
  std::vector<std::string> names;
  for (const auto& p : extract::Gazetteer::Builtin().places()) {
    names.push_back(p.name);
    names.insert(names.end(), p.names.begin(), p.names.end());
  }
  std::mt19937 rng(seed);
  std::string out;
  out.reserve(bytes + 4096);
  while (out.size() < bytes) {
    std::string_view para = paragraphs[rng() % paragraphs.size()];
    size_t words = 0;
    for (size_t i = 0; i < para.size(); ++i) {
      out.push_back(para[i]);
      if (para[i] == ' ' && ++words % 40 == 0) {
        const std::string& name = names[rng() % names.size()];
        if (static_cast<unsigned char>(name[0]) >= 0xD8 && rng() % 3 == 0) out += "وب";
        out += name;
        out.push_back(' ');
      }
    }
    out += "\n\n";
  }
  return out;
}

struct Speed {
  double wall = 0, cpu = 0;  // MB/s of input: best run, wall clock and process CPU time
};

// Best of `runs` timings of `body` over all texts.
template <typename Body>
Speed BestMbPerSecond(const std::vector<std::string>& texts, uint64_t bytes, int runs, Body body) {
  double wall = 1e300, cpu = 1e300;
  for (int r = 0; r < runs; ++r) {
    double start = NowSeconds();
    std::clock_t cpu_start = std::clock();
    for (const std::string& t : texts) body(t);
    wall = std::min(wall, NowSeconds() - start);
    cpu = std::min(cpu, static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC);
  }
  double mb = static_cast<double>(bytes) / 1e6;
  return {mb / wall, mb / std::max(cpu, 1e-9)};
}

void Report(std::string_view label, const std::vector<std::string>& texts, uint64_t bytes,
            int runs) {
  const extract::Gazetteer& g = extract::Gazetteer::Builtin();
  size_t matches = 0;
  for (const std::string& t : texts) matches += g.Find(t).size();
  Speed find = BestMbPerSecond(texts, bytes, runs, [&](const std::string& t) {
    auto found = g.Find(t);
    if (found.size() == SIZE_MAX) std::abort();  // keeps the call
  });
  Speed whole = BestMbPerSecond(texts, bytes, runs, [&](const std::string& t) {
    auto doc = extract::PrepareDocument(t, std::nullopt, std::nullopt, std::nullopt);
    auto found = extract::Extract(doc);
    if (found.entities.size() == SIZE_MAX) std::abort();
  });
  std::printf(
      "%-30s %8.2f MB %8zu places  Find %7.1f / %7.1f MB/s  extraction %6.1f / %6.1f MB/s\n",
      std::string(label).c_str(), static_cast<double>(bytes) / 1e6, matches, find.wall, find.cpu,
      whole.wall, whole.cpu);
}

int Run(int argc, char** argv) {
  Args args(argc, argv);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("5")).value_or(5));
  uint64_t mb = ParseCount(args.Flag("mb").value_or("20")).value_or(20);
  auto seed = static_cast<uint32_t>(ParseCount(args.Flag("seed").value_or("1")).value_or(1));
  if (args.positional().size() > 1 || !args.Unused().empty() || runs < 1) {
    std::fputs("usage: sijill-gazetteer-bench [DEV_DIR] [--runs N] [--mb N] [--seed N]\n", stderr);
    return 2;
  }
  std::string dir = args.positional().empty() ? "../shared/data/dev" : args.positional()[0];
  auto dev = ReadCorpusTexts(dir, UINT64_MAX, "sijill-gazetteer-bench");
  if (!dev) return 1;
  double build_start = NowSeconds();
  size_t places = extract::Gazetteer::Builtin().places().size();
  double build = NowSeconds() - build_start;
  std::printf("built-in gazetteer: %zu places, parsed and indexed in %.1f ms\n", places,
              build * 1e3);
  std::printf("MB/s as wall / CPU time, best of the runs\n");
  Report("dev testimonies (6)", dev->texts, dev->bytes, runs);
  std::string generated = Generate(dev->texts, mb * 1'000'000, seed);
  Report(fmt::format("generated, places every ~40w"), {generated}, generated.size(),
         std::max(1, runs / 2));
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
