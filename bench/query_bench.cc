// sijill-query-bench: the query figures of issue 5 on a knowledge base written by
// sijill-kb-gen (200,000 entities, 1,000,000 claims): who-commanded on a random day,
// the chain of command of a bottom-level unit (five levels up) on a random month,
// at-place over a random year, and the corroboration and contradiction passes over the
// whole base. Reads through the same Queries API the CLI uses, on a read-only archive.
//
// usage: sijill-query-bench --work DIR [--encrypted] [--queries 2000] [--seed N]
#include <fmt/format.h>
#include <time.h>

#include <random>

#include "bench_util.h"
#include "query/queries.h"
#include "query/whole_base.h"
#include "store/archive.h"
#include "store/archive_keys.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

// Wall-clock and CPU-time percentiles of `n` runs of `body`, in ms. On a shared machine
// the wall-clock tail is the scheduler's (a pre-empted query waits a time slice); the
// CPU time is the query's own work, and page faults it waited for are in neither.
struct Timing {
  Percentiles wall, cpu;
};
template <typename F>
base::Result<Timing> Time(int n, F&& body) {
  std::vector<double> wall, cpu;
  for (int i = 0; i < n; ++i) {
    double start = NowSeconds(), cpu_start = ThreadCpuMs();
    TRY(body(i));
    wall.push_back((NowSeconds() - start) * 1000);
    cpu.push_back(ThreadCpuMs() - cpu_start);
  }
  return Timing{ComputePercentiles(std::move(wall)), ComputePercentiles(std::move(cpu))};
}

std::string Show(const Timing& t) {
  return fmt::format(
      "wall p50 {:.3f} / p99 {:.3f} / max {:.3f} ms; cpu p50 {:.3f} / p99 {:.3f} "
      "ms",
      t.wall.p50, t.wall.p99, t.wall.max, t.cpu.p50, t.cpu.p99);
}

base::Status Run(const fs::path& dir, bool encrypted, int n, uint64_t seed) {
  const std::string phrase = "kb bench passphrase";
  store::KeyProvider keys = [&](const fs::path& d) -> base::Result<vault::SecretBytes> {
    ASSIGN_OR_RETURN(auto key_file, store::ReadKeyFile(d));
    return key_file.Unlock(phrase);
  };
  ASSIGN_OR_RETURN(auto archive, store::Archive::Open(dir, store::OpenMode::kReadOnly,
                                                      encrypted ? keys : store::KeyProvider{}));
  store::Store& store = archive->store();
  std::vector<base::Id> bottom_units, units, places;
  TRY(store.knowledge().ForEachEntity(std::nullopt, [&](const knowledge::Entity& e) {
    if (e.type == knowledge::EntityType::kUnit) {
      units.push_back(e.id);
      if (e.name.starts_with("Unit 4-")) bottom_units.push_back(e.id);
    }
    if (e.type == knowledge::EntityType::kPlace) places.push_back(e.id);
    return true;
  }));
  fmt::print("{}: {} units ({} at the bottom level), {} places\n", dir.string(), units.size(),
             bottom_units.size(), places.size());
  std::mt19937_64 rng(seed);
  auto pick = [&](const std::vector<base::Id>& v) {
    return v[std::uniform_int_distribution<size_t>(0, v.size() - 1)(rng)];
  };
  auto year = [&]() { return std::uniform_int_distribution<int>(2011, 2016)(rng); };
  auto month = [&]() { return std::uniform_int_distribution<int>(1, 12)(rng); };
  query::Queries queries(store.knowledge());
  // Each query kind runs twice over fresh random picks: "first" is the process's first
  // `n` queries (cold caches, as a single CLI run), "warm" the next `n` (as a server).

  for (const char* pass : {"first", "warm"}) {
    fmt::print("-- {} {} queries of each kind\n", pass, n);
    size_t rows = 0;
    ASSIGN_OR_RETURN(Timing who, Time(n, [&](int) -> base::Status {
                       ASSIGN_OR_RETURN(auto window,
                                        query::ParseWindow(fmt::format("{}-{:02}-{:02}", year(),
                                                                       month(), month() + 10)));
                       ASSIGN_OR_RETURN(auto r, queries.WhoCommanded(pick(units), window));
                       rows += r.size();
                       return base::Status::Ok();
                     }));
    fmt::print("who-commanded (random unit, random day): {}; {:.1f} rows per answer\n", Show(who),
               double(rows) / n);

    size_t levels = 0;
    ASSIGN_OR_RETURN(Timing chain, Time(n, [&](int) -> base::Status {
                       ASSIGN_OR_RETURN(auto window, query::ParseWindow(
                                                         fmt::format("{}-{:02}", year(), month())));
                       ASSIGN_OR_RETURN(auto r, queries.Chain(pick(bottom_units), window, {5, 0}));
                       int top = 0;
                       for (const auto& u : r.units) top = std::max(top, u.level);
                       levels += static_cast<size_t>(top);
                       return base::Status::Ok();
                     }));
    fmt::print("chain (bottom unit, 5 levels up, random month): {}; {:.2f} levels reached\n",
               Show(chain), double(levels) / n);

    size_t present = 0;
    ASSIGN_OR_RETURN(Timing at, Time(n, [&](int) -> base::Status {
                       ASSIGN_OR_RETURN(auto window, query::ParseWindow(std::to_string(year())));
                       ASSIGN_OR_RETURN(auto r, queries.AtPlace(pick(places), window));
                       present += r.units.size() + r.persons.size() + r.events.size();
                       return base::Status::Ok();
                     }));
    fmt::print("at-place (random place, random year): {}; {:.1f} presences per answer\n", Show(at),
               double(present) / n);
  }

  double start = NowSeconds();
  ASSIGN_OR_RETURN(auto groups, query::Corroborate(store.knowledge(), query::WitnessesFrom(store)));
  fmt::print("corroboration pass: {:.1f} s, {} groups\n", NowSeconds() - start, groups.size());
  start = NowSeconds();
  ASSIGN_OR_RETURN(auto found, query::FindContradictions(store.knowledge()));
  fmt::print("contradiction pass: {:.1f} s, {} contradictions\n", NowSeconds() - start,
             found.size());
  return base::Status::Ok();
}

int Main(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"--encrypted"};
  Args args(argc, argv, kSwitches);
  auto work = args.Flag("work");
  auto n = ParseCount(args.Flag("queries").value_or("2000"));
  auto seed = ParseCount(args.Flag("seed").value_or("7"));
  bool encrypted = args.Has("encrypted");
  if (!work || !n || !seed || !args.Unused().empty()) {
    fmt::print(stderr, "usage: sijill-query-bench --work DIR [--encrypted] [--queries N]\n");
    return 2;
  }
  fs::path dir = fs::path(*work) / (encrypted ? "kb-encrypted" : "kb-plain");
  if (auto s = Run(dir, encrypted, static_cast<int>(*n), *seed); !s.ok()) {
    fmt::print(stderr, "{}\n", s.message());
    return 1;
  }
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Main(argc, argv); }
