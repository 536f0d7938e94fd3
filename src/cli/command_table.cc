#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <vector>

#include "cli/command.h"

namespace sijill::cli {
namespace {

constexpr std::array kCommands = {
    Command{"init", "create a new archive", RunInit},
    Command{"add", "add files or folders of testimonies and documents", RunAdd},
    Command{"sources", "list the sources in an archive", RunSources},
    Command{"log", "show the custody log: who added or changed what, and when", RunLog},
    Command{"checkpoint", "sign the custody log's current state", RunCheckpoint},
    Command{"prove", "write a proof that a source is in the archive", RunProve},
    Command{"verify-proof", "check a proof with the archive's public key alone", RunVerifyProof},
    Command{"verify", "check every blob, the database and the whole custody log", RunVerify},
    Command{"key", "the archive's public key and passphrase slots", RunKey},
    Command{"passphrase", "change a passphrase of the archive", RunPassphrase},
    Command{"show", "show a source's metadata and passages", RunShow},
    Command{"search", "search passages in English and Arabic", RunSearch},
    Command{"entity", "add, list, show, edit and merge persons, units, places and events",
            RunEntity},
    Command{"claim", "add, show, edit, accept and reject claims that cite exact words", RunClaim},
    Command{"extract", "propose entities, dates and claims from sources, for review", RunExtract},
    Command{"review", "accept, edit or reject candidate claims one by one", RunReview},
    Command{"who-commanded", "who held each post of a unit on a day or in a period",
            RunWhoCommanded},
    Command{"chain", "the chain of command above and below a unit or person at a date", RunChain},
    Command{"at-place", "units, persons and events at a place during a period", RunAtPlace},
    Command{"timeline", "every claim about an entity in time order", RunTimeline},
    Command{"about", "an entity's names and every claim and citation about it", RunAbout},
    Command{"dossier", "write a printable dossier of an entity, quotes footnoted", RunDossier},
    Command{"corroborate", "claims confirmed by independent witnesses", RunCorroborate},
    Command{"contradictions", "claims that cannot all be true", RunContradictions},
    Command{"export",
            "export entities, claims and citations: json, csv, popolo, ftm, graphml, geojson",
            RunExport},
    Command{"import", "import a JSON or CSV export into an archive holding its sources", RunImport},
    Command{"gazetteer", "import GeoNames places; list or show the built-in gazetteer",
            RunGazetteer},
    Command{"date", "check EDTF dates; find the dates written in a document", RunDate},
    Command{"eval", "score extraction against gold annotations (precision, recall, F1)", RunEval},
    Command{"help", "show help for sijill or one of its commands", RunHelp},
    Command{"version", "print the version of sijill", RunVersion},
};

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      diagonal = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, substitution});
    }
  }
  return row[b.size()];
}

}  // namespace

std::span<const Command> Commands() { return kCommands; }

const Command* FindCommand(std::string_view name) {
  for (const auto& c : kCommands) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

std::string_view SuggestCommand(std::string_view typo) {
  std::string_view best;
  size_t best_distance = 3;  // suggest only close matches
  for (const auto& c : kCommands) {
    size_t d = EditDistance(typo, c.name);
    if (d < best_distance) {
      best_distance = d;
      best = c.name;
    }
  }
  return best;
}

int Fail(Console& console, const base::Status& status) {
  console.Err(fmt::format("sijill: error: {}\n", status.message()));
  return kExitFailed;
}

int UsageError(Console& console, const CLI::App& app, const base::Status& status) {
  console.Err(fmt::format("{}: {}\n", app.get_name(), status.message()));
  return kExitUsage;
}

}  // namespace sijill::cli
