// Claim patterns of Arabic testimonies, read over the tokens the recognizers marked:
//   commanders   قائد اللواء ... كان العميد X؛ X، الذي كان رئيس أركان اللواء؛ كتيبة ... بقيادة X
//   membership   خدمتُ / تطوعتُ / التحقتُ / صرتُ رقيباً في X (the witness; the interviewer's
//                third person too)
//   hierarchy    تحت إمرة X، أُلحقنا بـ X (operational attachment); واحدة من كتائب X (organic)
//   deployment   أُرسلت كتيبتنا إلى حلب؛ وصلنا إلى أطراف جوبر؛ أرسل كتيبة إلى تدمر (one battalion)
//   location     مقرّ اللواء في حماة (headquarters); الشرطة العسكرية في القابون
// with evidence and time read from the sentence (arabic_evidence.cc).
#include <algorithm>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "extract/arabic_internal.h"

namespace sijill::extract::arabic {
namespace {

using knowledge::Predicate;

bool In(std::string_view k, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), k) != words.end();
}

bool TokenIn(const Token& t, std::initializer_list<std::string_view> words) {
  return In(t.key, words) || In(t.base, words);
}

FoundClaim NewClaim(const ArabicDoc& doc, size_t token, size_t subject, Predicate predicate,
                    size_t object, std::string_view recognizer) {
  FoundClaim c;
  c.subject = subject;
  c.predicate = predicate;
  c.object = object;
  c.evidence = EvidenceAt(doc, token);
  c.quote = doc.SentenceSpan(token);
  c.recognizer = std::string(recognizer);
  return c;
}

// The mention nearest to token `at` inside [first, last], looking forward (starting at or
// after `at`) or backward (ending before `at`), within `reach` tokens.
template <typename M, typename Lookup>
const M* Near(const ArabicDoc& doc, Lookup at_token, size_t at, size_t first, size_t last,
              bool forward, size_t reach) {
  if (forward) {
    for (size_t t = std::max(at, first); t <= last && t <= at + reach && t < doc.tokens.size();
         ++t) {
      const M* m = at_token(t);
      if (m != nullptr && m->first == t && m->last <= last) return m;
    }
    return nullptr;
  }
  for (size_t t = at; t > first && t + reach > at;) {
    --t;
    const M* m = at_token(t);
    if (m != nullptr && m->last == t && m->first >= first) return m;
  }
  return nullptr;
}

const PersonMention* PersonNear(const ArabicDoc& doc, size_t at, size_t first, size_t last,
                                bool forward, size_t reach) {
  return Near<PersonMention>(
      doc, [&](size_t t) { return doc.PersonAt(t); }, at, first, last, forward, reach);
}

const UnitMention* UnitNear(const ArabicDoc& doc, size_t at, size_t first, size_t last,
                            bool forward, size_t reach) {
  return Near<UnitMention>(
      doc, [&](size_t t) { return doc.UnitAt(t); }, at, first, last, forward, reach);
}

bool SaysNotKnowing(const ArabicDoc& doc, size_t first, size_t last) {
  for (size_t t = first; t < last; ++t) {
    if (doc.tokens[t].key == "لا" && TokenIn(doc.tokens[t + 1], {"اعرف", "اعلم", "ادري"}))
      return true;
  }
  return false;
}

// Planned or unseen movements: "ستصل قريباً"، "لم أرَ".
bool IsUnconfirmed(const ArabicDoc& doc, size_t first, size_t last) {
  for (size_t t = first; t <= last; ++t) {
    const Token& k = doc.tokens[t];
    if (TokenIn(k, {"قريبا", "سوف", "ستصل", "سيصل", "ستاتي", "سياتي"})) return true;
    if (k.key == "لم" && t + 1 <= last && TokenIn(doc.tokens[t + 1], {"ار", "اري", "اشاهد"}))
      return true;
  }
  return false;
}

// The units "we" means: the witness's smallest unit and the units it belongs to.
std::vector<size_t> WitnessUnits(const ArabicDoc& doc) {
  std::vector<size_t> out;
  if (doc.witness_units.empty()) return out;
  auto smallest =
      std::min_element(doc.witness_units.begin(), doc.witness_units.end(),
                       [](const auto& a, const auto& b) { return a.second < b.second; });
  out.push_back(smallest->first);
  for (const FoundClaim& c : doc.out.claims()) {
    if (c.predicate == Predicate::kSubordinateTo && c.subject == smallest->first &&
        c.role == "organic" && c.object)
      out.push_back(*c.object);
  }
  return out;
}

// A post, and (gold convention: commanders are members too) membership carrying the
// holder's rank where the text states one.
void AddPost(ArabicDoc& doc, FoundClaim post, const PersonMention& person) {
  FoundClaim membership = post;
  AddClaim(doc, std::move(post));
  if (person.rank) {
    membership.predicate = Predicate::kMemberOf;
    membership.rank = person.rank;
    AddClaim(doc, std::move(membership));
  }
}

