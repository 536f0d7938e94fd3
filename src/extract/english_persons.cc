// Persons in English text: the witness, names after a rank ("Brig. Gen. Ghassan Haidar",
// "a colonel, Rafik Chahine", "a major named Iyad Suleiman"), kin of the speaker ("my
// brother Ayham", "My father, Abdulrahman"), kunyas ("Abu Ali", "Umm Nidal"), "called X",
// and later references by surname or first name.
#include <algorithm>
#include <array>
#include <unordered_set>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::EntityType;

constexpr std::array<std::string_view, 44> kNotNames = {
    "i",         "we",        "he",      "she",      "they",     "the",         "a",
    "an",        "in",        "on",      "at",       "and",      "but",         "of",
    "january",   "february",  "march",   "april",    "may",      "june",        "july",
    "august",    "september", "october", "november", "december", "monday",      "tuesday",
    "wednesday", "thursday",  "friday",  "saturday", "sunday",   "interviewer", "god",
    "eid",       "ramadan",   "his",     "her",      "my",       "our",         "their",
    "it",        "this"};

bool IsWeekday(std::string_view lower) {
  return lower == "monday" || lower == "tuesday" || lower == "wednesday" || lower == "thursday" ||
         lower == "friday" || lower == "saturday" || lower == "sunday";
}

bool IsNotName(std::string_view lower) {
  static const auto* set =
      new std::unordered_set<std::string_view>(kNotNames.begin(), kNotNames.end());
  return set->contains(lower);
}

// Words that end a name: a facility or an organization follows.
bool IsStop(std::string_view lower) {
  static constexpr std::array<std::string_view, 22> kStops = {
      "hospital", "specialist",   "school",   "college",  "university", "barracks",
      "airport",  "road",         "street",   "state",    "army",       "police",
      "command",  "headquarters", "division", "brigade",  "battalion",  "corps",
      "force",    "navy",         "ministry", "president"};
  static const auto* set = new std::unordered_set<std::string_view>(kStops.begin(), kStops.end());
  return set->contains(lower);
}

bool IsParticle(std::string_view lower) {
  return lower == "al" || lower == "el" || lower == "bin" || lower == "ibn" || lower == "abu" ||
         lower == "abd" || lower == "ould" || lower == "de" || lower == "van" || lower == "von";
}

bool IsKunyaWord(std::string_view lower) {
  return lower == "abu" || lower == "umm" || lower == "um" || lower == "abou" || lower == "umm-";
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& ch : out)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return out;
}

// A surname without its article: "al-Sabbagh" -> "sabbagh"; other words as they are.
std::string_view BareName(std::string_view lower) {
  size_t dash = lower.find('-');
  if (dash == std::string_view::npos || dash > 3 || dash + 2 > lower.size()) return lower;
  for (std::string_view article : {"al-", "el-", "as-", "ad-", "ar-", "an-", "at-", "az-", "ash-"})
    if (lower.starts_with(article) && lower.size() > article.size() + 1)
      return lower.substr(article.size());
  return lower;
}

bool Usable(const Context& c, size_t i) {
  return !c.in_place[i] && c.UnitAt(i) == nullptr && c.PersonAt(i) == nullptr;
}

// Capitalized words that are not names: nationalities, languages, titles of texts.
constexpr std::array<std::string_view, 16> kCommonCapitalized = {
    "syrian", "arab",  "arabic",     "english", "turkish",    "nigerian", "kurdish",  "islamic",
    "state",  "local", "government", "federal", "university", "college",  "hospital", "road"};

bool IsCommonCapitalized(std::string_view lower) {
  static const auto* set = new std::unordered_set<std::string_view>(kCommonCapitalized.begin(),
                                                                    kCommonCapitalized.end());
  return set->contains(lower);
}

