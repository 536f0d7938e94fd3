// sijill-corpus-gen: writes a deterministic corpus of testimony-like text files (English
// and Arabic) and a list of search queries for the ingest and search benchmarks.
//   DIR/files/tNNNNNN-LL.txt  header block (Title, Interviewed, Language, Place, Witness),
//                             a blank line, then passages as paragraphs separated by
//                             blank lines (about 500 bytes each, under 2,000 characters,
//                             so Sijill's segmenter never cuts them)
//   DIR/queries.txt           one query of 1-3 words a line
// The same flags give the same bytes: all randomness comes from one seeded generator
// per file (SplitMix64), never from the standard library's distributions.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "bench_util.h"
#include "corpus_vocab.h"

namespace sijill::bench {
namespace {

namespace fs = std::filesystem;

struct Options {
  fs::path out;
  uint64_t passages = 0;
  uint64_t seed = 1;
  double arabic_share = 0.25;
  uint64_t passages_per_file = 1000;
  uint64_t queries = 200;
};

class Rng {
 public:
  explicit Rng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {  // SplitMix64
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double Real() { return static_cast<double>(Next() >> 11) * 0x1.0p-53; }  // [0, 1)
  size_t Below(size_t n) { return static_cast<size_t>(Real() * static_cast<double>(n)); }
  bool Chance(double p) { return Real() < p; }

 private:
  uint64_t state_;
};

// Draws index r of a list with probability proportional to 1 / (r + 1 + offset): Zipf's
// law, flattened at the head by `offset`.
class ZipfTable {
 public:
  ZipfTable(size_t n, size_t offset) {
    double total = 0;
    for (size_t r = 0; r < n; ++r) {
      cumulative_.push_back(total += 1.0 / static_cast<double>(r + 1 + offset));
    }
    for (double& c : cumulative_) c /= total;
  }
  size_t Pick(Rng& rng) const {
    auto it = std::upper_bound(cumulative_.begin(), cumulative_.end(), rng.Real());
    return std::min(static_cast<size_t>(it - cumulative_.begin()), cumulative_.size() - 1);
  }

 private:
  std::vector<double> cumulative_;
};

std::vector<std::string_view> Spellings(std::string_view group) {
  std::vector<std::string_view> out;
  while (true) {
    size_t bar = group.find('|');
    out.push_back(group.substr(0, bar));
    if (bar == std::string_view::npos) return out;
    group.remove_prefix(bar + 1);
  }
}

// The usual spelling most of the time (60%), the variants share the rest.
std::string_view PickSpelling(std::string_view group, Rng& rng) {
  auto spellings = Spellings(group);
  if (spellings.size() == 1 || rng.Chance(0.6)) return spellings[0];
  return spellings[1 + rng.Below(spellings.size() - 1)];
}

// Replaces ASCII digits with Arabic-Indic ones (U+0660..U+0669).
std::string ToArabicIndic(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      out += "\xD9";
      out += static_cast<char>(0xA0 + (c - '0'));
    } else {
      out += c;
    }
  }
  return out;
}

// Fills templates with names, places, units and dates drawn from one vocabulary.
class Filler {
 public:
  // With about two name mentions a passage, the most common spelling of the most common
  // name then occurs in some 10-15% of passages, as in real collections.
  static constexpr size_t kNameOffset = 2;
  // Places and units are spread a little flatter, so that the most common one is in
  // some 10-20% of passages.
  static constexpr size_t kPlaceOffset = 4;
  static constexpr double kTailShare = 0.3;

  Filler(const Vocabulary& v, Rng& rng)
      : v_(v),
        rng_(rng),
        first_(v.first_names.size(), kNameOffset),
        family_(v.family_names.size(), kNameOffset),
        tail_(kGeneratedFamilyNames, 10),
        place_(v.places.size(), kPlaceOffset),
        unit_(v.units.size(), kPlaceOffset),
        rank_(v.ranks.size(), 0) {}

  void Fill(std::string_view tmpl, std::string* out) {
    while (!tmpl.empty()) {
      size_t open = tmpl.find('{');
      size_t close = tmpl.find('}', open);
      if (open == std::string_view::npos || close == std::string_view::npos) break;
      out->append(tmpl.substr(0, open));
      Expand(tmpl.substr(open + 1, close - open - 1), out);
      tmpl.remove_prefix(close + 1);
    }
    out->append(tmpl);
  }

  std::string_view First() { return PickSpelling(v_.first_names[first_.Pick(rng_)], rng_); }
  // A common family name, or one from the long tail (kTailShare of mentions).
  std::string Family() {
    if (rng_.Chance(kTailShare)) return GeneratedFamilyName(v_, tail_.Pick(rng_));
    return std::string(PickSpelling(v_.family_names[family_.Pick(rng_)], rng_));
  }
  std::string RareFamily() { return GeneratedFamilyName(v_, rng_.Below(kGeneratedFamilyNames)); }
  std::string_view Place() { return PickSpelling(v_.places[place_.Pick(rng_)], rng_); }
  int Year() { return 2011 + static_cast<int>(rng_.Below(6)); }