// commander_of (and member_of with the rank) from a role word before a unit.
void Commanders(ArabicDoc& doc, size_t r, size_t first, size_t last) {
  const Token& t = doc.tokens[r];
  std::string_view core = WithoutArticle(t.base);
  bool led_by = t.key == "بقياده";
  // "قائداً للواء": the role as a predicate, its holder named before it.
  bool predicate = In(core, {"قائدا", "رئيسا", "مديرا"});
  if (predicate) core = core.substr(0, core.size() - 2);
  if (!led_by && !In(core, {"قائد", "قياده", "امر", "رئيس", "مدير"})) return;
  // امر is "order" as often as "commander" (آمر): only the spelling with madda counts.
  if (core == "امر" && doc.TextAt(t.span).find("آمر") == std::string_view::npos) return;
  if (r > first && doc.tokens[r - 1].key == "تحت") return;
  if (SaysNotKnowing(doc, first, r)) return;
  std::string role = "commander";
  size_t unit_at = r + 1;
  if (core == "رئيس" && unit_at <= last && WithoutArticle(doc.tokens[unit_at].key) == "اركان") {
    role = "chief of staff";
    ++unit_at;
  }
  const UnitMention* unit = led_by ? UnitNear(doc, r, first, last, false, 6)
                                   : (unit_at <= last ? doc.UnitStartingAt(unit_at) : nullptr);
  if (unit == nullptr) return;
  if (role != "chief of staff" && (core == "رئيس" || core == "مدير"))
    role = unit->branch_like && unit->level <= 50 ? "branch head" : "head";
  const PersonMention* person = nullptr;
  if (led_by) {
    person = PersonNear(doc, r + 1, first, last, true, 2);
  } else if (!predicate) {
    person = PersonNear(doc, unit->last + 1, first, last, true, 8);
  }
  if (person == nullptr && !led_by) person = PersonNear(doc, r, first, last, false, 10);
  if (person == nullptr && !led_by && !predicate && core != "قياده") {
    // "قائد الكتيبة رامي عثمان": a full name (two words at least) right after the unit.
    size_t at = unit->last + 1;
    size_t n = at <= last && doc.Adjacent(at) ? FullNameLength(doc, at) : 0;
    if (n >= 2) {
      AddPerson(doc, std::nullopt, at, at + n - 1, std::nullopt, false);
      person = doc.PersonStartingAt(at);
    }
  }
  if (person == nullptr) {
    // "قائد الكتيبة" names the commander the text already gave.
    for (const FoundClaim& c : doc.out.claims()) {
      if (c.predicate == Predicate::kCommanderOf && c.object == unit->entity && c.role == role) {
        doc.out.AddSpan(c.subject, doc.SpanOf(r, unit->last));
        break;
      }
    }
    return;
  }
  FoundClaim c = NewClaim(doc, r, person->entity, Predicate::kCommanderOf, unit->entity, "role");
  c.role = role;
  // "تسلّم قيادة X": the command starts then.
  bool took_over = r > first && TokenIn(doc.tokens[r - 1], {"تسلم", "استلم", "تولي"});
  c.time = TimeAt(doc, r, took_over);
  AddPost(doc, std::move(c), *person);
}

// "التحقيق هناك كان يديره عقيد اسمه X": X heads interrogation at the unit last named.
void Interrogation(ArabicDoc& doc, size_t v, size_t first, size_t last) {
  if (!TokenIn(doc.tokens[v], {"يديره", "يدير", "يديرها", "يراسه", "يتولاه"})) return;
  bool interrogation = false;
  for (size_t t = v > first + 4 ? v - 4 : first; t < v; ++t)
    interrogation = interrogation || WithoutArticle(doc.tokens[t].base) == "تحقيق";
  if (!interrogation || SaysNotKnowing(doc, first, last)) return;
  const PersonMention* person = PersonNear(doc, v + 1, first, last, true, 3);
  const UnitMention* unit = UnitNear(doc, v, v > 60 ? v - 60 : 0, v, false, 60);
  if (person == nullptr || unit == nullptr) return;
  FoundClaim c = NewClaim(doc, v, person->entity, Predicate::kCommanderOf, unit->entity, "role");
  c.role = "head of interrogation";
  c.time = TimeAt(doc, v, false);
  AddPost(doc, std::move(c), *person);
}

