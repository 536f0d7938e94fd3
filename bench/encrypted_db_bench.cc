// sijill-encrypted-db-bench: the cost of the encrypted VFS (store/sqlite/encrypted_vfs.h).
// Builds the same database twice, plain and encrypted: --passages testimony-like passages
// (English and Arabic, from the corpus vocabulary) inserted with their FTS5 index
// (tokenizer 'sijill') in transactions of 1,000, WAL mode, synchronous=FULL; then runs the
// same top-20 and count(*) queries on both. Prints wall-clock times, file sizes and ratios.
// --runs repeats the whole comparison, alternating which side goes first. --fts-pgsz sets
// FTS5's leaf size on both sides (its default, 4050 bytes, is sized for a full 4096-byte
// page and overflows one with 40 reserved bytes).
#include <fmt/format.h>

#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus_vocab.h"
#include "store/sqlite/connection.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;
using store::sqlite::Connection;

std::string_view Pick(std::span<const std::string_view> list, std::mt19937& rng) {
  std::string_view s = list[rng() % list.size()];
  return s.substr(0, s.find('|'));  // the usual spelling
}

std::string Fill(std::string_view tmpl, const Vocabulary& v, std::mt19937& rng) {
  std::string out;
  for (size_t i = 0; i < tmpl.size();) {
    size_t open = tmpl.find('{', i);
    if (open == std::string_view::npos) open = tmpl.size();
    out.append(tmpl.substr(i, open - i));
    if (open == tmpl.size()) break;
    size_t close = tmpl.find('}', open);
    std::string_view key = tmpl.substr(open + 1, close - open - 1);
    if (key == "person") {
      out += fmt::format("{} {}", Pick(v.first_names, rng), Pick(v.family_names, rng));
    } else if (key == "first") {
      out += Pick(v.first_names, rng);
    } else if (key == "family") {
      out += Pick(v.family_names, rng);
    } else if (key == "place") {
      out += Pick(v.places, rng);
    } else if (key == "unit") {
      out += Pick(v.units, rng);
    } else if (key == "rank") {
      out += Pick(v.ranks, rng);
    } else if (key == "date") {
      out += fmt::format("{} {}", Pick(v.months, rng), 2011 + rng() % 8);
    } else if (key == "abu") {
      out += v.abu;
    } else {
      out += std::to_string(2 + rng() % 200);
    }
    i = close + 1;
  }
  return out;
}

std::vector<std::string> MakePassages(int n) {
  std::mt19937 rng(4);
  std::vector<std::string> passages;
  for (int i = 0; i < n; ++i) {
    const Vocabulary& v = i % 3 == 2 ? ArabicVocabulary() : EnglishVocabulary();
    std::string p;
    for (int s = 0; s < 4; ++s) p += Fill(Pick(v.sentences, rng), v, rng) + " ";
    passages.push_back(std::move(p));
  }
  return passages;
}

std::vector<std::string> MakeQueries(int n) {
  std::mt19937 rng(5);
  std::vector<std::string> queries;
  for (int i = 0; i < n; ++i) {
    const Vocabulary& v = i % 3 == 2 ? ArabicVocabulary() : EnglishVocabulary();
    std::string_view word = i % 2 ? Pick(v.places, rng) : Pick(v.first_names, rng);
    queries.push_back(fmt::format("\"{}\"", word.substr(0, word.find(' '))));
  }
  return queries;
}

struct Timing {
  double insert = 0, top20 = 0, count = 0;
  uintmax_t bytes = 0;
};

