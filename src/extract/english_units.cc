// Units in English text: numbered echelons ("11th Armored Division", "the Fourth
// Division", "Division 47", "Branch 215", "23 Armoured Brigade"), named organizations
// ("Air Force Intelligence", "the Free Army"), capitalized organization names ending in
// an organization word ("Bunu Yadi Division", "Joint Task Force"), and specialty units
// ("the artillery battalion of the brigade"). Sub-units are named under their parent.
#include <algorithm>
#include <array>
#include <map>
#include <unordered_set>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

struct EchelonWord {
  std::string_view word;
  Echelon echelon;
};

constexpr std::array<EchelonWord, 17> kEchelons = {{
    {"division", Echelon::kDivision},
    {"div", Echelon::kDivision},
    {"brigade", Echelon::kBrigade},
    {"regiment", Echelon::kRegiment},
    {"battalion", Echelon::kBattalion},
    {"company", Echelon::kCompany},
    {"battery", Echelon::kBattery},
    {"platoon", Echelon::kPlatoon},
    {"squadron", Echelon::kSquadron},
    {"branch", Echelon::kBranch},
    {"directorate", Echelon::kDirectorate},
    {"department", Echelon::kDepartment},
    {"section", Echelon::kSection},
    {"office", Echelon::kOffice},
    {"corps", Echelon::kCorps},
    {"bde", Echelon::kBrigade},
    {"bn", Echelon::kBattalion},
}};

std::optional<Echelon> EchelonOf(std::string_view lower) {
  if (lower.size() < 2 || lower.size() > 11) return std::nullopt;
  for (const EchelonWord& e : kEchelons)
    if (e.word == lower) return e.echelon;
  return std::nullopt;
}

constexpr std::array<std::string_view, 20> kOrdinalWords = {
    "first",     "second",    "third",       "fourth",     "fifth",      "sixth",      "seventh",
    "eighth",    "ninth",     "tenth",       "eleventh",   "twelfth",    "thirteenth", "fourteenth",
    "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth"};
constexpr std::array<std::string_view, 20> kCardinalWords = {
    "one",     "two",     "three",     "four",     "five",     "six",      "seven",
    "eight",   "nine",    "ten",       "eleven",   "twelve",   "thirteen", "fourteen",
    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

int ParseDigits(std::string_view s) {
  int n = 0;
  for (char ch : s) {
    if (ch < '0' || ch > '9' || n > 100000) break;
    n = n * 10 + (ch - '0');
  }
  return n;
}

}  // namespace

// "47th", "1st", "Fourth", "47", "Three" (capitalized cardinals only) -> the number.
std::optional<int> NumberAt(const Token& t) {
  if (!t.word) return std::nullopt;
  if (t.digits) return t.text.size() <= 4 ? std::optional<int>(ParseDigits(t.text)) : std::nullopt;
  std::string_view l = t.lower;
  if (l.size() >= 3 && l[0] >= '0' && l[0] <= '9') {
    std::string_view suffix = l.substr(l.size() - 2);
    if (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th") {
      std::string_view digits = l.substr(0, l.size() - 2);
      if (std::all_of(digits.begin(), digits.end(), [](char ch) { return ch >= '0' && ch <= '9'; }))
        return ParseDigits(digits);
    }
    return std::nullopt;
  }
  for (size_t k = 0; k < kOrdinalWords.size(); ++k)
    if (kOrdinalWords[k] == l) return static_cast<int>(k + 1);
  if (t.capitalized)
    for (size_t k = 0; k < kCardinalWords.size(); ++k)
      if (kCardinalWords[k] == l) return static_cast<int>(k + 1);
  return std::nullopt;
}

std::optional<Echelon> EchelonAt(const Context& c, size_t i) { return EchelonOf(c.Lower(i)); }

