// `sijill eval --gold DIR [--json]`: scores Sijill's default extraction against every
// *.gold.json in DIR, as ../shared/docs/evaluation.md says (scoring in src/eval/).
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/json_records.h"
#include "eval/predict.h"
#include "eval/report.h"
#include "eval/score.h"

namespace sijill::cli {

int RunEval(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Score Sijill's extraction against gold annotations: each *.gold.json in DIR names "
      "its source text beside it, which is added to a fresh temporary archive and "
      "extracted with the gold's document date. Prints entity precision, recall and F1 "
      "per type, dates found and normalized, and claim precision, recall and F1 with "
      "evidence agreement, summed over the files (../shared/docs/evaluation.md).",
      "sijill eval"};
  ConfigureApp(app);
  std::string dir;
  bool json = false, details = false;
  app.add_option("--gold", dir, "Folder of *.gold.json files and their sources")->required();
  app.add_flag("--json", json, "Print one JSON object with every count");
  app.add_flag("--details", details,
               "Also list, per file, the gold entities and claims that were missed and the "
               "predictions that matched no gold");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto files = eval::ListGoldFiles(dir);
  if (!files) return Fail(console, files.error());
  eval::Score total;
  std::vector<std::string> warnings;
  std::vector<eval::Misses> misses;
  for (const auto& file : *files) {
    eval::Misses m;
    auto score = eval::EvaluateGoldFile(file, &warnings, details ? &m : nullptr);
    if (!score) return Fail(console, score.error());
    total += *score;
    if (details) misses.push_back(std::move(m));
  }
  for (const auto& w : warnings) console.Err(fmt::format("sijill eval: warning: {}\n", w));
  if (json) {
    nlohmann::json out = eval::ScoreJson(total);
    if (details) {
      out["details"] = nlohmann::json::array();
      for (const auto& m : misses) out["details"].push_back(eval::MissesJson(m));
    }
    console.Out(DumpJson(out));
    return kExitOk;
  }
  std::string text = eval::ScoreTable(total);
  for (const auto& m : misses) text += "\n" + eval::MissesText(m);
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
