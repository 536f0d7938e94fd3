// Ranks, roles and kinship nouns in English, with their abbreviations ("Brig. Gen.",
// "Maj.-Gen", "Lt Col", "GOC").
#include <algorithm>
#include <array>
#include <unordered_set>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

struct Phrase {
  std::string_view words;  // lowercase, space-separated
  std::string_view name;   // vocabulary name
};

// Longest first where one is a prefix of another.
constexpr std::array<Phrase, 62> kRanks = {{
    {"brigadier general", "brigadier general"},
    {"brig gen", "brigadier general"},
    {"brigadier", "brigadier general"},
    {"brig", "brigadier general"},
    {"major general", "major general"},
    {"maj gen", "major general"},
    {"lieutenant general", "lieutenant general"},
    {"lt gen", "lieutenant general"},
    {"lieutenant colonel", "lieutenant colonel"},
    {"lt col", "lieutenant colonel"},
    {"first lieutenant", "first lieutenant"},
    {"1st lt", "first lieutenant"},
    {"second lieutenant", "second lieutenant"},
    {"2nd lt", "second lieutenant"},
    {"lieutenant", "lieutenant"},
    {"lt", "lieutenant"},
    {"field marshal", "field marshal"},
    {"general", "general"},
    {"gen", "general"},
    {"colonel", "colonel"},
    {"col", "colonel"},
    {"major", "major"},
    {"maj", "major"},
    {"captain", "captain"},
    {"capt", "captain"},
    {"warrant officer", "warrant officer"},
    {"staff sergeant", "staff sergeant"},
    {"sergeant", "sergeant"},
    {"sgt", "sergeant"},
    {"corporal", "corporal"},
    {"cpl", "corporal"},
    {"private", "private"},
    {"pte", "private"},
    {"conscript", "conscript"},
    {"cadet", "cadet"},
    {"air vice marshal", "air vice marshal"},
    {"air marshal", "air marshal"},
    {"air commodore", "air commodore"},
    {"rear admiral", "rear admiral"},
    {"vice admiral", "vice admiral"},
    {"admiral", "admiral"},
    {"commodore", "commodore"},
    {"assistant inspector general of police", "assistant inspector general"},
    {"deputy inspector general of police", "deputy inspector general"},
    {"inspector general of police", "inspector general"},
    {"commissioner of police", "commissioner"},
    {"chief superintendent of police", "chief superintendent"},
    {"deputy superintendent of police", "deputy superintendent"},
    {"assistant superintendent of police", "assistant superintendent"},
    {"superintendent of police", "superintendent"},
    {"chief superintendent", "chief superintendent"},
    {"deputy superintendent", "deputy superintendent"},
    {"assistant superintendent", "assistant superintendent"},
    {"superintendent", "superintendent"},
    {"inspector", "inspector"},
    {"aig", "assistant inspector general"},
    {"dig", "deputy inspector general"},
    {"igp", "inspector general"},
    {"csp", "chief superintendent"},
    {"dsp", "deputy superintendent"},
    {"asp", "assistant superintendent"},
    {"cp", "commissioner"},
}};

constexpr std::array<Phrase, 39> kRoles = {{
    {"coordinator", "coordinator"},
    {"chief of army staff", "chief of army staff"},
    {"chief of defence staff", "chief of defence staff"},
    {"chief of air staff", "chief of air staff"},
    {"chief of naval staff", "chief of naval staff"},
    {"general officer commanding", "commander"},
    {"goc", "commander"},
    {"g o c", "commander"},
    {"flag officer commanding", "commander"},
    {"commanding officer", "commander"},
    {"officer commanding", "commander"},
    {"garrison commander", "commander"},
    {"brigade commander", "commander"},
    {"battalion commander", "commander"},
    {"company commander", "commander"},
    {"division commander", "commander"},
    {"platoon commander", "platoon commander"},
    {"sector commander", "commander"},
    {"commander", "commander"},
    {"commandant", "commander"},
    {"chief of staff", "chief of staff"},
    {"head of interrogations", "head of interrogation"},
    {"head of interrogation", "head of interrogation"},
    {"head of the interrogation section", "head of interrogation"},
    {"head of the interrogation", "head of interrogation"},
    {"head of the branch", "branch head"},
    {"branch head", "branch head"},
    {"head of", "head"},
    {"deputy director", "deputy director"},
    {"director", "director"},
    {"office director", "office director"},
    {"chief", "chief"},
    {"interrogator", "interrogator"},
    {"spokesman", "spokesman"},
    {"spokesperson", "spokesman"},
    {"public relations officer", "public relations officer"},
    {"divisional police officer", "divisional police officer"},
    {"dpo", "divisional police officer"},
    {"provost marshal", "provost marshal"},
}};

