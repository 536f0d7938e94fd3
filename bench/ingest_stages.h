// Where the CPU time of Sijill's intake goes, stage by stage, with no disk writes: each
// pass runs the pipeline's public pieces (ingest::ReadFile, text::PassageSegmenter,
// text::TokenCursor, vault::Sha256) one stage further over every file, and the
// difference between passes is that stage's cost. The input should be in the page cache.
// Single-threaded.
#pragma once

#include <filesystem>
#include <span>

#include "base/status.h"

namespace sijill::bench {

struct StageSeconds {
  double read = 0;      // detect format, read, validate UTF-8, parse the header block
  double segment = 0;   // + NFC normalization and cutting passages
  double tokenize = 0;  // + tokenizing and folding every passage (TokenCursor, with stems)
  double hash = 0;      // SHA-256 of every file, twice (the original and its text blob)
};

base::Result<StageSeconds> MeasureStages(std::span<const std::filesystem::path> files);

// Prints each stage's own seconds and throughput over `bytes` of input.
void PrintStages(const StageSeconds& s, uint64_t bytes);

}  // namespace sijill::bench
