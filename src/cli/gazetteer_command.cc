// sijill gazetteer import|list|show: GeoNames country dumps added to an archive as place
// entities (which extraction then recognizes), and the gazetteer shipped with Sijill.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "cli/command.h"
#include "cli/curate_session.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "extract/gazetteer.h"
#include "extract/geonames.h"

namespace sijill::cli {
namespace {

constexpr std::string_view kFeatureClasses = "AHLPRSTUV";

struct GazetteerArgs {
  std::string dir, file, name;
  std::optional<std::string> passphrase_file;
  int64_t min_population = 0;
  std::string feature_classes;
  bool json = false;
};

base::Result<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Error(base::Status::NotFound(path + ": cannot read the file"));
  std::stringstream s;
  s << in.rdbuf();
  if (in.bad()) return base::Error(base::Status::IOError(path + ": read error"));
  return s.str();
}

// "P,A,S" -> "PAS". kInvalidArgument for a letter GeoNames does not use.
base::Result<std::string> ReadFeatureClasses(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == ',' || c == ' ') continue;
    if (kFeatureClasses.find(c) == std::string_view::npos)
      return base::Error(base::Status::InvalidArgument(fmt::format(
          "--feature-classes: '{}' is not a GeoNames feature class (A, H, L, P, R, S, T, U, V)",
          std::string(1, c))));
    out.push_back(c);
  }
  return out;
}

int Import(Console& console, const CLI::App& app, const GazetteerArgs& a) {
  auto classes = ReadFeatureClasses(a.feature_classes);
  if (!classes) return UsageError(console, app, classes.error());
  auto text = ReadWholeFile(a.file);
  if (!text) return Fail(console, text.error());
  auto parsed = extract::ParseGeoNames(*text, a.file, {a.min_population, *classes});
  if (!parsed) {
    console.Err(fmt::format("sijill: error: {}\nnothing was imported\n", parsed.error().message()));
    return kExitFailed;
  }
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadWrite, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  extract::GeoNamesImport result;
  base::Status s = Curate(**archive, [&](curate::Curator& curator) -> base::Status {
    ASSIGN_OR_RETURN(result, extract::ImportGeoNames((*archive)->store(), curator, parsed->places));
    return base::Status::Ok();
  });
  if (!s.ok()) {
    console.Err(fmt::format("sijill: error: {}\nnothing was imported\n", s.message()));
    return kExitFailed;
  }
  console.Err(fmt::format(
      "imported {} places from {} ({} already in the archive, {} left out by the filters)\n",
      result.added, a.file, result.known, parsed->filtered_out));
  return kExitOk;
}

std::string Coordinates(const extract::Place& p) {
  if (!p.latitude || !p.longitude) return "";
  return fmt::format("{:.3f},{:.3f}", *p.latitude, *p.longitude);
}

nlohmann::json PlaceJson(const extract::Place& p) {
  nlohmann::json j = {{"id", p.id}, {"kind", p.kind}, {"name", p.name}, {"names", p.names}};
  j["parent"] = p.parent ? nlohmann::json(*p.parent) : nlohmann::json();
  j["latitude"] = p.latitude ? nlohmann::json(*p.latitude) : nlohmann::json();
  j["longitude"] = p.longitude ? nlohmann::json(*p.longitude) : nlohmann::json();
  return j;
}

int List(Console& console, const GazetteerArgs& a) {
  const auto& places = extract::Gazetteer::Builtin().places();
  if (a.json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& p : places) out.push_back(PlaceJson(p));
    console.Out(out.dump(2) + "\n");
    return kExitOk;
  }
  std::string text;
  for (const auto& p : places)
    text += fmt::format("{}\t{}\t{}\t{}\t{}\n", p.id, p.kind, p.name,
                        p.names.empty() ? "" : p.names.front(), Coordinates(p));
  console.Out(text);
  return kExitOk;
}

// The shipped places whose name or a spelling `name` is: the whole of `name` must be
// recognized as one place name (the same rules as in text).
int Show(Console& console, const GazetteerArgs& a) {
  const extract::Gazetteer& g = extract::Gazetteer::Builtin();
  auto found = g.Find(a.name);
  if (found.size() != 1 || found[0].span.begin != 0 || found[0].span.end != a.name.size()) {
    return Fail(console, base::Status::NotFound(
                             fmt::format("'{}': not a place of the built-in gazetteer", a.name)));
  }
  const extract::Place& p = g.places()[found[0].place];
  if (a.json) {
    console.Out(PlaceJson(p).dump(2) + "\n");
    return kExitOk;
  }
  std::string text = fmt::format("{} ({}, {})\n", p.name, p.kind, p.id);
  for (const auto& n : p.names) text += fmt::format("  also: {}\n", n);
  if (p.parent) {
    auto parent = g.IndexOf(*p.parent);
    text += fmt::format("  in: {}\n", parent ? g.places()[*parent].name : *p.parent);
  }
  if (!Coordinates(p).empty()) text += fmt::format("  at: {} (approximate)\n", Coordinates(p));
  console.Out(text);
  return kExitOk;
}

}  // namespace

int RunGazetteer(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Places: import a GeoNames country file into an archive, or look at the gazetteer "
      "shipped with Sijill (places extraction recognizes).",
      "sijill gazetteer"};
  ConfigureApp(app);
  app.require_subcommand(1);
  GazetteerArgs a;
  auto* import = app.add_subcommand(
      "import",
      "Add the places of a GeoNames country dump (e.g. SY.txt: 19 tab-separated columns) as "
      "place entities with their Latin and Arabic names and coordinates, in one transaction; "
      "places already in the archive (same GeoNames id, or same name within 5 km) are "
      "skipped. A bad line stops the import: nothing is written.");
  import->add_option("archive", a.dir, "The archive")->required();
  import->add_option("file", a.file, "The GeoNames dump (UTF-8, tab-separated)")->required();
  import
      ->add_option("--min-population", a.min_population,
                   "Leave out places with a smaller population (default 0: keep all)")
      ->check(CLI::NonNegativeNumber);
  import->add_option("--feature-classes", a.feature_classes,
                     "Keep only these GeoNames feature classes, e.g. P,A,S (default: all)");
  AddPassphraseFileOption(*import, &a.passphrase_file);
  auto* list = app.add_subcommand("list",
                                  "List the built-in gazetteer: id, kind, name, "
                                  "Arabic name, approximate coordinates");
  list->add_flag("--json", a.json, "Print JSON");
  auto* show = app.add_subcommand("show", "Show the built-in place a name (any spelling) means");
  show->add_option("name", a.name, "A place name in Latin or Arabic script")->required();
  show->add_flag("--json", a.json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (import->parsed()) return Import(console, *import, a);
  if (list->parsed()) return List(console, a);
  return Show(console, a);
}

}  // namespace sijill::cli