constexpr std::array<Phrase, 18> kKin = {{
    {"brother", "brother"},
    {"sister", "sister"},
    {"father", "father"},
    {"mother", "mother"},
    {"son", "son"},
    {"daughter", "daughter"},
    {"wife", "wife"},
    {"husband", "husband"},
    {"cousin", "cousin"},
    {"uncle", "uncle"},
    {"aunt", "aunt"},
    {"nephew", "nephew"},
    {"niece", "niece"},
    {"grandfather", "grandfather"},
    {"grandmother", "grandmother"},
    {"brother-in-law", "brother-in-law"},
    {"sister-in-law", "sister-in-law"},
    {"father-in-law", "father-in-law"},
}};

// The words at token `i` as a phrase table sees them: lowercase, split at inner hyphens,
// "." and "-" tokens skipped. Each word remembers the token after it.
struct Word {
  std::string_view text;
  size_t next_token;
};

std::vector<Word> WordsAt(const Context& c, size_t i, size_t max_words) {
  std::vector<Word> words;
  while (i < c.tokens.size() && words.size() < max_words) {
    const Token& t = c.tokens[i];
    if (!t.word) {
      if ((t.text == "." || t.text == "-") && !words.empty()) {
        words.back().next_token = i + 1;
        ++i;
        continue;
      }
      break;
    }
    if (!words.empty() && t.sentence != c.tokens[words.back().next_token - 1].sentence) break;
    std::string_view l = t.lower;
    size_t start = 0;
    while (start <= l.size()) {
      size_t dash = l.find('-', start);
      std::string_view part = l.substr(start, dash == std::string_view::npos ? dash : dash - start);
      if (!part.empty()) words.push_back({part, i + 1});
      if (dash == std::string_view::npos) break;
      start = dash + 1;
    }
    ++i;
  }
  return words;
}

template <size_t N>
std::optional<std::pair<std::string_view, size_t>> Longest(const Context& c, size_t i,
                                                           const std::array<Phrase, N>& table) {
  std::vector<Word> words = WordsAt(c, i, 6);
  std::optional<std::pair<std::string_view, size_t>> best;
  size_t best_words = 0;
  for (const Phrase& p : table) {
    size_t n = 0;
    std::string_view rest = p.words;
    bool ok = true;
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      std::string_view w = rest.substr(0, space);
      if (n >= words.size() || words[n].text != w) {
        ok = false;
        break;
      }
      ++n;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    if (ok && n > best_words) {
      best_words = n;
      best = std::make_pair(p.name, words[n - 1].next_token);
    }
  }
  return best;
}

}  // namespace

namespace {

// The words that begin some phrase of `table`, for a quick refusal of most tokens.
template <size_t N>
std::unordered_set<std::string_view> FirstWords(const std::array<Phrase, N>& table) {
  std::unordered_set<std::string_view> out;
  for (const Phrase& p : table) out.insert(p.words.substr(0, p.words.find(' ')));
  return out;
}

bool MayBegin(const Context& c, size_t i, const std::unordered_set<std::string_view>& first) {
  std::string_view l = c.tokens[i].lower;
  return first.contains(l.substr(0, l.find('-')));
}

std::optional<RankMatch> FindRank(const Context& c, size_t i) {
  static const auto* first = new std::unordered_set<std::string_view>(FirstWords(kRanks));
  if (!c.tokens[i].word || !MayBegin(c, i, *first)) return std::nullopt;
  auto m = Longest(c, i, kRanks);
  if (!m) return std::nullopt;
  // Abbreviations only count capitalized ("col" is no rank in running text).
  if (c.tokens[i].lower.size() <= 4 && !c.tokens[i].capitalized && c.tokens[i].lower != "gen")
    return std::nullopt;
  return RankMatch{std::string(m->first), m->second};
}

std::optional<RoleMatch> FindRole(const Context& c, size_t i) {
  static const auto* first = new std::unordered_set<std::string_view>(FirstWords(kRoles));
  if (!c.tokens[i].word || !MayBegin(c, i, *first)) return std::nullopt;
  auto m = Longest(c, i, kRoles);
  if (!m) return std::nullopt;
  return RoleMatch{std::string(m->first), m->second};
}

}  // namespace

void IndexRanksAndRoles(Context& c) {
  c.ranks_at.resize(c.tokens.size());
  c.roles_at.resize(c.tokens.size());
  for (size_t i = 0; i < c.tokens.size(); ++i) {
    c.ranks_at[i] = FindRank(c, i);
    c.roles_at[i] = FindRole(c, i);
  }
}

const RankMatch* RankAt(const Context& c, size_t i) {
  return i < c.ranks_at.size() && c.ranks_at[i] ? &*c.ranks_at[i] : nullptr;
}

const RoleMatch* RoleAt(const Context& c, size_t i) {
  return i < c.roles_at.size() && c.roles_at[i] ? &*c.roles_at[i] : nullptr;
}

std::optional<std::string_view> KinAt(const Context& c, size_t i) {
  if (i >= c.tokens.size()) return std::nullopt;
  for (const Phrase& p : kKin)
    if (c.tokens[i].lower == p.words) return p.name;
  return std::nullopt;
}

}  // namespace sijill::extract::english
