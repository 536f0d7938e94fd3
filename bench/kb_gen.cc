// sijill-kb-gen: writes a generated knowledge base into a new archive, for the query,
// corroboration and export benchmarks of issue 5 (200,000 entities and 1,000,000 claims by
// default). The shape follows the testimonies': a five-level unit hierarchy whose links
// change over time, several commanders per unit in sequence with fuzzy handovers,
// memberships, deployments skewed towards some places, events, relatives; times in every
// form the claims use (days, months, years, seasons, open and unknown ends, ? and ~).
// Every claim cites a real span of a real passage. Rows go straight through the store's
// writer (no history, no custody entries): what is measured is reading, not this.
//
// usage: sijill-kb-gen --work DIR [--entities 200k] [--claims 1M] [--encrypted] [--seed N]
#include <fmt/format.h>

#include <random>

#include "bench_util.h"
#include "knowledge/model.h"
#include "store/archive.h"
#include "store/archive_keys.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;
using knowledge::Claim;
using knowledge::Entity;
using knowledge::EntityType;
using knowledge::Predicate;

constexpr int kSources = 2000, kPassages = 20, kWitnesses = 600;

struct Gen {
  std::mt19937_64 rng;
  int Uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); }
  bool Chance(double p) { return std::uniform_real_distribution<double>()(rng) < p; }
};

std::string PassageText(Gen& g, int source, int passage) {
  static const char* words[] = {"the",      "brigade",   "commander",  "was",     "sent",
                                "to",       "we",        "checkpoint", "officer", "in",
                                "autumn",   "battalion", "said",       "orders",  "village",
                                "detained", "colonel",   "general"};
  std::string text = fmt::format("Source {} passage {}:", source, passage);
  while (text.size() < 400) {
    text += ' ';
    text += words[g.Uniform(0, 17)];
  }
  return text;
}

// A random claim time, in the forms testimonies give.
std::optional<std::string> Time(Gen& g, int year_from, int year_to) {
  int y = g.Uniform(year_from, year_to), m = g.Uniform(1, 12), d = g.Uniform(1, 28);
  switch (g.Uniform(0, 11)) {
    case 0:
      return std::nullopt;
    case 1:
      return fmt::format("{}", y);
    case 2:
      return fmt::format("{}-{:02}", y, m);
    case 3:
      return fmt::format("{}-{:02}-{:02}", y, m, d);
    case 4:
      return fmt::format("{}-{}", y, g.Uniform(21, 24));
    case 5:
      return fmt::format("../{}-{:02}", y, m);
    case 6:
      return fmt::format("{}-{:02}/..", y, m);
    case 7:
      return fmt::format("{}-{:02}~", y, m);
    case 8:
      return fmt::format("{}?", y);
    default: {
      int y2 = std::min(year_to + 1, y + g.Uniform(0, 2)), m2 = g.Uniform(1, 12);
      if (y2 == y && m2 < m) std::swap(m, m2);
      return fmt::format("{}-{:02}/{}-{:02}", y, m, y2, m2);
    }
  }
}

