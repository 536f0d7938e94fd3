#include "redact/redactor.h"

#include <fmt/format.h>

#include <algorithm>

#include "redact/automaton.h"
#include "redact/folded_text.h"
#include "redact/leak_scan.h"
#include "redact/mention_rules.h"

namespace sijill::redact {

using internal::Automaton;
using internal::FoldedText;
using internal::LeakIndex;

namespace {

// A pattern of the automaton: one folded name (or its ل + ال form) of one person.
struct Pattern {
  uint32_t person;
  bool takes_suffix;  // the last word may carry a Latin ending
};

// A match in folded text, [begin, end).
struct Match {
  size_t begin;
  size_t end;
  uint32_t person;
};

// True if a name starting at folded[begin] starts a word or follows proclitics only.
bool StartsMention(std::string_view folded, size_t begin) {
  size_t word = begin;
  while (word > 0 && folded[word - 1] != ' ') {
    if (begin - word >= internal::kMaxProcliticBytes) return false;
    --word;
  }
  return internal::IsProcliticPrefix(folded.substr(word, begin - word));
}

// True if a name ending at folded[end] ends a word, or is followed by a Latin ending
// that ends it.
bool EndsMention(std::string_view folded, size_t end, bool takes_suffix) {
  auto word_ends_at = [&](size_t pos) { return pos == folded.size() || folded[pos] == ' '; };
  if (word_ends_at(end)) return true;
  if (!takes_suffix) return false;
  return std::any_of(internal::kLatinSuffixes.begin(), internal::kLatinSuffixes.end(),
                     [&](std::string_view ending) {
                       return folded.compare(end, ending.size(), ending) == 0 &&
                              word_ends_at(end + ending.size());
                     });
}

// True if no replacement by one of the persons' pseudonyms can form a new mention with
// the text around it, so that one round of replacement is enough. A new mention would
// have to contain a word of the pseudonym (possibly with the proclitics that stay before
// it, or the Latin ending that stays after it), or see its boundary moved by one; the
// replacement starts where a word or its proclitics end and stops at a word's end or
// before its ending. So it is enough that
//   - every pseudonym begins and ends with a name character (a separator there would cut
//     the proclitics before it, or the ending after it, into words of their own);
//   - no word of any name contains a word of any pseudonym;
//   - no pseudonym ends in a proclitic letter (it could then act as one);
//   - no pseudonym's first word is a Latin ending ("s", "es").
bool ChainSafe(std::span<const ProtectedName> persons, const std::vector<std::string>& name_words) {
  Automaton pseudonym_words;
  uint32_t count = 0;
  for (const ProtectedName& person : persons) {
    std::string spaced = internal::FoldWithOrigins(person.pseudonym).folded;
    if (spaced.empty() || spaced.front() == ' ' || spaced.back() == ' ') return false;
    const std::string& folded = spaced;
    size_t last = folded.rfind(' ');
    std::string_view last_word =
        std::string_view(folded).substr(last == std::string::npos ? 0 : last + 1);
    std::string_view first_word = std::string_view(folded).substr(0, folded.find(' '));
    bool proclitic_end = last_word.size() >= 2 &&
                         internal::IsProcliticPrefix(last_word.substr(last_word.size() - 2));
    if (last_word.empty() || proclitic_end ||
        std::find(internal::kLatinSuffixes.begin(), internal::kLatinSuffixes.end(), first_word) !=
            internal::kLatinSuffixes.end()) {
      return false;
    }
    for (size_t begin = 0; begin < folded.size();) {
      size_t end = std::min(folded.find(' ', begin), folded.size());
      pseudonym_words.Add(std::string_view(folded).substr(begin, end - begin), count++);
      begin = end + 1;
    }
  }
  if (count == 0) return true;
  pseudonym_words.Build();
  bool found = false;
  for (const std::string& word : name_words) {
    pseudonym_words.Scan(word, [&](uint32_t, size_t, size_t) { found = true; });
    if (found) return false;
  }
  return true;
}

}  // namespace

struct Redactor::Rep {
  std::vector<std::string> pseudonyms;
  std::vector<Pattern> patterns;
  Automaton automaton;
  LeakIndex leaks;
  // False if a replacement might form a new mention with the text around it, so that
  // Redact must scan its result again (ChainSafe).
  bool chain_safe = false;