// member_of from a verb of service.
void Membership(ArabicDoc& doc, size_t v, size_t first, size_t last) {
  const Token& t = doc.tokens[v];
  bool first_person = TokenIn(t, {"خدمت", "تطوعت", "التحقت", "انضممت", "صرت", "عملت", "كنت"});
  bool third_person = TokenIn(t, {"خدم", "تطوع", "التحق", "انضم"});
  if (!first_person && !third_person) return;
  std::optional<size_t> subject;
  if (first_person || doc.IsInterviewerParagraph(v)) {
    subject = doc.witness;
  } else if (const PersonMention* p = PersonNear(doc, v, first, last, false, 4)) {
    subject = p->entity;
  }
  if (!subject) return;
  std::optional<std::string> rank;
  for (size_t j = v + 1; j <= last && j <= v + 6; ++j) {
    const Token& w = doc.tokens[j];
    if (j > v + 1 && (TokenIn(w, {"خدمت", "تطوعت", "التحقت", "صرت", "وصرت", "كنت"}) ||
                      doc.GapBefore(j).find_first_of(".،,؛") != std::string_view::npos))
      return;
    bool definite = false, accusative = false;
    if (auto r = RankOf(w.base, &definite, &accusative); r && (accusative || !definite))
      rank = std::string(*r);
    const UnitMention* u = doc.UnitStartingAt(j);
    if (u == nullptr) continue;
    FoundClaim c = NewClaim(doc, v, *subject, Predicate::kMemberOf, u->entity, "membership");
    c.rank = rank;
    c.time = TimeAt(doc, v, true);
    AddClaim(doc, std::move(c));
    if (subject == doc.witness) doc.witness_units.emplace_back(u->entity, u->level);
    return;
  }
}

// subordinate_to from "تحت إمرة X" / "أُلحقنا بـ X" and "واحدة من كتائب X".
void Hierarchy(ArabicDoc& doc, size_t h, size_t first, size_t last) {
  const Token& t = doc.tokens[h];
  const UnitMention* parent = nullptr;
  std::string role;
  if (t.key == "تحت" && h + 2 <= last && In(doc.tokens[h + 1].key, {"امره", "قياده"})) {
    parent = doc.UnitStartingAt(h + 2);
    role = "operational attachment";
  } else if (TokenIn(t, {"الحقنا", "الحقت", "الحق", "الحقوا"}) && h + 1 <= last) {
    parent = doc.UnitStartingAt(h + 1);
    role = "operational attachment";
  } else if (t.key == "من" && h + 2 <= last &&
             In(WithoutArticle(doc.tokens[h + 1].key),
                {"كتائب", "الويه", "افواج", "سرايا", "فرق", "بطاريات", "فروع"})) {
    parent = doc.UnitStartingAt(h + 2);
    role = "organic";
  }
  if (parent == nullptr) return;
  std::vector<size_t> subjects;
  const UnitMention* before = UnitNear(doc, h, first, last, false, 8);
  bool we = h > first && doc.tokens[h - 1].key.ends_with("نا");
  if (before != nullptr && before->entity != parent->entity) {
    subjects.push_back(before->entity);
  } else if (we) {
    subjects = WitnessUnits(doc);
    if (!subjects.empty()) subjects.resize(1);
  }
  for (size_t s : subjects) {
    if (s == parent->entity) continue;
    FoundClaim c = NewClaim(doc, h, s, Predicate::kSubordinateTo, parent->entity, "hierarchy");
    c.role = role;
    if (role != "organic") c.time = TimeAt(doc, h, true);
    AddClaim(doc, std::move(c));
  }
}

bool IsMoveVerb(const Token& t) {
  return TokenIn(t, {"ارسل",    "ارسلت", "ارسلوا", "ارسلنا",  "انتقل",   "انتقلت", "انتقلنا",
                     "نقل",     "نقلت",  "نقلنا",  "نقلونا",  "وصلنا",   "وصل",    "وصلت",
                     "توجهنا",  "توجه",  "توجهت",  "تحركنا",  "تحرك",    "تحركت",  "دخلنا",
                     "انتشرنا", "انتشر", "انتشرت", "ارسلونا", "تمركزنا", "تمركز",  "انسحبنا"});
}

bool IsPlaceFiller(std::string_view key) {
  return In(key, {"اطراف", "محيط", "مدينه", "حي", "ريف", "منطقه", "داخل", "قرب"});
}

