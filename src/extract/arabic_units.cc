// Units in Arabic text: echelon words with numbers, ordinals and arms (اللواء 47، الفرقة
// الرابعة المدرعة، كتيبة المدفعية، الفرع ٢١٥), the fused ل + ال (للواء 47), named
// organizations (الحرس الجمهوري، الأمن العسكري), branches of them (فرع المخابرات الجوية),
// nicknames in «» (الفرع ٢١٥، أو «فرع المداهمة»), sub-units under a stated parent, and
// "the brigade" / "our battalion" resolved to the nearest unit of that echelon.
// اللواء is also the rank "major general": a rank before a known name or in «».
#include <array>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "extract/arabic_internal.h"

namespace sijill::extract::arabic {
namespace {

using knowledge::EntityType;

struct EchelonWord {
  std::string_view core;  // folded, without article
  Echelon echelon;
  int level;
  std::string_view plural;  // "battalions"
};

constexpr EchelonWord kEchelons[] = {
    {"فيلق", Echelon::kCorps, 90, "corps"},
    {"فرقه", Echelon::kDivision, 80, "divisions"},
    {"لواء", Echelon::kBrigade, 70, "brigades"},
    {"فوج", Echelon::kRegiment, 60, "regiments"},
    {"كتيبه", Echelon::kBattalion, 50, "battalions"},
    {"سريه", Echelon::kCompany, 40, "companies"},
    {"بطاريه", Echelon::kBattery, 40, "batteries"},
    {"فصيله", Echelon::kPlatoon, 20, "platoons"},
    {"فرع", Echelon::kBranch, 50, "branches"},
    {"اداره", Echelon::kDirectorate, 70, "directorates"},
    {"شعبه", Echelon::kDepartment, 70, "departments"},
    {"قسم", Echelon::kSection, 30, "sections"},
    {"مكتب", Echelon::kOffice, 30, "offices"},
};

struct Org {
  std::array<std::string_view, 3> words;  // folded; empty words unused
  std::string_view canonical;
  bool branch_like;
};

constexpr Org kOrgs[] = {
    {{"شعبه", "المخابرات", "العسكريه"}, "Military Intelligence", true},
    {{"المخابرات", "العسكريه", ""}, "Military Intelligence", true},
    {{"الامن", "العسكري", ""}, "Military Intelligence", true},
    {{"اداره", "المخابرات", "الجويه"}, "Air Force Intelligence", true},
    {{"المخابرات", "الجويه", ""}, "Air Force Intelligence", true},
    {{"الامن", "الجوي", ""}, "Air Force Intelligence", true},
    {{"اداره", "المخابرات", "العامه"}, "General Intelligence Directorate", true},
    {{"المخابرات", "العامه", ""}, "General Intelligence Directorate", true},
    {{"امن", "الدوله", ""}, "State Security", true},
    {{"الامن", "السياسي", ""}, "Political Security", true},
    {{"الامن", "الجنائي", ""}, "Criminal Security", true},
    {{"الشرطه", "العسكريه", ""}, "Military Police", true},
    {{"الحرس", "الجمهوري", ""}, "Republican Guard", false},
    {{"قوات", "الدفاع", "الوطني"}, "National Defence Forces", false},
    {{"الدفاع", "الوطني", ""}, "National Defence Forces", false},
    {{"اللجان", "الشعبيه", ""}, "Popular Committees", false},
    {{"حزب", "الله", ""}, "Hezbollah", false},
    {{"الجيش", "السوري", "الحر"}, "Free Syrian Army", false},
    {{"الجيش", "الحر", ""}, "Free Syrian Army", false},
    {{"المحكمه", "الميدانيه", "العسكريه"}, "Military Field Court", true},
    {{"المحكمه", "الميدانيه", ""}, "Military Field Court", true},
    {{"القوات", "الخاصه", ""}, "Special Forces", false},
    {{"قوات", "النمر", ""}, "Tiger Forces", false},
};

// Shortened names that stand for an organization already named in the document.
constexpr std::pair<std::string_view, std::string_view> kOrgShortNames[] = {
    {"الحرس", "Republican Guard"},
};

const std::unordered_map<std::string_view, int>& Ordinals() {
  static const auto* table = new std::unordered_map<std::string_view, int>{
      {"اول", 1},  {"اولي", 1},  {"حادي", 1},  {"حاديه", 1}, {"ثاني", 2}, {"ثانيه", 2},
      {"ثالث", 3}, {"ثالثه", 3}, {"رابع", 4},  {"رابعه", 4}, {"خامس", 5}, {"خامسه", 5},
      {"سادس", 6}, {"سادسه", 6}, {"سابع", 7},  {"سابعه", 7}, {"ثامن", 8}, {"ثامنه", 8},
      {"تاسع", 9}, {"تاسعه", 9}, {"عاشر", 10}, {"عاشره", 10}};
  return *table;
}

const std::unordered_map<std::string_view, std::string_view>& Specialties() {
  static const auto* table = new std::unordered_map<std::string_view, std::string_view>{
      {"مدرعه", "Armored"},          {"مدرعات", "Armored"},
      {"مدفعيه", "Artillery"},       {"دبابات", "Tank"},
      {"مشاه", "Infantry"},          {"ميكانيكيه", "Mechanized"},
      {"ميكانيكي", "Mechanized"},    {"نقل", "Transport"},
      {"اشاره", "Signals"},          {"هندسه", "Engineering"},
      {"صواريخ", "Missile"},         {"مغاوير", "Commando"},
      {"استطلاع", "Reconnaissance"}, {"اقتحام", "Assault"},
      {"امداد", "Supply"},           {"تموين", "Supply"}};
  return *table;
}

enum class FormKind { kBare, kPossessive, kFirstPerson, kDual };

struct EchelonForm {
  const EchelonWord* echelon;
  FormKind kind;
};

// Every form of an echelon word without its article: كتيبه, كتيبتنا, كتيبته, كتيبتان, لوائنا.
const std::unordered_map<std::string_view, EchelonForm>& EchelonForms() {
  static const auto* table = [] {
    static auto* words = new std::vector<std::string>;  // the suffixed forms, kept
    words->reserve(std::size(kEchelons) * 3 * 7);
    auto* t = new std::unordered_map<std::string_view, EchelonForm>;
    for (const EchelonWord& e : kEchelons) {
      t->emplace(e.core, EchelonForm{&e, FormKind::kBare});
      std::vector<std::string> stems;
      if (e.core.ends_with("ه")) {
        stems.push_back(std::string(e.core.substr(0, e.core.size() - 2)) + "ت");
      } else if (e.core == "لواء") {
        stems = {"لوائ", "لواؤ", "لواء"};
      } else {
        stems.push_back(std::string(e.core));
      }
      for (const std::string& stem : stems) {
        for (auto [suffix, kind] :
             {std::pair<std::string_view, FormKind>{"نا", FormKind::kFirstPerson},
              {"ه", FormKind::kPossessive},
              {"ها", FormKind::kPossessive},
              {"هم", FormKind::kPossessive},
              {"ان", FormKind::kDual},
              {"ين", FormKind::kDual}}) {
          words->push_back(stem + std::string(suffix));
          t->emplace(words->back(), EchelonForm{&e, kind});
        }
      }
    }
    return t;
  }();
  return *table;
}

struct Parsed {
  const EchelonWord* echelon = nullptr;
  UnitName name;
  bool definite = false;
  bool possessive = false;  // كتيبتنا، لوائه
  bool first_person = false;
  std::string size;  // "two batteries" for a dual
  bool modified = false;
  size_t last = 0;
};

// Reads the echelon word at token i and the number, ordinal and arm after it.
Parsed ParseEchelon(const ArabicDoc& doc, size_t i) {
  Parsed p;
  std::string_view base = doc.tokens[i].base;
  p.definite = HasArticle(base);
  std::string_view core = WithoutArticle(base);
  auto form = EchelonForms().find(core);
  if (form == EchelonForms().end()) return p;
  FormKind kind = form->second.kind;
  if (kind != FormKind::kBare && p.definite) return p;
  p.echelon = form->second.echelon;
  p.possessive = kind == FormKind::kPossessive || kind == FormKind::kFirstPerson;
  p.first_person = kind == FormKind::kFirstPerson;
  if (kind == FormKind::kDual) p.size = "two " + std::string(p.echelon->plural);
  p.name.echelon = p.echelon->echelon;
  p.last = i;
  if (p.possessive || !p.size.empty()) return p;
  for (size_t j = i + 1; j < doc.tokens.size() && j <= i + 3 && doc.Adjacent(j); ++j) {
    std::string_view key = doc.tokens[j].key;
    std::string_view bare = WithoutArticle(key);
    if (auto n = NumberOf(key); n && *n < 1000 && !p.name.number) {
      p.name.number = *n;
    } else if (auto o = Ordinals().find(bare); o != Ordinals().end() && !p.name.number) {
      p.name.number = o->second;
      if (j + 1 < doc.tokens.size() && doc.Adjacent(j + 1) &&
          (WithoutArticle(doc.tokens[j + 1].key) == "عشر" ||
           WithoutArticle(doc.tokens[j + 1].key) == "عشره")) {
        *p.name.number += 10;
        ++j;
      }
    } else if (auto s = Specialties().find(bare);
               s != Specialties().end() && p.name.specialty.empty()) {
      p.name.specialty = std::string(s->second);
    } else if (bare == "قوات" && j + 1 < doc.tokens.size() &&
               WithoutArticle(doc.tokens[j + 1].key) == "خاصه") {
      p.name.specialty = "Special Forces";
      ++j;
    } else if (bare == "دفاع" && j + 1 < doc.tokens.size() &&
               WithoutArticle(doc.tokens[j + 1].key) == "جوي") {
      p.name.specialty = "Air Defense";
      ++j;
    } else {
      break;
    }
    p.modified = true;
    p.last = j;
  }
  return p;
}

// The organization named at token i (longest entry); *last is its last token.
const Org* OrgAt(const ArabicDoc& doc, size_t i, size_t* last) {
  static const auto* first_words = [] {
    auto* t = new std::unordered_set<std::string_view>;
    for (const Org& org : kOrgs) t->insert(org.words[0]);
    return t;
  }();
  if (!first_words->contains(doc.tokens[i].base) && !first_words->contains(doc.tokens[i].key))
    return nullptr;
  const Org* best = nullptr;
  size_t best_len = 0;
  for (const Org& org : kOrgs) {
    size_t len = 0;
    while (len < org.words.size() && !org.words[len].empty()) ++len;
    if (len <= best_len || i + len > doc.tokens.size()) continue;
    bool match = doc.tokens[i].base == org.words[0] || doc.tokens[i].key == org.words[0];
    for (size_t k = 1; match && k < len; ++k)
      match = doc.Adjacent(i + k) && doc.tokens[i + k].key == org.words[k];
    if (match) {
      best = &org;
      best_len = len;
    }
  }
  if (best != nullptr) *last = i + best_len - 1;
  return best;
}

size_t AddOrg(ArabicDoc& doc, const Org& org, size_t first, size_t last) {
  std::string key = "org:" + std::string(org.canonical);
  size_t e =
      doc.out.Mention(EntityType::kUnit, key, org.canonical, doc.SpanOf(first, last), "unit");
  doc.Add(UnitMention{first, last, e, 100, org.branch_like});
  return e;
}

// The «» quote starting at token i ends at *last.
bool QuoteAt(const ArabicDoc& doc, size_t i, size_t* last) {
  if (doc.GapBefore(i).find("«") == std::string_view::npos) return false;
  for (size_t j = i; j < doc.tokens.size() && j < i + 5; ++j) {
    if (j + 1 >= doc.tokens.size() || doc.GapBefore(j + 1).find("»") != std::string_view::npos) {
      *last = j;
      return true;
    }
  }
  return false;
}

class UnitPass {
 public:
  explicit UnitPass(ArabicDoc& doc) : doc_(doc) {}