  std::vector<Match> FindMentions(const FoldedText& text) const;
  // One round of replacement; *replaced tells whether anything was.
  std::string RedactOnce(std::string_view text, bool* replaced) const;
};

std::vector<Match> Redactor::Rep::FindMentions(const FoldedText& text) const {
  std::vector<Match> matches;
  std::string_view folded = text.folded;
  automaton.Scan(folded, [&](uint32_t value, size_t length, size_t end) {
    size_t begin = end - length;
    const Pattern& p = patterns[value];
    if (StartsMention(folded, begin) && EndsMention(folded, end, p.takes_suffix)) {
      matches.push_back({begin, end, p.person});
    }
  });
  return matches;
}

std::string Redactor::Rep::RedactOnce(std::string_view text, bool* replaced) const {
  FoldedText folded = internal::FoldWithOrigins(text);
  std::vector<Match> matches = FindMentions(folded);
  *replaced = !matches.empty();
  // Leftmost first, longest first among equal starts; ties between persons go to the
  // first person (the automaton kept the first person's value for a shared name).
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::string out;
  out.reserve(text.size());
  size_t copied = 0;
  for (size_t i = 0; i < matches.size();) {
    // A group of overlapping matches is replaced once, by its longest name's pseudonym.
    size_t group_end = matches[i].end;
    const Match* longest = &matches[i];
    size_t j = i + 1;
    for (; j < matches.size() && matches[j].begin < group_end; ++j) {
      group_end = std::max(group_end, matches[j].end);
      if (matches[j].end - matches[j].begin > longest->end - longest->begin) longest = &matches[j];
    }
    auto [begin, end] = folded.OriginalSpan(matches[i].begin, group_end, text.size());
    out.append(text.substr(copied, begin - copied));
    out.append(pseudonyms[longest->person]);
    copied = end;
    i = j;
  }
  out.append(text.substr(copied));
  return out;
}

Redactor::Redactor(std::unique_ptr<Rep> rep) : rep_(std::move(rep)) {}
Redactor::~Redactor() = default;

base::Result<std::unique_ptr<Redactor>> Redactor::Create(std::span<const ProtectedName> persons) {
  auto rep = std::make_unique<Rep>();
  std::vector<std::string> name_words;
  for (size_t p = 0; p < persons.size(); ++p) {
    const ProtectedName& person = persons[p];
    auto index = static_cast<uint32_t>(p);
    // Messages name the person by position and pseudonym only, never by a name.
    auto where = [&] { return fmt::format("protected person {} of {}", p + 1, persons.size()); };
    if (person.pseudonym.empty()) {
      return base::Error(base::Status::InvalidArgument(where() + ": the pseudonym is empty"));
    }
    rep->pseudonyms.push_back(person.pseudonym);
    for (size_t n = 0; n < person.names.size(); ++n) {
      std::string folded = internal::FoldName(person.names[n]);
      bool indexed = rep->leaks.Add(person.names[n], index);
      if (folded.empty() || !indexed) {
        return base::Error(base::Status::InvalidArgument(
            fmt::format("{} ({}): name {} of {} has no letters or digits", where(),
                        person.pseudonym, n + 1, person.names.size())));
      }
      for (size_t begin = 0; begin < folded.size();) {
        size_t end = std::min(folded.find(' ', begin), folded.size());
        name_words.push_back(folded.substr(begin, end - begin));
        begin = end + 1;
      }
      bool suffix = internal::TakesLatinSuffix(folded);
      rep->automaton.Add(folded, static_cast<uint32_t>(rep->patterns.size()));
      rep->patterns.push_back({index, suffix});
      if (auto variant = internal::LamAlVariant(folded)) {
        rep->automaton.Add(*variant, static_cast<uint32_t>(rep->patterns.size()));
        rep->patterns.push_back({index, suffix});
      }
    }
  }
  rep->automaton.Build();
  rep->leaks.Build();
  rep->chain_safe = ChainSafe(persons, name_words);
  for (size_t p = 0; p < persons.size(); ++p) {
    const std::string& pseudonym = persons[p].pseudonym;
    bool contains = !rep->FindMentions(internal::FoldWithOrigins(pseudonym)).empty() ||
                    !rep->leaks.Scan(pseudonym).empty();
    if (contains) {
      return base::Error(base::Status::InvalidArgument(
          fmt::format("protected person {} of {}: the pseudonym \"{}\" contains a protected name",
                      p + 1, persons.size(), pseudonym)));
    }
  }
  return std::unique_ptr<Redactor>(new Redactor(std::move(rep)));
}

std::string Redactor::Redact(std::string_view text) const {
  // Unless ChainSafe showed it cannot happen, a replacement may form a new mention with
  // the words around it (a name that contains a pseudonym's word); a few more rounds
  // remove those.
  constexpr int kMaxRounds = 4;
  bool replaced = false;
  std::string out = rep_->RedactOnce(text, &replaced);
  for (int round = 1; replaced && !rep_->chain_safe && round < kMaxRounds; ++round) {
    out = rep_->RedactOnce(out, &replaced);
  }
  return out;
}

std::vector<Leak> Redactor::FindLeaks(std::string_view text) const {
  std::vector<Leak> leaks;
  for (const LeakIndex::Found& f : rep_->leaks.Scan(text)) {
    Leak leak{rep_->pseudonyms[f.person], f.begin,
              std::string(text.substr(f.begin, f.end - f.begin))};
    if (leaks.empty() || !(leaks.back() == leak)) leaks.push_back(std::move(leak));
  }
  return leaks;
}

}  // namespace sijill::redact