namespace {

constexpr std::array<std::string_view, 26> kSpecialties = {
    "armored",   "armoured", "tank",     "artillery", "mechanized",    "mechanised", "infantry",
    "transport", "special",  "forces",   "force",     "task",          "guards",     "engineer",
    "engineers", "signals",  "commando", "logistics", "supply",        "provost",    "amphibious",
    "air",       "defence",  "defense",  "rocket",    "reconnaissance"};

bool IsSpecialty(std::string_view lower) {
  static const auto* set =
      new std::unordered_set<std::string_view>(kSpecialties.begin(), kSpecialties.end());
  return set->contains(lower);
}

std::string Capitalize(std::string_view lower) {
  std::string s(lower);
  if (!s.empty() && s[0] >= 'a' && s[0] <= 'z') s[0] = static_cast<char>(s[0] - 32);
  return s;
}

std::string SpecialtyName(const Context& c, size_t first, size_t last) {
  std::string s;
  for (size_t i = first; i < last; ++i) {
    if (!c.tokens[i].word) continue;
    std::string_view l = c.tokens[i].lower;
    std::string w = l == "armoured" ? "armored" : l == "mechanised" ? "mechanized" : std::string(l);
    if (!s.empty()) s += ' ';
    s += Capitalize(w);
  }
  return s;
}

// Organizations known by name, lowercase words, with the canonical name.
struct NamedOrg {
  std::string_view words;
  std::string_view canonical;
};
constexpr std::array<NamedOrg, 23> kNamedOrgs = {{
    {"air force intelligence", "Air Force Intelligence"},
    {"republican guard", "Republican Guard"},
    {"military intelligence", "Military Intelligence"},
    {"military security", "Military Security"},
    {"state security", "State Security"},
    {"political security", "Political Security"},
    {"general intelligence", "General Intelligence"},
    {"general security", "General Security"},
    {"criminal security", "Criminal Security"},
    {"military police", "Military Police"},
    {"national defence forces", "National Defence Forces"},
    {"national defense forces", "National Defence Forces"},
    {"popular committees", "popular committees"},
    {"hezbollah", "Hezbollah"},
    {"hizbullah", "Hezbollah"},
    {"free syrian army", "Free Syrian Army"},
    {"free army", "Free Syrian Army"},
    {"military field court", "Military Field Court"},
    {"tiger forces", "Tiger Forces"},
    {"shabiha", "shabiha"},
    {"special anti-robbery squad", "Special Anti-Robbery Squad"},
    {"civilian joint task force", "Civilian Joint Task Force"},
    {"joint task force", "Joint Task Force"},
}};

// Words that make a capitalized phrase an organization when it ends in (or has) them.
constexpr std::array<std::string_view, 35> kOrgHeads = {
    "college",      "army",     "navy",        "command",    "headquarters", "corps",
    "squad",        "force",    "forces",      "police",     "guard",        "guards",
    "intelligence", "centre",   "center",      "school",     "academy",      "contingent",
    "garrison",     "station",  "directorate", "department", "division",     "brigade",
    "battalion",    "regiment", "agency",      "service",    "unit",         "court",
    "ministry",     "squadron", "company",     "engineers",  "signals"};

bool IsOrgHead(std::string_view lower) {
  static const auto* set =
      new std::unordered_set<std::string_view>(kOrgHeads.begin(), kOrgHeads.end());
  return set->contains(lower);
}

// The services and forces a headquarters belongs to: "Defence", "Force", "Naval".
bool IsServiceWord(std::string_view lower) {
  // Not "brigade" or "division": "the Brigade headquarters" is the brigade's, no unit of
  // its own.
  return lower == "army" || lower == "navy" || lower == "naval" || lower == "force" ||
         lower == "defence" || lower == "defense" || lower == "police";
}

// Words that do not begin an organization name though capitalized.
constexpr std::array<std::string_view, 40> kNonStarters = {
    "the",     "a",       "an",         "our",  "my",     "his",       "her",       "their",
    "its",     "this",    "that",       "in",   "on",     "at",        "by",        "for",
    "from",    "to",      "with",       "and",  "but",    "when",      "while",     "after",
    "before",  "as",      "of",         "then", "chief",  "commander", "director",  "head",
    "general", "officer", "commanding", "goc",  "deputy", "acting",    "spokesman", "late"};

bool IsNonStarter(std::string_view lower) {
  static const auto* set =
      new std::unordered_set<std::string_view>(kNonStarters.begin(), kNonStarters.end());
  return set->contains(lower);
}

struct RawUnit {
  size_t first = 0, last = 0;
  UnitName name;
  bool numbered_echelon = false;  // name is meaningful (else `org` is)
  std::string org_key, org_canonical;
  std::optional<size_t> parent_raw;  // an explicit "of the 47th Brigade"
};

bool Taken(const std::vector<bool>& used, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i)
    if (used[i]) return true;
  return false;
}

