#include "eval/predict.h"

#include <fmt/format.h>
#include <stdlib.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "extract/run.h"
#include "ingest/add.h"
#include "time/date_finder.h"

namespace sijill::eval {
namespace {

namespace fs = std::filesystem;

// Every date mention and each end of a range, as spans with values.
std::vector<PredictedDate> FindDatePredictions(std::string_view body, const Gold& gold) {
  time::FindOptions options;
  if (gold.document_date) {
    auto value = time::ParseEdtf(*gold.document_date);
    if (value && value->kind == time::ValueKind::kDate) options.document_date = value->start;
  }
  std::vector<PredictedDate> out;
  for (const time::DateMention& m : time::FindDates(body, options)) {
    out.push_back({m.cp_begin, m.cp_end, m.value});
    for (const time::DatePart& p : m.parts) out.push_back({p.cp_begin, p.cp_end, p.value});
  }
  return out;
}

base::Status ReadEntities(store::KnowledgeStore& knowledge, Predictions& p,
                          std::map<base::Id, size_t>& index) {
  return knowledge.ForEachEntity(std::nullopt, [&](const knowledge::Entity& e) {
    PredictedEntity pe{e.type, e.name, {}};
    for (const auto& alias : e.aliases) pe.mentions.push_back(alias.name);
    index.emplace(e.id, p.entities.size());
    p.entities.push_back(std::move(pe));
    return true;
  });
}

base::Status ReadClaims(store::KnowledgeStore& knowledge, Predictions& p,
                        const std::map<base::Id, size_t>& index) {
  store::ClaimFilter all;
  all.statuses = {knowledge::ClaimStatus::kCandidate, knowledge::ClaimStatus::kAccepted,
                  knowledge::ClaimStatus::kRejected};
  return knowledge.ForEachClaim(all, [&](const knowledge::Claim& c) {
    auto subject = index.find(c.subject);
    if (subject == index.end()) return true;  // not an entity of this archive: cannot match
    PredictedClaim pc;
    pc.subject = subject->second;
    pc.predicate = c.predicate;
    if (c.object) {
      auto object = index.find(*c.object);
      if (object == index.end()) return true;
      pc.object.entity = object->second;
    } else {
      pc.object.literal = c.object_text.value_or("");
    }
    if (c.time) {
      auto value = time::ParseEdtf(*c.time);
      if (value) pc.time = RangeOf(*value);
    }
    pc.evidence = c.evidence;
    pc.status = c.status;
    p.claims.push_back(std::move(pc));
    return true;
  });
}

// A new empty directory under `parent`, removed with its contents on destruction.
class TempDir {
 public:
  static base::Result<TempDir> Make(const fs::path& parent) {
    std::string pattern = (parent / "sijill-eval-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr)
      return tl::unexpected(base::Status::IOError(
          fmt::format("{}: cannot make a temporary directory", parent.string())));
    return TempDir(pattern);
  }
  TempDir(TempDir&& o) noexcept : path_(std::move(o.path_)) { o.path_.clear(); }
  TempDir(const TempDir&) = delete;
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit TempDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

base::Result<std::string> Slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return tl::unexpected(base::Status::IOError(path.string() + ": cannot read"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace

base::Result<ExtractionRun> ReadPredictions(store::Archive& archive,
                                            const store::SourceRecord& source, const Gold& gold) {
  ExtractionRun run;
  ASSIGN_OR_RETURN(run.body, store::ReadWholeBlob(archive.blobs(), source.text_sha256));
  run.predictions.dates = FindDatePredictions(run.body, gold);
  store::KnowledgeStore& knowledge = archive.store().knowledge();
  std::map<base::Id, size_t> index;
  TRY(ReadEntities(knowledge, run.predictions, index));
  TRY(ReadClaims(knowledge, run.predictions, index));
  return run;
}

base::Result<ExtractionRun> RunExtraction(const fs::path& source, const Gold& gold,
                                          const fs::path& scratch_dir) {
  ASSIGN_OR_RETURN(TempDir dir, TempDir::Make(scratch_dir));
  ASSIGN_OR_RETURN(auto archive, store::Archive::Create(dir.path() / "archive"));
  ingest::SourceOverrides overrides;
  overrides.document_date = gold.document_date;
  ASSIGN_OR_RETURN(ingest::AddResult added,
                   ingest::AddFile(*archive, source, overrides, ingest::Intake::Now()));
  ASSIGN_OR_RETURN(extract::RunSummary extracted, extract::Run(*archive, added.source));
  (void)extracted;
  return ReadPredictions(*archive, added.source, gold);
}

base::Result<std::vector<fs::path>> ListGoldFiles(const fs::path& dir) {
  std::error_code ec;
  if (!fs::is_directory(dir, ec))
    return tl::unexpected(base::Status::NotFound(dir.string() + ": no such directory"));
  std::vector<fs::path> out;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && entry.path().filename().string().ends_with(".gold.json"))
      out.push_back(entry.path());
  }
  if (ec)
    return tl::unexpected(base::Status::IOError(fmt::format("{}: {}", dir.string(), ec.message())));
  if (out.empty())
    return tl::unexpected(base::Status::InvalidArgument(dir.string() + ": no *.gold.json files"));
  std::sort(out.begin(), out.end());
  return out;
}

base::Result<Score> EvaluateGoldFile(const fs::path& gold_path, std::vector<std::string>* warnings,
                                     Misses* misses) {
  ASSIGN_OR_RETURN(std::string text, Slurp(gold_path));
  ASSIGN_OR_RETURN(Gold gold, ParseGold(text, gold_path.string()));
  warnings->insert(warnings->end(), gold.warnings.begin(), gold.warnings.end());
  fs::path source = gold_path.parent_path() / gold.source;
  std::error_code ec;
  if (!fs::is_regular_file(source, ec))
    return tl::unexpected(base::Status::NotFound(
        fmt::format("{}: source: {}: no such file", gold_path.string(), source.string())));
  ASSIGN_OR_RETURN(ExtractionRun run, RunExtraction(source, gold, fs::temp_directory_path()));
  if (misses != nullptr) {
    EntityScore entities = ScoreEntities(gold, run.predictions);
    *misses =
        FindMisses(gold, run.predictions, entities, ScoreClaims(gold, run.predictions, entities));
  }
  return ScoreFile(gold, run.predictions, run.body);
}

}  // namespace sijill::eval
