// Posts of persons in units, as English testimonies and news state them: apposition
// ("Haidar, the commander of the brigade"), "X was the commander of Y", "commanded by",
// "took over", news titles written title first ("GOC 81 Division, Maj.-Gen. X",
// "Director, Army Public Relations, Col. Y"), portfolios before the unit ("Chief of
// Training and Operations at the Defence Headquarters"), postings ("moved to X as
// Director"), and lists of units and officers.
#include <unordered_set>

#include "extract/english_claims_internal.h"

namespace sijill::extract::english {
namespace {

using knowledge::Predicate;

class PostPatterns {
 public:
  explicit PostPatterns(ClaimWriter& writer) : w_(writer), c_(writer.context()) {}

  void Posts(const Scope& s) {
    RolePosts(s);
    ListedPosts(s);
    PostedAs(s);
    VerbPosts(s);
    Succession(s);
  }

 private:
  // "The commander of the brigade was Brigadier General Ghassan Haidar", "Haidar, the
  // commander of the brigade", "Maj.-Gen. X, GOC 81 Division".
  void RolePosts(const Scope& s) {
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
      if (!unit && !w_.UnitInSentence(s) && !c_.Is(role->end, "of") && !c_.Is(role->end, "(") &&
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
  }

  // "commanded by P", "P took over the battalion", "the brigade was given to P".
  void VerbPosts(const Scope& s) {
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
    if (const PersonMention* p = c_.PersonAt(k); p && p->first == k && !w_.IsWitness(*p)) return p;
    size_t b = role_first;
    while (b > s.sentence->first && IsPostFiller(b - 1)) --b;
    if (b > s.sentence->first) {
      const PersonMention* p = c_.PersonAt(b - 1);
      if (p && p->last == b && !w_.IsWitness(*p)) return p;
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
      if (p.first >= from && !w_.IsWitness(p)) found = &p;
    }
    return found;
  }

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
      if (!p || p->first != k || !p->rank || w_.IsWitness(*p) || w_.HoldsPostIn(s, p->entity))
        continue;
      if (plural_role)
        Post(s, *p, unit->entity, *plural_role);
      else
        w_.Add(s, p->entity, Predicate::kMemberOf, unit->entity, std::nullopt, w_.RankOf(*p),
               "post");
    }
  }

  // A successor takes the command the one before held: "After him came Major X", "his
  // successor, Major General X", "X took over from Y", "X succeeded Y", "Y is being
  // succeeded by X". The command is the last one the text gave the predecessor.
  void Succession(const Scope& s) {
    for (size_t i = s.sentence->first; i + 1 < s.sentence->last; ++i) {
      const PersonMention* next = nullptr;
      const PersonMention* before = nullptr;
      if (c_.Is(i, "after") && (c_.Is(i + 1, "him") || c_.Is(i + 1, "her"))) {
        next = FirstPersonFrom(s, i + 2, 4);
        before = LastPersonBefore(s.sentence->first);
      } else if (c_.Is(i, "successor")) {
        next = FirstPersonFrom(s, i + 1, 2);
        if (next) before = NearestOther(s, i, *next);
      } else if ((c_.Is(i, "took") && c_.Is(i + 1, "over") && c_.Is(i + 2, "from")) ||
                 c_.Is(i, "succeeded") || c_.Is(i, "succeeding")) {
        bool passive = c_.Is(i, "succeeded") && c_.Is(i + 1, "by");
        size_t after = c_.Is(i, "took") ? i + 3 : i + (passive ? 2 : 1);
        const PersonMention* earlier = LastPersonIn(s, i);
        const PersonMention* later = FirstPersonFrom(s, after, 2);
        if (c_.Is(after, "him") || c_.Is(after, "her")) {
          // "X has succeeded him as the Army spokesman": a post of its own is named.
          if (c_.Is(after + 1, "as")) continue;
          later = earlier ? NearestOther(s, earlier->first, *earlier) : nullptr;
          if (!later || later->first > i) later = LastPersonBefore(s.sentence->first);
        }
        next = passive ? later : earlier;
        before = passive ? earlier : later;
      }
      if (!next || !before || next->entity == before->entity) continue;
      if (std::optional<FoundClaim> post = LastCommandOf(before->entity))
        Post(s, *next, *post->object, post->role.value_or("commander"));
    }
  }

  // The first person mentioned in [from, from + within), or null.
  const PersonMention* FirstPersonFrom(const Scope& s, size_t from, size_t within) const {
    for (size_t k = from; k < s.sentence->last && k < from + within; ++k)
      if (const PersonMention* p = c_.PersonAt(k); p && p->first == k && !w_.IsWitness(*p))
        return p;
    return nullptr;
  }

  // The last person of the sentence ending before token `end`.
  const PersonMention* LastPersonIn(const Scope& s, size_t end) const {
    const PersonMention* found = nullptr;
    for (const PersonMention& p : c_.persons)
      if (p.first >= s.sentence->first && p.last <= end && !w_.IsWitness(p)) found = &p;
    return found;
  }

  // The person of the sentence nearest token `i` other than `other`.
  const PersonMention* NearestOther(const Scope& s, size_t i, const PersonMention& other) const {
    const PersonMention* best = nullptr;
    size_t best_distance = SIZE_MAX;
    for (const PersonMention& p : c_.persons) {
      if (p.first < s.sentence->first || p.last > s.sentence->last) continue;
      if (p.entity == other.entity || w_.IsWitness(p)) continue;
      size_t d = p.last <= i ? i - p.last : p.first - i;
      if (d < best_distance) {
        best = &p;
        best_distance = d;
      }
    }
    return best;
  }

  // The last command of `person` the text stated so far.
  std::optional<FoundClaim> LastCommandOf(size_t person) const {
    std::optional<FoundClaim> found;
    for (const FoundClaim& c : c_.out.claims())
      if (c.subject == person && c.predicate == Predicate::kCommanderOf && c.object &&
          c_.out.entities()[*c.object].type == knowledge::EntityType::kUnit)
        found = c;
    return found;
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
        if (p.first >= s.sentence->first && p.last <= i && !w_.IsWitness(p)) person = &p;
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

  void Post(const Scope& s, const PersonMention& person, size_t unit, const std::string& role) {
    std::optional<std::string> rank = w_.RankOf(person);
    if (IsMemberRole(role)) {
      w_.Add(s, person.entity, Predicate::kMemberOf, unit, role, rank, "post");
      return;
    }
    w_.Add(s, person.entity, Predicate::kCommanderOf, unit, role, std::nullopt, "post");
    // Testimony annotation adds the commander's rank as a membership; news annotation
    // (no witness) records the post alone.
    if (rank && c_.out.document().witness)
      w_.Add(s, person.entity, Predicate::kMemberOf, unit, role, rank, "post");
  }

  ClaimWriter& w_;
  Context& c_;
};

}  // namespace

void ReadPosts(ClaimWriter& writer, const Scope& s) { PostPatterns(writer).Posts(s); }

}  // namespace sijill::extract::english