void Take(std::vector<bool>& used, size_t first, size_t last) {
  for (size_t i = first; i < last; ++i) used[i] = true;
}

bool IsOpenQuote(std::string_view t) { return t == "\"" || t == "\u201c" || t == "\u2018"; }
bool IsCloseQuote(std::string_view t) { return t == "\"" || t == "\u201d" || t == "\u2019"; }

// A unit named as written over tokens [first, last): its key is the words' lowercase.
RawUnit WrittenOrg(const Context& c, size_t first, size_t last) {
  RawUnit u;
  u.first = first;
  u.last = last;
  Span s = c.SpanOf(first, last);
  u.org_canonical = std::string(c.text.substr(s.begin, s.end - s.begin));
  u.org_key = "org/";
  for (size_t k = first; k < last; ++k)
    if (c.tokens[k].word) u.org_key += c.tokens[k].lower + " ";
  return u;
}

// Capitalized words after a numbered unit that name another formation of it: "81 Division
// Garrison", "45 Division Engineers", "2 Brigade Headquarters", "23 Brigade Provost
// Company". The whole phrase is then its own unit, named as written.
bool IsFormationSuffix(std::string_view lower) {
  return lower == "garrison" || lower == "engineers" || lower == "signals" ||
         lower == "headquarters" || lower == "hq" || lower == "provost";
}

void ExtendByFormationSuffix(const Context& c, RawUnit& u) {
  size_t j = u.last;
  if (j >= c.tokens.size() || !c.tokens[j].capitalized || !IsFormationSuffix(c.tokens[j].lower) ||
      c.tokens[j].sentence != c.tokens[u.first].sentence)
    return;
  ++j;
  if (c.tokens[j - 1].lower == "provost" && j < c.tokens.size() && c.tokens[j].capitalized &&
      EchelonOf(c.tokens[j].lower))
    ++j;  // "Provost Company"
  RawUnit formation = WrittenOrg(c, u.first, j);
  u.last = j;
  u.numbered_echelon = false;
  u.org_canonical = std::move(formation.org_canonical);
  u.org_key = std::move(formation.org_key);
}

// "47th [“Hawks”] Armored Division", "2 Div", "Three Brigade".
std::optional<RawUnit> NumberFirstAt(const Context& c, size_t i) {
  std::optional<int> number = NumberAt(c.tokens[i]);
  if (!number) return std::nullopt;
  size_t j = i + 1;
  // "‘3’ Armoured Division": a number in quotes.
  bool quoted = i > 0 && IsOpenQuote(c.tokens[i - 1].text) && j < c.tokens.size() &&
                IsCloseQuote(c.tokens[j].text);
  if (quoted) ++j;
  if (j + 2 < c.tokens.size() && IsOpenQuote(c.tokens[j].text) && c.tokens[j + 1].word &&
      IsCloseQuote(c.tokens[j + 2].text))
    j += 3;  // a nickname
  size_t spec_begin = j;
  while (j < c.tokens.size() && j - spec_begin < 3 && c.tokens[j].word &&
         !EchelonOf(c.tokens[j].lower) &&
         (IsSpecialty(c.tokens[j].lower) ||
          (c.tokens[j].capitalized && c.tokens[i].capitalized == c.tokens[j].capitalized)))
    ++j;
  if (j >= c.tokens.size()) return std::nullopt;
  std::optional<Echelon> echelon = EchelonOf(c.tokens[j].lower);
  if (!echelon) return std::nullopt;
  // Spelled numbers need a capitalized unit ("the Fourth Division"); "second company"
  // in running text is not a name.
  if (!c.tokens[i].digits && !std::isdigit(static_cast<unsigned char>(c.tokens[i].text[0])) &&
      !c.tokens[j].capitalized)
    return std::nullopt;
  RawUnit u;
  u.first = quoted ? i - 1 : i;
  u.last = j + 1;
  if (u.last < c.tokens.size() && c.tokens[u.last].text == "." && c.tokens[j].lower == "div")
    ++u.last;
  u.name.echelon = *echelon;
  u.name.number = *number;
  u.name.specialty = SpecialtyName(c, spec_begin, j);
  u.numbered_echelon = true;
  ExtendByFormationSuffix(c, u);
  return u;
}

