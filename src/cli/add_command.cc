#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <utility>

#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "ingest/add.h"
#include "store/archive.h"

namespace sijill::cli {
namespace {

namespace fs = std::filesystem;

// A file to add, or a path that could not be walked (its error is kept to report).
struct Candidate {
  fs::path path;
  base::Status problem;
};

struct WalkResult {
  std::vector<Candidate> files;
  size_t hidden_skipped = 0;
  size_t archives_skipped = 0;  // folders that are Sijill archives (never ingested)
};

bool IsArchive(const fs::path& dir) {
  std::error_code ec;
  return fs::exists(dir / "SIJILL-ARCHIVE", ec);
}

base::Status PathError(const fs::path& p, const std::error_code& ec) {
  if (ec.value() == ELOOP) {
    return base::Status::InvalidArgument(
        fmt::format("{}: symbolic link loop (too many levels of symbolic links)", p.string()));
  }
  return base::Status::IOError(fmt::format("{}: {}", p.string(), ec.message()));
}

// Walks `dir` in name order. Directory symlinks are followed once: a directory already
// visited (same device and inode) is not entered again, so a symlink loop ends.
// Hidden entries (".name") are skipped inside folders, and so are archives: an archive
// inside the folder being added (often the one being written) must not swallow itself.
void WalkDirectory(const fs::path& dir, std::set<std::pair<dev_t, ino_t>>& visited,
                   WalkResult& out) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) return;
  if (!visited.emplace(st.st_dev, st.st_ino).second) return;
  if (IsArchive(dir)) {
    ++out.archives_skipped;
    return;
  }
  std::error_code ec;
  std::vector<fs::path> entries;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    entries.push_back(it->path());
  }
  if (ec) {
    out.files.push_back({dir, PathError(dir, ec)});
    return;
  }
  std::sort(entries.begin(), entries.end());
  for (const auto& entry : entries) {
    if (entry.filename().string().starts_with(".")) {
      ++out.hidden_skipped;
      continue;
    }
    std::error_code sec;
    auto status = fs::status(entry, sec);
    if (sec) {
      out.files.push_back({entry, PathError(entry, sec)});
    } else if (fs::is_directory(status)) {
      WalkDirectory(entry, visited, out);
    } else if (fs::is_regular_file(status)) {
      out.files.push_back({entry, {}});
    } else {
      out.files.push_back({entry, base::Status::InvalidArgument(
                                      fmt::format("{}: not a regular file", entry.string()))});
    }
  }
}

WalkResult CollectFiles(const std::vector<std::string>& paths) {
  WalkResult out;
  std::set<std::pair<dev_t, ino_t>> visited;
  for (const auto& p : paths) {
    std::error_code ec;
    auto status = fs::status(p, ec);
    if (ec) {
      out.files.push_back({p, ec == std::errc::no_such_file_or_directory
                                  ? base::Status::NotFound(p + ": no such file or directory")
                                  : PathError(p, ec)});
    } else if (fs::is_directory(status)) {
      WalkDirectory(p, visited, out);
    } else {
      out.files.push_back({p, {}});
    }
  }
  return out;
}

struct Options {
  std::string archive;
  std::optional<std::string> passphrase_file;
  std::vector<std::string> paths;
  ingest::SourceOverrides overrides;
  bool json = false;
};

// Validates flag values; returns a usage message or empty.
std::string ValidateOptions(Options& o, const CLI::App& app) {
  if (app.count("--date")) {
    auto date = ingest::ValidateDocumentDate(*o.overrides.document_date);
    if (!date) return "--date: " + date.error().message();
    o.overrides.document_date = *date;
  }
  bool single_file = o.paths.size() == 1 && !fs::is_directory(o.paths[0]);
  if ((app.count("--title") || app.count("--witness")) && !single_file) {
    return "--title and --witness describe one file: give exactly one file with them";
  }
  return {};
}