 private:
  void Expand(std::string_view key, std::string* out) {
    if (key == "person") return Person(out);
    if (key == "first") return out->append(First()), void();
    if (key == "family") return out->append(Family()), void();
    if (key == "place") return out->append(Place()), void();
    if (key == "unit") return out->append(v_.units[unit_.Pick(rng_)]), void();
    if (key == "rank") return out->append(v_.ranks[rank_.Pick(rng_)]), void();
    if (key == "abu") return out->append(v_.abu), void();
    if (key == "date") return Fill(v_.date_forms[rng_.Below(v_.date_forms.size())], out);
    if (key == "year") return out->append(std::to_string(Year())), void();
    if (key == "num") return out->append(std::to_string(3 + rng_.Below(120))), void();
    if (key == "month") return out->append(v_.months[month_ = rng_.Below(12)]), void();
    if (key == "mm") return out->append(fmt::format("{:02}", month_ + 1)), void();
    if (key == "day" || key == "dd") {
      int day = 1 + static_cast<int>(rng_.Below(28));
      return out->append(key == "dd" ? fmt::format("{:02}", day) : std::to_string(day)), void();
    }
    out->append(key);  // unknown: a bug in the vocabulary, visible in the output
  }

  void Person(std::string* out) {
    double u = rng_.Real();
    if (u < 0.7) {
      *out += First();
      *out += ' ';
      *out += Family();
    } else if (u < 0.9) {
      *out += First();
    } else {
      *out += v_.abu;
      *out += ' ';
      *out += First();
    }
  }

  const Vocabulary& v_;
  Rng& rng_;
  ZipfTable first_, family_, tail_, place_, unit_, rank_;
  size_t month_ = 0;
};

// One passage: sentences until a target length drawn from [180, 760) bytes.
std::string MakePassage(const Vocabulary& v, Filler& filler, Rng& rng) {
  size_t target = 180 + rng.Below(580);
  std::string passage;
  while (passage.size() < target) {
    std::string sentence;
    filler.Fill(v.sentences[rng.Below(v.sentences.size())], &sentence);
    if (v.language == "ar" && rng.Chance(0.3)) sentence = ToArabicIndic(sentence);
    if (!passage.empty()) passage += ' ';
    passage += sentence;
  }
  return passage;
}

std::string MakeHeader(const Vocabulary& v, Filler& filler, Rng& rng, uint64_t file_no) {
  std::string title;
  std::string n = std::to_string(file_no + 1);
  std::string with_n(v.titles[rng.Below(v.titles.size())]);
  if (size_t at = with_n.find("{n}"); at != std::string::npos) with_n.replace(at, 3, n);
  filler.Fill(with_n, &title);
  return fmt::format(
      "Title: {}\nInterviewed: {}-{:02}-{:02}\nLanguage: {}\nPlace: {}\n"
      "Witness: W-{:06}\n\n",
      title, 2016 + rng.Below(9), 1 + rng.Below(12), 1 + rng.Below(28), v.language,
      v.interview_places[rng.Below(v.interview_places.size())], file_no + 1);
}

struct Stats {
  uint64_t files = 0, passages = 0, bytes = 0;
  uint64_t en_passages = 0, ar_passages = 0, en_top_name = 0, ar_top_name = 0;
};

// Whether file `i` is Arabic: spreads Arabic files evenly, `share` of them in all.
bool IsArabicFile(uint64_t i, double share) {
  auto before = static_cast<uint64_t>(static_cast<double>(i) * share);
  auto after = static_cast<uint64_t>(static_cast<double>(i + 1) * share);
  return after > before;
}

bool WriteFile(const Options& o, uint64_t file_no, uint64_t count, Stats& stats) {
  bool arabic = IsArabicFile(file_no, o.arabic_share);
  const Vocabulary& v = arabic ? ArabicVocabulary() : EnglishVocabulary();
  Rng rng(o.seed * 0x100000001B3ull + file_no);
  Filler filler(v, rng);
  fs::path path = o.out / "files" / fmt::format("t{:06}-{}.txt", file_no + 1, v.language);
  std::ofstream out(path, std::ios::binary);
  std::string header = MakeHeader(v, filler, rng, file_no);
  out << header;
  stats.bytes += header.size();
  std::string_view top = Spellings(v.first_names[0])[0];
  for (uint64_t p = 0; p < count; ++p) {
    std::string passage = MakePassage(v, filler, rng);
    passage += p + 1 < count ? "\n\n" : "\n";
    (arabic ? stats.ar_passages : stats.en_passages)++;
    (arabic ? stats.ar_top_name : stats.en_top_name) += passage.find(top) != std::string::npos;
    out << passage;
    stats.bytes += passage.size();
  }
  if (!out.flush()) return false;
  ++stats.files;
  stats.passages += count;
  return true;
}

// A query of 1-3 words: names, places, units, ranks and years, in both languages; about
// a third of them rare (from the tail of a list), a third common. A leading "the" is
// dropped, as people type "Fourth Division".
std::string MakeQuery(const Vocabulary& v, Rng& rng) {
  Filler filler(v, rng);
  auto usual = [](std::string_view group) { return std::string(Spellings(group)[0]); };
  auto rare = [&](std::span<const std::string_view> list) {
    return usual(list[list.size() / 2 + rng.Below(list.size() - list.size() / 2)]);
  };
  auto unit = [&] {
    std::string_view u = v.units[rng.Below(v.units.size())];
    return std::string(u.starts_with("the ") ? u.substr(4) : u);
  };
  switch (rng.Below(12)) {
    case 0:
      return usual(v.first_names[rng.Below(4)]);  // the most common names
    case 1:
    case 2:
      return rare(v.first_names);
    case 3:
      return rare(v.family_names);
    case 4:
      return std::string(filler.Family());
    case 5:
      return std::string(filler.Place());
    case 6:
      return rare(v.places);
    case 7:
      return fmt::format("{} {}", filler.First(), filler.Family());
    case 8:
      return unit();
    case 9:
      return fmt::format("{} {}", v.ranks[rng.Below(v.ranks.size())], filler.Family());
    case 10:
      return fmt::format("{} {}", filler.Place(), filler.Year());
    default:
      return fmt::format("{} {} {}", filler.First(), filler.Family(), filler.Place());
  }
}

size_t WordCount(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    if (c != ' ' && !in_word) ++words;
    in_word = c != ' ';
  }
  return words;
}

