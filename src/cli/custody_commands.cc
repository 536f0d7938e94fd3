// sijill checkpoint / prove / verify-proof: signing the custody log, and proofs that
// others check without the archive.
#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "base/clock.h"
#include "cli/command.h"
#include "cli/passphrase.h"
#include "cli/source_ref.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "store/custody_proofs.h"
#include "store/custody_tree.h"
#include "vault/checkpoint.h"
#include "vault/custody.h"
#include "vault/proof.h"

namespace sijill::cli {
namespace {

base::Result<std::string> ReadWhole(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Error(base::Status::NotFound(path + ": cannot open"));
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// Writes `text` to `path`, or to stdout when `path` is empty.
int Emit(Console& console, const std::string& path, const std::string& text) {
  if (path.empty()) {
    console.Out(text);
    return kExitOk;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.flush();
  if (!out) return Fail(console, base::Status::IOError(path + ": cannot write"));
  return kExitOk;
}

}  // namespace

int RunCheckpoint(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Sign the custody log's current state (its size and Merkle root) with the "
      "archive's key, so that later proofs can show what the archive held then. Asks "
      "for the passphrase.",
      "sijill checkpoint"};
  ConfigureApp(app);
  std::string dir;
  std::optional<std::string> passphrase_file;
  app.add_option("archive", dir, "The archive")->required();
  AddPassphraseFileOption(app, &passphrase_file);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto archive = OpenArchive(dir, store::OpenMode::kReadWrite, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  auto id = store.ArchiveId();
  if (!id) return Fail(console, id.error());
  auto master = UnlockArchive(**archive, passphrase_file);
  if (!master) return Fail(console, master.error());
  auto key = store::ArchiveSigningKey(*master, *id);
  if (!key) return Fail(console, key.error());
  auto recorded = (*archive)->VerifierKey();
  if (!recorded) return Fail(console, recorded.error());
  if (key->VerifierKeyText() != *recorded) {
    return Fail(console, base::Status::Corruption(
                             "the key file's signing key is not the one this archive recorded"));
  }
  auto tree = store::LoadCustodyTree(store);
  if (!tree) return Fail(console, tree.error());
  auto checkpoints = store.ListCheckpoints();
  if (!checkpoints) return Fail(console, checkpoints.error());
  vault::Checkpoint c{store::LogOrigin(*id), tree->size(), tree->Root()};
  std::string root = vault::HashToHex(c.root);
  if (!checkpoints->empty() && checkpoints->back().size == c.size) {
    console.Err(
        fmt::format("The custody log ({} entries) is already signed at this size.\n", c.size));
    return kExitOk;
  }
  std::string note = vault::SignCheckpoint(c, *key);
  auto txn = store.BeginWrite();
  if (!txn) return Fail(console, txn.error());
  if (auto s = (*txn)->AddCheckpoint({c.size, root, note, base::NowUtc()}); !s.ok())
    return Fail(console, s);
  if (auto s = (*txn)->Commit(); !s.ok()) return Fail(console, s);
  console.Out(note);
  console.Err(fmt::format("Signed a checkpoint of {} custody log entries.\n", c.size));
  return kExitOk;
}

namespace {

// The consistency proof from the checkpoint of size `old_size` to the latest one.
int ProveExtends(Console& console, store::Store& store, uint64_t old_size,
                 const std::string& output) {
  auto checkpoints = store.ListCheckpoints();
  if (!checkpoints) return Fail(console, checkpoints.error());
  const store::CheckpointRecord* old_cp = nullptr;
  for (const auto& c : *checkpoints) {
    if (c.size == old_size) old_cp = &c;
  }
  if (old_cp == nullptr) {
    return Fail(console, base::Status::NotFound(
                             fmt::format("no checkpoint of size {} (see the custody log's "
                                         "checkpoints with 'sijill verify')",
                                         old_size)));
  }
  // From the stored tree: the proof is only written if it leads to both signed roots.
  auto proof = store::ProveConsistency(store, old_cp->note, checkpoints->back().note);
  if (!proof) return Fail(console, proof.error());
  return Emit(console, output, *proof);
}

}  // namespace

int RunProve(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Write a proof that a source was in the archive at the latest checkpoint: its "
      "custody log entry, the Merkle path to the checkpoint's root, and the signed "
      "checkpoint. With --extends N instead, a proof that the latest checkpoint extends the "
      "checkpoint of N entries (nothing was changed or removed since). 'sijill "
      "verify-proof' (or any RFC 9162 verifier) checks either with the archive's public key "
      "alone.",
      "sijill prove"};
  ConfigureApp(app);
  std::string dir, ref, output;
  std::optional<uint64_t> extends;
  app.add_option("archive", dir, "The archive")->required();
  std::optional<std::string> passphrase_file;
  AddPassphraseFileOption(app, &passphrase_file);
  auto* source = app.add_option("source", ref, "The source (its id or a unique prefix)");
  auto* ext = app.add_option("--extends", extends,
                             "Prove the latest checkpoint extends the checkpoint of this size");
  source->excludes(ext);
  app.add_option("-o,--output", output, "Write the proof to this file (default: stdout)");
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (ref.empty() && !extends) {
    console.Err("sijill prove: give a source, or --extends N\n");
    return kExitUsage;
  }

  auto archive = OpenArchive(dir, store::OpenMode::kReadOnly, passphrase_file);
  if (!archive) return Fail(console, archive.error());
  store::Store& store = (*archive)->store();
  if (extends) return ProveExtends(console, store, *extends, output);
  auto id = ResolveSource(store, ref);
  if (!id) return Fail(console, id.error());
  auto entry = store::FindSourceEntry(store, id->ToString());
  if (!entry) return Fail(console, entry.error());
  if (!*entry) {
    return Fail(console, base::Status::NotFound(fmt::format(
                             "source {} has no custody log entry (added before the log existed)",
                             id->Short())));
  }
  auto checkpoints = store.ListCheckpoints();
  if (!checkpoints) return Fail(console, checkpoints.error());
  if (checkpoints->empty() || checkpoints->back().size <= (*entry)->index) {
    return Fail(console, base::Status::NotFound(
                             fmt::format("no checkpoint covers source {} yet; run 'sijill "
                                         "checkpoint {}' first",
                                         id->Short(), dir)));
  }
  // From the stored tree: the proof is only written if it leads from the entry's own
  // hash to the signed root.
  auto proof = store::ProveInclusion(store, **entry, checkpoints->back().note);
  if (!proof) return Fail(console, proof.error());
  return Emit(console, output, *proof);
}

int RunVerifyProof(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "Check a proof written by 'sijill prove' against an archive's public key (from "
      "'sijill key public'). Needs no archive and no passphrase.",
      "sijill verify-proof"};
  ConfigureApp(app);
  std::string proof_path, key_path;
  app.add_option("proof", proof_path, "The proof file (JSON)")->required();
  app.add_option("--key", key_path, "The archive's public key file")->required();
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;

