// `sijill extract ARCHIVE [SOURCE...]`: proposes the entities, dates and claims of
// sources (all of them when none is named) as candidates for review (extract/run.h).
#include <fmt/format.h>

#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/progress.h"
#include "cli/source_ref.h"
#include "extract/run.h"
#include "store/archive.h"

namespace sijill::cli {
namespace {

nlohmann::json SummaryJson(const store::SourceRecord& source, const extract::RunSummary& s) {
  return {{"source", source.id.ToString()},
          {"entities_added", s.entities_added},
          {"entities_known", s.entities_known},
          {"claims_added", s.claims_added},
          {"claims_known", s.claims_known},
          {"dates", s.dates},
          {"refused", s.refused}};
}

std::string SummaryLine(const store::SourceRecord& source, const extract::RunSummary& s) {
  return fmt::format(
      "{}  {}: {} new entities, {} already known; {} candidate claims{}; {} dates\n",
      source.id.Short(), source.title.value_or(source.original_name), s.entities_added,
      s.entities_known, s.claims_added,
      s.claims_known > 0 ? fmt::format(" ({} proposed before)", s.claims_known) : std::string(),
      s.dates);
}

// The sources named (ids or unique prefixes), or every source. Every name is resolved
// before anything is extracted, so a typo changes nothing.
base::Result<std::vector<store::SourceRecord>> SourcesToExtract(
    store::Store& store, const std::vector<std::string>& typed) {
  ASSIGN_OR_RETURN(std::vector<store::SourceRecord> all, store.ListSources());
  if (typed.empty()) return all;
  std::vector<store::SourceRecord> out;
  for (const std::string& t : typed) {
    ASSIGN_OR_RETURN(base::Id id, ResolveSource(store, t));
    for (const auto& s : all) {
      if (s.id == id) out.push_back(s);
    }
  }
  return out;
}

}  // namespace

int RunExtract(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Propose the persons, units, places, events, dates and claims that sources state, as "
      "candidates for review ('sijill review'). Each claim cites the words it was read from; "
      "entities the archive already knows by a name are reused. Running it again adds only "
      "what is new.",
      "sijill extract"};
  ConfigureApp(app);
  std::string dir;
  std::vector<std::string> typed;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  app.add_option("sources", typed, "Source ids or unique prefixes (default: every source)");
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_flag("--json", json, "Print a JSON array of what each source gave");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, store::OpenMode::kReadWrite, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto sources = SourcesToExtract((*archive)->store(), typed);
  if (!sources) return Fail(console, sources.error());
  if (sources->empty()) {
    console.Err("The archive holds no sources yet; add some with 'sijill add'.\n");
    return kExitOk;
  }
  auto places = extract::ArchiveGazetteer((*archive)->store().knowledge());
  if (!places) return Fail(console, places.error());
  nlohmann::json out = nlohmann::json::array();
  size_t claims = 0;
  {
    ProgressBar bar(console, sources->size(), "sources");
    for (size_t i = 0; i < sources->size(); ++i) {
      const store::SourceRecord& source = (*sources)[i];
      bar.Update(i, source.original_name);
      auto summary = extract::Run(**archive, source, *places);
      if (!summary) return Fail(console, summary.error());
      claims += summary->claims_added;
      for (const std::string& why : summary->refused)
        bar.PrintError(fmt::format("sijill extract: warning: {}: a proposal was left out ({})\n",
                                   source.id.Short(), why));
      if (json) {
        out.push_back(SummaryJson(source, *summary));
      } else {
        bar.Print(SummaryLine(source, *summary));
      }
    }
  }
  if (json) console.Out(DumpJson(out));
  if (claims > 0)
    console.Err(fmt::format("{} candidate claims to review: sijill review {}\n", claims, dir));
  return kExitOk;
}

}  // namespace sijill::cli
