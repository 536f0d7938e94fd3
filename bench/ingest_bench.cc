// sijill-ingest-bench: ingests one corpus several ways in the same run — through
// Sijill's real intake pipeline (ingest::AddFile into a new archive) and into a bare FTS5
// table — and prints each side's input throughput, the ratio and each side's peak RSS.
// Each side runs in its own forked child, so their peaks are separate and neither
// inherits the other's heap. The input is read once beforehand so that every side reads
// it from the page cache, and the disk is synced before each side so that none pays for
// another's write-back. With --rounds 2 or more the order of the sides reverses every
// other round, and the ratio is taken over the totals.
// For diagnosis, side "fts5-sijill-tok" is the bare table with Sijill's FTS5 tokenizer,
// and --stages times the intake's CPU stages alone (ingest_stages.h).
// The archive and FTS5 database of the last round stay in --work for sijill-search-bench.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include "bare_fts5.h"
#include "bench_util.h"
#include "ingest/add.h"
#include "ingest_stages.h"
#include "store/archive.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

enum class Side { kBare, kBareSijillTokenizer, kSijill, kSijillEncrypted };
constexpr std::string_view kSideNames[] = {"fts5", "fts5-sijill-tok", "sijill", "sijill-encrypted"};

// The passphrase of the encrypted side's archive (also for sijill-search-bench).
constexpr std::string_view kBenchPassphrase = "sijill-bench";

struct Options {
  fs::path corpus;
  fs::path work = "bench-work";
  std::vector<Side> sides = {Side::kBare, Side::kSijill};
  int rounds = 1;
  bool stages = false;
};

struct Measurement {
  Side side = Side::kBare;
  bool ok = false;
  uint64_t passages = 0;
  double seconds = 0;  // ingest, including the final close (WAL checkpoint)
  double cpu_seconds = 0;
  long max_rss_kb = 0;
  uint64_t disk_bytes = 0;
};

std::string_view SideName(Side side) { return kSideNames[static_cast<int>(side)]; }

fs::path Target(const Options& o, Side side) {
  switch (side) {
    case Side::kBare:
      return o.work / "bare-fts5.db";
    case Side::kBareSijillTokenizer:
      return o.work / "bare-fts5-sijill-tok.db";
    case Side::kSijill:
      return o.work / "archive";
    case Side::kSijillEncrypted:
      return o.work / "archive-encrypted";
  }
  return {};
}

uint64_t DiskBytes(const fs::path& p) {
  uint64_t total = 0;
  if (fs::is_regular_file(p)) return fs::file_size(p);
  for (const auto& e : fs::recursive_directory_iterator(p)) {
    if (e.is_regular_file()) total += e.file_size();
  }
  return total;
}

void RemoveTarget(const fs::path& target) {
  fs::remove_all(target);
  fs::remove(target.string() + "-wal");
  fs::remove(target.string() + "-shm");
}

std::optional<std::string> Failed(const base::Status& s) {
  fmt::print(stderr, "{}\n", s.message());
  return std::nullopt;
}

// The body of a bare FTS5 child: "<passages> <seconds>" or nullopt.
std::optional<std::string> IngestBare(const fs::path& db_file, BareFts5::Tokenizer tokenizer,
                                      const std::vector<fs::path>& files) {
  double start = NowSeconds();
  uint64_t passages = 0;
  {
    auto db = BareFts5::Create(db_file, tokenizer);
    if (!db) return Failed(db.error());
    for (const auto& f : files) {
      auto added = (*db)->AddFile(f);
      if (!added) return Failed(added.error());
      passages += *added;
    }
  }
  return fmt::format("{} {}", passages, NowSeconds() - start);
}

// The body of a Sijill child: "<passages> <seconds>" or nullopt. `encrypt`: the archive
// has a key file (passphrase kBenchPassphrase) and an encrypted database and blobs. Its
// key file is made with KdfCost::ForTests(): the passphrase KDF runs once per archive and
// is not what this measures.
std::optional<std::string> IngestSijill(const fs::path& dir, const std::vector<fs::path>& files,
                                        bool encrypt) {
  double start = NowSeconds();
  uint64_t passages = 0;
  {
    auto passphrase = vault::SecretBytes::CopyOf(std::span<const uint8_t>(
        reinterpret_cast<const uint8_t*>(kBenchPassphrase.data()), kBenchPassphrase.size()));
    store::CreateOptions options;
    if (encrypt) {
      options.passphrase = &passphrase;
      options.cost = vault::KdfCost::ForTests();
    }
    auto archive = store::Archive::Create(dir, options);
    if (!archive) return Failed(archive.error());
    for (const auto& f : files) {
      auto added = ingest::AddFile(**archive, f, {}, ingest::Intake::Now());
      if (!added) return Failed(added.error());
      passages += added->source.passage_count;
    }
  }
  return fmt::format("{} {}", passages, NowSeconds() - start);
}

Measurement RunSide(const Options& o, Side side, const std::vector<fs::path>& files) {
  fs::path target = Target(o, side);
  RemoveTarget(target);
  ::sync();
  fmt::print(stderr, "ingesting with {} ...\n", SideName(side));
  ChildResult child = RunInChild([&] {
    if (side == Side::kSijill || side == Side::kSijillEncrypted) {
      return IngestSijill(target, files, side == Side::kSijillEncrypted);
    }
    return IngestBare(
        target,
        side == Side::kBare ? BareFts5::Tokenizer::kUnicode61 : BareFts5::Tokenizer::kSijill,
        files);
  });
  Measurement m;
  m.side = side;
  m.max_rss_kb = child.max_rss_kb;
  m.cpu_seconds = child.cpu_seconds;
  std::istringstream report(child.output);
  m.ok = child.ok && static_cast<bool>(report >> m.passages >> m.seconds);
  if (m.ok) m.disk_bytes = DiskBytes(target);
  return m;
}

