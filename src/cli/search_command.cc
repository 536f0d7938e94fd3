#include <fmt/format.h>

#include "base/utf8.h"
#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "curate/disclosure.h"
#include "store/archive.h"
#include "text/search_query.h"

namespace sijill::cli {
namespace {

// The snippet with its marks shown: bold on a terminal, [brackets] elsewhere.
std::string MarkedSnippet(const store::SearchHit& hit, bool terminal) {
  const std::string_view open = terminal ? "\x1b[1;33m" : "[";
  const std::string_view close = terminal ? "\x1b[0m" : "]";
  std::string out;
  size_t cp = 0, mark = 0;
  std::string_view s = hit.snippet;
  for (size_t pos = 0; pos < s.size();) {
    if (mark < hit.marks.size() && cp == hit.marks[mark].first) out += open;
    size_t start = pos;
    base::DecodeAt(s, &pos);
    char32_t c = static_cast<unsigned char>(s[start]);
    out += (c == '\n') ? std::string_view(" ") : s.substr(start, pos - start);
    ++cp;
    if (mark < hit.marks.size() && cp == hit.marks[mark].second) {
      out += close;
      ++mark;
    }
  }
  return out;
}

}  // namespace

int RunSearch(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Search the archive's passages. Words must all occur; \"a phrase\", word*, "
      "a OR b and -word are understood. Arabic and Latin spellings are matched "
      "without diacritics, case or letter-form differences.",
      "sijill search"};
  ConfigureApp(app);
  std::string dir, query_text;
  size_t limit = 20, offset = 0;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("query", query_text, "What to search for")->required();
  app.add_option("--limit", limit, "Most passages to show (default 20)")
      ->check(CLI::Range(size_t{1}, size_t{10000}));
  app.add_option("--offset", offset, "Skip this many of the best passages first");
  app.add_flag("--json", json, "Print a JSON array");
  std::string level_name = "confidential";
  app.add_option("--level", level_name,
                 "Show only what a reader at this level may see: public or restricted hides "
                 "passages of sources above it and replaces protected persons' names with "
                 "pseudonyms (default: confidential, everything)")
      ->check(CLI::IsMember({"public", "restricted", "confidential"}));
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  const store::AccessLevel level = *store::ParseAccessLevel(level_name);

  auto query = text::ParseSearchQuery(query_text);
  if (!query) {
    console.Err(fmt::format("sijill search: {}\n", query.error().message()));
    return kExitUsage;
  }
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto disclosure = curate::Disclosure::At(store, level);
  if (!disclosure) return Fail(console, disclosure.error());
  // Below the confidential level a protected name is not searchable: which passages
  // match it would tell where the person is mentioned, even with the name redacted.
  if (disclosure->redacts() && !disclosure->CheckNoLeak(query_text, "search").ok()) {
    return Fail(console, base::Status::PermissionDenied(fmt::format(
                             "the query names a protected person, which cannot be searched "
                             "at the {} level",
                             level_name)));
  }
  auto hits = store.search().Search(*query, limit, offset);
  if (!hits) return Fail(console, hits.error());
  size_t withheld = 0;
  if (level != store::AccessLevel::kConfidential) {
    // Passages of sources above the level are dropped, and the rest redacted. A snippet
    // whose text redaction changed loses its marks: they counted characters of the
    // original words.
    std::vector<store::SearchHit> shown;
    for (auto& h : *hits) {
      auto source = store.GetSource(h.source);
      if (!source) return Fail(console, source.error());
      if (!disclosure->Shows(source->access)) {
        ++withheld;
        continue;
      }
      std::string snippet = disclosure->Text(h.snippet);
      if (snippet != h.snippet) h.marks.clear();
      h.snippet = std::move(snippet);
      if (h.source_title) h.source_title = disclosure->Text(*h.source_title);
      shown.push_back(std::move(h));
    }
    *hits = std::move(shown);
  }
  if (withheld > 0) {
    console.Err(fmt::format("{} passage(s) of sources above the {} level withheld\n", withheld,
                            level_name));
  }

  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : *hits) out.push_back(SearchHitJson(h));
    std::string printed = DumpJson(out);
    if (auto s = disclosure->CheckNoLeak(printed, "search"); !s.ok()) return Fail(console, s);
    console.Out(printed);
    return kExitOk;
  }
  if (hits->empty()) {
    console.Err(fmt::format("No passage matches {}.\n", query_text));
    return kExitOk;
  }
  std::string text;
  for (const auto& h : *hits) {
    text += fmt::format("{}:{}  {}\n    {}\n\n", h.source.Short(), h.ordinal,
                        h.source_title.value_or(""), MarkedSnippet(h, console.out_is_tty()));
  }
  if (auto s = disclosure->CheckNoLeak(text, "search"); !s.ok()) return Fail(console, s);
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