base::Result<Timing> RunSide(const fs::path& db, bool encrypted,
                             const std::vector<std::string>& passages,
                             const std::vector<std::string>& queries, int fts_pgsz) {
  fs::remove(db);
  store::sqlite::PageKey key{};
  key.fill(7);
  store::sqlite::ArchiveId archive{};
  archive.fill(9);
  Timing t;
  double start = NowSeconds();
  ASSIGN_OR_RETURN(auto conn,
                   encrypted ? Connection::OpenEncrypted(db, Connection::Create::kYes, key, archive)
                             : Connection::Open(db, Connection::Create::kYes));
  TRY(
      conn->Exec("CREATE TABLE passages(id INTEGER PRIMARY KEY, text TEXT NOT NULL);"
                 "CREATE VIRTUAL TABLE passage_index USING fts5(text, content='passages', "
                 "content_rowid='id', tokenize='sijill')"));
  if (fts_pgsz > 0) {
    std::string sql =
        fmt::format("INSERT INTO passage_index(passage_index, rank) VALUES ('pgsz', {})", fts_pgsz);
    TRY(conn->Exec(sql.c_str()));
  }
  ASSIGN_OR_RETURN(auto row, conn->Prepare("INSERT INTO passages(id, text) VALUES (?1, ?2)"));
  ASSIGN_OR_RETURN(auto idx,
                   conn->Prepare("INSERT INTO passage_index(rowid, text) VALUES (?1, ?2)"));
  for (size_t i = 0; i < passages.size(); ++i) {
    if (i % 1000 == 0) TRY(conn->Exec("BEGIN"));
    TRY(row.Bind(1, static_cast<int64_t>(i)).Bind(2, passages[i]).Run());
    row.Reset();
    TRY(idx.Bind(1, static_cast<int64_t>(i)).Bind(2, passages[i]).Run());
    idx.Reset();
    if (i % 1000 == 999 || i + 1 == passages.size()) TRY(conn->Exec("COMMIT"));
  }
  t.insert = NowSeconds() - start;
  ASSIGN_OR_RETURN(auto top, conn->Prepare("SELECT p.text FROM passage_index JOIN passages p ON "
                                           "p.id = passage_index.rowid WHERE passage_index "
                                           "MATCH ?1 ORDER BY rank LIMIT 20"));
  start = NowSeconds();
  for (const std::string& q : queries) {
    top.Bind(1, q);
    while (true) {
      ASSIGN_OR_RETURN(bool more, top.Step());
      if (!more) break;
    }
    top.Reset();
  }
  t.top20 = NowSeconds() - start;
  ASSIGN_OR_RETURN(auto count, conn->Prepare("SELECT count(*) FROM passage_index WHERE "
                                             "passage_index MATCH ?1"));
  start = NowSeconds();
  for (const std::string& q : queries) {
    count.Bind(1, q);
    TRY(count.Run());
    count.Reset();
  }
  t.count = NowSeconds() - start;
  conn.reset();
  t.bytes = fs::file_size(db);
  return t;
}

int Main(int argc, char** argv) {
  int n = 100000;
  int runs = 2;
  int fts_pgsz = 0;  // FTS5's default, 4050 bytes
  fs::path dir = fs::temp_directory_path() / "sijill-encrypted-db-bench";
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string_view flag = argv[i];
    if (flag == "--passages") n = std::stoi(argv[i + 1]);
    if (flag == "--runs") runs = std::stoi(argv[i + 1]);
    if (flag == "--dir") dir = argv[i + 1];
    if (flag == "--fts-pgsz") fts_pgsz = std::stoi(argv[i + 1]);
  }
  fs::create_directories(dir);
  auto passages = MakePassages(n);
  auto queries = MakeQueries(1000);
  fmt::print(
      "{} passages ({:.1f} MB of text), {} queries, {} runs\n", n,
      [&] {
        size_t b = 0;
        for (auto& p : passages) b += p.size();
        return static_cast<double>(b) / 1e6;
      }(),
      queries.size(), runs);
  fmt::print("{:<6} {:<10} {:>10} {:>12} {:>12} {:>10}\n", "run", "side", "insert s", "top-20 ms/q",
             "count ms/q", "db MB");
  for (int r = 0; r < runs; ++r) {
    Timing side[2];
    for (int k = 0; k < 2; ++k) {
      bool encrypted = (k + r) % 2 == 1;
      auto t = RunSide(dir / (encrypted ? "encrypted.db" : "plain.db"), encrypted, passages,
                       queries, fts_pgsz);
      if (!t) {
        fmt::print(stderr, "{}\n", t.error().message());
        return 1;
      }
      side[encrypted ? 1 : 0] = *t;
      fmt::print("{:<6} {:<10} {:>10.2f} {:>12.3f} {:>12.3f} {:>10.1f}\n", r + 1,
                 encrypted ? "encrypted" : "plain", t->insert,
                 1e3 * t->top20 / static_cast<double>(queries.size()),
                 1e3 * t->count / static_cast<double>(queries.size()),
                 static_cast<double>(t->bytes) / 1e6);
    }
    fmt::print("{:<6} {:<10} {:>10.2f} {:>12.2f} {:>12.2f} {:>10.3f}\n", r + 1, "ratio",
               side[1].insert / side[0].insert, side[1].top20 / side[0].top20,
               side[1].count / side[0].count,
               static_cast<double>(side[1].bytes) / static_cast<double>(side[0].bytes));
  }
  fs::remove_all(dir);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Main(argc, argv); }