void PrintTable(const std::vector<Measurement>& runs, uint64_t bytes) {
  fmt::print("{:<16} {:>8} {:>8} {:>8} {:>10} {:>12} {:>9}\n", "engine", "wall s", "CPU s", "MB/s",
             "passages", "peak RSS MB", "disk MB");
  for (const auto& m : runs) {
    if (!m.ok) {
      fmt::print("{:<16} failed (see the messages above)\n", SideName(m.side));
      continue;
    }
    fmt::print("{:<16} {:>8.1f} {:>8.1f} {:>8.2f} {:>10} {:>12.1f} {:>9.1f}\n", SideName(m.side),
               m.seconds, m.cpu_seconds, Megabytes(bytes) / m.seconds, m.passages,
               static_cast<double>(m.max_rss_kb) / 1024.0, Megabytes(m.disk_bytes));
    if (m.passages != runs.front().passages) {
      fmt::print("warning: the sides made different numbers of passages\n");
    }
  }
}

// Throughput of `side` relative to `base` (bare FTS5 by default), over all rounds; 0 if
// a run failed.
double ThroughputRatio(const std::vector<Measurement>& runs, Side side, Side base = Side::kBare) {
  double bare = 0, other = 0;
  for (const auto& m : runs) {
    if (!m.ok) return 0;
    if (m.side == base) bare += m.seconds;
    if (m.side == side) other += m.seconds;
  }
  return other > 0 ? bare / other : 0;
}

void PrintRatios(const Options& o, const std::vector<Measurement>& runs) {
  auto has = [&](Side s) { return std::find(o.sides.begin(), o.sides.end(), s) != o.sides.end(); };
  if (has(Side::kSijill) && has(Side::kSijillEncrypted)) {
    // Time, not throughput: encrypted time / plain time, target <= 1.3.
    double slowdown = 1 / ThroughputRatio(runs, Side::kSijillEncrypted, Side::kSijill);
    fmt::print("Sijill encrypted / plain ingest time: {:.2f} (target <= 1.30: {})\n", slowdown,
               slowdown <= 1.3 ? "met" : "MISSED");
  }
  if (!has(Side::kBare)) return;
  if (has(Side::kBareSijillTokenizer)) {
    fmt::print("fts5-sijill-tok / fts5 throughput: {:.2f}\n",
               ThroughputRatio(runs, Side::kBareSijillTokenizer));
  }
  if (has(Side::kSijill)) {
    double ratio = ThroughputRatio(runs, Side::kSijill);
    fmt::print("Sijill / bare FTS5 throughput: {:.2f} (target >= 0.60: {})\n", ratio,
               ratio >= 0.6 ? "met" : "MISSED");
  }
}

int Usage() {
  std::fprintf(stderr,
               "usage: sijill-ingest-bench CORPUS_DIR [--work DIR] [--rounds N] [--stages]\n"
               "                           [--sides fts5,fts5-sijill-tok,sijill,sijill-encrypted]\n"
               "  (default sides: fts5,sijill)\n");
  return 2;
}

bool ParseSides(std::string_view list, std::vector<Side>* sides) {
  sides->clear();
  while (!list.empty()) {
    std::string_view name = list.substr(0, list.find(','));
    auto it = std::find(std::begin(kSideNames), std::end(kSideNames), name);
    if (it == std::end(kSideNames)) return false;
    sides->push_back(static_cast<Side>(it - std::begin(kSideNames)));
    list.remove_prefix(std::min(list.size(), name.size() + 1));
  }
  return !sides->empty();
}

bool ParseOptions(Args& args, Options* o) {
  if (args.positional().size() != 1) return false;
  o->corpus = args.positional()[0];
  if (auto w = args.Flag("work")) o->work = *w;
  if (auto s = args.Flag("sides"); s && !ParseSides(*s, &o->sides)) return false;
  if (auto r = args.Flag("rounds")) o->rounds = static_cast<int>(ParseCount(*r).value_or(0));
  o->stages = args.Has("stages");
  return o->rounds > 0 && args.Unused().empty();
}

int Run(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"stages"};
  Args args(argc, argv, kSwitches);
  Options o;
  if (!ParseOptions(args, &o)) return Usage();
  fs::path input = fs::is_directory(o.corpus / "files") ? o.corpus / "files" : o.corpus;
  std::vector<fs::path> files = ListTextFiles(input);
  if (files.empty()) return fmt::print(stderr, "no *.txt files under {}\n", input.string()), 1;
  uint64_t bytes = TotalBytes(files);
  fs::create_directories(o.work);
  WarmPageCache(files);
  fmt::print("input: {} files, {:.1f} MB under {}\n", files.size(), Megabytes(bytes),
             input.string());
  std::vector<Measurement> runs;
  for (int round = 0; round < o.rounds; ++round) {
    std::vector<Side> order = o.sides;
    if (round % 2 == 1) std::reverse(order.begin(), order.end());
    for (Side side : order) runs.push_back(RunSide(o, side, files));
  }
  PrintTable(runs, bytes);
  PrintRatios(o, runs);
  for (Side side : o.sides) fmt::print("{}: {}\n", SideName(side), Target(o, side).string());
  if (o.stages) {
    auto stages = MeasureStages(files);
    if (!stages) return fmt::print(stderr, "{}\n", stages.error().message()), 1;
    PrintStages(*stages, bytes);
  }
  return std::all_of(runs.begin(), runs.end(), [](const auto& m) { return m.ok; }) ? 0 : 1;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
