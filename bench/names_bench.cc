// sijill-names-bench: name lookup among a million aliases (issue 6's target: <= 10 ms p99).
// Writes an archive of persons whose names are built from common Syrian given and family
// names, each name in a random one of its Latin spellings, every person with an alias in
// another Latin spelling, one in Arabic script and a kunya ("Abu Ali"): four names each,
// 1,000,000 names for 250,000 persons by default (so names repeat, as real ones do). Then
// times query::LookupName, the whole lookup a command makes (index, candidates, ranking),
// for four kinds of typed names, and says how often the person meant is among the answers.
// --suggest-merges times query::SuggestMerges over all the persons instead (what `sijill
// names ARCHIVE --suggest-merges` runs), once; with --index-share, also the part of it that
// is reading candidates from the store's name index, timed on its own afterwards.
//
// usage: sijill-names-bench --work DIR [--names 1M] [--queries 2000] [--seed N]
//                           [--suggest-merges [--index-share]]
#include <fmt/format.h>

#include <ctime>
#include <filesystem>
#include <random>

#include "bench_util.h"
#include "query/name_lookup.h"
#include "store/archive.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

// Each part: its Latin spellings, then its Arabic one (last).
using Part = std::vector<std::string_view>;

const std::vector<Part> kGiven = {
    {"Mohammad", "Muhammad", "Mohamed", "محمد"},
    {"Ahmad", "Ahmed", "أحمد"},
    {"Ali", "Aly", "علي"},
    {"Hassan", "Hasan", "حسن"},
    {"Hussein", "Husain", "حسين"},
    {"Khaled", "Khalid", "خالد"},
    {"Omar", "Umar", "عمر"},
    {"Youssef", "Yusuf", "يوسف"},
    {"Ibrahim", "Ebrahim", "إبراهيم"},
    {"Mahmoud", "Mahmud", "محمود"},
    {"Mustafa", "Moustafa", "مصطفى"},
    {"Samir", "Sameer", "سمير"},
    {"Walid", "Waleed", "وليد"},
    {"Jamil", "Jameel", "جميل"},
    {"Rami", "Ramy", "رامي"},
    {"Fadi", "Fady", "فادي"},
    {"Ghassan", "Ghasan", "غسان"},
    {"Bassam", "Basam", "بسام"},
    {"Nizar", "Nezar", "نزار"},
    {"Ammar", "Amar", "عمار"},
    {"Yasser", "Yasir", "ياسر"},
    {"Tarek", "Tariq", "طارق"},
    {"Ziad", "Ziyad", "زياد"},
    {"Suhail", "Suheil", "سهيل"},
    {"Maher", "Mahir", "ماهر"},
    {"Rustum", "Rostom", "رستم"},
    {"Fawaz", "Fawwaz", "فواز"},
    {"Nabil", "Nabeel", "نبيل"},
    {"Adnan", "Adnane", "عدنان"},
    {"Hafez", "Hafiz", "حافظ"},
    {"Kamal", "Kamel", "كمال"},
    {"Issam", "Essam", "عصام"},
    {"Wael", "Wa'il", "وائل"},
    {"Marwan", "Merwan", "مروان"},
    {"Riad", "Riyad", "رياض"},
    {"Saleh", "Salih", "صالح"},
    {"Qasim", "Kassem", "قاسم"},
    {"Jaafar", "Jafar", "جعفر"},
    {"Talal", "Talaal", "طلال"},
    {"Munir", "Mounir", "منير"},
};

const std::vector<Part> kFamily = {
    {"Haidar", "Haydar", "حيدر"},
    {"Qaddour", "Kaddour", "قدور"},
    {"Shahin", "Chahine", "شاهين"},
    {"Makhlouf", "Makhluf", "مخلوف"},
    {"Mamlouk", "Mamluk", "مملوك"},
    {"Tlass", "Tlas", "طلاس"},
    {"al-Assad", "al-Asad", "الأسد"},
    {"al-Hassan", "al-Hasan", "الحسن"},
    {"Khalil", "Khaleel", "خليل"},
    {"Haddad", "Hadad", "حداد"},
    {"Sabbagh", "Sabagh", "صباغ"},
    {"Saqr", "Saker", "صقر"},
    {"Jaber", "Jabir", "جابر"},
    {"Ismail", "Ismael", "إسماعيل"},
    {"Othman", "Uthman", "عثمان"},
    {"Darwish", "Darwich", "درويش"},
    {"Nasser", "Nasir", "ناصر"},
    {"Mansour", "Mansur", "منصور"},
    {"Khoury", "Khouri", "خوري"},
    {"Hamdan", "Hamdane", "حمدان"},
    {"Salloum", "Sallum", "سلوم"},
    {"Zaher", "Zahir", "زاهر"},
    {"Barakat", "Barakaat", "بركات"},
    {"Shalish", "Chalish", "شاليش"},
    {"al-Najjar", "Najjar", "النجار"},
    {"al-Attar", "Attar", "العطار"},
    {"Qassab", "Kassab", "قصاب"},
    {"al-Rifai", "Rifaii", "الرفاعي"},
    {"Hammoud", "Hamoud", "حمود"},
    {"Suleiman", "Sulayman", "سليمان"},
    {"Younes", "Yunus", "يونس"},
    {"Abbas", "Abbass", "عباس"},
    {"Deeb", "Dib", "ديب"},
    {"Jumaa", "Jomaa", "جمعة"},
    {"Fares", "Faris", "فارس"},
    {"Moussa", "Musa", "موسى"},
    {"Rahal", "Rahhal", "رحال"},
    {"Shaaban", "Shaban", "شعبان"},
    {"Halabi", "Halaby", "حلبي"},
    {"Hijazi", "Hegazi", "حجازي"},
};

