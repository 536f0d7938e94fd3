// sijill-query-bench: the query targets of issue 5 on a generated knowledge base.
//   sijill-query-bench DIR [--entities 200k] [--claims 1M] [--queries 1000] [--seed 1]
// Creates an archive in DIR (which must not exist) holding a generated base: units in a
// hierarchy about six levels deep, persons, places with coordinates, events; claims of
// every predicate the queries read, with EDTF times of day, month and year precision,
// open ends and qualifiers, cited to sources of 300 witnesses. Then times who-commanded
// (random unit, random day), chain (5 levels up, 1 down, random unit, random month),
// at-place (random place, random year, one sub-place level), and one corroboration and
// one contradiction pass. Prints p50/p90/p99/max in ms and the pass times in seconds.
#include <fmt/format.h>
#include <time.h>

#include <filesystem>
#include <random>

#include "bench_util.h"
#include "query/queries.h"
#include "query/whole_base.h"
#include "store/archive.h"

namespace sijill::bench {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;

struct Base {
  std::vector<base::Id> units, persons, places, events;
};

class Gen {
 public:
  explicit Gen(uint64_t seed) : rng_(seed) {}
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  base::Id Id() {
    std::array<uint8_t, 16> b{};
    for (auto& x : b) x = static_cast<uint8_t>(Uniform(0, 255));
    return base::Id::FromBytes(b);
  }
  std::string Date() {
    int y = Uniform(2008, 2016);
    switch (Uniform(0, 2)) {
      case 0:
        return fmt::format("{}", y);
      case 1:
        return fmt::format("{}-{:02}", y, Uniform(1, 12));
      default:
        return fmt::format("{}-{:02}-{:02}", y, Uniform(1, 12), Uniform(1, 28));
    }
  }
  std::optional<std::string> Time() {
    switch (Uniform(0, 9)) {
      case 0:
        return std::nullopt;
      case 1:
        return "../" + Date();
      case 2:
        return Date() + "/..";
      case 3:
        return Date() + "~";
      case 4:
      case 5: {
        int y = Uniform(2008, 2014);
        return fmt::format("{}-{:02}/{}-{:02}", y, Uniform(1, 12), y + Uniform(1, 2),
                           Uniform(1, 12));
      }
      default:
        return Date();
    }
  }

 private:
  std::mt19937_64 rng_;
};

base::Status Build(store::Store& store, Gen& g, uint64_t n_entities, uint64_t n_claims,
                   Base& base) {
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  std::vector<base::Id> sources;
  for (int i = 0; i < 1000; ++i) {
    store::SourceRecord s;
    s.id = g.Id();
    s.sha256 = s.text_sha256 = fmt::format("{:064x}", i + 1);
    s.format = "text";
    s.original_name = "t.txt";
    s.added_at = "2025-01-01T00:00:00Z";
    if (g.Uniform(0, 3) != 0) s.witness = fmt::format("W-{}", g.Uniform(1, 300));
    TRY(txn->AddSource(s));
    sources.push_back(s.id);
  }
  const char* sides[] = {"government", "opposition", "militia"};
  for (uint64_t i = 0; i < n_entities; ++i) {
    knowledge::Entity e;
    e.id = g.Id();
    int r = g.Uniform(0, 99);
    e.type = r < 10   ? EntityType::kUnit
             : r < 80 ? EntityType::kPerson
             : r < 95 ? EntityType::kPlace
                      : EntityType::kEvent;
    e.name = fmt::format("{} {}", knowledge::Name(e.type), i);
    if (e.type == EntityType::kUnit && base.units.size() < 20) e.side = sides[g.Uniform(0, 2)];
    if (e.type == EntityType::kPlace) {
      e.latitude = 32.0 + g.Uniform(0, 5000) / 1000.0;
      e.longitude = 35.5 + g.Uniform(0, 6000) / 1000.0;
    }
    e.created_by = "bench";
    e.created_at = "2025-01-01T00:00:00Z";
    TRY(txn->knowledge().AddEntity(e));
    std::vector<base::Id>* list[] = {&base.persons, &base.units, &base.places, &base.events};
    list[static_cast<int>(e.type)]->push_back(e.id);
  }
  auto pick = [&](const std::vector<base::Id>& v) {
    return v[g.Uniform(0, static_cast<int>(v.size()) - 1)];
  };
  // The hierarchy: unit i under unit (i - 1) / 5, so levels of 1, 5, 25, ... units.
  uint64_t made = 0;
  auto add = [&](knowledge::Claim c) -> base::Status {
    c.id = g.Id();
    c.time = g.Time();
    c.status = g.Uniform(0, 9) < 8 ? knowledge::ClaimStatus::kAccepted
                                   : knowledge::ClaimStatus::kCandidate;
    for (int k = g.Uniform(1, 2); k > 0; --k)
      c.citations.push_back({pick(sources), 0, 0, 5, "quote"});
    c.created_by = "bench";
    c.created_at = "2025-01-01T00:00:00Z";
    ++made;
    return txn->knowledge().AddClaim(c);
  };
  for (size_t i = 1; i < base.units.size() && made < n_claims; ++i) {
    knowledge::Claim c;
    c.subject = base.units[i];
    c.predicate = Predicate::kSubordinateTo;
    c.object = base.units[(i - 1) / 5];
    TRY(add(c));
  }
  const char* roles[] = {"commander", "deputy", "chief of staff"};
  while (made < n_claims) {
    knowledge::Claim c;
    switch (g.Uniform(0, 9)) {
      case 0:
      case 1:
        c.predicate = Predicate::kCommanderOf;
        c.subject = pick(base.persons);
        c.object = pick(base.units);
        c.role = roles[g.Uniform(0, 2)];
        break;
      case 2:
      case 3:
      case 4:
        c.predicate = Predicate::kMemberOf;
        c.subject = pick(base.persons);
        c.object = pick(base.units);
        break;
      case 5:
      case 6:
        c.predicate = g.Uniform(0, 1) ? Predicate::kLocatedAt : Predicate::kDeployedTo;
        c.subject = pick(base.units);
        c.object = pick(base.places);
        break;
      case 7:
        c.predicate = Predicate::kLocatedAt;
        c.subject = pick(base.places);
        c.object = pick(base.places);
        break;
      case 8:
        c.predicate = Predicate::kOccurredAt;
        c.subject = pick(base.events);
        c.object = pick(base.places);
        break;
      default:
        c.predicate = Predicate::kParticipatedIn;
        c.subject = pick(base.persons);
        c.object = pick(base.events);
        break;
    }
    TRY(add(c));
  }
  return txn->Commit();
}

// Runs `query` n times after n / 10 unmeasured runs (statement caches, page cache).
// This thread's CPU time in seconds: on a shared machine, wall-clock tails measure the
// scheduler as much as the query, so both are printed.
double CpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
}

