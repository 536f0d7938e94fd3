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

// Appends the words (runs of name characters) of folded `s` from `begin` on to *words.
void SplitWords(std::string_view s, size_t begin, size_t run, std::vector<LeakIndex::Word>* words) {
  size_t pos = begin;
  size_t word_begin = std::string_view::npos;
  while (pos < s.size()) {
    size_t at = pos;
    bool name_char = IsNameChar(base::DecodeAt(s, &pos));
    if (name_char && word_begin == std::string_view::npos) word_begin = at;
    if (!name_char && word_begin != std::string_view::npos) {
      words->push_back({word_begin, at - word_begin, run});
      word_begin = std::string_view::npos;
    }
  }
  if (word_begin != std::string_view::npos)
    words->push_back({word_begin, s.size() - word_begin, run});
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
  by_first_word_[entry.words.front()].push_back(names_.size());
  names_.push_back(std::move(entry));
  return true;
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
        auto it = by_first_word_.find(key);
        if (it == by_first_word_.end()) continue;
        for (size_t index : it->second) {
          const Name& name = names_[index];
          bool single = name.words.size() == 1;
          if (!ending.empty() && !(single && TakesLatinSuffix(name.words[0]))) continue;
          if (single || (ending.empty() && RestMatches(name, folded, words, i))) {
            hits->emplace_back(i, index);
          }
        }
      }
    }
  }
}

std::vector<LeakIndex::Found> LeakIndex::Scan(std::string_view text) const {
  // Whitespace-delimited runs, each folded whole with text::AppendFolded.
  std::vector<std::pair<size_t, size_t>> runs;
  std::string folded;
  std::vector<Word> words;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t at = pos;
    if (IsWhiteSpace(base::DecodeAt(text, &pos))) continue;
    size_t end = pos;
    while (end < text.size()) {
      size_t next = end;
      if (IsWhiteSpace(base::DecodeAt(text, &next))) break;
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