  void Run() {
    for (size_t i = 0; i < doc_.tokens.size(); ++i) {
      if (doc_.InPerson(i) || doc_.InPlace(i)) continue;
      i = Step(i);
    }
    LinkParents();
  }

 private:
  // Reads what starts at token i; returns the last token used.
  size_t Step(size_t i) {
    size_t last = i;
    if (Nickname(i, &last)) return last;
    if (const Org* org = OrgAt(doc_, i, &last)) {
      AddOrg(doc_, *org, i, last);
      return last;
    }
    for (auto [word, canonical] : kOrgShortNames) {
      if (doc_.tokens[i].base != word) continue;
      auto e = doc_.out.Find(EntityType::kUnit, "org:" + std::string(canonical));
      if (!e) continue;
      doc_.out.AddSpan(*e, doc_.SpanOf(i, i));
      doc_.Add(UnitMention{i, i, *e, 100, false});
      return i;
    }
    Parsed p = ParseEchelon(doc_, i);
    if (p.echelon == nullptr) return i;
    if (p.echelon->echelon == Echelon::kBrigade && !p.modified && !p.possessive && p.size.empty() &&
        Rank(i))
      return doc_.persons.back().last;
    if (!p.modified && !p.possessive && p.size.empty() && i + 1 < doc_.tokens.size() &&
        doc_.Adjacent(i + 1)) {
      if (const Org* org = OrgAt(doc_, i + 1, &last)) return BranchOf(*org, p, i, last);
    }
    if (p.modified) return Named(p, i);
    if (!p.size.empty()) {
      doc_.sizes.push_back({i, p.size});
      return i;
    }
    if (p.definite || p.possessive) return Anaphor(p, i);
    if (IsSize(i)) doc_.sizes.push_back({i, "one " + std::string(Singular(*p.echelon))});
    return i;
  }

