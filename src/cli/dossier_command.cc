// sijill dossier: a printable file about one entity — what the sources say about it,
// section by section and in time order, every statement footnoted with the witnesses'
// exact words — at an access level, with protected persons pseudonymized.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

#include "cli/command.h"
#include "cli/entity_ref.h"
#include "cli/passphrase.h"
#include "cli/timeline_html.h"
#include "curate/disclosure.h"
#include "query/queries.h"

namespace sijill::cli {
namespace {

using knowledge::Predicate;

// The section a claim belongs to, by predicate and by where the entity stands in it.
std::string SectionOf(const query::TimelineRow& r) {
  const bool subject = r.side == query::Side::kSubject;
  switch (r.claim.predicate) {
    case Predicate::kCommanderOf:
      return subject ? "Posts held" : "Commanders";
    case Predicate::kMemberOf:
      return subject ? "Units served in" : "Members";
    case Predicate::kSubordinateTo:
      return subject ? "Units above" : "Units below";
    case Predicate::kLocatedAt:
    case Predicate::kDeployedTo:
      return subject ? "Places" : "Present here";
    case Predicate::kParticipatedIn:
      return subject ? "Events" : "Participants";
    case Predicate::kOccurredAt:
      return subject ? "Places" : "Events here";
    case Predicate::kRelativeOf:
      return "Relatives";
    case Predicate::kDetainedAt:
      return subject ? "Detention" : "Detained here";
    case Predicate::kAliasOf:
      return "Other names";
  }
  return "Other";
}

base::Status WriteAtomically(const std::filesystem::path& path, const std::string& bytes) {
  std::filesystem::path tmp = path;
  tmp += ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out << bytes;
    if (!out.flush()) return base::Status::IOError(path.string() + ": cannot write");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) return base::Status::IOError(fmt::format("{}: {}", path.string(), ec.message()));
  return base::Status::Ok();
}

}  // namespace

int RunDossier(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Write a printable dossier of a person, unit, place or event: every accepted claim, by "
      "section and in time order, each footnoted with the exact words it rests on.",
      "sijill dossier"};
  ConfigureApp(app);
  std::string dir, name, output, level_name = "public";
  std::optional<std::string> passphrase_file;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("name", name, "A name or alias in either script, or an id")->required();
  app.add_option("-o,--output", output, "The HTML file to write")->required();
  app.add_option("--level", level_name,
                 "Who may read it: public (default), restricted or confidential. Sources above "
                 "the level are left out; below confidential, protected persons appear only "
                 "by pseudonym")
      ->check(CLI::IsMember({"public", "restricted", "confidential"}));
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto entity = ResolveEntity(store, name, std::nullopt, &console);
  if (!entity) return Fail(console, entity.error());
  auto disclosure = curate::Disclosure::At(store, *store::ParseAccessLevel(level_name));
  if (!disclosure) return Fail(console, disclosure.error());
  query::Queries queries(store.knowledge());
  auto rows = queries.Timeline(entity->id);
  if (!rows) return Fail(console, rows.error());
  auto about = queries.About(entity->id);
  if (!about) return Fail(console, about.error());

  std::vector<ReportSection> sections;
  for (const auto& r : *rows) {
    std::string heading = SectionOf(r);
    auto it = std::find_if(sections.begin(), sections.end(),
                           [&](const ReportSection& s) { return s.heading == heading; });
    if (it == sections.end()) it = sections.insert(sections.end(), {heading, {}});
    it->rows.push_back(r);
  }
  knowledge::Entity shown = about->entity;
  shown.aliases = about->aliases;
  ReportCounts counts;
  auto html =
      ReportHtml(store, "Dossier: " + about->entity.name, shown, sections, &*disclosure, &counts);
  if (!html) return Fail(console, html.error().WithPrefix(output));
  if (auto s = WriteAtomically(output, *html); !s.ok()) return Fail(console, s);
  console.Err(
      fmt::format("wrote {}: {} claims at the {} level", output, counts.claims, level_name));
  if (counts.withheld_claims + counts.withheld_citations > 0) {
    console.Err(fmt::format("; {} claims and {} citations of sources above it left out",
                            counts.withheld_claims, counts.withheld_citations));
  }
  console.Err(disclosure->redacts() ? "; protected persons shown by pseudonym\n" : "\n");
  return kExitOk;
}

}  // namespace sijill::cli