bool WriteQueries(const Options& o) {
  Rng rng(o.seed ^ 0x5155455259ull);
  std::vector<std::string> queries;
  std::set<std::string> seen;
  while (queries.size() < o.queries) {
    bool arabic = rng.Chance(std::max(o.arabic_share, 0.3));
    std::string q = MakeQuery(arabic ? ArabicVocabulary() : EnglishVocabulary(), rng);
    if (WordCount(q) < 1 || WordCount(q) > 3 || !seen.insert(q).second) continue;
    queries.push_back(std::move(q));
  }
  std::ofstream out(o.out / "queries.txt", std::ios::binary);
  for (const auto& q : queries) out << q << '\n';
  return static_cast<bool>(out.flush());
}

void PrintStats(const Stats& s) {
  auto share = [](uint64_t part, uint64_t whole) {
    return whole ? 100.0 * static_cast<double>(part) / static_cast<double>(whole) : 0.0;
  };
  fmt::print("{} files, {} passages ({} English, {} Arabic), {:.1f} MB, {:.0f} bytes/passage\n",
             s.files, s.passages, s.en_passages, s.ar_passages, Megabytes(s.bytes),
             s.passages ? static_cast<double>(s.bytes) / static_cast<double>(s.passages) : 0.0);
  fmt::print("most common first name: in {:.1f}% of English passages, {:.1f}% of Arabic ones\n",
             share(s.en_top_name, s.en_passages), share(s.ar_top_name, s.ar_passages));
}

int Usage() {
  std::fprintf(stderr,
               "usage: sijill-corpus-gen --out DIR --passages N [--seed S] "
               "[--arabic-share 0.25] [--passages-per-file 1000] [--queries 200]\n");
  return 2;
}

bool ParseOptions(Args& args, Options* o) {
  auto out = args.Flag("out");
  auto passages = ParseCount(args.Flag("passages").value_or(""));
  if (!out || !passages || *passages == 0) return false;
  o->out = *out;
  o->passages = *passages;
  if (auto s = args.Flag("seed")) o->seed = ParseCount(*s).value_or(o->seed);
  if (auto s = args.Flag("arabic-share")) o->arabic_share = std::stod(*s);
  if (auto s = args.Flag("passages-per-file")) o->passages_per_file = ParseCount(*s).value_or(0);
  if (auto s = args.Flag("queries")) o->queries = ParseCount(*s).value_or(0);
  return o->passages_per_file > 0 && o->arabic_share >= 0 && o->arabic_share <= 1 &&
         args.Unused().empty() && args.positional().empty();
}

int Run(int argc, char** argv) {
  Args args(argc, argv);
  Options o;
  if (!ParseOptions(args, &o)) return Usage();
  if (fs::exists(o.out / "files")) {
    std::fprintf(stderr, "sijill-corpus-gen: %s already holds a corpus\n", o.out.c_str());
    return 1;
  }
  fs::create_directories(o.out / "files");
  Stats stats;
  for (uint64_t done = 0, file_no = 0; done < o.passages; ++file_no) {
    uint64_t count = std::min(o.passages_per_file, o.passages - done);
    if (!WriteFile(o, file_no, count, stats)) {
      std::fprintf(stderr, "sijill-corpus-gen: cannot write to %s\n", o.out.c_str());
      return 1;
    }
    done += count;
  }
  if (!WriteQueries(o)) return 1;
  PrintStats(stats);
  return 0;
}

}  // namespace
}  // namespace sijill::bench

int main(int argc, char** argv) { return sijill::bench::Run(argc, argv); }
