// Claim patterns of English testimonies and news text, sentence by sentence: posts
// (english_posts.cc), membership ("I served in ..."), hierarchy ("one of the brigades of",
// "attached to", sub-units), deployment ("was sent to Jobar"), location ("headquarters was
// on the edge of Hama", "based in"), kinship. Times come from the sentence's dates only;
// evidence from its wording. Disputed statements, plans and explicit non-knowledge make
// no claim.
#include <algorithm>
#include <unordered_set>

#include "extract/english_claims_internal.h"

namespace sijill::extract::english {
using knowledge::Predicate;

bool IsMemberRole(std::string_view role) {
  return role == "platoon commander" || role == "spokesman" || role == "interrogator" ||
         role == "public relations officer" || role == "divisional police officer" ||
         role == "provost marshal" || role == "coordinator";
}

void ClaimWriter::Add(const Scope& s, size_t subject, Predicate p, size_t object,
                      std::optional<std::string> role, std::optional<std::string> rank,
                      std::string_view recognizer, std::optional<std::string> time_override) {
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
  if (!made_.emplace(subject, p, object, role).second) return;
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

std::optional<std::string> ClaimWriter::RankOf(const PersonMention& p) const {
  if (p.rank) return p.rank;
  return p.entity < c_.ranks.size() ? c_.ranks[p.entity] : std::nullopt;
}

bool ClaimWriter::UnitInSentence(const Scope& s) const {
  for (size_t k = s.sentence->first; k < s.sentence->last; ++k)
    if (c_.UnitAt(k)) return true;
  return false;
}

// The claims read from sentence `s` so far: the last ones made, as the patterns read the
// sentences in order and quote the whole sentence (a backward scan that stops at the
// sentence's start, not a scan of every claim).
template <typename Pred>
bool AnyInSentence(const DocumentBuilder& out, const Scope& s, Pred pred) {
  const std::vector<FoundClaim>& claims = out.claims();
  for (auto it = claims.rbegin(); it != claims.rend(); ++it) {
    if (it->quote.begin != s.sentence->span.begin) return false;
    if (pred(*it)) return true;
  }
  return false;
}

bool ClaimWriter::CommandsIn(const Scope& s, size_t person, size_t unit) const {
  return AnyInSentence(c_.out, s, [&](const FoundClaim& c) {
    return c.subject == person && c.object == unit && c.predicate == Predicate::kCommanderOf;
  });
}

bool ClaimWriter::HoldsPostIn(const Scope& s, size_t person) const {
  return AnyInSentence(c_.out, s, [&](const FoundClaim& c) {
    return c.subject == person &&
           (c.predicate == Predicate::kCommanderOf || c.predicate == Predicate::kMemberOf);
  });
}

namespace {

using knowledge::EntityType;
using knowledge::Evidence;
using knowledge::Predicate;

class Patterns : public ClaimWriter {
 public:
  explicit Patterns(Context& c) : ClaimWriter(c), places_(c.tokens.size()) {
    const auto& entities = c.out.entities();
    for (size_t e = 0; e < entities.size(); ++e) {
      if (entities[e].type != EntityType::kPlace) continue;
      for (Span s : entities[e].spans) MarkPlace(s, e);
    }
  }

  void Run() {
    for (const Sentence& s : c_.sentences) {
      Scope scope{&s, std::nullopt, std::nullopt, std::nullopt};
      ReadPosts(*this, scope);
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
      bool to_the = (c_.Is(u->first, "the") && c_.Is(u->first - 1, "to")) ||
                    (c_.Is(u->first - 1, "the") && c_.Is(u->first - 2, "to"));
      if (!to_the) continue;
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

  std::vector<std::optional<size_t>> places_;
  std::optional<size_t> home_;  // the witness's own unit (largest echelon)
  std::optional<Echelon> home_echelon_;
};

}  // namespace

void FindClaims(Context& c) { Patterns(c).Run(); }

}  // namespace sijill::extract::english