struct Person {
  size_t given, father, family;
};

struct Gen {
  std::mt19937_64 rng;
  size_t Below(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(rng); }
  std::string Latin(const Part& p) { return std::string(p[Below(p.size() - 1)]); }
  std::string Full(const Person& x) {
    return Latin(kGiven[x.given]) + " " + Latin(kGiven[x.father]) + " " + Latin(kFamily[x.family]);
  }
};

std::string Arabic(const Person& x) {
  return fmt::format("{} {} {}", kGiven[x.given].back(), kGiven[x.father].back(),
                     kFamily[x.family].back());
}

knowledge::Entity EntityOf(Gen& g, const Person& x) {
  knowledge::Entity e;
  e.id = base::Id::Random();
  e.type = knowledge::EntityType::kPerson;
  e.name = g.Full(x);
  e.aliases = {{g.Full(x), std::nullopt},
               {Arabic(x), std::nullopt},
               {"Abu " + g.Latin(kGiven[g.Below(kGiven.size())]), std::nullopt}};
  e.created_by = "bench";
  e.created_at = "2026-11-27T00:00:00Z";
  return e;
}

base::Result<std::vector<std::pair<Person, base::Id>>> Generate(store::Store& store, Gen& g,
                                                                uint64_t persons) {
  std::vector<std::pair<Person, base::Id>> out;
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  for (uint64_t i = 0; i < persons; ++i) {
    Person x{g.Below(kGiven.size()), g.Below(kGiven.size()), g.Below(kFamily.size())};
    knowledge::Entity e = EntityOf(g, x);
    TRY(txn->knowledge().AddEntity(e));
    out.push_back({x, e.id});
    if ((i + 1) % 20000 == 0) {
      TRY(txn->Commit());
      ASSIGN_OR_RETURN(txn, store.BeginWrite());
      fmt::print(stderr, "\r{} persons", i + 1);
    }
  }
  TRY(txn->Commit());
  fmt::print(stderr, "\r");
  return out;
}

struct Kind {
  std::string_view what;
  std::vector<double> ms, cpu_ms;
  size_t found = 0;
};

// CPU time of this thread in milliseconds: on a shared machine, the part of a lookup's
// wall time that is its own work rather than waiting for a core.
double ThreadCpuMs() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

// The typed name of kind `k` for person x.
std::string Typed(Gen& g, int k, const Person& x) {
  switch (k) {
    case 0:
      return g.Full(x);
    case 1:
      return Arabic(x);
    case 2:
      return g.Latin(kGiven[x.given]) + " " + g.Latin(kFamily[x.family]);
    default:
      return g.Latin(kFamily[x.family]);
  }
}

int Measure(store::Store& store, Gen& g, const std::vector<std::pair<Person, base::Id>>& people,
            uint64_t queries) {
  std::vector<Kind> kinds = {{"full name, any Latin spelling", {}, {}, 0},
                             {"full name in Arabic script", {}, {}, 0},
                             {"given + family name (2 of 3 words)", {}, {}, 0},
                             {"family name alone", {}, {}, 0}};
  std::vector<double> all, all_cpu;
  for (uint64_t q = 0; q < queries; ++q) {
    const int k = static_cast<int>(q % kinds.size());
    const auto& [person, id] = people[g.Below(people.size())];
    const std::string typed = Typed(g, k, person);
    const double start = NowSeconds(), cpu_start = ThreadCpuMs();
    auto found = query::LookupName(store.knowledge(), typed, std::nullopt, 10, 0.6);
    const double ms = (NowSeconds() - start) * 1000;
    kinds[static_cast<size_t>(k)].cpu_ms.push_back(ThreadCpuMs() - cpu_start);
    all_cpu.push_back(kinds[static_cast<size_t>(k)].cpu_ms.back());
    if (!found) {
      fmt::print(stderr, "{}: {}\n", typed, found.error().message());
      return 1;
    }
    kinds[static_cast<size_t>(k)].ms.push_back(ms);
    all.push_back(ms);
    for (const auto& c : *found) kinds[static_cast<size_t>(k)].found += c.entity.id == id;
  }
  fmt::print("{:<36} {:>7} {:>7} {:>7} {:>7} {:>7} {:>8} {:>8}  {}\n", "typed (wall ms; cpu ms)",
             "lookups", "p50", "p90", "p99", "max", "cpu p50", "cpu p99", "meant one in answers");
  auto row = [](std::string_view what, const std::vector<double>& ms,
                const std::vector<double>& cpu) {
    auto p = ComputePercentiles(ms);
    auto c = ComputePercentiles(cpu);
    return fmt::format("{:<36} {:>7} {:>7.2f} {:>7.2f} {:>7.2f} {:>7.2f} {:>8.2f} {:>8.2f}", what,
                       ms.size(), p.p50, p.p90, p.p99, p.max, c.p50, c.p99);
  };
  for (const auto& kind : kinds) {
    fmt::print("{}  {:.1f}%\n", row(kind.what, kind.ms, kind.cpu_ms),
               100.0 * static_cast<double>(kind.found) / static_cast<double>(kind.ms.size()));
  }
  fmt::print("{}\n", row("all", all, all_cpu));
  return 0;
}