base::Status Generate(store::Store& store, uint64_t entity_count, uint64_t claim_count,
                      uint64_t seed) {
  Gen g{std::mt19937_64(seed)};
  std::vector<base::Id> sources;
  std::vector<std::vector<std::string>> texts(kSources);
  {
    ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
    for (int s = 0; s < kSources; ++s) {
      store::SourceRecord r;
      r.id = base::Id::Random();
      r.sha256 = fmt::format("{:064x}", s + 1);
      r.format = "text";
      r.original_name = fmt::format("t{}.txt", s);
      r.witness = fmt::format("Witness {}", g.Uniform(0, kWitnesses - 1));
      r.access = static_cast<store::AccessLevel>(g.Uniform(0, 2));
      r.text_sha256 = r.sha256;
      r.passage_count = kPassages;
      r.added_at = "2026-11-27T00:00:00Z";
      TRY(txn->AddSource(r));
      uint64_t at = 0;
      for (int p = 0; p < kPassages; ++p) {
        texts[s].push_back(PassageText(g, s, p));
        TRY(txn->AddPassage(
            {r.id, static_cast<uint32_t>(p), at, at + texts[s].back().size(), texts[s].back()}));
        at += texts[s].back().size() + 2;
      }
      sources.push_back(r.id);
    }
    TRY(txn->Commit());
  }
  auto cite = [&]() {
    int s = g.Uniform(0, kSources - 1), p = g.Uniform(0, kPassages - 1);
    const std::string& text = texts[s][p];
    uint64_t begin = g.Uniform(0, static_cast<int>(text.size()) - 41);
    uint64_t passage_start = static_cast<uint64_t>(p) * (text.size() + 2);
    return knowledge::Citation{sources[s], static_cast<uint32_t>(p), passage_start + begin,
                               passage_start + begin + 40, text.substr(begin, 40)};
  };

  // Entities: 60% persons, 20% units (five levels), 15% places, 5% events.
  const uint64_t units = entity_count / 5, places = entity_count * 15 / 100,
                 events = entity_count / 20, persons = entity_count - units - places - events;
  std::vector<base::Id> person, unit, place, event;
  std::vector<int> level;  // of each unit
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  auto add = [&](EntityType type, std::string name, std::vector<base::Id>* into) {
    Entity e;
    e.id = base::Id::Random();
    e.type = type;
    e.name = std::move(name);
    if (g.Chance(0.3)) e.aliases.push_back({e.name + " (alias)", std::nullopt});
    if (type == EntityType::kPlace) {
      e.latitude = 32.0 + g.Uniform(0, 5000) / 1000.0;
      e.longitude = 35.5 + g.Uniform(0, 6000) / 1000.0;
    }
    if (type == EntityType::kUnit) e.side = g.Chance(0.9) ? "government" : "opposition";
    if (type == EntityType::kPerson) e.is_protected = g.Chance(0.05);
    e.created_by = "kb-gen";
    e.created_at = "2026-11-27T00:00:00Z";
    into->push_back(e.id);
    return txn->knowledge().AddEntity(e);
  };
  const uint64_t per_level[5] = {units / 200, units / 40, units / 8, units * 3 / 10, 0};
  uint64_t made = 0;
  for (int l = 0; l < 5; ++l) {
    uint64_t n = l < 4 ? per_level[l] : units - made;
    for (uint64_t i = 0; i < n; ++i, ++made) {
      TRY(add(EntityType::kUnit, fmt::format("Unit {}-{}", l, i), &unit));
      level.push_back(l);
    }
  }
  for (uint64_t i = 0; i < persons; ++i)
    TRY(add(EntityType::kPerson, fmt::format("Person {}", i), &person));
  for (uint64_t i = 0; i < places; ++i)
    TRY(add(EntityType::kPlace, fmt::format("Place {}", i), &place));
  for (uint64_t i = 0; i < events; ++i)
    TRY(add(EntityType::kEvent, fmt::format("Event {}", i), &event));

  uint64_t claims = 0;
  auto claim = [&](const base::Id& s, Predicate p, const base::Id& o,
                   std::optional<std::string> time, std::optional<std::string> role) {
    Claim c;
    c.id = base::Id::Random();
    c.subject = s;
    c.predicate = p;
    c.object = o;
    c.time = std::move(time);
    c.role = std::move(role);
    c.evidence = g.Chance(0.7) ? knowledge::Evidence::kFirstHand : knowledge::Evidence::kHearsay;
    int st = g.Uniform(0, 99);
    c.status = st < 90   ? knowledge::ClaimStatus::kAccepted
               : st < 98 ? knowledge::ClaimStatus::kCandidate
                         : knowledge::ClaimStatus::kRejected;
    c.citations.push_back(cite());
    if (g.Chance(0.2)) c.citations.push_back(cite());
    c.created_by = "kb-gen";
    c.created_at = "2026-11-27T00:00:00Z";
    ++claims;
    return txn->knowledge().AddClaim(c);
  };
  // Hierarchy: each unit below level 0 under a unit of the level above; a tenth move.
  uint64_t level_start[6] = {0};
  for (int l = 0; l < 5; ++l)
    level_start[l + 1] = level_start[l] + (l < 4 ? per_level[l] : units - level_start[4]);
  for (uint64_t u = level_start[1]; u < units; ++u) {
    int l = level[u];
    auto parent = [&]() {
      return unit[level_start[l - 1] +
                  g.Uniform(0, static_cast<int>(level_start[l] - level_start[l - 1]) - 1)];
    };
    if (g.Chance(0.1)) {
      TRY(claim(unit[u], Predicate::kSubordinateTo, parent(), "../2013-06", "organic"));
      TRY(claim(unit[u], Predicate::kSubordinateTo, parent(), "2013-07/..", "organic"));
    } else {
      TRY(claim(unit[u], Predicate::kSubordinateTo, parent(), std::nullopt, "organic"));
    }
  }
  // Commanders: about four per unit, in sequence over 2011-2016, plus a chief of staff.
  for (uint64_t u = 0; u < units; ++u) {
    int y = 2011;
    for (int k = 0; k < 4 && y <= 2016; ++k) {
      int next = y + g.Uniform(0, 2);
      std::string time =
          fmt::format("{}-{:02}/{}-{:02}", y, g.Uniform(1, 6), next, g.Uniform(7, 12));
      if (g.Chance(0.2)) time = fmt::format("{}-{}/{}", y, g.Uniform(21, 23), next);
      if (g.Chance(0.1)) time = fmt::format("../{}", next);
      auto fixed = time.find('-') != std::string::npos && time[5] == '2'
                       ? fmt::format("{}-{:02}/{}", y, g.Uniform(3, 9), next)
                       : time;
      TRY(claim(person[g.Uniform(0, static_cast<int>(persons) - 1)], Predicate::kCommanderOf,
                unit[u], fixed, "commander"));
      y = next + 1;
    }
    if (g.Chance(0.5)) {
      TRY(claim(person[g.Uniform(0, static_cast<int>(persons) - 1)], Predicate::kCommanderOf,
                unit[u], Time(g, 2011, 2016), "chief of staff"));
    }
  }
  // The rest, in proportion: memberships, deployments (a quarter of them to a hot tenth
  // of places), participation, events' places, relatives.
  const uint64_t rest = claim_count > claims ? claim_count - claims : 0;
  auto any = [&](const std::vector<base::Id>& v) {
    return v[g.Uniform(0, static_cast<int>(v.size()) - 1)];
  };
  for (uint64_t i = 0; i < rest; ++i) {
    int kind = g.Uniform(0, 99);
    if (kind < 45) {
      TRY(claim(any(person), Predicate::kMemberOf, any(unit), Time(g, 2011, 2016), std::nullopt));
    } else if (kind < 75) {
      base::Id where =
          g.Chance(0.25) ? place[g.Uniform(0, static_cast<int>(places / 10))] : any(place);
      TRY(claim(any(unit), g.Chance(0.7) ? Predicate::kDeployedTo : Predicate::kLocatedAt, where,
                Time(g, 2011, 2016), std::nullopt));
    } else if (kind < 90) {
      TRY(claim(g.Chance(0.5) ? any(person) : any(unit), Predicate::kParticipatedIn, any(event),
                Time(g, 2011, 2016), std::nullopt));
    } else if (kind < 95) {
      TRY(claim(any(event), Predicate::kOccurredAt, any(place), Time(g, 2011, 2016), std::nullopt));
    } else {
      base::Id a = any(person), b = any(person);
      if (a == b) continue;
      TRY(claim(a, Predicate::kRelativeOf, b, std::nullopt, "brother"));
    }
    if (claims % 100000 == 0) {
      TRY(txn->Commit());
      ASSIGN_OR_RETURN(txn, store.BeginWrite());
      fmt::print(stderr, "\r{} claims", claims);
    }
  }
  TRY(txn->Commit());
  fmt::print(stderr, "\r");
  fmt::print(
      "{} entities ({} persons, {} units in 5 levels, {} places, {} events), {} claims, "
      "{} sources\n",
      person.size() + unit.size() + place.size() + event.size(), person.size(), unit.size(),
      place.size(), event.size(), claims, kSources);
  return base::Status::Ok();
}

