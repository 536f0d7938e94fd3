// sijill-search-bench: runs the same queries against a Sijill archive (ParseSearchQuery +
// SearchIndex::Search, top 20 with snippets) and against a bare FTS5 table over the same
// passages (`ORDER BY rank LIMIT 20` with snippet()), and prints latency percentiles
// for both and their ratios. Every query runs once untimed on every engine (warm-up),
// then --runs times each, rotating which engine goes first. Match counts are computed
// afterwards with count(*), untimed, for information.
// --diagnose adds engines that split Sijill's difference from the baseline into its
// causes: the archive's own FTS5 index queried exactly like the bare table (with and
// without reading the `rank` column), and, with --sijill-tok-db, a bare table built with
// Sijill's tokenizer (sijill-ingest-bench --sides fts5-sijill-tok).
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>

#include "bare_fts5.h"
#include "bench_util.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "store/sqlite/fts_tokenizer.h"
#include "store/sqlite/sqlite_search.h"
#include "text/search_query.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

// One engine of the comparison: runs a user's query, returns the number of hits.
class Engine {
 public:
  virtual ~Engine() = default;
  virtual std::string_view name() const = 0;
  virtual base::Result<size_t> Run(std::string_view user_query) = 0;
  // count(*) of the query's matches; untimed, for information.
  virtual base::Result<int64_t> Count(std::string_view user_query) = 0;
};

// Turns a user's query into an FTS5 MATCH expression.
using Render = std::function<base::Result<std::string>(std::string_view)>;

base::Result<std::string> RenderForSijill(std::string_view user_query) {
  ASSIGN_OR_RETURN(auto query, text::ParseSearchQuery(user_query));
  return store::sqlite::RenderFts5(query);
}

base::Result<std::string> RenderForBare(std::string_view user_query) {
  return QuoteWordsForFts5(user_query);
}

// A top-k query with snippets straight against an FTS5 table. Owns `db` and `stmt`.
class SqlEngine : public Engine {
 public:
  SqlEngine(std::string name, sqlite3* db, sqlite3_stmt* stmt, std::string table, Render render)
      : name_(std::move(name)),
        db_(db),
        stmt_(stmt),
        table_(std::move(table)),
        render_(std::move(render)) {}
  ~SqlEngine() override {
    sqlite3_finalize(stmt_);
    sqlite3_close_v2(db_);
  }
  std::string_view name() const override { return name_; }
  base::Result<size_t> Run(std::string_view user_query) override {
    ASSIGN_OR_RETURN(std::string match, render_(user_query));
    sqlite3_reset(stmt_);
    sqlite3_bind_text(stmt_, 1, match.data(), static_cast<int>(match.size()), SQLITE_TRANSIENT);
    snippets_.clear();
    int rc;
    const int column = sqlite3_column_count(stmt_) - 1;  // the snippet
    while ((rc = sqlite3_step(stmt_)) == SQLITE_ROW) {
      auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
      snippets_.emplace_back(p ? p : "", static_cast<size_t>(sqlite3_column_bytes(stmt_, column)));
    }
    if (rc != SQLITE_DONE) return base::Error(base::Status::IOError(sqlite3_errmsg(db_)));
    return snippets_.size();
  }
  base::Result<int64_t> Count(std::string_view user_query) override {
    ASSIGN_OR_RETURN(std::string match, render_(user_query));
    return CountMatches(db_, table_, match);
  }

 private:
  std::string name_;
  sqlite3* db_;
  sqlite3_stmt* stmt_;
  std::string table_;
  Render render_;
  std::vector<std::string> snippets_;
};

enum class RankColumn { kNo, kYes };

// What a SqlEngine queries and how.
struct SqlSpec {
  std::string name;
  fs::path file;
  std::string table;  // "t" (a bare table) or "passage_index" (an archive)
  Render render;
  BareFts5::Tokenizer tokenizer = BareFts5::Tokenizer::kUnicode61;
  RankColumn rank = RankColumn::kNo;  // also select the `rank` column, as Sijill does
};

