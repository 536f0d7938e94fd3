#include "ingest/add.h"

#include <fcntl.h>
#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

#include "base/clock.h"
#include "ingest/document_text.h"
#include "ingest/reader.h"
#include "text/segment.h"
#include "vault/custody.h"
#include "vault/sha256.h"

namespace sijill::ingest {
namespace {

namespace fs = std::filesystem;
constexpr size_t kCopyChunk = 1 << 20;

// Copies the file at `path` into a new blob, hashing it on the way.
base::Result<store::BlobWriter::Committed> StoreOriginal(store::BlobStore& blobs,
                                                         const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return base::Error(
        base::Status::IOError(fmt::format("{}: {}", path.string(), std::strerror(errno))));
  }
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  ASSIGN_OR_RETURN(auto writer, blobs.NewBlob());
  std::vector<char> buffer(kCopyChunk);
  while (true) {
    ssize_t n = ::read(fd, buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      return base::Error(base::Status::IOError(
          fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno))));
    }
    if (n == 0) break;
    TRY(writer->Append(std::string_view(buffer.data(), static_cast<size_t>(n))));
  }
  return writer->Commit();
}

// The SHA-256 of the file at `path`.
base::Result<std::string> HashFile(const fs::path& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    return base::Error(
        base::Status::IOError(fmt::format("{}: {}", path.string(), std::strerror(errno))));
  }
  vault::Sha256 hash;
  std::vector<char> buffer(kCopyChunk);
  ssize_t n;
  while ((n = ::read(fd, buffer.data(), buffer.size())) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      ::close(fd);
      return base::Error(base::Status::IOError(
          fmt::format("{}: cannot read: {}", path.string(), std::strerror(errno))));
    }
    hash.Update(std::string_view(buffer.data(), static_cast<size_t>(n)));
  }
  ::close(fd);
  return hash.FinishHex();
}

// Receives normalized text and passages: text goes to the text blob, passages to the
// open transaction.
class IntakeSink : public text::PassageSink {
 public:
  IntakeSink(store::BlobWriter& text_blob, store::WriteTransaction& txn, const base::Id& source)
      : text_blob_(text_blob), txn_(txn), source_(source) {}
  base::Status OnText(std::string_view chunk) override { return text_blob_.Append(chunk); }
  base::Status OnPassage(const text::Passage& p) override {
    return txn_.AddPassage({source_, p.ordinal, p.cp_begin, p.cp_end, p.text});
  }

 private:
  store::BlobWriter& text_blob_;
  store::WriteTransaction& txn_;
  base::Id source_;
};

// Fills the record's metadata: the file's own first, then the user's overrides.
base::Status ApplyMetadata(const FileMetadata& meta, const SourceOverrides& o, const fs::path& path,
                           store::SourceRecord* r) {
  r->title = o.title ? o.title : meta.title;
  r->language = o.language ? o.language : meta.language;
  r->place = o.place ? o.place : meta.place;
  r->witness = o.witness ? o.witness : meta.witness;
  if (o.kind) r->kind = *o.kind;
  if (o.access) r->access = *o.access;
  if (o.document_date) {
    ASSIGN_OR_RETURN(r->document_date, ValidateDocumentDate(*o.document_date));
  } else {
    ASSIGN_OR_RETURN(r->document_date, FileDocumentDate(meta, path));
  }
  return base::Status::Ok();
}

// Extracts, segments and indexes the stored original inside one transaction.
// The custody entry of a source taken in: by whom, when, and the hashes of its
// original and of its extracted text.
base::Status LogIntake(store::Store& store, store::WriteTransaction& txn,
                       const store::SourceRecord& record, const Intake& intake) {
  vault::CustodyEntry e;
  ASSIGN_OR_RETURN(e.archive, store.ArchiveId());
  e.time = intake.now_utc;
  e.actor = intake.actor;
  e.action = "source.add";
  e.objects = {{"source", record.id.ToString()}};
  e.hashes = {{"original_sha256", record.sha256}, {"text_sha256", record.text_sha256}};
  std::string bytes = vault::CanonicalBytes(e);
  auto appended = txn.AppendCustody(bytes, vault::CustodyLeafHashHex(bytes));
  return appended ? base::Status::Ok() : appended.error();
}

