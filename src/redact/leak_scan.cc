#include "redact/leak_scan.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <tuple>

#include "base/utf8.h"
#include "redact/mention_rules.h"
#include "text/normalize.h"

namespace sijill::redact::internal {
namespace {

constexpr std::string_view kLamLam = "\u0644\u0644";   // لل
constexpr std::string_view kArticle = "\u0627\u0644";  // ال

bool IsWhiteSpace(char32_t c) {
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  return u_isUWhiteSpace(static_cast<UChar32>(c)) != 0;
}

// base::DecodeAt with the ASCII case inline.
char32_t Decode(std::string_view text, size_t* pos) {
  auto b = static_cast<unsigned char>(text[*pos]);
  if (b < 0x80) {
    ++*pos;
    return b;
  }
  return base::DecodeAt(text, pos);
}

// Appends the words (runs of name characters) of folded `s` from `begin` on to *words.
void SplitWords(std::string_view s, size_t begin, size_t run, std::vector<LeakIndex::Word>* words) {
  size_t pos = begin;
  auto emit = [&](size_t first, size_t end) {
    words->push_back({static_cast<uint32_t>(first), static_cast<uint32_t>(end - first),
                      static_cast<uint32_t>(run)});
  };
  size_t word_begin = std::string_view::npos;
  while (pos < s.size()) {
    size_t at = pos;
    bool name_char = IsNameChar(Decode(s, &pos));
    if (name_char && word_begin == std::string_view::npos) word_begin = at;
    if (!name_char && word_begin != std::string_view::npos) {
      emit(word_begin, at);
      word_begin = std::string_view::npos;
    }
  }
  if (word_begin != std::string_view::npos) emit(word_begin, s.size());
}

// True if `text_word` is `name_word` with nothing after it, or with a Latin ending the
// name word takes.
bool LastWordMatches(std::string_view text_word, std::string_view name_word) {
  if (!text_word.starts_with(name_word)) return false;
  std::string_view ending = text_word.substr(name_word.size());
  if (ending.empty()) return true;
  if (!TakesLatinSuffix(name_word)) return false;
  return std::find(kLatinSuffixes.begin(), kLatinSuffixes.end(), ending) != kLatinSuffixes.end();
}

}  // namespace

bool LeakIndex::Add(std::string_view name, uint32_t person) {
  std::string folded = text::FoldForSearch(name);
  std::vector<Word> spans;
  SplitWords(folded, 0, 0, &spans);
  if (spans.empty()) return false;
  Name entry{person, {}};
  for (const Word& w : spans) entry.words.emplace_back(folded.substr(w.begin, w.size));
  Bucket& bucket = by_first_word_[entry.words.front()];
  if (entry.words.size() == 1) {
    bucket.single.push_back(names_.size());
  } else {
    bucket.by_second_word.emplace_back(entry.words[1], names_.size());
  }
  names_.push_back(std::move(entry));
  return true;
}

size_t LeakIndex::FilterSlot(std::string_view word) {
  size_t first = static_cast<unsigned char>(word.front());
  size_t last = static_cast<unsigned char>(word.back());
  size_t second = static_cast<unsigned char>(word.size() > 1 ? word[1] : 0);
  return (word.size() * 0x9E37 + first * 0x3B1 + second * 0x61 + last) & 0xFFFF;
}

void LeakIndex::Build() {
  first_word_filter_.assign(0x10000, false);
  for (const auto& entry : by_first_word_) first_word_filter_[FilterSlot(entry.first)] = true;
  for (auto& [word, bucket] : by_first_word_) {
    std::stable_sort(bucket.by_second_word.begin(), bucket.by_second_word.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  }
}

// The names of `bucket` with two or more words that words[i + 1...] continue.
void LeakIndex::MatchLonger(const Bucket& bucket, std::string_view folded,
                            const std::vector<Word>& words, size_t i,
                            std::vector<std::pair<size_t, size_t>>* hits) const {
  if (i + 1 >= words.size() || bucket.by_second_word.empty()) return;
  std::string_view second = folded.substr(words[i + 1].begin, words[i + 1].size);
  // The second word as written, or without a Latin ending if it is the name's last.
  for (std::string_view ending : {std::string_view(), kLatinSuffixes[0], kLatinSuffixes[1]}) {
    if (second.size() <= ending.size() || !second.ends_with(ending)) continue;
    std::string_view key = second.substr(0, second.size() - ending.size());
    auto first =
        std::lower_bound(bucket.by_second_word.begin(), bucket.by_second_word.end(), key,
                         [](const auto& entry, std::string_view k) { return entry.first < k; });
    for (auto it = first; it != bucket.by_second_word.end() && it->first == key; ++it) {
      const Name& name = names_[it->second];
      if (!ending.empty() && name.words.size() != 2) continue;
      if (RestMatches(name, folded, words, i)) hits->emplace_back(i, it->second);
    }
  }
}

bool LeakIndex::RestMatches(const Name& name, std::string_view folded,
                            const std::vector<Word>& words, size_t i) const {
  size_t n = name.words.size();
  if (i + n > words.size()) return false;
  for (size_t k = 1; k < n; ++k) {
    std::string_view w = folded.substr(words[i + k].begin, words[i + k].size);
    if (k + 1 < n ? w != name.words[k] : !LastWordMatches(w, name.words[k])) return false;
  }
  return true;
}

// Looks up every reading of words[i] as (proclitics) + first name word (+ ending).
void LeakIndex::MatchAt(std::string_view folded, const std::vector<Word>& words, size_t i,
                        std::vector<std::pair<size_t, size_t>>* hits) const {
  std::string_view word = folded.substr(words[i].begin, words[i].size);
  for (size_t cut = 0; cut <= kMaxProcliticBytes && cut < word.size(); cut += 2) {
    if (!IsProcliticPrefix(word.substr(0, cut))) continue;
    std::string_view rest = word.substr(cut);
    for (std::string_view ending : {std::string_view(), kLatinSuffixes[0], kLatinSuffixes[1]}) {
      if (rest.size() <= ending.size() || !rest.ends_with(ending)) continue;
      std::string_view key = rest.substr(0, rest.size() - ending.size());
      std::string elided;
      for (int form = 0; form < 2; ++form) {
        if (form == 1) {
          if (!key.starts_with(kLamLam) || key.size() == kLamLam.size()) break;
          elided = std::string(kArticle) + std::string(key.substr(kLamLam.size()));
          key = elided;
        }
        if (!first_word_filter_[FilterSlot(key)]) continue;
        auto it = by_first_word_.find(key);
        if (it == by_first_word_.end()) continue;
        for (size_t index : it->second.single) {
          if (ending.empty() || TakesLatinSuffix(names_[index].words[0])) {
            hits->emplace_back(i, index);
          }
        }
        if (ending.empty()) MatchLonger(it->second, folded, words, i, hits);
      }
    }
  }
}

std::vector<LeakIndex::Found> LeakIndex::Scan(std::string_view text) const {
  // Whitespace-delimited runs, each folded whole with text::AppendFolded.
  std::vector<std::pair<size_t, size_t>> runs;
  std::string folded;
  folded.reserve(text.size());
  std::vector<Word> words;
  words.reserve(text.size() / 6);
  size_t pos = 0;
  while (pos < text.size()) {
    size_t at = pos;
    if (IsWhiteSpace(Decode(text, &pos))) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      if (IsWhiteSpace(Decode(text, &next))) break;
      end = next;
    }
    size_t folded_begin = folded.size();
    text::AppendFolded(text.substr(at, end - at), &folded);
    SplitWords(folded, folded_begin, runs.size(), &words);
    runs.emplace_back(at, end);
    pos = end;
  }
  std::vector<std::pair<size_t, size_t>> hits;  // (first word, name index)
  for (size_t i = 0; i < words.size(); ++i) MatchAt(folded, words, i, &hits);
  std::sort(hits.begin(), hits.end());
  hits.erase(std::unique(hits.begin(), hits.end()), hits.end());

  std::vector<Found> found;
  found.reserve(hits.size());
  for (const auto& [i, index] : hits) {
    const Name& name = names_[index];
    size_t last = i + name.words.size() - 1;
    found.push_back({name.person, runs[words[i].run].first, runs[words[last].run].second});
  }
  return found;
}

}  // namespace sijill::redact::internal
