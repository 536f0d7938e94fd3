// Claim patterns of English testimonies and news text, sentence by sentence: posts
// (apposition, "X was the commander of Y", "commanded by", "took over", "GOC 81
// Division"), membership ("I served in ..."), hierarchy ("one of the brigades of",
// "attached to", sub-units), deployment ("was sent to Jobar"), location ("headquarters was
// on the edge of Hama", "based in"), kinship. Times come from the sentence's dates only;
// evidence from its wording. Disputed statements, plans and explicit non-knowledge make
// no claim.
#include <algorithm>
#include <unordered_set>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;

// A sentence being read. Whether it is asserted, its evidence and its time are read
// from its wording only when a pattern makes a claim from it (most sentences make none).
struct Scope {
  const Sentence* sentence;
  mutable std::optional<bool> asserted;
  mutable std::optional<Evidence> evidence;
  mutable std::optional<std::optional<std::string>> time;
};

bool IsMemberRole(std::string_view role) {
  return role == "platoon commander" || role == "spokesman" || role == "interrogator" ||
         role == "public relations officer" || role == "divisional police officer" ||
         role == "provost marshal" || role == "coordinator";
}

class Patterns {
 public:
  explicit Patterns(Context& c) : c_(c), places_(c.tokens.size()) {
    const auto& entities = c.out.entities();
    for (size_t e = 0; e < entities.size(); ++e) {
      if (entities[e].type != EntityType::kPlace) continue;
      for (Span s : entities[e].spans) MarkPlace(s, e);
    }
  }

  void Run() {
    for (const Sentence& s : c_.sentences) {
      Scope scope{&s, std::nullopt, std::nullopt, std::nullopt};
      Posts(scope);
      Membership(scope);
      Hierarchy(scope);
      Deployment(scope);
      Location(scope);
    }
    Kinship();
    SubUnits();
  }

 private:
  std::optional<size_t> Place(size_t i) const {
    return i < places_.size() ? places_[i] : std::nullopt;
  }

  void MarkPlace(Span s, size_t entity) {
    auto it = std::lower_bound(c_.tokens.begin(), c_.tokens.end(), s.begin,
                               [](const Token& t, size_t b) { return t.span.begin < b; });
    for (; it != c_.tokens.end() && it->span.end <= s.end; ++it)
      places_[static_cast<size_t>(it - c_.tokens.begin())] = entity;
  }

  void Add(const Scope& s, size_t subject, Predicate p, size_t object,
           std::optional<std::string> role, std::optional<std::string> rank,
           std::string_view recognizer, std::optional<std::string> time_override = {}) {
    if (subject == object) return;
    if (!s.asserted) {
      std::string lower(
          c_.text.substr(s.sentence->span.begin, s.sentence->span.end - s.sentence->span.begin));
      for (char& ch : lower)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
      s.asserted = !Unasserted(lower);
    }
    if (!*s.asserted) return;
    if (!s.evidence) s.evidence = EvidenceOf(c_, *s.sentence);
    if (!s.time) s.time = TimeOf(c_, *s.sentence);
    for (const FoundClaim& c : c_.out.claims())
      if (c.subject == subject && c.predicate == p && c.object == object && c.role == role) return;
    FoundClaim claim;
    claim.subject = subject;
    claim.predicate = p;
    claim.object = object;
    claim.role = std::move(role);
    if (p == Predicate::kMemberOf) claim.rank = std::move(rank);
    claim.time = time_override ? time_override : *s.time;
    claim.evidence = *s.evidence;
    claim.quote = s.sentence->span;
    claim.recognizer = std::string(recognizer);
    c_.out.Claim(std::move(claim));
  }

  std::optional<std::string> RankOf(const PersonMention& p) const {
    if (p.rank) return p.rank;
    return p.entity < c_.ranks.size() ? c_.ranks[p.entity] : std::nullopt;
  }