// "9Brigade": a number run into its echelon word, as hurried copy writes it.
std::optional<RawUnit> GluedNumberAt(const Context& c, size_t i) {
  std::string_view w = c.tokens[i].text;
  size_t digits = 0;
  while (digits < w.size() && digits < 4 && w[digits] >= '0' && w[digits] <= '9') ++digits;
  if (digits == 0 || digits == w.size() || w[digits] < 'A' || w[digits] > 'Z') return std::nullopt;
  std::optional<Echelon> echelon = EchelonOf(c.tokens[i].lower.substr(digits));
  if (!echelon) return std::nullopt;
  RawUnit u;
  u.first = i;
  u.last = i + 1;
  u.name.echelon = *echelon;
  u.name.number = ParseDigits(w.substr(0, digits));
  u.numbered_echelon = true;
  return u;
}

// "Division 47", "Branch 215".
std::optional<RawUnit> EchelonFirstAt(const Context& c, size_t i) {
  std::optional<Echelon> echelon = EchelonOf(c.tokens[i].lower);
  if (!echelon || i + 1 >= c.tokens.size() || !c.tokens[i + 1].digits) return std::nullopt;
  int n = ParseDigits(c.tokens[i + 1].text);
  if (c.tokens[i + 1].text.size() > 4 || (n >= 1900 && n <= 2100)) return std::nullopt;
  if (!c.tokens[i].capitalized && !NumberFollows(*echelon)) return std::nullopt;
  RawUnit u;
  u.first = i;
  u.last = i + 2;
  u.name.echelon = *echelon;
  u.name.number = n;
  u.numbered_echelon = true;
  return u;
}

std::optional<RawUnit> NamedOrgAt(const Context& c, size_t i) {
  static const auto* first = [] {
    auto* words = new std::unordered_set<std::string_view>();
    for (const NamedOrg& org : kNamedOrgs) words->insert(org.words.substr(0, org.words.find(' ')));
    return words;
  }();
  if (!first->contains(c.tokens[i].lower)) return std::nullopt;
  for (const NamedOrg& org : kNamedOrgs) {
    size_t j = i;
    std::string_view rest = org.words;
    bool ok = true;
    while (!rest.empty()) {
      size_t space = rest.find(' ');
      std::string_view word = rest.substr(0, space);
      if (!c.Is(j, word)) {
        ok = false;
        break;
      }
      ++j;
      rest = space == std::string_view::npos ? std::string_view() : rest.substr(space + 1);
    }
    if (!ok) continue;
    RawUnit u;
    u.first = i;
    u.last = j;
    u.org_key = "org/" + std::string(org.canonical);
    u.org_canonical = std::string(org.canonical);
    std::transform(u.org_key.begin(), u.org_key.end(), u.org_key.begin(), [](char ch) {
      return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch + 32) : ch;
    });
    return u;
  }
  return std::nullopt;
}