  auto proof = ReadWhole(proof_path);
  if (!proof) return Fail(console, proof.error());
  auto key = ReadWhole(key_path);
  if (!key) return Fail(console, key.error());
  std::string vkey = *key;
  while (!vkey.empty() && (vkey.back() == '\n' || vkey.back() == '\r')) vkey.pop_back();
  auto proven = vault::VerifyProofDocument(*proof, vkey);
  if (!proven) {
    return Fail(console,
                base::Status(proven.error().code(), proof_path + ": " + proven.error().message()));
  }
  std::string text = "valid: " + vault::DescribeProven(*proven) + "\n";
  if (const auto* inclusion = std::get_if<vault::ProvenInclusion>(&*proven)) {
    // What the proven entry says, for people (it is canonical JSON, see vault/custody.h).
    if (auto e = vault::ParseCustodyEntry(inclusion->entry)) {
      text += fmt::format("  action   {}\n  time     {}\n  actor    {}\n", e->action, e->time,
                          e->actor);
      for (const auto& [k, v] : e->objects) text += fmt::format("  {:<8} {}\n", k, v);
      for (const auto& [k, v] : e->hashes) text += fmt::format("  {} {}\n", k, v);
    }
  }
  console.Out(text);
  return kExitOk;
}

}  // namespace sijill::cli