// deployed_to from a verb of movement and "إلى" + place.
void Deployment(ArabicDoc& doc, size_t v, size_t first, size_t last) {
  if (!IsMoveVerb(doc.tokens[v])) return;
  size_t to = v + 1;
  while (to <= last && to <= v + 4 && doc.tokens[to].key != "الي") {
    const Token& w = doc.tokens[to];
    bool allowed = doc.InUnit(to) || w.key == "من" || w.key.starts_with("ب") ||
                   std::any_of(doc.sizes.begin(), doc.sizes.end(),
                               [&](const SizeMention& s) { return s.token == to; });
    if (!allowed) return;
    ++to;
  }
  if (to > last || doc.tokens[to].key != "الي") return;
  if (IsUnconfirmed(doc, first, last)) return;
  std::vector<size_t> places;
  for (size_t k = to; k <= last && doc.tokens[k].key == "الي";) {
    size_t p = k + 1;
    while (p <= last && p <= k + 3 && IsPlaceFiller(doc.tokens[p].key)) ++p;
    const PlaceMention* place = p <= last ? doc.PlaceStartingAt(p) : nullptr;
    if (place == nullptr) break;
    places.push_back(place->entity);
    k = place->last + 1;
  }
  if (places.empty()) return;
  std::optional<std::string> size;
  for (const SizeMention& s : doc.sizes)
    if (s.token > v && s.token < to) size = s.size;
  std::vector<size_t> subjects;
  const UnitMention* after = UnitNear(doc, v + 1, v + 1, to, true, 4);
  const UnitMention* before = UnitNear(doc, v, first, v, false, 3);
  if (after != nullptr &&
      (!size || (after->first > v + 1 && doc.tokens[after->first - 1].key == "من")))
    subjects.push_back(after->entity);
  else if (before != nullptr)
    subjects.push_back(before->entity);
  else if (doc.tokens[v].key.ends_with("نا"))
    subjects = WitnessUnits(doc);
  for (size_t s : subjects) {
    for (size_t place : places) {
      FoundClaim c = NewClaim(doc, v, s, Predicate::kDeployedTo, place, "deployment");
      c.role = size;
      c.time = TimeAt(doc, v, true);
      AddClaim(doc, std::move(c));
    }
  }
}

// located_at: "مقرّ X في P" (headquarters); a fixed facility "X في P".
void Location(ArabicDoc& doc, size_t i, size_t last) {
  const Token& t = doc.tokens[i];
  bool headquarters = In(WithoutArticle(t.base), {"مقر", "مقره", "مقرها"});
  const UnitMention* unit =
      headquarters ? (i + 1 <= last ? doc.UnitStartingAt(i + 1) : nullptr) : doc.UnitStartingAt(i);
  if (unit == nullptr || (!headquarters && !unit->branch_like)) return;
  size_t in = unit->last + 1;
  if (in + 1 > last || doc.tokens[in].key != "في") return;
  size_t p = in + 1;
  while (p <= last && p <= in + 3 && IsPlaceFiller(doc.tokens[p].key)) ++p;
  const PlaceMention* place = p <= last ? doc.PlaceStartingAt(p) : nullptr;
  if (place == nullptr) return;
  FoundClaim c = NewClaim(doc, i, unit->entity, Predicate::kLocatedAt, place->entity, "location");
  if (headquarters) c.role = "headquarters";
  AddClaim(doc, std::move(c));
}

}  // namespace

// Words that start a claim pattern (besides a unit mention: "الشرطة العسكرية في القابون").
bool IsCue(const Token& t) {
  static const auto* cues = new std::unordered_set<std::string_view>{
      "قائد",    "قائدا",   "رئيسا", "مديرا",  "قياده",   "بقياده",  "امر",   "رئيس",
      "مدير",    "خدمت",    "تطوعت", "التحقت", "انضممت",  "صرت",     "عملت",  "كنت",
      "خدم",     "تطوع",    "التحق", "انضم",   "تحت",     "الحقنا",  "الحقت", "الحق",
      "الحقوا",  "من",      "مقر",   "مقره",   "مقرها",   "يديره",   "يدير",  "يديرها",
      "يراسه",   "يتولاه",  "ارسل",  "ارسلت",  "ارسلوا",  "ارسلنا",  "انتقل", "انتقلت",
      "انتقلنا", "نقل",     "نقلت",  "نقلنا",  "نقلونا",  "وصلنا",   "وصل",   "وصلت",
      "توجهنا",  "توجه",    "توجهت", "تحركنا", "تحرك",    "تحركت",   "دخلنا", "دخل",
      "دخلت",    "انتشرنا", "انتشر", "انتشرت", "ارسلونا", "تمركزنا", "تمركز", "انسحبنا"};
  return cues->contains(t.key) || cues->contains(t.base) || cues->contains(WithoutArticle(t.base));
}

void FindClaims(ArabicDoc& doc) {
  size_t first = 0, last = 0;
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (!IsCue(doc.tokens[i]) && doc.UnitStartingAt(i) == nullptr) continue;
    if (i > last || i < first || (first == 0 && last == 0))
      std::tie(first, last) = doc.SentenceTokens(i);
    Commanders(doc, i, first, last);
    Membership(doc, i, first, last);
    Hierarchy(doc, i, first, last);
    Deployment(doc, i, first, last);
    Location(doc, i, last);
    Interrogation(doc, i, first, last);
  }
}

}  // namespace sijill::extract::arabic