  static std::string Singular(const EchelonWord& e) {
    std::string s(EchelonName(e.echelon));
    s[0] = static_cast<char>(s[0] - 'A' + 'a');
    return s;
  }

  // An indefinite echelon word standing alone ("أرسل كتيبة إلى"), not "فرقة موسيقية".
  bool IsSize(size_t i) const {
    if (i + 1 >= doc_.tokens.size() || !doc_.Adjacent(i + 1)) return true;
    return IsStopWord(doc_.tokens[i + 1].key);
  }

  // اللواء as the rank: after رتبة, or before a name already known or inside «».
  bool Rank(size_t i) {
    if (i > 0 && (doc_.tokens[i - 1].base == "رتبه" || doc_.tokens[i - 1].key == "برتبه"))
      return false;
    size_t j = i + 1;
    if (j >= doc_.tokens.size() || !doc_.Adjacent(j)) return false;
    size_t n = NameLength(doc_, j);
    if (n == 0) return false;
    bool quoted = doc_.GapBefore(i).find("«") != std::string_view::npos;
    bool known = doc_.out.Find(EntityType::kPerson, "p:" + doc_.tokens[j].key).has_value();
    if (!quoted && !known) return false;
    AddPerson(doc_, i, j, j + n - 1, "major general", false);
    return true;
  }