base::Result<std::unique_ptr<Engine>> OpenSql(SqlSpec spec, size_t limit) {
  sqlite3* db = nullptr;
  sqlite3_stmt* stmt = nullptr;
  std::string sql = fmt::format(
      "SELECT rowid, {1}snippet({0}, 0, '[', ']', '…', 32) FROM {0} WHERE {0} MATCH ?1 "
      "ORDER BY rank LIMIT {2}",
      spec.table, spec.rank == RankColumn::kYes ? "rank, " : "", limit);
  bool ok = sqlite3_open_v2(spec.file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK;
  if (ok && spec.tokenizer == BareFts5::Tokenizer::kSijill) {
    ok = store::sqlite::RegisterFtsTokenizer(db).ok();
  }
  if (!ok || sqlite3_prepare_v2(db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    auto error = base::Status::IOError(
        fmt::format("{}: cannot open: {}", spec.file.string(), sqlite3_errmsg(db)));
    sqlite3_close_v2(db);
    return base::Error(error);
  }
  return std::unique_ptr<Engine>(std::make_unique<SqlEngine>(
      std::move(spec.name), db, stmt, std::move(spec.table), std::move(spec.render)));
}

class SijillEngine : public Engine {
 public:
  SijillEngine(std::string name, std::unique_ptr<store::Archive> archive,
               std::unique_ptr<Engine> counter, size_t limit)
      : name_(std::move(name)),
        archive_(std::move(archive)),
        counter_(std::move(counter)),
        limit_(limit) {}
  std::string_view name() const override { return name_; }
  base::Result<size_t> Run(std::string_view user_query) override {
    ASSIGN_OR_RETURN(auto query, text::ParseSearchQuery(user_query));
    ASSIGN_OR_RETURN(auto hits, archive_->store().search().Search(query, limit_, 0));
    return hits.size();
  }
  // The Store interface has no count, so this asks the archive's database directly, with
  // the query rendered exactly as SqliteSearchIndex renders it.
  base::Result<int64_t> Count(std::string_view user_query) override {
    if (!counter_) return base::Error(base::Status::InvalidArgument("no counter"));
    return counter_->Count(user_query);
  }

 private:
  std::string name_;
  std::unique_ptr<store::Archive> archive_;
  std::unique_ptr<Engine> counter_;
  size_t limit_;
};

struct Engines {
  // [0] bare FTS5, [1] Sijill, then Sijill on the encrypted archive, then diagnostics
  std::vector<std::unique_ptr<Engine>> all;
  int encrypted = -1;  // index of the encrypted archive's engine, if any
};

// The passphrase sijill-ingest-bench gives the encrypted side's archive.
constexpr std::string_view kBenchPassphrase = "sijill-bench";

// Opens an encrypted archive as `sijill` does (cli/passphrase.cc, OpenArchive): the key
// provider reads the key file and unlocks it with the passphrase.
base::Result<std::unique_ptr<store::Archive>> OpenEncrypted(const fs::path& dir) {
  return store::Archive::Open(dir, store::OpenMode::kReadOnly,
                              [](const fs::path& d) -> base::Result<vault::SecretBytes> {
                                ASSIGN_OR_RETURN(auto key_file, store::ReadKeyFile(d));
                                return key_file.Unlock(kBenchPassphrase);
                              });
}

base::Result<Engines> OpenEngines(Args& args, size_t limit) {
  using Tokenizer = BareFts5::Tokenizer;
  const auto& pos = args.positional();
  fs::path archive_db = fs::path(pos[0]) / "sijill.db";
  Engines e;
  ASSIGN_OR_RETURN(auto bare, OpenSql({"bare FTS5", pos[1], "t", RenderForBare}, limit));
  e.all.push_back(std::move(bare));
  ASSIGN_OR_RETURN(auto archive, store::Archive::Open(pos[0], store::OpenMode::kReadOnly));
  ASSIGN_OR_RETURN(auto counter, OpenSql({"counter", archive_db, "passage_index", RenderForSijill,
                                          Tokenizer::kSijill},
                                         limit));
  e.all.push_back(
      std::make_unique<SijillEngine>("Sijill", std::move(archive), std::move(counter), limit));
  if (auto dir = args.Flag("encrypted-archive")) {
    ASSIGN_OR_RETURN(auto encrypted, OpenEncrypted(*dir));
    e.encrypted = static_cast<int>(e.all.size());
    e.all.push_back(
        std::make_unique<SijillEngine>("Sijill encrypted", std::move(encrypted), nullptr, limit));
  }
  if (!args.Has("diagnose")) return e;
  if (auto tok_db = args.Flag("sijill-tok-db")) {
    ASSIGN_OR_RETURN(
        auto tok,
        OpenSql({"bare, sijill tok", *tok_db, "t", RenderForBare, Tokenizer::kSijill}, limit));
    e.all.push_back(std::move(tok));
  }
  for (auto rank : {RankColumn::kNo, RankColumn::kYes}) {
    ASSIGN_OR_RETURN(auto index,
                     OpenSql({rank == RankColumn::kNo ? "index" : "index + rank col", archive_db,
                              "passage_index", RenderForSijill, Tokenizer::kSijill, rank},
                             limit));
    e.all.push_back(std::move(index));
  }
  return e;
}

// What one engine did with every query.
struct Timings {
  std::vector<std::vector<double>> ms;  // [query][run]
  std::vector<size_t> hits;             // rows returned, per query
  std::vector<int64_t> counts;          // count(*), per query (bare FTS5 and Sijill only)
};

double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}

Percentiles OfAllSamples(const Timings& t) {
  std::vector<double> all;
  for (const auto& runs : t.ms) all.insert(all.end(), runs.begin(), runs.end());
  return ComputePercentiles(std::move(all));
}

base::Status TimeQuery(Engine& e, std::string_view q, Timings& t, size_t i) {
  double start = NowSeconds();
  ASSIGN_OR_RETURN(size_t hits, e.Run(q));
  t.ms[i].push_back((NowSeconds() - start) * 1e3);
  t.hits[i] = hits;
  return base::Status::Ok();
}

// Warms up, then times every query `runs` times on every engine, rotating the order.
base::Result<std::vector<Timings>> TimeAll(const std::vector<std::string>& queries, int runs,
                                           Engines& e) {
  const size_t n = e.all.size();
  std::vector<Timings> t(n);
  for (auto& ti : t) {
    ti.ms.assign(queries.size(), {});
    ti.hits.assign(queries.size(), 0);
  }
  for (const auto& q : queries) {
    for (auto& engine : e.all) {
      if (auto r = engine->Run(q); !r) return base::Error(r.error());
    }
  }
  for (size_t run = 0; run < static_cast<size_t>(runs); ++run) {
    for (size_t i = 0; i < queries.size(); ++i) {
      for (size_t k = 0; k < n; ++k) {
        size_t which = (i + run + k) % n;
        TRY(TimeQuery(*e.all[which], queries[i], t[which], i));
      }
    }
  }
  for (size_t k = 0; k < 2; ++k) {
    for (const auto& q : queries) {
      ASSIGN_OR_RETURN(int64_t count, e.all[k]->Count(q));
      t[k].counts.push_back(count);
    }
  }
  return t;
}

void PrintLatency(const Engines& e, const std::vector<Timings>& t) {
  fmt::print("{:<18} {:>8} {:>8} {:>8} {:>8} {:>9} {:>9}\n", "latency (ms)", "p50", "p90", "p99",
             "max", "p50 / bare", "p99 / bare");
  Percentiles bare = OfAllSamples(t[0]);
  auto ratio = [](double x, double y) { return y > 0 ? x / y : 0; };
  for (size_t k = 0; k < e.all.size(); ++k) {
    Percentiles p = OfAllSamples(t[k]);
    fmt::print("{:<18} {:>8.2f} {:>8.2f} {:>8.2f} {:>8.2f} {:>9.2f} {:>9.2f}\n", e.all[k]->name(),
               p.p50, p.p90, p.p99, p.max, ratio(p.p50, bare.p50), ratio(p.p99, bare.p99));
  }
  Percentiles sijill = OfAllSamples(t[1]);
  bool met = ratio(sijill.p50, bare.p50) <= 1.3 && ratio(sijill.p99, bare.p99) <= 1.3;
  fmt::print("target: Sijill p50 and p99 <= 1.3 x bare FTS5: {}\n", met ? "met" : "MISSED");
  if (e.encrypted < 0) return;
  Percentiles enc = OfAllSamples(t[static_cast<size_t>(e.encrypted)]);
  double r50 = ratio(enc.p50, sijill.p50), r99 = ratio(enc.p99, sijill.p99);
  fmt::print("Sijill encrypted / plain: p50 {:.2f}, p99 {:.2f} (target <= 1.3: {})\n", r50, r99,
             r50 <= 1.3 && r99 <= 1.3 ? "met" : "MISSED");
}

// The queries with the most matches and the slowest ones (by median over runs).
void PrintQueries(const std::vector<std::string>& queries, const Timings& ta, const Timings& tb) {
  std::vector<size_t> order(queries.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  auto print = [&](std::string_view title, auto key) {
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return key(x) > key(y); });
    fmt::print("\n{}\n{:<36} {:>10} {:>11} {:>10} {:>10}\n", title, "query", "bare rows",
               "Sijill rows", "bare ms", "Sijill ms");
    for (size_t k = 0; k < std::min<size_t>(8, order.size()); ++k) {
      size_t i = order[k];
      fmt::print("{:<36} {:>10} {:>11} {:>10.2f} {:>10.2f}\n", queries[i], ta.counts[i],
                 tb.counts[i], Median(ta.ms[i]), Median(tb.ms[i]));
    }
  };
  print("most matches (count(*), untimed; ms = median of runs)",
        [&](size_t i) { return tb.counts[i]; });
  print("slowest for Sijill", [&](size_t i) { return Median(tb.ms[i]); });
  size_t empty_a = 0, empty_b = 0, differ = 0;
  for (size_t i = 0; i < queries.size(); ++i) {
    empty_a += ta.hits[i] == 0;
    empty_b += tb.hits[i] == 0;
    differ += ta.counts[i] != tb.counts[i];
  }
  fmt::print("\nqueries with no hit: bare FTS5 {}, Sijill {}; with different match counts: {}\n",
             empty_a, empty_b, differ);
  std::vector<double> counts(ta.counts.begin(), ta.counts.end());
  Percentiles c = ComputePercentiles(counts);
  fmt::print("matches per query (bare FTS5 count(*)): p50 {:.0f}, p90 {:.0f}, max {:.0f}\n", c.p50,
             c.p90, c.max);
}

