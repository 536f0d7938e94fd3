#include "time/relations.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace sijill::time {
namespace {

EdtfValue V(std::string_view text) {
  auto v = ParseEdtf(text);
  EXPECT_TRUE(v) << text;
  return v ? *v : EdtfValue{};
}

Day D(int64_t y, int m, int d) { return DayFromCivil(y, m, d); }

constexpr Answer kNo = Answer::kNo;
constexpr Answer kPossibly = Answer::kPossibly;
constexpr Answer kCertainly = Answer::kCertainly;

TEST(Relations, ClosedValuesCoverTheirWholeUnits) {
  EXPECT_EQ(Contains(V("1964/2008"), D(2008, 12, 31)), kCertainly);
  EXPECT_EQ(Contains(V("1964/2008"), D(2009, 1, 1)), kNo);
  EXPECT_EQ(Contains(V("2012-06"), D(2012, 6, 15)), kCertainly);
  EXPECT_EQ(Before(V("2012"), D(2013, 1, 1)), kCertainly);
  EXPECT_EQ(Before(V("2012"), D(2012, 6, 1)), kNo);
  EXPECT_EQ(After(V("2012"), D(2011, 12, 31)), kCertainly);
  EXPECT_EQ(After(V("2012"), D(2012, 1, 1)), kNo);
}

TEST(Relations, OpenAndUnknownEndsAreNotKnown) {
  EXPECT_EQ(Contains(V("../2012-12-31"), D(2012, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("../2012-12-31"), D(2012, 12, 31)), kPossibly);
  EXPECT_EQ(Contains(V("../2012-12-31"), D(2013, 1, 1)), kNo);
  EXPECT_EQ(Contains(V("/2012-12-31"), D(1900, 1, 1)), kPossibly);
  EXPECT_EQ(Contains(V("2012-01-01/.."), D(2030, 1, 1)), kPossibly);
  EXPECT_EQ(Contains(V("2012-01-01/.."), D(2011, 12, 31)), kNo);
  EXPECT_EQ(Before(V("../2012"), D(2013, 1, 1)), kCertainly);
  EXPECT_EQ(After(V("2012/.."), D(2013, 1, 1)), kPossibly);
}

TEST(Relations, QualifiedValuesAreNeverCertain) {
  EXPECT_EQ(Contains(V("2012?"), D(2012, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("2012~"), D(2012, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("2012-%06"), D(2012, 6, 1)), kPossibly);
  // Strict bounds: outside the stated dates is "no".
  EXPECT_EQ(Contains(V("2012~"), D(2013, 1, 1)), kNo);
  // Only the qualified end's own span is weakened.
  EXPECT_EQ(Contains(V("1984~/2004"), D(1984, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("1984~/2004"), D(1990, 6, 1)), kCertainly);
  EXPECT_EQ(Contains(V("201X"), D(2012, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("1950S2"), D(1960, 6, 1)), kPossibly);
}

TEST(Relations, Sets) {
  EXPECT_EQ(Contains(V("[2012,2013]"), D(2012, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("[2012,2012-06]"), D(2012, 6, 1)), kCertainly);
  EXPECT_EQ(Contains(V("[2012,2014]"), D(2013, 6, 1)), kNo);
  EXPECT_EQ(Contains(V("{2012,2014}"), D(2013, 6, 1)), kNo);
  EXPECT_EQ(Contains(V("{2012,2014}"), D(2014, 6, 1)), kCertainly);
  EXPECT_EQ(Contains(V("[1670..1672]"), D(1671, 6, 1)), kPossibly);
  EXPECT_EQ(Contains(V("{1670..1672}"), D(1671, 6, 1)), kCertainly);
  EXPECT_EQ(Contains(V("[..1760-12-03]"), D(1700, 1, 1)), kPossibly);
  // Against values, sets are reduced to their bounds: sound, possibly loose.
  EXPECT_EQ(Overlaps(V("[2012,2014]"), V("2013")), kPossibly);
}

TEST(Relations, BetweenValues) {
  EXPECT_EQ(Overlaps(V("2012/2014"), V("2014-06")), kCertainly);
  EXPECT_EQ(Overlaps(V("2012/2014"), V("2015")), kNo);
  EXPECT_EQ(Overlaps(V("2012/2014"), V("2014-06?")), kPossibly);
  EXPECT_EQ(Contains(V("2012/2014"), V("2013-05/2013-08")), kCertainly);
  EXPECT_EQ(Contains(V("2012/2014"), V("2013/2015")), kNo);
  EXPECT_EQ(Contains(V("2012/2014"), V("2014/..")), kPossibly);
  EXPECT_EQ(Before(V("2012"), V("2013")), kCertainly);
  EXPECT_EQ(Before(V("2012/2013"), V("2013")), kNo);
  EXPECT_EQ(Before(V("201X"), V("2015")), kPossibly);
  EXPECT_EQ(After(V("2015"), V("201X")), kPossibly);
  EXPECT_EQ(After(V("2015"), V("2014")), kCertainly);
}

// ---- Model-based test: random small intervals against brute force over resolutions.

// A random interval end in 2012-01..2012-04, with its written form and the days it may
// resolve to as an interval start or end (a month is its first or last day; an X day any
// day of the month).
struct RandomEnd {
  std::string text;
  std::vector<Day> as_start, as_end;
  bool open = false;
};

RandomEnd MakeEnd(std::mt19937& rng) {
  RandomEnd e;
  int month = std::uniform_int_distribution<int>(1, 4)(rng);
  int kind = std::uniform_int_distribution<int>(0, 7)(rng);
  char buf[16];
  if (kind == 0) {
    e.open = true;
    e.text = "..";
    for (Day d = D(2011, 12, 1); d <= D(2012, 5, 31); ++d) e.as_start.push_back(d);
    e.as_end = e.as_start;
  } else if (kind <= 2) {
    std::snprintf(buf, sizeof buf, "2012-%02d-XX", month);
    e.text = buf;
    for (int d = 1; d <= DaysInMonth(2012, month); ++d) e.as_start.push_back(D(2012, month, d));
    e.as_end = e.as_start;
  } else if (kind == 3) {
    std::snprintf(buf, sizeof buf, "2012-%02d", month);
    e.text = buf;
    e.as_start = {D(2012, month, 1)};
    e.as_end = {D(2012, month, DaysInMonth(2012, month))};
  } else {
    int day = std::uniform_int_distribution<int>(1, DaysInMonth(2012, month))(rng);
    std::snprintf(buf, sizeof buf, "2012-%02d-%02d", month, day);
    e.text = buf;
    e.as_start = e.as_end = {D(2012, month, day)};
  }
  return e;
}

struct RandomValue {
  EdtfValue value;
  std::vector<std::pair<Day, Day>> resolutions;  // every [s, e] the value may be
  bool exact_model;  // no open end, and the ends' candidates do not interleave
};

RandomValue MakeValue(std::mt19937& rng) {
  while (true) {
    RandomEnd a = MakeEnd(rng), b = MakeEnd(rng);
    if (a.open && b.open) continue;
    auto parsed = ParseEdtf(a.text + "/" + b.text);
    if (!parsed) continue;  // ends before it starts
    RandomValue v{*parsed, {}, !a.open && !b.open && a.as_start.back() <= b.as_end.front()};
    for (Day s : a.as_start) {
      for (Day e : b.as_end) {
        if (s <= e) v.resolutions.emplace_back(s, e);
      }
    }
    return v;
  }
}

template <class Holds>
Answer Model(const std::vector<std::pair<Day, Day>>& rs, Holds holds) {
  bool all = true, any = false;
  for (const auto& r : rs) {
    bool h = holds(r);
    all &= h;
    any |= h;
  }
  return all ? kCertainly : any ? kPossibly : kNo;
}

// Sound: never certainly or no where the model says otherwise; equal where exact.
void ExpectAgrees(Answer got, Answer model, bool exact, const std::string& what) {
  if (exact) {
    EXPECT_EQ(got, model) << what;
  } else if (got != kPossibly) {
    EXPECT_EQ(got, model) << what;
  }
}

TEST(Relations, ModelBasedAgainstDays) {
  std::mt19937 rng(20261127);
  int checks = 0;
  for (int i = 0; i < 300; ++i) {
    RandomValue v = MakeValue(rng);
    std::string text = ToString(v.value);
    for (Day day = D(2011, 12, 25); day <= D(2012, 5, 5); ++day) {
      auto in = [day](auto r) { return r.first <= day && day <= r.second; };
      auto before = [day](auto r) { return r.second < day; };
      auto after = [day](auto r) { return r.first > day; };
      std::string what = text + " @" + std::to_string(day);
      ExpectAgrees(Contains(v.value, day), Model(v.resolutions, in), v.exact_model, what);
      ExpectAgrees(Before(v.value, day), Model(v.resolutions, before), v.exact_model, what);
      ExpectAgrees(After(v.value, day), Model(v.resolutions, after), v.exact_model, what);
      checks += 3;
    }
  }
  std::printf("model-based relations against days: %d checks\n", checks);
}

TEST(Relations, ModelBasedBetweenValues) {
  std::mt19937 rng(1127);
  int checks = 0;
  for (int i = 0; i < 3000; ++i) {
    RandomValue a = MakeValue(rng), b = MakeValue(rng);
    bool all_overlap = true, any_overlap = false, all_before = true, any_before = false;
    bool all_contains = true, any_contains = false;
    for (const auto& ra : a.resolutions) {
      for (const auto& rb : b.resolutions) {
        bool overlap = std::max(ra.first, rb.first) <= std::min(ra.second, rb.second);
        bool before = ra.second < rb.first;
        bool contains = ra.first <= rb.first && rb.second <= ra.second;
        all_overlap &= overlap;
        any_overlap |= overlap;
        all_before &= before;
        any_before |= before;
        all_contains &= contains;
        any_contains |= contains;
      }
    }
    auto answer = [](bool all, bool any) { return all ? kCertainly : any ? kPossibly : kNo; };
    std::string what = ToString(a.value) + " vs " + ToString(b.value);
    // Between values only soundness is promised (bounds.h: a summary of each value).
    ExpectAgrees(Overlaps(a.value, b.value), answer(all_overlap, any_overlap), false, what);
    ExpectAgrees(Before(a.value, b.value), answer(all_before, any_before), false, what);
    ExpectAgrees(After(b.value, a.value), answer(all_before, any_before), false, what);
    ExpectAgrees(Contains(a.value, b.value), answer(all_contains, any_contains), false, what);
    bool exact =
        a.exact_model && b.exact_model && a.resolutions.size() == 1 && b.resolutions.size() == 1;
    if (exact) {  // fully known intervals: every answer is exact
      EXPECT_EQ(Overlaps(a.value, b.value), answer(all_overlap, any_overlap)) << what;
      EXPECT_EQ(Before(a.value, b.value), answer(all_before, any_before)) << what;
      EXPECT_EQ(Contains(a.value, b.value), answer(all_contains, any_contains)) << what;
    }
    checks += 4;
  }
  std::printf("model-based relations between values: %d checks\n", checks);
}

TEST(Relations, ModelBasedSetsAgainstDays) {
  std::mt19937 rng(7);
  int checks = 0;
  for (int i = 0; i < 200; ++i) {
    bool one_of = i % 2 == 0;
    std::string text(1, one_of ? '[' : '{');
    std::vector<std::pair<Day, Day>> spans;
    int n = std::uniform_int_distribution<int>(1, 3)(rng);
    for (int k = 0; k < n; ++k) {
      int month = std::uniform_int_distribution<int>(1, 3)(rng);
      int day = std::uniform_int_distribution<int>(0, 28)(rng);
      char buf[16];
      if (day == 0) {
        std::snprintf(buf, sizeof buf, "2012-%02d", month);
        spans.emplace_back(D(2012, month, 1), D(2012, month, DaysInMonth(2012, month)));
      } else {
        std::snprintf(buf, sizeof buf, "2012-%02d-%02d", month, day);
        spans.emplace_back(D(2012, month, day), D(2012, month, day));
      }
      text += (k ? "," : "") + std::string(buf);
    }
    text += one_of ? ']' : '}';
    EdtfValue v = V(text);
    for (Day day = D(2011, 12, 30); day <= D(2012, 4, 2); ++day) {
      int in = 0;
      for (const auto& s : spans) in += s.first <= day && day <= s.second;
      Answer model = in == 0 ? kNo : (one_of ? in == n : true) ? kCertainly : kPossibly;
      EXPECT_EQ(Contains(v, day), model) << text << " @" << day;
      ++checks;
    }
  }
  std::printf("model-based set containment: %d checks\n", checks);
}

}  // namespace
}  // namespace sijill::time