int Main(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"--encrypted"};
  Args args(argc, argv, kSwitches);
  auto work = args.Flag("work");
  auto entities = ParseCount(args.Flag("entities").value_or("200k"));
  auto claims = ParseCount(args.Flag("claims").value_or("1M"));
  auto seed = ParseCount(args.Flag("seed").value_or("42"));
  bool encrypted = args.Has("encrypted");
  if (!work || !entities || !claims || !seed || !args.Unused().empty() || *entities < 1000) {
    fmt::print(stderr,
               "usage: sijill-kb-gen --work DIR [--entities 200k] [--claims 1M] "
               "[--encrypted] [--seed N]\n");
    return 2;
  }
  fs::path dir = fs::path(*work) / (encrypted ? "kb-encrypted" : "kb-plain");
  fs::remove_all(dir);
  const std::string phrase = "kb bench passphrase";
  auto passphrase = vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(phrase.data()), phrase.size()));
  store::CreateOptions options;
  if (encrypted) {
    options.passphrase = &passphrase;
    options.cost = vault::KdfCost::ForTests();
  }
  auto archive = store::Archive::Create(dir, options);
  if (!archive) {
    fmt::print(stderr, "{}\n", archive.error().message());
    return 1;
  }
  double start = NowSeconds();
  if (auto s = Generate((*archive)->store(), *entities, *claims, *seed); !s.ok()) {
    fmt::print(stderr, "{}\n", s.message());
    return 1;
  }
  fmt::print("wrote {} in {:.1f} s (passphrase for an encrypted one: '{}')\n", dir.string(),
             NowSeconds() - start, phrase);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Main(argc, argv); }