  bool IsClauseBreak(size_t i) const {
    // "while as GOC 2 Div" is "while serving as", no new clause.
    return c_.Is(i, ";") || (c_.Is(i, "while") && !c_.Is(i + 1, "as")) || c_.Is(i, "whereas") ||
           (c_.Is(i, "as") && c_.Is(i - 1, "just"));
  }

  const PersonMention* NearestPerson(const Scope& s, size_t from, size_t to) const {
    // Within the clause: lists of posts separate their items with ";" and "while".
    size_t first = from, last = to;
    while (first > s.sentence->first && !IsClauseBreak(first - 1)) --first;
    while (last < s.sentence->last && !IsClauseBreak(last)) ++last;
    const PersonMention* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const PersonMention& p : c_.persons) {
      if (p.first < first || p.last > last) continue;
      if (c_.witness == p.entity) continue;
      size_t d = p.last <= from ? from - p.last : p.first >= to ? p.first - to : 0;
      if (d < best_distance) {
        best = &p;
        best_distance = d;
      }
    }
    return best;
  }

  const UnitMention* UnitNear(const Scope& s, size_t role_first, size_t role_end) const {
    if (const UnitMention* u = c_.UnitAt(role_first)) return u;  // "Our company commander"
    if (role_first > 0) {
      if (const UnitMention* u = c_.UnitAt(role_first - 1)) return u;  // "Brigade Commander"
    }
    if (const UnitMention* u = UnitAfterPortfolio(s, role_end)) return u;
    // "head of the branch", "commander of the brigade", "GOC 81 Division", "General Officer
    // Commanding (GOC), 7 Division".
    for (size_t i = role_first + 1; i < s.sentence->last && i < role_end + 5; ++i) {
      if (const UnitMention* u = c_.UnitAt(i)) return u;
      if (i >= role_end && (c_.PersonAt(i) || RoleAt(c_, i))) break;
    }
    return nullptr;
  }

  // The unit after a role and its portfolio: "Chief of Research and Development at the
  // Defence Headquarters", "Director of Operations, DOPs, Army Headquarters", "Chief of
  // Staff (COS), 9 Brigade". Null when something else follows.
  const UnitMention* UnitAfterPortfolio(const Scope& s, size_t k) const {
    auto capitalized = [&](size_t i) {
      return i < s.sentence->last && c_.tokens[i].capitalized && !c_.UnitAt(i) && !c_.PersonAt(i) &&
             !RankAt(c_, i) && !RoleAt(c_, i);
    };
    // The portfolio: "of Research and Development", ", Public Relations,", ", DOPs,".
    if ((c_.Is(k, "of") || c_.Is(k, ",")) && capitalized(k + 1)) {
      size_t j = k + 2;
      while (j < s.sentence->last &&
             (capitalized(j) || ((c_.Is(j, "and") || c_.Is(j, "-")) && capitalized(j + 1))))
        ++j;
      if (c_.Is(k, "of") || c_.Is(j, ",") || c_.Is(j, "at")) k = j;
    }
    for (size_t n = 0; n < 6 && k < s.sentence->last; ++n) {
      if (const UnitMention* u = c_.UnitAt(k)) return u;
      if (c_.Is(k, "(") && c_.Is(k + 2, ")")) {  // initials: "(GOC)"
        k += 3;
        continue;
      }
      if (c_.Is(k, ",") && capitalized(k + 1) && c_.Is(k + 2, ",")) {  // ", DOPs,"
        k += 2;
        continue;
      }
      if (!c_.Is(k, ",") && !c_.Is(k, "at") && !c_.Is(k, "of") && !c_.Is(k, "in") &&
          !c_.Is(k, "the") && !c_.Is(k, "for"))
        return nullptr;
      ++k;
    }
    return k < s.sentence->last ? c_.UnitAt(k) : nullptr;
  }

  // The person a post is said of, when the wording ties them: after the unit in apposition
  // ("Commander, Corps of Artillery, Col. X"; "the new GOC 81 Division is Maj-Gen. X"),
  // or just before the role ("Maj.-Gen. X, the former Director of ...", "X is now the
  // Chief of ..."). Null when neither.
  const PersonMention* PersonOfPost(const Scope& s, size_t role_first, size_t role_end,
                                    const UnitMention& unit) const {
    size_t k = unit.first >= role_end ? unit.last : role_end;
    if (unit.last <= role_first) k = role_end;  // "Brigade Commander, Brig.-Gen. X"
    auto skippable_after = [&](size_t i) {
      return c_.Is(i, ",") || c_.Is(i, "is") || c_.Is(i, "was") || c_.Is(i, "now");
    };
    // The unit it is part of: "6 Division of the Nigerian Army, Major-General X".
    if (c_.Is(k, "of")) {
      size_t j = c_.Is(k + 1, "the") ? k + 2 : k + 1;
      if (const UnitMention* parent = c_.UnitAt(j); parent && parent->first == j) k = parent->last;
    }
    for (size_t n = 0; n < 4 && k < s.sentence->last && skippable_after(k); ++n) ++k;
    // A place in apposition: "GOC 81 Division, Lagos, Kenneth Minimah", "Port Harcourt,".
    size_t place = k;
    while (place < s.sentence->last && place < k + 3 && c_.tokens[place].capitalized &&
           !c_.PersonAt(place) && !RankAt(c_, place) && !c_.UnitAt(place))
      ++place;
    if (place > k && c_.Is(place, ",")) k = place + 1;
    if (const PersonMention* p = c_.PersonAt(k); p && p->first == k && !IsWitness(*p)) return p;
    size_t b = role_first;
    while (b > s.sentence->first && IsPostFiller(b - 1)) --b;
    if (b > s.sentence->first) {
      const PersonMention* p = c_.PersonAt(b - 1);
      if (p && p->last == b && !IsWitness(*p)) return p;
    }
    // "He was a Commander of Operation X": the person the text was just speaking of.
    if (b == s.sentence->first + 1 && (c_.Is(b - 1, "he") || c_.Is(b - 1, "she")))
      return LastPersonBefore(s.sentence->first);
    return nullptr;
  }

  // The last person named before token `i`, within the two sentences before it.
  const PersonMention* LastPersonBefore(size_t i) const {
    size_t sentence = c_.tokens[i].sentence;
    size_t from = c_.sentences[sentence >= 2 ? sentence - 2 : 0].first;
    const PersonMention* found = nullptr;
    for (const PersonMention& p : c_.persons) {
      if (p.first >= i) break;
      if (p.first >= from && !IsWitness(p)) found = &p;
    }
    return found;
  }

  bool IsWitness(const PersonMention& p) const { return c_.witness == p.entity; }

  // Words between a person and the post they hold: "X, the former", "X is now the new",
  // "X, who has been appointed".
  bool IsPostFiller(size_t i) const {
    static const auto* words = new std::unordered_set<std::string_view>{
        ",",   "the",  "a",     "former",    "formerly", "new",     "now",      "is",
        "was", "as",   "who",   "acting",    "then",     "also",    "became",   "becomes",
        "has", "been", "named", "appointed", "later",    "current", "currently"};
    return words->contains(c_.Lower(i));
  }

  // "Abia State Zonal Coordinator", "Regional Commander": a role whose own capitalized
  // words say where it is held, so not in the unit named before.
  bool ScopedRole(const Scope& s, size_t role_first) const {
    if (role_first == s.sentence->first) return false;
    size_t k = role_first - 1;
    const Token& t = c_.tokens[k];
    if (!t.word || !t.capitalized || k == s.sentence->first || c_.UnitAt(k) || RankAt(c_, k) ||
        c_.PersonAt(k))
      return false;
    static const auto* titles = new std::unordered_set<std::string_view>{
        "acting", "deputy", "new", "former", "outgoing", "late", "assistant", "then"};
    return !titles->contains(t.lower);
  }

  static bool IsServiceChief(std::string_view role) {
    return role == "chief of army staff" || role == "chief of defence staff" ||
           role == "chief of air staff" || role == "chief of naval staff";
  }

  // The unit "its" refers to before a role: the last one named earlier in the sentence
  // ("issued by the Defence Headquarters and signed by its director of information").
  const UnitMention* OwnerBefore(const Scope& s, size_t role_first) const {
    const UnitMention* found = nullptr;
    for (const UnitMention& u : c_.units) {
      if (u.first >= role_first) break;
      if (u.first >= s.sentence->first && !u.anaphor) found = &u;
    }
    return found;
  }

  // The unit a sentence without one is about: the last unit named in the two sentences
  // before it ("We asked him about the command of the brigade. ... the commander was X").
  const UnitMention* RecentUnit(const Scope& s) const {
    size_t index = c_.tokens[s.sentence->first].sentence;
    size_t from = c_.sentences[index >= 2 ? index - 2 : 0].first;
    const UnitMention* found = nullptr;
    for (const UnitMention& u : c_.units) {
      if (u.first >= s.sentence->first) break;
      if (u.first >= from) found = &u;
    }
    return found;
  }

  // "The commander of the brigade was Brigadier General Ghassan Haidar", "Haidar, the
  // commander of the brigade", "Maj.-Gen. X, GOC 81 Division".
  void Posts(const Scope& s) {
    for (size_t i = s.sentence->first; i < s.sentence->last; ++i) {
      const RoleMatch* role = RoleAt(c_, i);
      if (!role || c_.PersonAt(i)) continue;
      if (IsServiceChief(role->name)) {  // heads a whole service the text rarely names
        i = role->end - 1;
        continue;
      }
      const UnitMention* unit = UnitNear(s, i, role->end);
      if (!unit && (c_.Is(i - 1, "its") || c_.Is(i - 1, "their"))) unit = OwnerBefore(s, i);
      // "the commander was X" speaks of the unit just named; "the chief of accounts" or
      // "the brigade commander" (when that was a battalion) do not.
      if (!unit && !UnitInSentence(s) && !c_.Is(role->end, "of") && !c_.Is(role->end, "(") &&
          !ScopedRole(s, i)) {
        unit = RecentUnit(s);
        std::optional<Echelon> named = EchelonAt(c_, i);
        if (unit && named && unit->echelon != named) unit = nullptr;
      }
      const PersonMention* person = unit ? PersonOfPost(s, i, role->end, *unit) : nullptr;
      if (!person) person = NearestPerson(s, i, role->end);
      if (unit && person) Post(s, *person, unit->entity, role->name);
      i = role->end - 1;
    }
    ListedPosts(s);
    PostedAs(s);
    // "commanded by P", "P took over the battalion", "the brigade was given to P".
    for (size_t i = s.sentence->first; i + 1 < s.sentence->last; ++i) {
      bool by = c_.Is(i, "commanded") && c_.Is(i + 1, "by");
      bool took = c_.Is(i, "took") && c_.Is(i + 1, "over");
      bool given = c_.Is(i, "given") && c_.Is(i + 1, "to");
      bool commanding =
          c_.Is(i, "commanding") && !c_.Is(i - 1, "officer") && !c_.Is(i - 1, "general");
      if (!by && !took && !given && !commanding) continue;
      const UnitMention* unit = nullptr;
      const PersonMention* person = nullptr;
      for (const UnitMention& u : c_.units)
        if (u.first >= s.sentence->first && u.last <= s.sentence->last &&
            ((by || given) ? u.last <= i : u.first > i) && (!unit || (by || given)))
          unit = &u;
      for (const PersonMention& p : c_.persons)
        if (p.first >= s.sentence->first && p.last <= s.sentence->last &&
            ((by || given) ? p.first > i : p.last <= i) && (!person || !(by || given)))
          person = &p;
      if (unit && person) Post(s, *person, unit->entity, "commander");
    }
  }

  // Units each followed by a ranked officer, in a list: "The new GOCs are 3 Division,
  // Maj-Gen. X, 2 Division, Maj-Gen. Y", "those of the First Mechanized Division, Major
  // General Z". Under a plural post ("GOCs", "commanders") each officer holds it; else
  // the list says only where each serves.
  void ListedPosts(const Scope& s) {
    std::optional<std::string> plural_role;
    for (size_t i = s.sentence->first; i < s.sentence->last; ++i) {
      std::string_view w = c_.Lower(i);
      if (w == "gocs" || w == "commanders" || w == "commandants") plural_role = "commander";
      const UnitMention* unit = c_.UnitAt(i);
      if (!unit || unit->first != i || unit->anaphor) continue;
      i = unit->last - 1;
      if (PostRoleBefore(s, unit->first)) continue;  // Posts() reads "GOC 81 Division, X"
      size_t k = unit->last;
      if (!c_.Is(k, ",")) continue;
      ++k;
      if (k + 1 < s.sentence->last && c_.tokens[k].capitalized && !c_.PersonAt(k) &&
          !RankAt(c_, k) && c_.Is(k + 1, ","))
        k += 2;  // "Third Armoured Division, Jos, Major General X"
      const PersonMention* p = c_.PersonAt(k);
      if (!p || p->first != k || !p->rank || IsWitness(*p) || HoldsPostIn(s, p->entity)) continue;
      if (plural_role)
        Post(s, *p, unit->entity, *plural_role);
      else
        Add(s, p->entity, Predicate::kMemberOf, unit->entity, std::nullopt, RankOf(*p), "post");
    }
  }

  // "moved to Defence Headquarters as Director of Policy", "posted to the 5th Brigade as
  // its commander": the post is held in the unit the person goes to.
  void PostedAs(const Scope& s) {
    for (size_t i = s.sentence->first; i + 1 < s.sentence->last; ++i) {
      if (!c_.Is(i, "to")) continue;
      size_t k = i + 1;
      if (c_.Is(k, "the")) ++k;
      const UnitMention* unit = c_.UnitAt(k);
      if (!unit || unit->first != k || !c_.Is(unit->last, "as")) continue;
      size_t r = unit->last + 1;
      if (c_.Is(r, "the") || c_.Is(r, "its") || c_.Is(r, "a")) ++r;
      const RoleMatch* role = RoleAt(c_, r);
      if (!role || IsServiceChief(role->name) || IsMemberRole(role->name)) continue;
      const PersonMention* person = nullptr;
      for (const PersonMention& p : c_.persons)  // the last person before "to"
        if (p.first >= s.sentence->first && p.last <= i && !IsWitness(p)) person = &p;
      if (person) Post(s, *person, unit->entity, role->name);
    }
  }

  // Whether a role stands just before the unit at `first` ("the GOC, 3 Division"), or
  // before the unit it is part of ("GOC, 82 Division of the Nigerian Army").
  bool PostRoleBefore(const Scope& s, size_t first) const {
    for (size_t k = first; k > s.sentence->first && k + 4 > first;) {
      --k;
      if (RoleAt(c_, k)) return true;
      if (const UnitMention* u = c_.UnitAt(k)) return PostRoleBefore(s, u->first);
      if (c_.PersonAt(k)) return false;
    }
    return false;
  }

  // Whether this sentence made `person` the commander of `unit` already.
  bool CommandsIn(const Scope& s, size_t person, size_t unit) const {
    for (const FoundClaim& c : c_.out.claims())
      if (c.subject == person && c.object == unit && c.quote.begin == s.sentence->span.begin &&
          c.predicate == Predicate::kCommanderOf)
        return true;
    return false;
  }

  // Whether a post of `person` was read from this sentence already.
  bool HoldsPostIn(const Scope& s, size_t person) const {
    for (const FoundClaim& c : c_.out.claims())
      if (c.subject == person && c.quote.begin == s.sentence->span.begin &&
          (c.predicate == Predicate::kCommanderOf || c.predicate == Predicate::kMemberOf))
        return true;
    return false;
  }

  void Post(const Scope& s, const PersonMention& person, size_t unit, const std::string& role) {
    std::optional<std::string> rank = RankOf(person);
    if (IsMemberRole(role)) {
      Add(s, person.entity, Predicate::kMemberOf, unit, role, rank, "post");
      return;
    }
    Add(s, person.entity, Predicate::kCommanderOf, unit, role, std::nullopt, "post");
    // Testimony annotation adds the commander's rank as a membership; news annotation
    // (no witness) records the post alone.
    if (rank && c_.out.document().witness)
      Add(s, person.entity, Predicate::kMemberOf, unit, role, rank, "post");
  }

  // "I served in the 47th Brigade", "they sent me to the Military Police", "Khaled was a
  // conscript in the Republican Guard", "Nidal joined the Free Army".
  void Membership(const Scope& s) {
    for (size_t i = s.sentence->first; i < s.sentence->last; ++i) {
      std::string_view w = c_.Lower(i);
      bool cue = w == "served" || w == "joined" || w == "assigned" || w == "posted" ||
                 w == "enlisted" || w == "conscript" || (w == "me" && c_.Is(i - 1, "sent")) ||
                 (w == "transferred" && c_.Is(i - 1, "was"));
      if (!cue) continue;
      // "as a warrant officer in the supply office of the 47th Brigade": the unit may
      // come after the post.
      size_t window = c_.Is(i, "served") ? 30 : 6;
      const UnitMention* unit = nullptr;
      for (size_t k = i + 1; k < s.sentence->last && k < i + window; ++k) {
        if ((unit = c_.UnitAt(k))) break;
        if (Place(k)) break;
      }
      if (!unit) continue;
      std::optional<size_t> subject;
      std::optional<std::string> rank;
      for (size_t k = s.sentence->first; k < i; ++k) {
        if (c_.Is(k, "i") && c_.tokens[k].capitalized) subject = c_.witness;
        if (const PersonMention* p = c_.PersonAt(k)) {
          subject = p->entity;
          rank = RankOf(*p);
        }
      }
      if (w == "me") subject = c_.witness;
      if (!subject) continue;
      std::optional<std::string> role;
      for (size_t k = s.sentence->first; k < s.sentence->last; ++k) {
        if (c_.PersonAt(k)) continue;
        if (auto r = RankAt(c_, k); r && !c_.tokens[k].capitalized) rank = r->name;
        if (auto r = RoleAt(c_, k); r && IsMemberRole(r->name)) role = r->name;
      }
      if (w == "conscript") rank = "conscript";
      if (CommandsIn(s, *subject, unit->entity)) continue;  // "served as Commander, X"
      Add(s, *subject, Predicate::kMemberOf, unit->entity, role, rank, "membership");
      if (*subject == c_.witness && (!home_ || unit->echelon < home_echelon_)) {
        home_ = unit->entity;
        home_echelon_ = unit->echelon;
      }
    }
  }

  // "The 47th is one of the brigades of the 11th Armored Division", "the 2nd Tank
  // Battalion, one of the brigade's three tank battalions", "attached to", "Branch 215 of
  // Military Intelligence".
  void Hierarchy(const Scope& s) {
    for (size_t i = s.sentence->first; i + 1 < s.sentence->last; ++i) {
      if (c_.Is(i, "one") && c_.Is(i + 1, "of")) {
        const UnitMention* child = UnitBefore(s, i, 3);
        const UnitMention* parent = UnitAfter(s, i + 2, 6);
        if (child && parent)
          Add(s, child->entity, Predicate::kSubordinateTo, parent->entity, "organic", std::nullopt,
              "hierarchy");
      } else if (c_.Is(i, "attached") && c_.Is(i + 1, "to")) {
        const UnitMention* parent = UnitAfter(s, i + 2, 3);
        const UnitMention* child = UnitBefore(s, i, 4);
        std::optional<size_t> subject = child ? std::optional<size_t>(child->entity) : std::nullopt;
        if (!subject && WeBefore(s, i)) subject = home_;
        if (parent && subject)
          Add(s, *subject, Predicate::kSubordinateTo, parent->entity, "operational attachment",
              std::nullopt, "hierarchy", FromTime(s));
      } else if (c_.Is(i, "of") && i > s.sentence->first) {
        const UnitMention* child = c_.UnitAt(c_.Is(i - 1, ",") ? i - 2 : i - 1);
        const UnitMention* parent = c_.UnitAt(i + 1);
        if (child && parent && !child->anaphor && !parent->anaphor && !parent->echelon &&
            child->entity != parent->entity)
          Add(s, child->entity, Predicate::kSubordinateTo, parent->entity, "organic", std::nullopt,
              "hierarchy");
      }
    }
  }

  // "the brigade was sent to Jobar", "two battalions went into Bab Amr", "we took
  // positions in Jobar", "our battalion was involved in Baba Amr".
  void Deployment(const Scope& s) {
    for (size_t i = s.sentence->first; i < s.sentence->last; ++i) {
      std::string_view w = c_.Lower(i);
      bool verb = w == "sent" || w == "went" || w == "deployed" || w == "moved" || w == "move" ||
                  w == "go" || w == "deploy" || w == "redeployed" || w == "dispatched" ||
                  w == "positions" || w == "stationed" || w == "involved" || w == "arrived";
      if (!verb) continue;
      std::optional<size_t> place;
      size_t k = i + 1;
      for (; k < s.sentence->last && k < i + 6; ++k) {
        if ((place = Place(k))) break;
      }
      if (!place) continue;
      bool prep =
          c_.Is(k - 1, "to") || c_.Is(k - 1, "into") || c_.Is(k - 1, "in") || c_.Is(k - 1, "at");
      if (!prep) continue;
      std::optional<size_t> subject;
      std::optional<std::string> role = SizeOf(s, i);
      if (const UnitMention* u = UnitAfter(s, i + 1, 3); u && u->first < k) subject = u->entity;
      if (!subject)
        if (const UnitMention* u = UnitBefore(s, i, 6)) subject = u->entity;
      if (!subject && (role || WeBefore(s, i))) subject = home_;
      if (!subject) continue;
      Add(s, *subject, Predicate::kDeployedTo, *place, role, std::nullopt, "deployment");
    }
  }

  // "The brigade headquarters was on the southern edge of Hama", "based in Qaboun",
  // "the Military Police in Qaboun".
  void Location(const Scope& s) {
    for (size_t i = s.sentence->first; i < s.sentence->last; ++i) {
      std::string_view w = c_.Lower(i);
      if (w == "headquarters" || w == "based") {
        std::optional<size_t> place;
        for (size_t k = i + 1; k < s.sentence->last && k < i + 9 && !place; ++k) place = Place(k);
        if (!place) continue;
        std::optional<size_t> unit;
        if (const UnitMention* u = UnitBefore(s, i, 2)) unit = u->entity;
        if (!unit && (c_.Is(i - 1, "our") || c_.Is(i - 1, "its"))) unit = home_;
        if (unit)
          Add(s, *unit, Predicate::kLocatedAt, *place, w == "based" ? "base" : "headquarters",
              std::nullopt, "location", std::nullopt);
        continue;
      }
      const UnitMention* u = c_.UnitAt(i);
      if (!u || u->last != i + 1 || u->anaphor) continue;
      if (u->echelon && !NumberFollows(*u->echelon)) continue;
      if (!c_.Is(i + 1, "in") && !c_.Is(i + 1, "at")) continue;
      // "went to the military police in Qaboun": where the unit is; "joined the Free Army
      // in Dar'a" may say where it fought instead.
      if (!c_.Is(u->first, "the") || !c_.Is(u->first - 1, "to")) continue;
      if (auto place = Place(i + 2))
        Add(s, u->entity, Predicate::kLocatedAt, *place, std::nullopt, std::nullopt, "location",
            std::nullopt);
    }
  }

  void Kinship() {
    for (const KinMention& k : c_.kin) {
      if (!k.possessor) continue;
      const Sentence& sentence = c_.sentences[c_.tokens[k.token].sentence];
      Scope s{&sentence, true, Evidence::kFirstHand, std::optional<std::string>()};
      Add(s, k.entity, Predicate::kRelativeOf, *k.possessor, k.role, std::nullopt, "kinship");
    }
  }

  void SubUnits() {
    for (const Context::Parent& p : c_.parents) {
      const Sentence& sentence = c_.sentences[c_.tokens[p.token].sentence];
      Scope s{&sentence, true, Evidence::kFirstHand, std::optional<std::string>()};
      Add(s, p.unit, Predicate::kSubordinateTo, p.parent, "organic", std::nullopt, "sub-unit");
    }
  }

  bool UnitInSentence(const Scope& s) const {
    for (size_t k = s.sentence->first; k < s.sentence->last; ++k)
      if (c_.UnitAt(k)) return true;
    return false;
  }

  const UnitMention* UnitBefore(const Scope& s, size_t i, size_t within) const {
    for (size_t k = i; k > s.sentence->first && k + within > i;) {
      --k;
      if (const UnitMention* u = c_.UnitAt(k)) return u;
    }
    return nullptr;
  }
  const UnitMention* UnitAfter(const Scope& s, size_t i, size_t within) const {
    for (size_t k = i; k < s.sentence->last && k < i + within; ++k)
      if (const UnitMention* u = c_.UnitAt(k)) return u;
    return nullptr;
  }
  bool WeBefore(const Scope& s, size_t i) const {
    for (size_t k = s.sentence->first; k < i; ++k)
      if (c_.Is(k, "we") || c_.Is(k, "our") || c_.Is(k, "us")) return true;
    return false;
  }
  // "two battalions", "one company", "a battalion" -> the deployed element's size.
  std::optional<std::string> SizeOf(const Scope& s, size_t verb) const {
    for (size_t k = s.sentence->first; k + 1 < verb + 1 && k + 1 < s.sentence->last; ++k) {
      std::string_view n = c_.Lower(k);
      std::string_view noun = c_.Lower(k + 1);
      bool number = n == "one" || n == "two" || n == "three" || n == "four" || n == "a";
      bool plural = noun.ends_with("s");
      std::string_view echelon = plural ? noun.substr(0, noun.size() - 1) : noun;
      if (echelon == "batterie") echelon = "battery";
      if (echelon == "companie") echelon = "company";
      bool unit_word = EchelonAt(c_, k + 1) || (plural && EchelonOfWord(echelon));
      if (!number || !unit_word) continue;
      return std::string(n == "a" ? "one" : n) + " " + std::string(noun);
    }
    return std::nullopt;
  }
  static bool EchelonOfWord(std::string_view w) {
    return w == "battalion" || w == "company" || w == "battery" || w == "brigade" ||
           w == "division" || w == "platoon" || w == "regiment";
  }
  std::optional<std::string> FromTime(const Scope& s) const {
    if (!s.time) s.time = TimeOf(c_, *s.sentence);
    const std::optional<std::string>& time = *s.time;
    if (!time || time->find('/') != std::string::npos) return time;
    return *time + "/..";
  }

  Context& c_;
  std::vector<std::optional<size_t>> places_;
  std::optional<size_t> home_;  // the witness's own unit (largest echelon)
  std::optional<Echelon> home_echelon_;
};

}  // namespace

void FindClaims(Context& c) { Patterns(c).Run(); }

}  // namespace sijill::extract::english
