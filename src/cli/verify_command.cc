// sijill verify: the whole-archive check of store/verify_archive.h, reported.
#include <fmt/format.h>

#include <fstream>

#include "cli/command.h"
#include "cli/passphrase.h"
#include "store/archive.h"
#include "store/verify_archive.h"

namespace sijill::cli {

int RunVerify(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Check the whole archive: authenticate every page of an encrypted database, "
      "check its structure, re-read and re-hash every original and text, recompute "
      "the custody log's Merkle tree and check every signed checkpoint against it. "
      "Reports each problem with its object; exits 1 if there is any.",
      "sijill verify"};
  ConfigureApp(app);
  std::string dir, key_path;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  app.add_option("--key", key_path,
                 "Check checkpoints against this public key file (a copy kept outside the "
                 "archive) instead of the key the archive records");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  std::optional<std::string> vkey;
  if (!key_path.empty()) {
    std::ifstream in(key_path);
    std::string line;
    if (!in || !std::getline(in, line))
      return Fail(console, base::Status::NotFound(key_path + ": cannot read"));
    vkey = line;
  }
  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto report = store::VerifyArchive(**archive, vkey);
  if (!report) return Fail(console, report.error());
  if (!report->problems.empty()) {
    std::string text;
    for (const auto& p : report->problems) text += "problem: " + p + "\n";
    console.Out(text);
    console.Err(fmt::format("sijill: error: {} problem{} found in {}\n", report->problems.size(),
                            report->problems.size() == 1 ? "" : "s", dir));
    return kExitFailed;
  }
  console.Out(
      fmt::format("ok: {} sources, {} blobs, {} custody log entries, database intact{}\n",
                  report->sources, report->blobs, report->custody_entries,
                  report->checkpoints_checked
                      ? fmt::format(", {} checkpoint{} signed and consistent", report->checkpoints,
                                    report->checkpoints == 1 ? "" : "s")
                      : " (no signing key: checkpoints not checked)"));
  return kExitOk;
}

}  // namespace sijill::cli
