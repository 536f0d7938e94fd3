// EDTF parse + bounds throughput on one core (target: >= 2 million values a second).
// Google Benchmark; items_per_second is values parsed and bounded per second.
#include <benchmark/benchmark.h>

#include <array>
#include <string_view>

#include "time/bounds.h"
#include "time/edtf.h"

namespace {

// A mix weighted towards what testimonies produce: days, months, seasons, approximate
// and uncertain values, open intervals; plus some level-2 forms.
constexpr std::array<std::string_view, 24> kValues = {"2013-03-03",
                                                      "2013-03",
                                                      "2012",
                                                      "2012-23",
                                                      "2013-12~",
                                                      "2014-01~",
                                                      "2013-07?",
                                                      "2016~",
                                                      "2010?/..",
                                                      "../2013-12~",
                                                      "2012-10-26~",
                                                      "2013-02?/..",
                                                      "2011-12",
                                                      "2014-04",
                                                      "1984-06-02?/2004-08-08~",
                                                      "201X",
                                                      "2012-XX-15",
                                                      "2001-34",
                                                      "[2012-07-20,2012-07-21]",
                                                      "{1960,1961}",
                                                      "2004-06~-11",
                                                      "?2004-06-~11",
                                                      "2012-01/2013-03-03",
                                                      "1985-04-12T23:20:30Z"};

void BM_ParseAndBounds(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    auto value = sijill::time::ParseEdtf(kValues[i]);
    if (!value) state.SkipWithError("a benchmark value failed to parse");
    benchmark::DoNotOptimize(sijill::time::BoundsOf(*value));
    i = (i + 1) % kValues.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseAndBounds);

void BM_ParseOnly(benchmark::State& state) {
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(sijill::time::ParseEdtf(kValues[i]));
    i = (i + 1) % kValues.size();
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}
BENCHMARK(BM_ParseOnly);

}  // namespace

BENCHMARK_MAIN();