struct Timing {
  Percentiles wall, cpu;
};

template <class F>
Timing Time(int n, F query) {
  for (int i = 0; i < n / 10; ++i) query();
  std::vector<double> wall, cpu;
  for (int i = 0; i < n; ++i) {
    double t = NowSeconds(), c = CpuSeconds();
    query();
    cpu.push_back((CpuSeconds() - c) * 1000);
    wall.push_back((NowSeconds() - t) * 1000);
  }
  return {ComputePercentiles(wall), ComputePercentiles(cpu)};
}

void Print(std::string_view what, const Timing& t) {
  for (const auto& [kind, p] : {std::pair{"wall", t.wall}, std::pair{"cpu", t.cpu}}) {
    fmt::print("{:<34} {:<4} p50 {:7.3f}  p90 {:7.3f}  p99 {:7.3f}  max {:7.3f} ms\n", what, kind,
               p.p50, p.p90, p.p99, p.max);
  }
}

int Run(int argc, char** argv) {
  Args args(argc, argv);
  uint64_t n_entities = ParseCount(args.Flag("entities").value_or("200k")).value_or(0);
  uint64_t n_claims = ParseCount(args.Flag("claims").value_or("1M")).value_or(0);
  int queries = static_cast<int>(ParseCount(args.Flag("queries").value_or("1000")).value_or(0));
  uint64_t seed = ParseCount(args.Flag("seed").value_or("1")).value_or(1);
  if (args.positional().size() != 1 || !args.Unused().empty() || n_entities < 100) {
    fmt::print(stderr, "usage: sijill-query-bench DIR [--entities N] [--claims N] [--queries N]\n");
    return 2;
  }
  Gen g(seed);
  auto archive = store::Archive::Create(args.positional()[0]);
  if (!archive) {
    fmt::print(stderr, "sijill-query-bench: {}\n", archive.error().message());
    return 1;
  }
  store::Store& store = (*archive)->store();
  Base base;
  double t = NowSeconds();
  if (auto st = Build(store, g, n_entities, n_claims, base); !st.ok()) {
    fmt::print(stderr, "sijill-query-bench: {}\n", st.message());
    return 1;
  }
  fmt::print("built {} entities, {} claims in {:.1f} s ({} units, {} places)\n", n_entities,
             n_claims, NowSeconds() - t, base.units.size(), base.places.size());
  query::Queries q(store.knowledge());
  auto pick = [&](const std::vector<base::Id>& v) {
    return v[g.Uniform(0, static_cast<int>(v.size()) - 1)];
  };
  long rows = 0;
  Print("who-commanded (day)", Time(queries, [&] {
          auto w =
              *query::ParseWindow(g.Date().substr(0, 4) +
                                  fmt::format("-{:02}-{:02}", g.Uniform(1, 12), g.Uniform(1, 28)));
          rows += q.WhoCommanded(pick(base.units), w)->size();
        }));
  Print("chain (5 up, 1 down, month)", Time(queries, [&] {
          auto w =
              *query::ParseWindow(fmt::format("{}-{:02}", g.Uniform(2008, 2016), g.Uniform(1, 12)));
          rows += q.Chain(pick(base.units), w)->units.size();
        }));
  Print("at-place (year, 1 sub-place level)", Time(queries, [&] {
          auto w = *query::ParseWindow(fmt::format("{}", g.Uniform(2008, 2016)));
          auto a = q.AtPlace(pick(base.places), w);
          rows += a->units.size() + a->persons.size() + a->events.size();
        }));
  t = NowSeconds();
  auto groups = query::Corroborate(store.knowledge(), query::WitnessesFrom(store));
  fmt::print("corroboration pass: {:.1f} s, {} groups\n", NowSeconds() - t, groups->size());
  t = NowSeconds();
  auto contradictions = query::FindContradictions(store.knowledge());
  fmt::print("contradiction pass: {:.1f} s, {} contradictions\n", NowSeconds() - t,
             contradictions->size());
  fmt::print("({} rows answered)\n", rows);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