  // «...» after "X، أو": another name of the unit X.
  bool Nickname(size_t i, size_t* last) {
    if (i < 2 || doc_.tokens[i - 1].key != "او" || !QuoteAt(doc_, i, last)) return false;
    const UnitMention* u = doc_.UnitEndingAt(i - 2);
    if (u == nullptr) return false;
    size_t e = u->entity;
    int level = u->level;
    bool branch_like = u->branch_like;
    doc_.out.AddSpan(e, doc_.SpanOf(i, *last));
    doc_.Add(UnitMention{i, *last, e, level, branch_like});
    return true;
  }

  size_t Named(const Parsed& p, size_t i) {
    std::string key = UnitKey(p.name);
    // "الفرقة الرابعة" after "الفرقة الرابعة المدرعة": one numbered unit, arm or not.
    UnitName bare{p.name.echelon, p.name.number, ""};
    std::string bare_key = UnitKey(bare);
    std::optional<size_t> known;
    if (p.name.number) known = doc_.out.Find(EntityType::kUnit, bare_key);
    size_t e =
        known ? *known
              : doc_.out.Mention(EntityType::kUnit, key, CanonicalUnitName(p.name), Span{}, "unit");
    doc_.out.AddSpan(e, doc_.SpanOf(i, p.last));
    if (p.name.number) doc_.out.AddKey(e, bare_key);
    if (known && !p.name.specialty.empty() && names_[e].specialty.empty()) {
      doc_.out.entity(e).canonical = CanonicalUnitName(p.name);
      names_[e] = p.name;
    }
    if (!known) names_[e] = p.name;
    doc_.Add(UnitMention{i, p.last, e, p.echelon->level, NumberFollows(p.name.echelon)});
    return p.last;
  }

