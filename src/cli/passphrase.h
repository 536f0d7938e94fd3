// Passphrases for an archive's key file, from where the user keeps them — never from
// the command line, where other processes and shell histories would see them:
//   1. --passphrase-file F (the command's option), else
//   2. the file named by $SIJILL_PASSPHRASE_FILE, else
//   3. the terminal (/dev/tty, echo off), asked twice when a new one is being set.
// A file's first line is the passphrase (its line break dropped). The text is NFC-
// normalized, so that the same Arabic passphrase typed on two keyboards opens the
// archive. The result lives in secret memory; intermediate copies are wiped.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

#include "base/status.h"
#include "store/archive.h"
#include "vault/secret.h"

namespace sijill::cli {

struct PassphraseRequest {
  std::string prompt = "Passphrase";  // shown on the terminal, with ": "
  bool confirm = false;               // a new passphrase: ask twice on a terminal
  std::optional<std::string> file;    // --passphrase-file
};

// Errors: kInvalidArgument for an empty passphrase, one not valid UTF-8, two terminal
// entries that differ, or no file given and no terminal to ask on; kNotFound / kIOError
// naming the file.
base::Result<vault::SecretBytes> ReadPassphrase(const PassphraseRequest& request);

// The archive's master key: the one it was opened with if it is encrypted, else asks
// for its passphrase (as ReadPassphrase) and unlocks the key file. Errors: those of
// ReadPassphrase and Archive::Unlock ("wrong passphrase").
base::Result<vault::SecretBytes> UnlockArchive(store::Archive& archive,
                                               const std::optional<std::string>& file);

// Opens the archive at `dir`; for an encrypted one, asks for the passphrase (as
// ReadPassphrase, from `file` if given). Errors: those of Archive::Open.
base::Result<std::unique_ptr<store::Archive>> OpenArchive(const std::string& dir,
                                                          store::OpenMode mode,
                                                          const std::optional<std::string>& file);

// Adds the --passphrase-file option every command that opens an archive takes.
void AddPassphraseFileOption(CLI::App& app, std::optional<std::string>* file);

}  // namespace sijill::cli