// One line per query: the query, then for bare FTS5 and Sijill the match count and the
// median milliseconds.
bool WriteCsv(const fs::path& file, const std::vector<std::string>& queries, const Timings& ta,
              const Timings& tb) {
  std::ofstream out(file);
  out << "query,bare_count,bare_ms,sijill_count,sijill_ms\n";
  for (size_t i = 0; i < queries.size(); ++i) {
    out << '"' << queries[i] << "\"," << ta.counts[i] << ',' << Median(ta.ms[i]) << ','
        << tb.counts[i] << ',' << Median(tb.ms[i]) << '\n';
  }
  return static_cast<bool>(out.flush());
}

std::vector<std::string> ReadQueries(const fs::path& file) {
  std::vector<std::string> out;
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

int Usage() {
  std::fprintf(stderr,
               "usage: sijill-search-bench ARCHIVE_DIR BARE_FTS_DB QUERIES_FILE [--runs 3] "
               "[--limit 20]\n"
               "                           [--csv FILE] [--diagnose [--sijill-tok-db FILE]]\n"
               "                           [--encrypted-archive DIR (from sijill-ingest-bench\n"
               "                            --sides ...,sijill-encrypted)]\n");
  return 2;
}

int Run(int argc, char** argv) {
  static constexpr std::string_view kSwitches[] = {"diagnose"};
  Args args(argc, argv, kSwitches);
  int runs = static_cast<int>(ParseCount(args.Flag("runs").value_or("3")).value_or(0));
  size_t limit = ParseCount(args.Flag("limit").value_or("20")).value_or(0);
  std::optional<std::string> csv = args.Flag("csv");
  if (args.positional().size() != 3 || runs < 1 || limit < 1) return Usage();
  auto queries = ReadQueries(args.positional()[2]);
  if (queries.empty()) return fmt::print(stderr, "no queries\n"), 1;
  auto engines = OpenEngines(args, limit);
  if (!args.Unused().empty()) return Usage();
  if (!engines) return fmt::print(stderr, "{}\n", engines.error().message()), 1;
  fmt::print("{} queries, {} timed runs each after a warm-up, top {} with snippets\n",
             queries.size(), runs, limit);
  auto t = TimeAll(queries, runs, *engines);
  if (!t) return fmt::print(stderr, "{}\n", t.error().message()), 1;
  PrintLatency(*engines, *t);
  PrintQueries(queries, (*t)[0], (*t)[1]);
  if (csv && !WriteCsv(*csv, queries, (*t)[0], (*t)[1])) {
    return fmt::print(stderr, "cannot write {}\n", *csv), 1;
  }
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
