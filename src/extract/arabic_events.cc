// Events in Arabic testimonies, general patterns only: the witness's defection
// (انشققتُ، انشقاقي), arrests (اعتُقل أخي علاء، اعتُقلتُ) with the unit a patrol came from
// (دورية من الأمن العسكري), woundings (أُصيب الخطيب في حلب) and shellings of a place (قصف سوق
// جوبر), with who took part and where they happened.
#include <string>
#include <string_view>
#include <unordered_set>

#include "extract/arabic_internal.h"

namespace sijill::extract::arabic {
namespace {

using knowledge::EntityType;
using knowledge::Predicate;

bool In(std::string_view k, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words)
    if (k == w) return true;
  return false;
}

class EventPass {
 public:
  explicit EventPass(ArabicDoc& doc) : doc_(doc) {}

  void Run() {
    static const auto* cues = new std::unordered_set<std::string_view>{
        "انشققت",  "انشقاقي", "انشقيت", "اعتقل", "اعتقلت", "اعتقلني", "اعتقلوني",
        "اوقفتني", "اوقفوني", "اصيب",   "اصبت",  "قصف",    "دوريه",   "انهم"};
    for (size_t i = 0; i < doc_.tokens.size(); ++i) {
      const Token& t = doc_.tokens[i];
      if (!cues->contains(t.base) && !cues->contains(t.key)) continue;
      if (In(t.base, {"انشققت", "انشقاقي", "انشقيت"})) {
        Defection(i);
      } else if (In(t.base, {"اعتقل", "اعتقلت", "اعتقلني", "اعتقلوني", "اوقفتني", "اوقفوني"})) {
        Arrest(i);
      } else if (In(t.base, {"اصيب", "اصبت"})) {
        Wounding(i);
      } else if (In(t.base, {"قصف"})) {
        Shelling(i);
      } else if (In(t.key, {"دوريه", "انهم"}) && i + 2 < doc_.tokens.size() &&
                 doc_.tokens[i + 1].key == "من") {
        ArrestingUnit(i);
      }
    }
  }

 private:
  size_t Event(std::string_view kind, Span span, std::string canonical) {
    std::string key = "ev:" + std::string(kind) + ":" + canonical;
    return doc_.out.Mention(EntityType::kEvent, key, canonical, span, "event");
  }

  void Take(size_t subject, Predicate predicate, size_t object, std::string_view role,
            size_t token) {
    FoundClaim c;
    c.subject = subject;
    c.predicate = predicate;
    c.object = object;
    if (!role.empty()) c.role = std::string(role);
    c.time = TimeAt(doc_, token, false);
    c.evidence = EvidenceAt(doc_, token);
    c.quote = doc_.SentenceSpan(token);
    c.recognizer = "event";
    AddClaim(doc_, std::move(c));
  }

  // The place after "في" within `reach` tokens of token i, in the same sentence.
  const PlaceMention* PlaceAfter(size_t i, size_t reach) const {
    size_t last = doc_.SentenceTokens(i).second;
    for (size_t t = i + 1; t + 1 <= last && t <= i + reach; ++t) {
      if (doc_.tokens[t].key != "في") continue;
      if (const PlaceMention* p = doc_.PlaceStartingAt(t + 1)) return p;
    }
    return nullptr;
  }

  const PersonMention* PersonAfter(size_t i, size_t reach) const {
    for (size_t t = i + 1; t < doc_.tokens.size() && t <= i + reach; ++t) {
      if (!doc_.Adjacent(t)) return nullptr;
      if (const PersonMention* p = doc_.PersonStartingAt(t)) return p;
    }
    return nullptr;
  }

  const PersonMention* PersonEndingBefore(size_t i) const {
    const PersonMention* p = i > 0 ? doc_.PersonAt(i - 1) : nullptr;
    return p != nullptr && p->last + 1 == i ? p : nullptr;
  }

  void Defection(size_t i) {
    if (!doc_.witness) return;
    const std::string& who = doc_.out.entity(*doc_.witness).canonical;
    size_t e = Event("defection", doc_.SpanOf(i, i), "defection of " + who);
    Take(*doc_.witness, Predicate::kParticipatedIn, e, "defector", i);
  }

  void Arrest(size_t i) {
    const PersonMention* person = PersonAfter(i, 3);
    std::optional<size_t> detainee;
    size_t last = i;
    if (person != nullptr) {
      detainee = person->entity;
      last = person->last;
    } else if (doc_.tokens[i].base != "اعتقل") {
      detainee = doc_.witness;
      // "أوقفتني دورية عند الحاجز على مدخل صحنايا": the words up to where it happened.
      for (size_t t = i + 1; t < doc_.tokens.size() && t <= i + 7 && doc_.Adjacent(t); ++t) {
        if (const PlaceMention* p = doc_.PlaceStartingAt(t)) {
          last = p->last;
          break;
        }
      }
    }
    if (!detainee) return;
    std::string who = doc_.out.entity(*detainee).canonical;
    size_t e = Event("arrest", doc_.SpanOf(i, last), "arrest of " + who);
    last_arrest_ = e;
    last_arrest_token_ = i;
    Take(*detainee, Predicate::kParticipatedIn, e, "detainee", i);
    const PlaceMention* place = doc_.PlaceStartingAt(last);
    if (place == nullptr) place = PlaceAfter(last, 3);
    if (place != nullptr) Take(e, Predicate::kOccurredAt, place->entity, "", i);
  }

  void ArrestingUnit(size_t i) {
    const UnitMention* unit = doc_.UnitStartingAt(i + 2);
    if (unit == nullptr || !last_arrest_) return;
    if (!doc_.SameParagraph(last_arrest_token_, i)) return;
    Take(unit->entity, Predicate::kParticipatedIn, *last_arrest_, "arresting unit", i);
  }

  void Wounding(size_t i) {
    const PersonMention* person = PersonAfter(i, 1);
    if (person == nullptr) person = PersonEndingBefore(i);
    std::optional<size_t> wounded;
    if (person != nullptr) wounded = person->entity;
    if (doc_.tokens[i].base == "اصبت") wounded = doc_.witness;
    if (!wounded) return;
    size_t last = person != nullptr && person->first > i ? person->last : i;
    const PlaceMention* place = PlaceAfter(last, 2);
    if (place != nullptr) last = place->last;
    std::string who = doc_.out.entity(*wounded).canonical;
    size_t e = Event("wounding", doc_.SpanOf(i, last), "wounding of " + who);
    Take(*wounded, Predicate::kParticipatedIn, e, "wounded", i);
    if (place != nullptr) Take(e, Predicate::kOccurredAt, place->entity, "", i);
  }

  void Shelling(size_t i) {
    const PlaceMention* place = nullptr;
    for (size_t t = i + 1; t < doc_.tokens.size() && t <= i + 2 && doc_.Adjacent(t); ++t) {
      place = doc_.PlaceStartingAt(t);
      if (place != nullptr) break;
    }
    if (place == nullptr) return;
    std::string where = doc_.out.entity(place->entity).canonical;
    size_t e = Event("shelling", doc_.SpanOf(i, place->last), "shelling of " + where);
    Take(e, Predicate::kOccurredAt, place->entity, "", i);
  }

  ArabicDoc& doc_;
  std::optional<size_t> last_arrest_;
  size_t last_arrest_token_ = 0;
};

}  // namespace

void FindEvents(ArabicDoc& doc) { EventPass(doc).Run(); }

}  // namespace sijill::extract::arabic
