// Running Sijill's default extraction on one annotated document, as a user's
// `sijill add` + `sijill extract` would: the source is ingested into a fresh temporary
// archive (in the clear; removed afterwards) with the gold's document date, the
// extraction runs, and what it proposed is read back as Predictions. Not thread-safe
// with respect to the temporary directory it is given.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "base/status.h"
#include "eval/gold.h"
#include "eval/misses.h"
#include "eval/score.h"
#include "store/archive.h"
#include "store/records.h"

namespace sijill::eval {

// The document's stored text (what predicted spans index) and the predictions.
struct ExtractionRun {
  std::string body;
  Predictions predictions;
};

// The extraction of `source` (a file beside its gold) in a new archive made under
// `scratch_dir` (which must exist). Errors: those of ingest::AddFile, which name the
// file, and storage errors.
base::Result<ExtractionRun> RunExtraction(const std::filesystem::path& source, const Gold& gold,
                                          const std::filesystem::path& scratch_dir);

// What the default extraction proposed for `source`, already stored in `archive`: the
// entities and claims of the knowledge layer (extract::Run writes them there), and the
// dates time::FindDates finds in the stored text (the same finder extract::Run uses;
// extraction stores no dates, it uses them for claim times).
base::Result<ExtractionRun> ReadPredictions(store::Archive& archive,
                                            const store::SourceRecord& source, const Gold& gold);

// The *.gold.json files directly in `dir`, sorted by name. Errors: kNotFound
// "<dir>: no such directory", kInvalidArgument "<dir>: no *.gold.json files".
base::Result<std::vector<std::filesystem::path>> ListGoldFiles(const std::filesystem::path& dir);

// Reads, parses and scores one gold file (extraction in a temporary archive), appending
// the gold's warnings (Gold::warnings) to *warnings. Errors name the file: unreadable
// or invalid gold, "<gold>: source: <path>: no such file", and those of RunExtraction.
// With `misses` (nullable), also what did not match in the file (misses.h).
base::Result<Score> EvaluateGoldFile(const std::filesystem::path& gold_path,
                                     std::vector<std::string>* warnings, Misses* misses = nullptr);

}  // namespace sijill::eval
