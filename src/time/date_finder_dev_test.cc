// Dev-set measurement of FindDates on ../shared/data/dev/t0*.txt, scored as
// ../shared/docs/evaluation.md ("Dates"): a gold date is found if a mention overlaps
// the first occurrence of its text in the body, normalized if in addition the day
// bounds have a Jaccard overlap >= 0.5 (open ends = 1900-01-01 .. document date).
// The two ends of a range ("from X until Y") are date mentions too (DateMention::parts).
// The figures are printed. Asserted: the bars (95% found, 90% normalized) and,
// as a ratchet, the counts the finder reaches today; raise them as it improves.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "base/utf8.h"
#include "time/date_finder.h"

namespace sijill::time {
namespace {

constexpr int kFoundFloor = 78;       // ratchet: gold dates found, summed over the six files
constexpr int kNormalizedFloor = 73;  // ratchet: gold dates normalized

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << path;
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The text after the header block of "Key: value" lines and the blank line after it.
std::string_view Body(std::string_view text) {
  size_t blank = text.find("\n\n");
  return blank == std::string_view::npos ? text : text.substr(blank + 2);
}

Day ParseDocDay(const std::string& s) {
  return DayFromCivil(std::stoll(s.substr(0, 4)), std::stoi(s.substr(5, 2)),
                      std::stoi(s.substr(8, 2)));
}

// Jaccard overlap of the day bounds of two values, open ends as [1900-01-01, doc].
double Jaccard(const EdtfValue& a, const EdtfValue& b, Day doc) {
  Day floor = DayFromCivil(1900, 1, 1);
  Bounds x = BoundsOf(a), y = BoundsOf(b);
  Day xl = x.earliest.value_or(floor), xh = x.latest.value_or(doc);
  Day yl = y.earliest.value_or(floor), yh = y.latest.value_or(doc);
  double inter = static_cast<double>(std::max<Day>(0, std::min(xh, yh) - std::max(xl, yl) + 1));
  double uni = static_cast<double>(std::max(xh, yh) - std::min(xl, yl) + 1);
  return uni > 0 ? inter / uni : 0;
}

struct Score {
  int gold = 0, found = 0, normalized = 0;
};

Score ScoreFile(const std::string& stem) {
  std::string dir = SIJILL_SOURCE_DIR "/../shared/data/dev/";
  std::string text = Slurp(dir + stem + ".txt");
  nlohmann::json gold = nlohmann::json::parse(Slurp(dir + stem + ".gold.json"));
  std::string_view body = Body(text);
  Day doc = ParseDocDay(gold["document_date"].get<std::string>());
  std::vector<DateMention> mentions = FindDates(body, FindOptions::ForDay(doc));
  Score s;
  for (const auto& g : gold["dates"]) {
    ++s.gold;
    std::string want = g["text"].get<std::string>();
    size_t at = body.find(want);
    if (at == std::string_view::npos) continue;
    uint64_t lo = base::CodePointCount(body.substr(0, at)), hi = lo + base::CodePointCount(want);
    auto gold_value = ParseEdtf(g["edtf"].get<std::string>());
    bool found = false, normalized = false;
    std::string got;
    auto consider = [&](uint64_t begin, uint64_t end, const std::string& span_text,
                        const std::optional<EdtfValue>& value) {
      if (end <= lo || begin >= hi) return;
      found = true;
      got += " [" + span_text + "=" + (value ? ToString(*value) : "?") + "]";
      if (value && gold_value && Jaccard(*value, *gold_value, doc) >= 0.5) normalized = true;
    };
    for (const DateMention& m : mentions) {
      consider(m.cp_begin, m.cp_end, m.text, m.value);
      for (const DatePart& p : m.parts) consider(p.cp_begin, p.cp_end, p.text, p.value);
    }
    s.found += found;
    s.normalized += normalized;
    if (!normalized)
      std::printf("  %s miss: \"%s\" %s; found%s\n", stem.c_str(), want.c_str(),
                  g["edtf"].get<std::string>().c_str(), got.c_str());
  }
  return s;
}

TEST(DateFinderDev, FoundAndNormalized) {
  Score total;
  for (const char* stem : {"t01", "t02", "t03", "t04", "t05", "t06"}) {
    Score s = ScoreFile(stem);
    std::printf("%s: gold %d, found %d, normalized %d\n", stem, s.gold, s.found, s.normalized);
    total.gold += s.gold, total.found += s.found, total.normalized += s.normalized;
  }
  std::printf("dev dates: found %d/%d (%.1f%%), normalized %d/%d (%.1f%%)\n", total.found,
              total.gold, 100.0 * total.found / total.gold, total.normalized, total.gold,
              100.0 * total.normalized / total.gold);
  EXPECT_GE(total.found * 100, total.gold * 95);
  EXPECT_GE(total.normalized * 100, total.gold * 90);
  EXPECT_GE(total.found, kFoundFloor);
  EXPECT_GE(total.normalized, kNormalizedFloor);
}

}  // namespace
}  // namespace sijill::time