// A capitalized run with an organization word: "Nigerian Army School of Logistics",
// "Bunu Yadi Division", "Defence Headquarters".
std::optional<RawUnit> CapitalizedOrgAt(const Context& c, size_t i) {
  const Token& t = c.tokens[i];
  // A number may begin the name ("330 Nigerian Air Force Station"); a year may not.
  bool number_first = t.digits && t.text.size() <= 4 && i + 1 < c.tokens.size() &&
                      c.tokens[i + 1].capitalized && !IsNonStarter(c.tokens[i + 1].lower) &&
                      (ParseDigits(t.text) < 1900 || ParseDigits(t.text) > 2100);
  if (!number_first && (!t.capitalized || IsNonStarter(t.lower) || RankAt(c, i) || RoleAt(c, i)))
    return std::nullopt;
  size_t j = i;
  std::optional<size_t> head;
  while (j < c.tokens.size() && c.tokens[j].sentence == t.sentence) {
    const Token& w = c.tokens[j];
    bool shouted = w.text.size() >= 4 && std::all_of(w.text.begin(), w.text.end(), [](char ch) {
                     return ch >= 'A' && ch <= 'Z';
                   });
    if (shouted) return std::nullopt;  // a headline
    // "Army Headquarters Garrison Commander": a role that begins with an organization
    // word ("garrison commander", "brigade commander") ends the name after that word.
    if (w.capitalized && j > i && (RankAt(c, j) || RoleAt(c, j))) {
      if (!RankAt(c, j) && IsOrgHead(w.lower)) head = j++;
      break;
    }
    if (w.text == "." && j > i && c.tokens[j - 1].text == "St" && j + 1 < c.tokens.size() &&
        c.tokens[j + 1].capitalized) {
      ++j;  // "St. Saviour Police Division": a saint's name, not a sentence end
      continue;
    }
    if (w.capitalized || (w.digits && (j > i || number_first))) {
      if (IsOrgHead(w.lower)) head = j;
      ++j;
      continue;
    }
    // "Force headquarters", "Naval headquarters": written in lower case after the
    // service it belongs to.
    if (w.lower == "headquarters" && j > i && IsServiceWord(c.tokens[j - 1].lower)) {
      head = j++;
      break;
    }
    if ((w.lower == "of" || w.lower == "and") && head && j + 1 < c.tokens.size() &&
        c.tokens[j + 1].capitalized && !IsNonStarter(c.tokens[j + 1].lower)) {
      ++j;
      continue;
    }
    break;
  }
  if (!head) return std::nullopt;
  size_t end = *head + 1;
  if (end < j && c.Is(end, "of")) end = j;  // "School of Logistics"
  while (end > i && end - 1 != *head && !c.tokens[end - 1].capitalized && !c.tokens[end - 1].digits)
    --end;
  if (end - i < 2) return std::nullopt;
  return WrittenOrg(c, i, end);
}

// A headquarters by its initials: "DHQ" (Defence Headquarters), "AHQ", "NAHQ".
std::optional<RawUnit> HeadquartersInitialsAt(const Context& c, size_t i) {
  std::string_view w = c.tokens[i].text;
  if (w.size() < 3 || w.size() > 5 || !w.ends_with("HQ") ||
      !std::all_of(w.begin(), w.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; }))
    return std::nullopt;
  return WrittenOrg(c, i, i + 1);
}

// Words of institutions, not of personal names: a capitalized phrase naming what a post
// heads has one ("Army Public Relations", "Defence Information").
bool IsInstitutionWord(std::string_view lower) {
  static const auto* set = new std::unordered_set<std::string_view>{
      "army",           "navy",        "naval",      "air",      "force",        "police",
      "defence",        "defense",     "military",   "security", "intelligence", "public",
      "relations",      "information", "operations", "training", "affairs",      "logistics",
      "administration", "services",    "national",   "state",    "prisons",      "customs"};
  return set->contains(lower);
}

// What a post heads, named after the role and a comma: "Director, Army Public Relations",
// "Chief of Staff, Army Public Relations, Col. X". Two to six capitalized words, one of
// them an institution's.
std::optional<RawUnit> PostObjectAt(const Context& c, size_t i) {
  if (i < 2 || !c.Is(i - 1, ",") || !c.tokens[i].capitalized) return std::nullopt;
  bool after_role = false;
  for (size_t k = i >= 7 ? i - 7 : 0; k + 1 < i && !after_role; ++k)
    after_role = RoleAt(c, k) && RoleAt(c, k)->end == i - 1;
  if (!after_role) return std::nullopt;
  size_t j = i;
  bool institution = false;
  while (j < c.tokens.size() && j - i < 6 && c.tokens[j].sentence == c.tokens[i].sentence) {
    const Token& w = c.tokens[j];
    if (w.capitalized && w.word && !w.digits && !c.in_place[j] && !RankAt(c, j) && !RoleAt(c, j)) {
      institution = institution || IsInstitutionWord(w.lower);
      ++j;
    } else if ((w.lower == "and" || w.lower == "of") && j + 1 < c.tokens.size() &&
               c.tokens[j + 1].capitalized) {
      ++j;
    } else {
      break;
    }
  }
  // "Director, Training and Evaluations at the DHQ": a portfolio at an organization.
  if (j - i < 2 || !institution || c.Is(j, "at")) return std::nullopt;
  return WrittenOrg(c, i, j);
}