// The tokens of a personal name starting at `i`: capitalized words, initials ("K.C",
// "E.F."), particles; at most five words. Returns the end token, or `i` if none.
size_t NameEnd(const Context& c, size_t i) {
  size_t j = i;
  size_t words = 0;
  while (j < c.tokens.size() && words < 5) {
    const Token& t = c.tokens[j];
    if (j > i && t.sentence != c.tokens[i].sentence) break;
    if (!t.word || !Usable(c, j)) break;
    // An initial: "D." in "D.J. Ezeoba", "T.I Dibi".
    bool initial = t.capitalized && t.text.size() <= 2 && c.Is(j + 1, ".");
    bool articled = BareName(t.lower) != t.lower && j > i;  // "Mahmud al-Sabbagh"
    // Capitals spell a headline ("GENERAL OFFICERS COMMANDING"), not a name; initials
    // ("OU Abdul") are short.
    bool shouted =
        (j > i ? t.text.size() >= 3 : t.text.size() >= 4) &&
        std::all_of(t.text.begin(), t.text.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
    bool inner_i = t.text == "I" && j > i;  // "Ishiaku I Abbah", "T.I Dibi"
    // Weekdays are given and family names too ("Sunday Idoko", "Adebayo Olaniyi Friday"):
    // one that begins a name needs a name word after it, one inside a name two before it.
    bool weekday_name =
        IsWeekday(t.lower) && t.capitalized &&
        (words >= 2 || (j == i && j + 1 < c.tokens.size() && c.tokens[j + 1].capitalized &&
                        c.tokens[j + 1].word && !IsNotName(c.tokens[j + 1].lower) &&
                        !IsStop(c.tokens[j + 1].lower)));
    // An initial is a name word even when it spells a word ("A. Chukwu", "J.A.H Ewanshia").
    bool letter = t.capitalized && t.text.size() == 1 &&
                  (initial || (j > i && c.tokens[j - 1].text == "." &&
                               c.tokens[j - 1].span.end == t.span.begin));  // "O.A Umahi"
    if ((t.capitalized || articled) && !shouted &&
        (inner_i || letter || weekday_name || !IsNotName(t.lower)) && !IsStop(t.lower) &&
        !RankAt(c, j) && !RoleAt(c, j)) {
      ++words;
      j += initial ? 2 : 1;
      continue;
    }
    if (IsParticle(t.lower) && j + 1 < c.tokens.size() && c.tokens[j + 1].capitalized) {
      ++j;
      continue;
    }
    break;
  }
  while (j > i && !c.tokens[j - 1].word) --j;  // a trailing initial's period
  return j;
}

struct Found {
  size_t name_first, name_last;  // the name's tokens
  size_t first;                  // the mention's first token (a cue included)
  std::optional<std::string> rank;
};

std::optional<size_t> AddPerson(Context& c, const Found& f, bool is_protected) {
  if (c.tokens[f.first].sentence != c.tokens[f.name_last - 1].sentence) return std::nullopt;
  Span name = c.SpanOf(f.name_first, f.name_last);
  std::string canonical(c.text.substr(name.begin, name.end - name.begin));
  std::string key = "person/" + Lower(canonical);
  // A single word already known (a surname, a first name) is that person.
  std::optional<size_t> entity = c.out.Find(EntityType::kPerson, key);
  if (!entity && f.name_last - f.name_first == 1)
    entity = c.out.Find(EntityType::kPerson, "person/" + std::string(BareName(Lower(canonical))));
  size_t e = entity ? *entity : c.out.Mention(EntityType::kPerson, key, canonical, name, "person");
  c.out.AddSpan(e, name);
  c.out.AddSpan(e, c.SpanOf(f.first, f.name_last));
  if (f.name_last - f.name_first >= 2) {
    std::string last = Lower(c.tokens[f.name_last - 1].text);
    if (!IsKunyaWord(Lower(c.tokens[f.name_first].text))) {
      c.out.AddKey(e, "person/" + last);
      c.out.AddKey(e, "person/" + std::string(BareName(last)));
    }
  }
  if (is_protected) c.out.entity(e).is_protected = true;
  if (c.ranks.size() <= e) c.ranks.resize(e + 1);
  if (f.rank) c.ranks[e] = f.rank;
  PersonMention m{f.first, f.name_last, e, f.rank, false};
  auto at = std::upper_bound(c.persons.begin(), c.persons.end(), m.first,
                             [](size_t t, const PersonMention& p) { return t < p.first; });
  c.persons.insert(at, m);
  return e;
}

void FindWitness(Context& c) {
  const std::optional<std::string>& witness = c.out.document().witness;
  if (!witness || witness->empty()) return;
  std::string key = "person/" + Lower(*witness);
  for (size_t i = 0; i < c.tokens.size(); ++i) {
    size_t end = NameEnd(c, i);
    if (end == i) continue;
    Span s = c.SpanOf(i, end);
    if (c.text.substr(s.begin, s.end - s.begin) == *witness) {
      if (auto e = AddPerson(c, {i, end, i, std::nullopt}, true)) c.witness = e;
    }
    i = end - 1;
  }
}

// "Colonel Mahmoud Sabbagh", "Brig.-Gen. A.B. Omozoje", "a major named Iyad Suleiman",
// "a colonel, Rafik Chahine".
void FindRanked(Context& c) {
  for (size_t i = 0; i < c.tokens.size(); ++i) {
    if (!Usable(c, i)) continue;
    const RankMatch* rank = RankAt(c, i);
    if (!rank) continue;
    size_t j = rank->end;
    bool capitalized_rank = c.tokens[i].capitalized;
    if (c.Is(j, "named") || c.Is(j, "called")) {
      ++j;
    } else if (c.Is(j, ",") && !capitalized_rank && (c.Is(i - 1, "a") || c.Is(i - 1, "an"))) {
      ++j;
    } else if (!capitalized_rank) {
      continue;
    }
    size_t end = NameEnd(c, j);
    if (end == j) continue;
    size_t first = j == rank->end ? i : j;
    AddPerson(c, {j, end, first, rank->name}, false);
    i = end - 1;
  }
}

// "my younger brother Ayham", "My father, Abdulrahman,", "his brother Khaled".
void FindKin(Context& c) {
  for (size_t i = 0; i + 1 < c.tokens.size(); ++i) {
    std::string_view owner = c.Lower(i);
    if (owner != "my" && owner != "our" && owner != "his" && owner != "her") continue;
    size_t k = i + 1;
    while (k < c.tokens.size() && k - i <= 2 &&
           (c.Is(k, "younger") || c.Is(k, "older") || c.Is(k, "elder") || c.Is(k, "little") ||
            c.Is(k, "big") || c.Is(k, "own") || c.Is(k, "late")))
      ++k;
    std::optional<std::string_view> kin = KinAt(c, k);
    if (!kin) continue;
    size_t j = k + 1;
    if (c.Is(j, ",")) ++j;
    size_t end = NameEnd(c, j);
    if (end == j || end - j > 3) continue;
    bool first_person = owner == "my" || owner == "our";
    std::optional<size_t> e = AddPerson(c, {j, end, j, std::nullopt}, first_person);
    if (!e) continue;
    c.kin.push_back({*e, std::string(*kin), first_person ? c.witness : std::optional<size_t>(), k});
    i = end - 1;
  }
}

// "Abu Ali", "Umm Nidal"; "called him Abu Ali" and "Abu Ali, which is what everyone
// called Haydar" make the kunya another name of that person.
void FindKunyas(Context& c) {
  for (size_t i = 0; i + 1 < c.tokens.size(); ++i) {
    if (!Usable(c, i) || !c.tokens[i].capitalized || !IsKunyaWord(c.tokens[i].lower)) continue;
    size_t end = NameEnd(c, i);
    if (end < i + 2) continue;
    std::optional<size_t> same;
    if (c.Is(i - 1, "him") && (c.Is(i - 2, "called") || c.Is(i - 2, "call"))) {
      for (auto it = c.persons.rbegin(); it != c.persons.rend(); ++it)
        if (it->last <= i) {
          same = it->entity;
          break;
        }
    }
    for (size_t k = end; k < end + 8 && k < c.tokens.size(); ++k) {
      if (!c.Is(end, ",") || !c.Is(end + 1, "which")) break;
      if (c.Is(k, "called") && k + 1 < c.tokens.size()) {
        if (const PersonMention* p = c.PersonAt(k + 1)) same = p->entity;
        break;
      }
    }
    Span s = c.SpanOf(i, end);
    std::string key = "person/" + Lower(c.text.substr(s.begin, s.end - s.begin));
    if (same && !c.out.Find(EntityType::kPerson, key)) c.out.AddKey(*same, key);
    AddPerson(c, {i, end, i, std::nullopt}, false);
    i = end - 1;
  }
}

// "a young man from Qudsaya called Ayham", "known as X".
void FindNamed(Context& c) {
  for (size_t i = 1; i + 1 < c.tokens.size(); ++i) {
    bool cue = c.Is(i, "named") || (c.Is(i, "called") && !c.Is(i + 1, "him")) ||
               (c.Is(i, "as") && c.Is(i - 1, "known"));
    if (!cue || !Usable(c, i + 1)) continue;
    size_t end = NameEnd(c, i + 1);
    if (end == i + 1 || end - i > 4) continue;
    AddPerson(c, {i + 1, end, i + 1, std::nullopt}, false);
    i = end - 1;
  }
}

// Two or three name words with no cue, inside a sentence and not after an article:
// "The man everybody talked about was Fawaz Shammout".
void FindUncued(Context& c) {
  for (size_t i = 1; i < c.tokens.size(); ++i) {
    const Token& t = c.tokens[i];
    if (!t.capitalized || !Usable(c, i) || c.sentences[t.sentence].first == i) continue;
    if (c.Is(i - 1, "the") || c.tokens[i - 1].capitalized || IsKunyaWord(t.lower)) continue;
    size_t end = NameEnd(c, i);
    if (end < i + 2 || end > i + 3 || (end < c.tokens.size() && c.tokens[end].capitalized))
      continue;
    bool after_post = false;  // "the GOC 81 Division, Lagos, Kenneth Minimah"
    for (size_t k = i - 1; c.Is(i - 1, ",") && k > 0 && k + 6 > i; --k)
      after_post = after_post || c.UnitAt(k) || RoleAt(c, k);
    // "GOC, 6 Division, Port Harcourt, Major-General X": a place or a portfolio in
    // apposition, with the officer named after it.
    if (after_post && c.Is(end, ",") && end + 1 < c.tokens.size() &&
        (c.tokens[end + 1].capitalized || c.tokens[end + 1].digits))
      after_post = false;
    bool cued = c.Is(i - 1, "was") || c.Is(i - 1, "met") || c.Is(i - 1, "by") || after_post ||
                (c.Is(end, ",") && c.Is(end + 1, "who"));
    if (!cued) continue;
    bool common = false;
    for (size_t k = i; k < end; ++k)
      common = common || IsCommonCapitalized(c.tokens[k].lower) || c.tokens[k].text.size() < 2 ||
               c.tokens[k].digits;
    if (common) continue;
    AddPerson(c, {i, end, i, std::nullopt}, false);
    i = end - 1;
  }
}

// Later mentions by a known surname or first name ("Haidar", "al-Sabbagh").
void FindKnownNames(Context& c) {
  auto known = [&](std::string_view lower) {
    std::optional<size_t> e = c.out.Find(EntityType::kPerson, "person/" + std::string(lower));
    if (std::string_view bare = BareName(lower); !e && bare != lower)
      e = c.out.Find(EntityType::kPerson, "person/" + std::string(bare));
    return e;
  };
  for (size_t i = 0; i < c.tokens.size(); ++i) {
    const Token& t = c.tokens[i];
    if (!t.capitalized || !Usable(c, i)) continue;
    size_t end = NameEnd(c, i);
    if (end == i) continue;
    Span s = c.SpanOf(i, end);
    std::optional<size_t> e = known(Lower(c.text.substr(s.begin, s.end - s.begin)));
    if (!e && end - i > 1) {
      // "Later Farhat left": a known surname after a capitalized word.
      end = i + 1;
      e = known(t.lower);
      if (!e) continue;
    }
    if (e) AddPerson(c, {i, end, i, std::nullopt}, c.out.entity(*e).is_protected);
    i = end - 1;
  }
}

}  // namespace

