#include <fmt/format.h>

#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "store/archive.h"
#include "vault/custody.h"

namespace sijill::cli {
namespace {

constexpr size_t kPage = 1000;  // entries read per query

// "source=01JD..." pairs, space-separated.
std::string Pairs(const std::map<std::string, std::string>& m, bool shorten) {
  std::string out;
  for (const auto& [k, v] : m) {
    if (!out.empty()) out += ' ';
    out += k + "=" + (shorten && v.size() > 16 ? v.substr(0, 16) : v);
  }
  return out;
}

}  // namespace

int RunLog(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Show the archive's custody log: every action that added or changed "
      "anything, who did it and when, with the content hashes it pinned. Entries are "
      "never changed or removed; 'sijill verify' checks them against the signed "
      "checkpoints.",
      "sijill log"};
  ConfigureApp(app);
  std::string dir;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_flag("--json", json, "Print a JSON array of entries (index, leaf_hash, entry)");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  nlohmann::json out = nlohmann::json::array();
  std::string text;
  for (uint64_t first = 0;; first += kPage) {
    auto page = store.GetCustody(first, kPage);
    if (!page) return Fail(console, page.error());
    for (const auto& r : *page) {
      auto entry = vault::ParseCustodyEntry(r.entry);
      if (!entry) {
        return Fail(console, base::Status::Corruption(fmt::format(
                                 "custody log entry {}: {}", r.index, entry.error().message())));
      }
      if (json) {
        out.push_back({{"index", r.index},
                       {"leaf_hash", r.leaf_hash},
                       {"entry", nlohmann::json::parse(r.entry)}});
      } else {
        text += fmt::format("{:>6}  {}  {:<14}  {:<12}  {}", r.index, entry->time, entry->action,
                            entry->actor, Pairs(entry->objects, false));
        if (!entry->hashes.empty()) text += "  " + Pairs(entry->hashes, true);
        text += "\n";
      }
    }
    if (page->size() < kPage) break;
  }
  console.Out(json ? DumpJson(out) : text);
  return kExitOk;
}

}  // namespace sijill::cli
