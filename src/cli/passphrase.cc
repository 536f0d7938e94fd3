#include "cli/passphrase.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <sodium.h>
#include <termios.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>

#include "base/utf8.h"
#include "store/archive_keys.h"
#include "text/normalize.h"

namespace sijill::cli {
namespace {

constexpr size_t kMaxPassphrase = 4096;

// A std::string wiped when it goes out of scope.
struct WipedString {
  std::string text;
  ~WipedString() { sodium_memzero(text.data(), text.size()); }
};

// Reads one line from `fd` (without its line break), at most kMaxPassphrase bytes.
base::Result<bool> ReadLine(int fd, WipedString* line) {
  line->text.reserve(kMaxPassphrase + 1);
  char c;
  while (true) {
    ssize_t n = ::read(fd, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return base::Error(base::Status::IOError(std::strerror(errno)));
    if (n == 0) return !line->text.empty();
    if (c == '\n') return true;
    if (line->text.size() >= kMaxPassphrase)
      return base::Error(base::Status::InvalidArgument("the passphrase is too long"));
    line->text.push_back(c);
  }
}

base::Result<vault::SecretBytes> Finish(WipedString& raw, const std::string& where) {
  if (!raw.text.empty() && raw.text.back() == '\r') raw.text.pop_back();
  if (raw.text.empty())
    return base::Error(base::Status::InvalidArgument(where + ": the passphrase is empty"));
  if (!base::IsValidUtf8(raw.text))
    return base::Error(base::Status::InvalidArgument(where + ": the passphrase is not UTF-8"));
  WipedString nfc{text::ToNfc(raw.text)};
  return vault::SecretBytes::CopyOf(
      std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(nfc.text.data()), nfc.text.size()));
}

base::Result<vault::SecretBytes> FromFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    auto status = errno == ENOENT ? base::Status::NotFound(path + ": no such file")
                                  : base::Status::IOError(path + ": " + std::strerror(errno));
    return base::Error(status);
  }
  WipedString line;
  auto read = ReadLine(fd, &line);
  ::close(fd);
  if (!read)
    return base::Error(base::Status(read.error().code(), path + ": " + read.error().message()));
  return Finish(line, path);
}

// Asks once on the terminal with echo off.
base::Result<bool> AskTerminal(int tty, const std::string& prompt, WipedString* answer) {
  std::string shown = prompt + ": ";
  (void)!::write(tty, shown.data(), shown.size());
  termios saved{};
  bool restore = ::tcgetattr(tty, &saved) == 0;
  if (restore) {
    termios quiet = saved;
    quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
    ::tcsetattr(tty, TCSAFLUSH, &quiet);
  }
  auto read = ReadLine(tty, answer);
  if (restore) ::tcsetattr(tty, TCSAFLUSH, &saved);
  (void)!::write(tty, "\n", 1);
  return read;
}

base::Result<vault::SecretBytes> FromTerminal(const PassphraseRequest& request) {
  int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC | O_NOCTTY);
  if (tty < 0) {
    return base::Error(base::Status::InvalidArgument(
        "no passphrase: give --passphrase-file F or set SIJILL_PASSPHRASE_FILE (there is no "
        "terminal to ask on)"));
  }
  WipedString first, second;
  auto read = AskTerminal(tty, request.prompt, &first);
  if (read && request.confirm) read = AskTerminal(tty, request.prompt + " (again)", &second);
  ::close(tty);
  if (!read) return base::Error(read.error());
  if (request.confirm && first.text != second.text)
    return base::Error(base::Status::InvalidArgument("the two passphrases differ"));
  return Finish(first, "terminal");
}

}  // namespace

base::Result<vault::SecretBytes> ReadPassphrase(const PassphraseRequest& request) {
  if (request.file) return FromFile(*request.file);
  if (const char* env = std::getenv("SIJILL_PASSPHRASE_FILE"); env != nullptr && *env != '\0')
    return FromFile(env);
  return FromTerminal(request);
}

base::Result<vault::SecretBytes> UnlockArchive(store::Archive& archive,
                                               const std::optional<std::string>& file) {
  if (const vault::SecretBytes* master = archive.master_key())
    return vault::SecretBytes::CopyOf(master->span());
  ASSIGN_OR_RETURN(auto passphrase,
                   ReadPassphrase({"Passphrase for " + archive.dir().string(), false, file}));
  return archive.Unlock(passphrase);
}

base::Result<std::unique_ptr<store::Archive>> OpenArchive(const std::string& dir,
                                                          store::OpenMode mode,
                                                          const std::optional<std::string>& file) {
  return store::Archive::Open(
      dir, mode, [&](const std::filesystem::path& d) -> base::Result<vault::SecretBytes> {
        ASSIGN_OR_RETURN(auto key_file, store::ReadKeyFile(d));
        ASSIGN_OR_RETURN(auto passphrase, ReadPassphrase({"Passphrase for " + dir, false, file}));
        return key_file.Unlock(passphrase.chars());
      });
}

void AddPassphraseFileOption(CLI::App& app, std::optional<std::string>* file) {
  app.add_option("--passphrase-file", *file,
                 "Read the archive's passphrase from the first line of this file (or set "
                 "SIJILL_PASSPHRASE_FILE); without either, it is asked on the terminal");
}

}  // namespace sijill::cli