nlohmann::json ResultJson(const fs::path& path, const char* outcome, const base::Id* id,
                          const std::string& error) {
  nlohmann::json j = {{"path", path.string()}, {"outcome", outcome}};
  if (id) j["source"] = id->ToString();
  if (!error.empty()) j["error"] = error;
  return j;
}

}  // namespace

int RunAdd(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Add files or folders (recursively) to an archive. Text, Markdown, DOCX and "
      "PDF files are read; each becomes a source cut into passages.",
      "sijill add"};
  ConfigureApp(app);
  Options o;
  std::string access;
  app.add_option("archive", o.archive, "The archive")->required();
  AddPassphraseFileOption(app, &o.passphrase_file);
  app.add_option("paths", o.paths, "Files or folders to add")->required();
  app.add_option("--title", o.overrides.title, "Title of the source (one file only)");
  app.add_option("--language", o.overrides.language, "Language, e.g. en or ar");
  app.add_option("--date", o.overrides.document_date, "Document date: YYYY[-MM[-DD]]");
  app.add_option("--place", o.overrides.place, "Where the interview took place");
  app.add_option("--witness", o.overrides.witness, "Witness pseudonym (one file only)");
  app.add_option("--kind", o.overrides.kind, "interview, article, report, document, ...");
  app.add_option("--access", access, "public, restricted (default) or confidential")
      ->check(CLI::IsMember({"public", "restricted", "confidential"}));
  app.add_flag("--json", o.json, "Print one JSON object per file instead of text lines");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (!access.empty()) o.overrides.access = store::ParseAccessLevel(access);
  if (std::string problem = ValidateOptions(o, app); !problem.empty()) {
    console.Err(fmt::format("sijill add: {}\n", problem));
    return kExitUsage;
  }

  auto archive = OpenArchive(o.archive, store::OpenMode::kReadWrite, o.passphrase_file);
  if (!archive) return Fail(console, archive.error());

  WalkResult walk = CollectFiles(o.paths);
  size_t added = 0, duplicates = 0, failed = 0;
  ProgressBar progress(console, walk.files.size(), "files");
  for (size_t i = 0; i < walk.files.size(); ++i) {
    const Candidate& c = walk.files[i];
    progress.Update(i, c.path.string());
    base::Status problem = c.problem;
    if (problem.ok()) {
      auto result = ingest::AddFile(**archive, c.path, o.overrides, ingest::Intake::Now());
      if (result) {
        const auto& src = result->source;
        bool is_new = result->outcome == ingest::AddResult::Outcome::kAdded;
        (is_new ? added : duplicates)++;
        if (o.json) {
          progress.Print(
              DumpJson(ResultJson(c.path, is_new ? "added" : "duplicate", &src.id, ""), -1));
        } else if (is_new) {
          progress.Print(fmt::format("added      {}  {}  ({} passages)\n", src.id.Short(),
                                     c.path.string(), src.passage_count));
        } else {
          progress.Print(fmt::format("duplicate  {}  {}  (already in the archive)\n",
                                     src.id.Short(), c.path.string()));
        }
        continue;
      }
      problem = result.error();
    }
    ++failed;
    progress.PrintError(fmt::format("sijill: error: {}\n", problem.message()));
    if (o.json)
      progress.Print(DumpJson(ResultJson(c.path, "failed", nullptr, problem.message()), -1));
  }
  progress.Update(walk.files.size(), "");
  std::string summary =
      fmt::format("{} added, {} already in the archive, {} failed", added, duplicates, failed);
  if (walk.hidden_skipped > 0) summary += fmt::format(", {} hidden skipped", walk.hidden_skipped);
  if (walk.archives_skipped > 0) {
    summary += fmt::format(", {} Sijill archive folder{} skipped", walk.archives_skipped,
                           walk.archives_skipped == 1 ? "" : "s");
  }
  console.Err(summary + "\n");
  return failed > 0 ? kExitFailed : kExitOk;
}

}  // namespace sijill::cli
