#include "cli/progress.h"

#include <fmt/format.h>

#include "base/utf8.h"

namespace sijill::cli {
namespace {
constexpr int kBarWidth = 30;
constexpr size_t kItemWidth = 40;  // code points of the item name shown

std::string Tail(std::string_view s, size_t max_cp) {
  size_t count = base::CodePointCount(s);
  if (count <= max_cp) return std::string(s);
  size_t skip = count - max_cp + 1, pos = 0;
  while (skip > 0) {
    base::DecodeAt(s, &pos);
    --skip;
  }
  return "…" + std::string(s.substr(pos));
}
}  // namespace

ProgressBar::ProgressBar(Console& console, uint64_t total, std::string_view unit)
    : console_(console), enabled_(console.err_is_tty()), total_(total), unit_(unit) {}

ProgressBar::~ProgressBar() { Clear(); }

void ProgressBar::Update(uint64_t done, std::string_view item) {
  done_ = done;
  item_ = item;
  auto now = std::chrono::steady_clock::now();
  if (done_ < total_ && now - last_draw_ < std::chrono::milliseconds(100)) return;
  last_draw_ = now;
  Draw();
}

void ProgressBar::Print(std::string_view line) {
  Clear();
  console_.Out(line);
  Draw();
}

void ProgressBar::PrintError(std::string_view line) {
  Clear();
  console_.Err(line);
  Draw();
}

void ProgressBar::Clear() {
  if (!enabled_ || !drawn_) return;
  console_.Err("\r\x1b[2K");
  drawn_ = false;
}

void ProgressBar::Draw() {
  if (!enabled_ || total_ == 0) return;
  int filled = static_cast<int>(kBarWidth * done_ / total_);
  std::string bar(static_cast<size_t>(filled), '=');
  if (filled < kBarWidth) bar += '>';
  bar.resize(kBarWidth, ' ');
  console_.Err(fmt::format("\r\x1b[2K[{}] {}/{} {}  {}", bar, done_, total_, unit_,
                           Tail(item_, kItemWidth)));
  drawn_ = true;
}

}  // namespace sijill::cli
