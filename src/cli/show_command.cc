#include <fmt/format.h>

#include <charconv>

#include "cli/command.h"
#include "cli/json_records.h"
#include "cli/passphrase.h"
#include "cli/source_ref.h"
#include "store/archive.h"

namespace sijill::cli {
namespace {

std::string MetadataText(const store::SourceRecord& s) {
  std::string text = fmt::format("source    {}\n", s.id.ToString());
  auto line = [&](const char* key, const std::optional<std::string>& value) {
    if (value) text += fmt::format("{:<9} {}\n", key, *value);
  };
  line("title", s.title);
  line("kind", s.kind);
  line("language", s.language);
  line("date", s.document_date);
  line("place", s.place);
  line("witness", s.witness);
  text += fmt::format("{:<9} {}\n", "access", store::AccessLevelName(s.access));
  text += fmt::format("{:<9} {} ({}, {} bytes)\n", "file", s.original_name, s.format, s.size);
  text += fmt::format("{:<9} {}\n", "sha256", s.sha256);
  text += fmt::format("{:<9} {}\n", "added", s.added_at);
  text += fmt::format("{:<9} {}\n", "passages", s.passage_count);
  return text;
}

}  // namespace

int RunShow(Console& console, std::span<const std::string> args) {
  CLI::App app{"Show a source's metadata and its passages.", "sijill show"};
  ConfigureApp(app);
  std::string dir, ref;
  std::optional<uint32_t> passage;
  bool json = false;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("source", ref,
                 "Source id, or a unique prefix of at least 4 characters; ID:N (as search "
                 "prints it) shows passage N")
      ->required();
  app.add_option("--passage", passage, "Show only passage N (numbered from 0)");
  app.add_flag("--json", json, "Print JSON");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (auto colon = ref.find(':'); colon != std::string::npos) {
    uint32_t n = 0;
    std::string_view digits = std::string_view(ref).substr(colon + 1);
    auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || passage) {
      console.Err(fmt::format("sijill show: '{}' is not SOURCE or SOURCE:PASSAGE\n", ref));
      return kExitUsage;
    }
    passage = n;
    ref.resize(colon);
  }

  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto& store = (*archive)->store();
  auto id = ResolveSource(store, ref);
  if (!id) return Fail(console, id.error());
  auto source = store.GetSource(*id);
  if (!source) return Fail(console, source.error());
  if (passage && *passage >= source->passage_count) {
    return Fail(console, base::Status::NotFound(
                             fmt::format("source {} has passages 0 to {}; there is no passage {}",
                                         source->id.Short(), source->passage_count - 1, *passage)));
  }
  auto passages = store.GetPassages(*id, passage);
  if (!passages) return Fail(console, passages.error());

  if (json) {
    nlohmann::json out = SourceJson(*source);
    out["passages"] = nlohmann::json::array();
    for (const auto& p : *passages) out["passages"].push_back(PassageJson(p));
    console.Out(DumpJson(out));
    return kExitOk;
  }
  std::string text = passage ? std::string() : MetadataText(*source) + "\n";
  for (const auto& p : *passages) {
    text += fmt::format("[{}] {}\n\n", p.ordinal, p.text);
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
