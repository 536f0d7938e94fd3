#include "export/output.h"

#include <fmt/format.h>

#include "base/id.h"

namespace sijill::exporter {
namespace fs = std::filesystem;

namespace {

// Leak checks read the output in chunks that overlap by this much, cut at a line break
// or space, so that a name is always seen whole in some chunk.
constexpr size_t kChunk = 8u << 20;
constexpr size_t kOverlap = 4096;

// The largest cut <= `at` that is a UTF-8 character boundary, at whitespace if one is
// near, so the check sees whole words.
size_t CutAt(const std::string& buf, size_t at) {
  size_t cut = at;
  for (size_t back = 0; back < 256 && cut > 0; ++back, --cut) {
    char c = buf[cut - 1];
    if (c == '\n' || c == ' ') return cut;
  }
  cut = at;
  while (cut > 0 && (static_cast<unsigned char>(buf[cut]) & 0xC0) == 0x80) --cut;
  return cut;
}

}  // namespace

StagedOutput::StagedOutput(fs::path destination, fs::path staging, Kind kind)
    : destination_(std::move(destination)), staging_(std::move(staging)), kind_(kind) {}

base::Result<std::unique_ptr<StagedOutput>> StagedOutput::Create(fs::path destination, Kind kind) {
  std::error_code ec;
  if (fs::exists(destination, ec)) {
    return base::Error(base::Status::AlreadyExists(fmt::format(
        "{}: already exists; exports never overwrite, choose another name", destination.string())));
  }
  fs::path parent = destination.parent_path().empty() ? fs::path(".") : destination.parent_path();
  fs::path staging = parent / fmt::format(".{}.partial-{}", destination.filename().string(),
                                          base::Id::Random().Short());
  if (!fs::create_directory(staging, ec)) {
    return base::Error(base::Status::IOError(
        fmt::format("{}: cannot create: {}", staging.string(), ec.message())));
  }
  return std::unique_ptr<StagedOutput>(new StagedOutput(destination, staging, kind));
}

StagedOutput::~StagedOutput() {
  std::error_code ec;
  files_.clear();
  scratch_.clear();
  fs::remove_all(staging_, ec);
}

base::Result<std::ostream*> StagedOutput::Open(const std::string& name) {
  std::string file = kind_ == Kind::kFile ? "output" : name;
  auto out = std::make_unique<std::ofstream>(staging_ / file, std::ios::binary);
  if (!*out) {
    return base::Error(
        base::Status::IOError(fmt::format("{}: cannot create", (staging_ / file).string())));
  }
  files_.emplace_back(file, std::move(out));
  return files_.back().second.get();
}

base::Result<std::fstream*> StagedOutput::OpenScratch(const std::string& name) {
  std::string file = "scratch-" + name;
  auto f = std::make_unique<std::fstream>(
      staging_ / file, std::ios::binary | std::ios::in | std::ios::out | std::ios::trunc);
  if (!*f) {
    return base::Error(
        base::Status::IOError(fmt::format("{}: cannot create", (staging_ / file).string())));
  }
  scratch_.emplace_back(file, std::move(f));
  return scratch_.back().second.get();
}

base::Status StagedOutput::CheckFile(const fs::path& path, const std::string& shown_name,
                                     const curate::Disclosure& policy) const {
  std::ifstream in(path, std::ios::binary);
  std::string buf;
  size_t base_offset = 0;  // file offset of buf[0]
  bool eof = false;
  while (!eof) {
    size_t have = buf.size();
    buf.resize(have + kChunk);
    in.read(buf.data() + have, static_cast<std::streamsize>(kChunk));
    buf.resize(have + static_cast<size_t>(in.gcount()));
    eof = !in;
    size_t cut = eof ? buf.size() : CutAt(buf, buf.size());
    std::string what =
        base_offset == 0 ? shown_name : fmt::format("{} (from byte {})", shown_name, base_offset);
    TRY(policy.CheckNoLeak(std::string_view(buf).substr(0, cut), what));
    if (eof) break;
    size_t keep_from = CutAt(buf, cut > kOverlap ? cut - kOverlap : 0);
    buf.erase(0, keep_from);
    base_offset += keep_from;
  }
  return base::Status::Ok();
}

base::Status StagedOutput::Commit(const curate::Disclosure& policy) {
  std::error_code ec;
  for (auto& [name, f] : scratch_) {
    f->close();
    fs::remove(staging_ / name, ec);
  }
  scratch_.clear();
  for (auto& [name, out] : files_) {
    out->flush();
    if (!*out) return base::Status::IOError(fmt::format("{}: write failed", name));
    out->close();
  }
  if (policy.redacts()) {
    for (const auto& [name, out] : files_) {
      std::string shown =
          kind_ == Kind::kFile ? destination_.string() : (destination_ / name).string();
      TRY(CheckFile(staging_ / name, shown, policy));
    }
  }
  fs::path from = kind_ == Kind::kFile ? staging_ / "output" : staging_;
  if (kind_ == Kind::kFile) {
    fs::rename(from, destination_, ec);
  } else {
    // The staging directory itself becomes the destination.
    fs::rename(staging_, destination_, ec);
  }
  if (ec) {
    return base::Status::IOError(fmt::format("{}: cannot move the export into place: {}",
                                             destination_.string(), ec.message()));
  }
  committed_ = true;
  return base::Status::Ok();
}

}  // namespace sijill::exporter
