// python-edtf's natural-language pairs (../shared/data/edtf/, English catalogue phrases
// such as "c. 1860", "1851-52", "before 1928", "19th century?") read with ReadDateField:
// a pair agrees when our value has the same day bounds (earliest and latest) as the
// expected EDTF, or when both say there is no date. The bar is 90%; the floor
// below is a ratchet at what ReadDateField reaches today. Disagreements are printed with
// the reason we keep ours where it is a choice (see kChoices).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "time/bounds.h"
#include "time/date_finder.h"

namespace sijill::time {
namespace {

constexpr int kAgreeFloor = 125;  // ratchet: pairs that agree today, of 136

nlohmann::json Load() {
  std::ifstream in(SIJILL_SOURCE_DIR "/../shared/data/edtf/python-edtf__edtf_natlang_tests.json");
  EXPECT_TRUE(in.good());
  std::stringstream s;
  s << in.rdbuf();
  return nlohmann::json::parse(s.str());
}

// Expected values that EDTF itself does not allow, compared in an equivalent form.
struct Exception {
  std::string_view expected, compared_as, reason;
};
constexpr Exception kExceptions[] = {
    {"1928-22~/", "1928-06~/",
     "a season cannot be an interval end (edtf.js rejects 2012-21/2012-22): its first month"},
    {"1915/1916-23", "1915/1916-11", "a season cannot be an interval end: the autumn's last month"},
    {"1849-21-XX", "1849-21", "a season has no days in EDTF"},
    {"1849-21-XX%", "1849-21%", "a season has no days in EDTF"},
};

std::string Show(const std::optional<Day>& d) {
  if (!d) return "open";
  CivilDate c = CivilFromDay(*d);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%lld-%02d-%02d", static_cast<long long>(c.year), c.month, c.day);
  return buf;
}

TEST(DateFieldNatlang, AgreesWithPythonEdtfOnNinetyPercent) {
  nlohmann::json cases = Load()["data"]["test_natlang"]["cases"];
  ASSERT_GT(cases.size(), 100u);
  int agree = 0, total = 0, flags_agree = 0;
  for (const auto& c : cases) {
    std::string input = c[0].get<std::string>();
    ++total;
    std::optional<DateMention> got = ReadDateField(input, FindOptions{});
    std::optional<EdtfValue> ours = got ? got->value : std::nullopt;
    std::string got_text = ours ? ToString(*ours) : "none";
    if (c[1].is_null()) {
      bool ok = !ours;
      agree += ok;
      flags_agree += ok;
      if (!ok)
        std::printf("  differs: \"%s\" -> %s, expected none\n", input.c_str(), got_text.c_str());
      continue;
    }
    std::string want_text = c[1].get<std::string>();
    for (const Exception& e : kExceptions) {
      if (want_text == e.expected) {
        std::printf("  exception: %s compared as %s: %s\n", want_text.c_str(),
                    std::string(e.compared_as).c_str(), std::string(e.reason).c_str());
        want_text = e.compared_as;
      }
    }
    auto want = ParseEdtf(want_text);
    ASSERT_TRUE(want.has_value()) << "expected value does not parse: " << want_text;
    Bounds w = BoundsOf(*want);
    bool ok = false, flags = false;
    if (ours) {
      Bounds b = BoundsOf(*ours);
      ok = b.earliest == w.earliest && b.latest == w.latest;
      flags = ok && b.uncertain == w.uncertain && b.approximate == w.approximate;
    }
    agree += ok;
    flags_agree += flags;
    if (!ok)
      std::printf("  differs: \"%s\" -> %s [%s, %s], expected %s [%s, %s]\n", input.c_str(),
                  got_text.c_str(), ours ? Show(BoundsOf(*ours).earliest).c_str() : "",
                  ours ? Show(BoundsOf(*ours).latest).c_str() : "", want_text.c_str(),
                  Show(w.earliest).c_str(), Show(w.latest).c_str());
  }
  std::printf("natlang: %d/%d same bounds (%.1f%%), %d/%d also same ?/~ flags\n", agree, total,
              100.0 * agree / total, flags_agree, total);
  EXPECT_GE(agree * 10, total * 9);
  EXPECT_GE(agree, kAgreeFloor);
}

}  // namespace
}  // namespace sijill::time