// A named operation or task force: "Operation Lafiya Dole", "Operation Python Dance".
std::optional<RawUnit> OperationAt(const Context& c, size_t i) {
  if (c.tokens[i].text != "Operation") return std::nullopt;
  size_t j = i + 1;
  while (j < c.tokens.size() && j < i + 4 && c.tokens[j].capitalized &&
         c.tokens[j].sentence == c.tokens[i].sentence)
    ++j;
  if (j == i + 1) return std::nullopt;
  return WrittenOrg(c, i, j);
}

// "the artillery battalion", "our transport company".
std::optional<RawUnit> SpecialtyUnitAt(const Context& c, size_t i) {
  std::string_view d = c.Lower(i);
  if (d != "the" && d != "our" && d != "my" && d != "its" && d != "their" && d != "his" && d != "a")
    return std::nullopt;
  size_t j = i + 1;
  while (j < c.tokens.size() && j - i <= 2 && IsSpecialty(c.tokens[j].lower)) ++j;
  if (j == i + 1 || j >= c.tokens.size()) return std::nullopt;
  std::optional<Echelon> echelon = EchelonOf(c.tokens[j].lower);
  if (!echelon || *echelon == Echelon::kBranch || *echelon == Echelon::kOffice) return std::nullopt;
  RawUnit u;
  u.first = d == "the" || d == "a" ? i : i + 1;
  u.last = j + 1;
  u.name.echelon = *echelon;
  u.name.specialty = SpecialtyName(c, i + 1, j);
  u.numbered_echelon = true;
  return u;
}

std::vector<RawUnit> FindRawUnits(const Context& c) {
  std::vector<RawUnit> raw;
  std::vector<bool> used(c.tokens.size(), false);
  using Finder = std::optional<RawUnit> (*)(const Context&, size_t);
  for (Finder find :
       {&NumberFirstAt, &GluedNumberAt, &EchelonFirstAt, &NamedOrgAt, &OperationAt,
        &SpecialtyUnitAt, &HeadquartersInitialsAt, &CapitalizedOrgAt, &PostObjectAt}) {
    for (size_t i = 0; i < c.tokens.size(); ++i) {
      if (used[i] || !c.tokens[i].word) continue;
      if (find == &CapitalizedOrgAt && c.tokens[i].capitalized) {
        const RoleMatch* role = RoleAt(c, i);
        if (role && role->end > i + 1) {
          i = role->end - 1;  // "Divisional Police Officer of ..." is no unit
          continue;
        }
      }
      std::optional<RawUnit> u = find(c, i);
      if (!u || Taken(used, u->first, u->last)) continue;
      // "Deputy Director, Public Relations, 82 Division": a portfolio within the unit after it.
      if (find == &PostObjectAt && c.Is(u->last, ",") && u->last + 1 < used.size() &&
          used[u->last + 1])
        continue;
      if (c.tokens[u->first].sentence != c.tokens[u->last - 1].sentence) continue;
      Take(used, u->first, u->last);
      raw.push_back(std::move(*u));
      i = raw.back().last - 1;
    }
  }
  std::sort(raw.begin(), raw.end(),
            [](const RawUnit& a, const RawUnit& b) { return a.first < b.first; });
  return raw;
}

bool IsLowEchelon(Echelon e) {
  return e == Echelon::kBattalion || e == Echelon::kCompany || e == Echelon::kBattery ||
         e == Echelon::kPlatoon || e == Echelon::kSquadron;
}

bool IsParentEchelon(Echelon parent, Echelon child) {
  return static_cast<int>(parent) < static_cast<int>(child) && parent != Echelon::kArmy &&
         !NumberFollows(parent);
}

// Units identified by echelon and number (whatever specialty a mention adds).
std::string NumberedKey(UnitName name) {
  if (name.number) name.specialty.clear();
  return UnitKey(name);
}

