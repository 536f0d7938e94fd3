// sijill key public|list|add|remove and sijill passphrase change: the archive's key file.
// Adding, removing or changing a passphrase re-wraps only the master key; no data is
// re-encrypted. Each change is a custody log entry.
#include <fmt/format.h>

#include "base/clock.h"
#include "cli/command.h"
#include "cli/passphrase.h"
#include "store/archive.h"
#include "store/archive_keys.h"
#include "vault/custody.h"

namespace sijill::cli {
namespace {

struct KeyArgs {
  std::string dir;
  std::optional<std::string> passphrase_file, new_passphrase_file;
  uint32_t slot = 0;
};

// Logs `action` and replaces the key file, in that transaction: if the key file cannot
// be written, nothing is logged.
base::Status Record(store::Archive& archive, const vault::KeyFile& key_file,
                    std::string_view action, std::map<std::string, std::string> objects) {
  store::Store& store = archive.store();
  vault::CustodyEntry e;
  ASSIGN_OR_RETURN(e.archive, store.ArchiveId());
  e.time = base::NowUtc();
  e.actor = vault::CurrentActor();
  e.action = std::string(action);
  e.objects = std::move(objects);
  std::string bytes = vault::CanonicalBytes(e);
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  auto appended = txn->AppendCustody(bytes, vault::CustodyLeafHashHex(bytes));
  if (!appended) return appended.error();
  TRY(store::WriteKeyFile(archive.dir(), key_file));
  return txn->Commit();
}

int Public(Console& console, const KeyArgs& a) {
  auto archive = OpenArchive(a.dir, store::OpenMode::kReadOnly, a.passphrase_file);
  if (!archive) return Fail(console, archive.error());
  auto vkey = (*archive)->VerifierKey();
  if (!vkey) return Fail(console, vkey.error());
  console.Out(*vkey + "\n");
  return kExitOk;
}

int List(Console& console, const KeyArgs& a) {
  auto key_file = store::ReadKeyFile(a.dir);
  if (!key_file) return Fail(console, key_file.error());
  std::string text = "SLOT  ARGON2ID-OPS  MEMORY\n";
  for (const auto& slot : key_file->slots())
    text += fmt::format("{:>4}  {:>12}  {} MiB\n", slot.id, slot.cost.opslimit,
                        slot.cost.memlimit >> 20);
  console.Out(text);
  return kExitOk;
}

// Asks the current passphrase once: it opens an encrypted archive, proves the caller
// holds a slot, and (for a change) says which slot to replace.
int Change(Console& console, const KeyArgs& a, std::string_view what) {
  auto old_passphrase =
      ReadPassphrase({"Current passphrase for " + a.dir, false, a.passphrase_file});
  if (!old_passphrase) return Fail(console, old_passphrase.error());
  auto archive =
      store::Archive::Open(a.dir, store::OpenMode::kReadWrite,
                           [&](const std::filesystem::path& d) -> base::Result<vault::SecretBytes> {
                             ASSIGN_OR_RETURN(auto file, store::ReadKeyFile(d));
                             return file.Unlock(old_passphrase->chars());
                           });
  if (!archive) return Fail(console, archive.error());
  auto key_file = store::ReadKeyFile(a.dir);
  if (!key_file) return Fail(console, key_file.error());
  auto master = (*archive)->Unlock(*old_passphrase);  // only a holder may change slots
  if (!master) return Fail(console, master.error());
  if (what == "remove") {
    if (auto s = key_file->RemoveSlot(a.slot); !s.ok()) return Fail(console, s);
    auto s = Record(**archive, *key_file, "key.remove", {{"slot", std::to_string(a.slot)}});
    if (!s.ok()) return Fail(console, s);
    console.Err(fmt::format("Removed key slot {}.\n", a.slot));
    return kExitOk;
  }
  auto new_passphrase = ReadPassphrase({"New passphrase", true, a.new_passphrase_file});
  if (!new_passphrase) return Fail(console, new_passphrase.error());
  if (what == "add") {
    auto slot = key_file->AddSlot(*master, new_passphrase->chars(), vault::KdfCost::Default());
    if (!slot) return Fail(console, slot.error());
    auto s = Record(**archive, *key_file, "key.add", {{"slot", std::to_string(*slot)}});
    if (!s.ok()) return Fail(console, s);
    console.Err(fmt::format("Added key slot {}.\n", *slot));
    return kExitOk;
  }
  auto slot = key_file->ChangePassphrase(old_passphrase->chars(), new_passphrase->chars(),
                                         vault::KdfCost::Default());
  if (!slot) return Fail(console, slot.error());
  auto s = Record(**archive, *key_file, "passphrase.change", {{"slot", std::to_string(*slot)}});
  if (!s.ok()) return Fail(console, s);
  console.Err("Changed the passphrase.\n");
  return kExitOk;
}

void AddPassphraseOptions(CLI::App* sub, KeyArgs* a, bool with_new) {
  AddPassphraseFileOption(*sub, &a->passphrase_file);
  if (with_new)
    sub->add_option("--new-passphrase-file", a->new_passphrase_file,
                    "Read the new passphrase from this file");
}

}  // namespace

int RunKey(Console& console, std::span<const std::string> args) {
  CLI::App app{
      "The archive's keys: its public key for verifying proofs, and the passphrase "
      "slots of its key file.",
      "sijill key"};
  ConfigureApp(app);
  app.require_subcommand(1);
  KeyArgs a;
  auto* pub = app.add_subcommand("public", "Print the archive's public (verifier) key");
  pub->add_option("archive", a.dir, "The archive")->required();
  AddPassphraseOptions(pub, &a, false);
  auto* list = app.add_subcommand("list", "List the passphrase slots of the key file");
  list->add_option("archive", a.dir, "The archive")->required();
  auto* add = app.add_subcommand("add", "Add a passphrase (asks an existing one first)");
  add->add_option("archive", a.dir, "The archive")->required();
  AddPassphraseOptions(add, &a, true);
  auto* remove = app.add_subcommand("remove", "Remove a passphrase slot (not the last)");
  remove->add_option("archive", a.dir, "The archive")->required();
  remove->add_option("slot", a.slot, "The slot number ('sijill key list')")->required();
  AddPassphraseOptions(remove, &a, false);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  if (pub->parsed()) return Public(console, a);
  if (list->parsed()) return List(console, a);
  return Change(console, a, add->parsed() ? "add" : "remove");
}

int RunPassphrase(Console& console, std::span<const std::string> args) {
  CLI::App app{"Change a passphrase of the archive's key file (the data is not re-encrypted).",
               "sijill passphrase"};
  ConfigureApp(app);
  app.require_subcommand(1);
  KeyArgs a;
  auto* change = app.add_subcommand("change", "Replace a passphrase with a new one");
  change->add_option("archive", a.dir, "The archive")->required();
  AddPassphraseOptions(change, &a, true);
  if (int rc = ParseArgs(app, console, args); rc >= 0) return rc;
  return Change(console, a, "change");
}

}  // namespace sijill::cli