base::Result<store::SourceRecord> Extract(store::Archive& archive, const fs::path& path,
                                          const fs::path& stored, Format format,
                                          store::SourceRecord record,
                                          const SourceOverrides& overrides, const Intake& intake,
                                          bool recheck) {
  ASSIGN_OR_RETURN(auto txn, archive.store().BeginWrite());
  TRY(txn->AddSource(record));
  ASSIGN_OR_RETURN(auto text_blob, archive.blobs().NewBlob());
  IntakeSink sink(*text_blob, *txn, record.id);
  auto read = ReadSegmented(stored, format, sink);
  if (!read) {
    // The reader names the stored copy; the user knows the file by its own name.
    std::string message = read.error().message();
    if (message.starts_with(stored.string())) {
      message.replace(0, stored.string().size(), path.string());
    }
    return base::Error(base::Status(read.error().code(), message));
  }
  ASSIGN_OR_RETURN(auto text, text_blob->Commit());
  record.text_sha256 = text.sha256;
  record.text_length = read->text_length;
  record.passage_count = read->passage_count;
  TRY(ApplyMetadata(read->metadata, overrides, path, &record));
  TRY(txn->UpdateSource(record));
  TRY(LogIntake(archive.store(), *txn, record, intake));
  if (recheck) {  // read from the user's file: it must still be what was stored
    ASSIGN_OR_RETURN(std::string now, HashFile(stored));
    if (now != record.sha256) {
      return base::Error(base::Status::InvalidArgument(fmt::format(
          "{}: the file changed while it was being added; add it again", path.string())));
    }
  }
  TRY(txn->Commit());
  return record;
}

bool AllDigits(std::string_view s) {
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return !s.empty();
}

}  // namespace

base::Result<std::string> ValidateDocumentDate(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  auto bad = [&] {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("\"{}\" is not a date (use YYYY, YYYY-MM or YYYY-MM-DD)", std::string(value))));
  };
  if (value.size() != 4 && value.size() != 7 && value.size() != 10) return bad();
  if (!AllDigits(value.substr(0, 4))) return bad();
  if (value.size() >= 7) {
    if (value[4] != '-' || !AllDigits(value.substr(5, 2))) return bad();
    int month = std::stoi(std::string(value.substr(5, 2)));
    if (month < 1 || month > 12) return bad();
    if (value.size() == 10) {
      if (value[7] != '-' || !AllDigits(value.substr(8, 2))) return bad();
      int year = std::stoi(std::string(value.substr(0, 4)));
      int day = std::stoi(std::string(value.substr(8, 2)));
      static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
      bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
      int max_day = month == 2 && !leap ? 28 : kDays[month - 1];
      if (day < 1 || day > max_day) return bad();
    }
  }
  return std::string(value);
}

base::Result<std::optional<std::string>> FileDocumentDate(const FileMetadata& metadata,
                                                          const fs::path& path) {
  if (!metadata.interviewed) return std::optional<std::string>();
  auto date = ValidateDocumentDate(*metadata.interviewed);
  if (!date) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("{}: header field Interviewed: {}", path.string(), date.error().message())));
  }
  return std::optional<std::string>(std::move(*date));
}

Intake Intake::Now() { return Intake{vault::CurrentActor(), base::NowUtc()}; }

base::Result<AddResult> AddFile(store::Archive& archive, const fs::path& path,
                                const SourceOverrides& overrides, const Intake& intake) {
  ASSIGN_OR_RETURN(Format format, DetectFormat(path));
  ASSIGN_OR_RETURN(auto original, StoreOriginal(archive.blobs(), path));
  ASSIGN_OR_RETURN(auto existing, archive.store().FindSourceBySha256(original.sha256));
  if (existing) return AddResult{AddResult::Outcome::kDuplicate, std::move(*existing)};

  store::SourceRecord record;
  record.id = base::Id::Random();
  record.sha256 = original.sha256;
  record.size = original.size;
  record.format = FormatName(format);
  record.original_name = path.filename().string();
  record.added_at = intake.now_utc;
  // Extract from the stored copy where the store keeps a plain one; else (an encrypted
  // store) from the user's file, checked to be the bytes that were stored.
  std::optional<fs::path> stored = archive.blobs().LocalPath(original.sha256);
  auto added = Extract(archive, path, stored.value_or(path), format, std::move(record), overrides,
                       intake, !stored.has_value());
  if (!added) {
    // Undo our blob, so a failed file leaves nothing behind. A blob that existed before
    // (an earlier failed or killed attempt) is left alone.
    if (original.created) (void)archive.blobs().Remove(original.sha256);
    return base::Error(added.error());
  }
  return AddResult{AddResult::Outcome::kAdded, std::move(*added)};
}

}  // namespace sijill::ingest