// SuggestMerges as `sijill names --suggest-merges` calls it (persons; 20 pairs from 0.8),
// then the same index reads on their own: each person's names looked up in the name token
// index, as SuggestMerges does before it compares names and reads shared links.
int MeasureSuggestMerges(store::Store& store, size_t persons, bool index_share) {
  const double start = NowSeconds(), cpu_start = ThreadCpuMs();
  auto pairs = query::SuggestMerges(store.knowledge(), knowledge::EntityType::kPerson, 20, 0.8);
  const double wall = NowSeconds() - start, cpu = (ThreadCpuMs() - cpu_start) / 1e3;
  if (!pairs) {
    fmt::print(stderr, "{}\n", pairs.error().message());
    return 1;
  }
  fmt::print("SuggestMerges over {} persons: {:.1f} s wall, {:.1f} s CPU, {} pairs", persons, wall,
             cpu, pairs->size());
  if (!pairs->empty()) fmt::print(" (best {:.3f})", pairs->front().score);
  fmt::print("\n");
  if (!index_share) return 0;
  const double index_start = NowSeconds();
  std::vector<knowledge::Entity> all;
  auto listed = store.knowledge().ForEachEntity(knowledge::EntityType::kPerson, [&](const auto& e) {
    all.push_back(e);
    return true;
  });
  if (!listed.ok()) {
    fmt::print(stderr, "{}\n", listed.message());
    return 1;
  }
  size_t lookups = 0, candidates = 0;
  for (const knowledge::Entity& e : all) {
    std::vector<std::string> names{e.name};
    for (const auto& a : e.aliases) names.push_back(a.name);
    for (const auto& name : names) {
      auto found = store.knowledge().FindEntitiesByNameTokens(name, e.type, 50);
      if (!found) {
        fmt::print(stderr, "{}\n", found.error().message());
        return 1;
      }
      ++lookups;
      candidates += found->size();
    }
  }
  fmt::print("of which reading the name index: {} lookups, {} candidates, {:.1f} s wall\n", lookups,
             candidates, NowSeconds() - index_start);
  return 0;
}

int Main(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"suggest-merges", "index-share"};
  Args args(argc, argv, kSwitches);
  const bool suggest = args.Has("suggest-merges"), index_share = args.Has("index-share");
  auto work = args.Flag("work");
  auto names = ParseCount(args.Flag("names").value_or("1M"));
  auto queries = ParseCount(args.Flag("queries").value_or("2000"));
  auto seed = ParseCount(args.Flag("seed").value_or("42"));
  if (!work || !names || !queries || !seed || !args.Unused().empty() || *names < 4) {
    fmt::print(stderr,
               "usage: sijill-names-bench --work DIR [--names 1M] [--queries 2000] [--seed N] "
               "[--suggest-merges [--index-share]]\n");
    return 2;
  }
  const fs::path dir = fs::path(*work) / "names";
  fs::remove_all(dir);
  auto archive = store::Archive::Create(dir);
  if (!archive) {
    fmt::print(stderr, "{}\n", archive.error().message());
    return 1;
  }
  Gen g{std::mt19937_64(*seed)};
  const double start = NowSeconds();
  auto people = Generate((*archive)->store(), g, *names / 4);
  if (!people) {
    fmt::print(stderr, "{}\n", people.error().message());
    return 1;
  }
  fmt::print("{} persons, {} names, written in {:.1f} s\n", people->size(), people->size() * 4,
             NowSeconds() - start);
  if (suggest) return MeasureSuggestMerges((*archive)->store(), people->size(), index_share);
  return Measure((*archive)->store(), g, *people, *queries);
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Main(argc, argv); }
