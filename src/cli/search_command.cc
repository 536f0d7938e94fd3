#include <fmt/format.h>

#include "base/utf8.h"
#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
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
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto query = text::ParseSearchQuery(query_text);
  if (!query) {
    console.Err(fmt::format("sijill search: {}\n", query.error().message()));
    return kExitUsage;
  }
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto hits = (*archive)->store().search().Search(*query, limit, offset);
  if (!hits) return Fail(console, hits.error());

  if (json) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& h : *hits) out.push_back(SearchHitJson(h));
    console.Out(DumpJson(out));
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
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
