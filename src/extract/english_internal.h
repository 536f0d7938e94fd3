// What the English recognizers share: one tokenization of the document, English
// sentences (that do not end at "Brig." or an initial), and the unit and person mentions
// found so far, in text order, for claim patterns and coreference. Internal to the
// extract module.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "extract/builder.h"
#include "extract/units.h"

namespace sijill::extract::english {

struct Token {
  Span span;
  std::string_view text;  // as written
  std::string lower;      // ASCII-lowercased
  bool capitalized = false;
  bool digits = false;  // only ASCII digits
  bool word = false;    // letters or digits (else punctuation)
  size_t sentence = 0;  // index into Context::sentences
};

// Words (letters, digits, inner apostrophes and hyphens: "al-Sabbagh", "Dar'a") and single
// punctuation characters; a possessive "'s" is a token of its own.
std::vector<Token> Tokenize(std::string_view text);

struct Sentence {
  Span span;
  size_t first = 0, last = 0;  // token range [first, last)
};

struct UnitMention {
  size_t first = 0, last = 0;  // token range [first, last)
  size_t entity = 0;
  std::optional<Echelon> echelon;  // nullopt for named organizations
  bool anaphor = false;            // "the brigade", "our battalion", "the 47th"
};

struct PersonMention {
  size_t first = 0, last = 0;  // token range of the mention (cue included)
  size_t entity = 0;
  std::optional<std::string> rank;  // vocabulary name: "brigadier general"
  bool anaphor = false;             // "the general", "the same officer"
};

struct RankMatch {
  std::string name;
  size_t end = 0;
};

struct RoleMatch {
  std::string name;
  size_t end = 0;
};

// "my younger brother Ayham": `entity` is the `possessor`'s `role` ("brother").
struct KinMention {
  size_t entity = 0;
  std::string role;
  std::optional<size_t> possessor;  // the witness for "my", else nullopt
  size_t token = 0;                 // the kinship noun
};

struct Context {
  DocumentBuilder& out;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<UnitMention> units;                  // sorted by `first`
  std::vector<PersonMention> persons;              // sorted by `first`
  std::vector<std::optional<RankMatch>> ranks_at;  // per token
  std::vector<std::optional<RoleMatch>> roles_at;  // per token
  std::vector<bool> in_place;                      // per token: inside a place the gazetteer found
  std::vector<KinMention> kin;
  // Sub-units named under a parent the text made clear: (unit, parent, first token).
  struct Parent {
    size_t unit, parent, token;
  };
  std::vector<Parent> parents;
  std::optional<size_t> witness;                  // the witness's entity, when the text names them
  std::vector<std::optional<std::string>> ranks;  // per entity: last rank stated

  explicit Context(DocumentBuilder& builder);
  Span SpanOf(size_t first, size_t last) const {
    return {tokens[first].span.begin, tokens[last - 1].span.end};
  }
  // The token's lowercase text, or "" past the end.
  std::string_view Lower(size_t i) const {
    return i < tokens.size() ? std::string_view(tokens[i].lower) : std::string_view();
  }
  bool Is(size_t i, std::string_view lower) const { return Lower(i) == lower; }
  const UnitMention* UnitAt(size_t token) const;
  const PersonMention* PersonAt(size_t token) const;
};

// Ranks: the longest rank at token `i` ("Brig. Gen.", "Lieutenant Colonel", "Col."),
// its vocabulary name and the token after it.
// Read from the table IndexRanksAndRoles made; null if none.
const RankMatch* RankAt(const Context& c, size_t i);

// Roles: "commander", "chief of staff", "head of interrogation", "GOC", ... at token `i`.
const RoleMatch* RoleAt(const Context& c, size_t i);
// Finds the rank and role at every token once (Context::ranks_at, roles_at).
void IndexRanksAndRoles(Context& c);

// Kinship nouns: "brother" -> "brother"; nullopt if the token is none.
std::optional<std::string_view> KinAt(const Context& c, size_t i);

// The unit the echelon word at token `i` names ("division", "Brigade", "Bn"), if any.
std::optional<Echelon> EchelonAt(const Context& c, size_t i);
// "47th", "Fourth", "47" -> the number.
std::optional<int> NumberAt(const Token& t);

// Wording of a sentence (and the one after it in its paragraph): who vouches for it.
knowledge::Evidence EvidenceOf(const Context& c, const Sentence& s);
// Whether a sentence (lowercase) states nothing the witness asserts: a disputed report
// ("some of the men ... say"), a plan ("will", "was going to"), or explicit non-knowledge
// ("I do not know who").
bool Unasserted(std::string_view lower_sentence);
// The time a sentence's dates give a relation: "until X" -> "../X", "from/since X" ->
// "X/..", "from X until Y" -> "X/Y", a single date as written; nullopt without dates.
std::optional<std::string> TimeOf(const Context& c, const Sentence& s);

// Recognizers, in the order ExtractEnglish runs them.
void FindUnits(Context& c);
void FindPersons(Context& c);
void ResolveUnitAnaphora(Context& c);
void ResolvePersonAnaphora(Context& c);
void FindClaims(Context& c);
// Events (arrests, detentions, releases, leaving the army, woundings, shellings, transfers)
// with who took part and where; after FindClaims, whose memberships it reads.
void FindEvents(Context& c);

}  // namespace sijill::extract::english