void FindPersons(Context& c) {
  FindWitness(c);
  FindRanked(c);
  FindKin(c);
  FindNamed(c);
  FindUncued(c);
  FindKnownNames(c);
  FindKunyas(c);
  FindKnownNames(c);
  if (c.ranks.size() < c.out.entities().size()) c.ranks.resize(c.out.entities().size());
}

// "the general", "the colonel", "the same officer" -> the nearest person before it whose
// rank fits; nothing when there is none.
void ResolvePersonAnaphora(Context& c) {
  std::vector<PersonMention> added;
  for (size_t i = 0; i + 1 < c.tokens.size(); ++i) {
    if (!c.Is(i, "the") || !Usable(c, i + 1)) continue;
    size_t j = i + 1;
    if (c.Is(j, "same")) ++j;
    std::string_view noun = c.Lower(j);
    if (noun != "general" && noun != "colonel" && noun != "officer" && noun != "major" &&
        noun != "captain")
      continue;
    bool capitalized_after = j + 1 < c.tokens.size() && c.tokens[j + 1].capitalized;
    if (c.tokens[j].capitalized || c.Is(j + 1, "of") || capitalized_after ||
        c.tokens[i].sentence != c.tokens[j].sentence)
      continue;
    for (auto it = c.persons.rbegin(); it != c.persons.rend(); ++it) {
      if (it->first >= i || it->anaphor) continue;
      const std::optional<std::string>& rank = c.ranks[it->entity];
      bool fits = rank && (noun == "officer" || rank->find(noun) != std::string::npos);
      if (!fits) continue;
      c.out.AddSpan(it->entity, c.SpanOf(i, j + 1));
      added.push_back({i, j + 1, it->entity, std::nullopt, true});
      break;
    }
  }
  for (const PersonMention& m : added) {
    auto at = std::upper_bound(c.persons.begin(), c.persons.end(), m.first,
                               [](size_t t, const PersonMention& p) { return t < p.first; });
    c.persons.insert(at, m);
  }
}

}  // namespace sijill::extract::english