  size_t BranchOf(const Org& org, const Parsed& p, size_t i, size_t last) {
    std::string key = "org:" + std::string(org.canonical) + "/" + std::string(p.echelon->core);
    std::string canonical =
        std::string(org.canonical) + " " + std::string(EchelonName(p.echelon->echelon));
    // The organization first, so that the branch's mention covers all its words.
    size_t parent = AddOrg(doc_, org, i + 1, last);
    size_t e = doc_.out.Mention(EntityType::kUnit, key, canonical, doc_.SpanOf(i, last), "unit");
    doc_.Add(UnitMention{i, last, e, p.echelon->level, true});
    FoundClaim c;
    c.subject = e;
    c.predicate = knowledge::Predicate::kSubordinateTo;
    c.object = parent;
    c.role = "organic";
    c.evidence = EvidenceAt(doc_, i);
    c.quote = doc_.SentenceSpan(i);
    c.recognizer = "hierarchy";
    AddClaim(doc_, std::move(c));
    return last;
  }

  // "the brigade", "our battalion": the nearest unit of that echelon before it. Divisions
  // and larger are left alone (a testimony's "the division" is seldom one it named).
  size_t Anaphor(const Parsed& p, size_t i) {
    if (p.echelon->level >= 80) return i;
    // "our battalion" stays the unit it first named.
    if (p.first_person) {
      auto ours = ours_.find(p.echelon->echelon);
      if (ours != ours_.end()) {
        doc_.out.AddSpan(ours->second.entity, doc_.SpanOf(i, i));
        doc_.Add(UnitMention{i, i, ours->second.entity, ours->second.level, false});
        return i;
      }
    }
    for (auto u = doc_.units.rbegin(); u != doc_.units.rend(); ++u) {
      auto name = names_.find(u->entity);
      if (name == names_.end() || name->second.echelon != p.echelon->echelon) continue;
      doc_.out.AddSpan(u->entity, doc_.SpanOf(i, i));
      doc_.Add(UnitMention{i, i, u->entity, u->level, u->branch_like});
      if (p.first_person) ours_.emplace(p.echelon->echelon, doc_.units.back());
      return i;
    }
    return i;
  }

  // A battalion or smaller unit followed by "التابعة لـ" / "من" / "في" and a larger unit
  // is that unit's sub-unit: canonical "47th Brigade, Artillery Battalion".
  void LinkParents() {
    std::vector<UnitMention> units = doc_.units;
    for (const UnitMention& u : units) {
      if (u.branch_like) continue;
      size_t next = u.last + 1;
      if (next + 1 >= doc_.tokens.size()) continue;
      std::string_view link = doc_.tokens[next].base;
      bool organic = link == "التابعه" || link == "تابعه" || link == "التابع" || link == "تابع";
      const UnitMention* parent = nullptr;
      if (organic) parent = doc_.UnitStartingAt(next + 1);
      if (!organic && (link == "من" || link == "في")) parent = doc_.UnitStartingAt(next + 1);
      if (parent == nullptr || parent->level <= u.level) continue;
      auto child_name = names_.find(u.entity);
      auto parent_name = names_.find(parent->entity);
      if (child_name != names_.end() && parent_name != names_.end() && u.level <= 50 &&
          doc_.out.entity(u.entity).canonical.find(',') == std::string::npos) {
        doc_.out.entity(u.entity).canonical =
            CanonicalSubUnitName(parent_name->second, child_name->second);
      }
      FoundClaim c;
      c.subject = u.entity;
      c.predicate = knowledge::Predicate::kSubordinateTo;
      c.object = parent->entity;
      c.role = "organic";
      c.evidence = EvidenceAt(doc_, u.first);
      c.quote = doc_.SentenceSpan(u.first);
      c.recognizer = "hierarchy";
      AddClaim(doc_, std::move(c));
    }
  }

  ArabicDoc& doc_;
  std::unordered_map<size_t, UnitName> names_;  // entity -> its name, for numbered units
  std::map<Echelon, UnitMention> ours_;         // what "our battalion" first referred to
};

}  // namespace

bool IsUnitWord(std::string_view base) { return EchelonForms().contains(WithoutArticle(base)); }

void FindUnits(ArabicDoc& doc) { UnitPass(doc).Run(); }

}  // namespace sijill::extract::arabic
