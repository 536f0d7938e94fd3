// `sijill eval` on the Arabic dev testimonies alone (t05, t06): floors a little below
// what the Arabic recognizers and claim patterns measured, so that a change that loses
// them fails here.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "e2e/run_sijill.h"

namespace sijill::e2e {
namespace {

TEST(EvalArabic, DevFloors) {
  Scratch s;
  LinkDevTestimonies(s.path(), {"t05", "t06"});
  nlohmann::json j = EvalJson(s.path());
  EXPECT_EQ(j["files"], 2);
  // Measured with the shipped gazetteer: person F1 1.000, unit 0.968, overall 0.918,
  // claims 0.807, evidence agreed on 47 of 48 matched claims.
  EXPECT_GE(j["entities"]["person"]["f1"].get<double>(), 0.95);
  EXPECT_GE(j["entities"]["unit"]["f1"].get<double>(), 0.90);
  EXPECT_GE(j["entities"]["overall"]["f1"].get<double>(), 0.88);
  EXPECT_GE(j["claims"]["f1"].get<double>(), 0.76);
  EXPECT_GE(j["claims"]["evidence_agreement"].get<double>(), 0.9);
}

}  // namespace
}  // namespace sijill::e2e