// Whether the sentence around a sub-unit says whose it is: "our 1st Battalion", "the
// artillery battalion of the brigade", "one of the brigade's battalions".
bool ParentCued(const Context& c, size_t first, size_t last) {
  if (first > 0 && (c.Is(first - 1, "our") || c.Is(first - 1, "its") || c.Is(first, "our") ||
                    c.Is(first, "its")))
    return true;
  size_t sentence = c.tokens[first].sentence;
  for (size_t i = last; i < c.tokens.size() && c.tokens[i].sentence == sentence && i < last + 8;
       ++i) {
    if (c.Is(i, "'s") || (c.Is(i, "of") && c.Is(i + 1, "the") && EchelonAt(c, i + 2))) return true;
  }
  return false;
}

}  // namespace

void FindUnits(Context& c) {
  std::vector<RawUnit> raw = FindRawUnits(c);
  std::map<size_t, UnitName> name_of;  // entity -> its own (unparented) name
  std::map<size_t, std::optional<UnitName>> parent_of;
  std::optional<size_t> last_brigade;  // entity of the last brigade or regiment named
  for (size_t r = 0; r < raw.size(); ++r) {
    RawUnit& u = raw[r];
    UnitMention m;
    m.first = u.first;
    m.last = u.last;
    if (!u.numbered_echelon) {
      m.entity = c.out.Mention(knowledge::EntityType::kUnit, u.org_key, u.org_canonical,
                               c.SpanOf(u.first, u.last), "unit");
      c.units.push_back(m);
      continue;
    }
    m.echelon = u.name.echelon;
    // An unnumbered specialty unit is the numbered one of that specialty, if one.
    if (!u.name.number && !u.name.specialty.empty()) {
      for (const RawUnit& other : raw)
        if (other.numbered_echelon && other.name.number && other.name.echelon == u.name.echelon &&
            other.name.specialty == u.name.specialty) {
          u.name.number = other.name.number;
          break;
        }
    }
    std::optional<UnitName> parent;
    bool parent_stated = false;
    if (IsLowEchelon(u.name.echelon)) {
      // "... of the 47th Brigade" right after, else the brigade the text is about.
      if (r + 1 < raw.size() && raw[r + 1].numbered_echelon && c.Is(u.last, "of") &&
          (raw[r + 1].first == u.last + 1 ||
           (raw[r + 1].first == u.last + 2 && c.Is(u.last + 1, "the"))) &&
          IsParentEchelon(raw[r + 1].name.echelon, u.name.echelon)) {
        parent = raw[r + 1].name;
        parent_stated = true;
      } else if (last_brigade && u.name.echelon != Echelon::kCompany) {
        parent = name_of[*last_brigade];
        parent_stated = ParentCued(c, u.first, u.last);
      }
    }
    std::string key =
        parent ? NumberedKey(*parent) + "|" + NumberedKey(u.name) : NumberedKey(u.name);
    std::string canonical =
        parent ? CanonicalSubUnitName(*parent, u.name) : CanonicalUnitName(u.name);
    std::optional<size_t> existing = c.out.Find(knowledge::EntityType::kUnit, key);
    m.entity = c.out.Mention(knowledge::EntityType::kUnit, key, canonical,
                             c.SpanOf(u.first, u.last), "unit");
    if (!existing) {
      name_of[m.entity] = u.name;
    } else if (name_of[m.entity].specialty.empty() && !u.name.specialty.empty()) {
      name_of[m.entity] = u.name;  // the fuller name becomes canonical
      c.out.entity(m.entity).canonical = canonical;
    }
    // "6 Division of the Nigerian Army" is also how the text names it.
    if (r + 1 < raw.size() && !raw[r + 1].numbered_echelon && c.Is(u.last, "of") &&
        c.Is(u.last + 1, "the") && raw[r + 1].first == u.last + 2)
      c.out.AddSpan(m.entity, c.SpanOf(u.first, raw[r + 1].last));
    if (parent && parent_stated) {
      if (auto p = c.out.Find(knowledge::EntityType::kUnit, NumberedKey(*parent)))
        c.parents.push_back({m.entity, *p, u.first});
    }
    if (u.name.echelon == Echelon::kBrigade || u.name.echelon == Echelon::kRegiment)
      if (u.name.number) last_brigade = m.entity;
    c.units.push_back(m);
  }
}

}  // namespace sijill::extract::english
