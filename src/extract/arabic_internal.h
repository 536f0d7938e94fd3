// Shared state of the Arabic recognizers (arabic_*.cc): the document's words, folded once,
// and the mentions each pass leaves for the next (units, persons, places), so that the
// claim patterns scan tokens and never the raw text again. Internal to the extract
// module; not thread-safe (one ArabicDoc per Extract call).
#pragma once

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_set>
#include <utility>
#include <vector>

#include "extract/builder.h"
#include "extract/units.h"

namespace sijill::extract::arabic {

// One word of the text.
struct Token {
  Span span;        // the word as written, proclitics included
  std::string key;  // text::FoldForSearch of the word ("للواء", "كتيبتنا", "47")
  // `key` without a leading conjunction (و ف) and preposition (ب ك ل), with ل + ال
  // fused back into ال: "وبالحرس" -> "الحرس", "للواء" -> "اللواء". Equals `key` when
  // there is none.
  std::string base;
  size_t clitic_bytes = 0;  // bytes of `span` before the word `base` names (0 for لل)
};

// Splits `text` into tokens (text::TokenCursor) and computes each base.
std::vector<Token> Tokenize(std::string_view text);
// `base` without a leading article ال (at least two letters left), else `base`.
std::string_view WithoutArticle(std::string_view base);
bool HasArticle(std::string_view base);
// A number written in digits (Western or Arabic-Indic; folding made them ASCII).
std::optional<int> NumberOf(std::string_view key);

// A unit mention and the entity it names.
struct UnitMention {
  size_t first = 0, last = 0;  // tokens [first, last]
  size_t entity = 0;
  int level = 0;  // size in the hierarchy: organizations 100, divisions 80, ... platoons 20
  bool branch_like = false;  // a fixed facility: branches, directorates, organizations
};

// An echelon word used as a size ("كتيبة", "بطاريتان") with no entity: the element a
// unit sends.
struct SizeMention {
  size_t token = 0;
  std::string size;  // "one battalion", "two batteries"
};

struct PersonMention {
  size_t first = 0, last = 0;  // tokens [first, last], title included
  size_t entity = 0;
  std::optional<std::string> rank;  // English vocabulary: "colonel"
};

struct PlaceMention {
  size_t first = 0, last = 0;
  size_t entity = 0;
};

struct ArabicDoc {
  explicit ArabicDoc(DocumentBuilder& builder);

  DocumentBuilder& out;
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<UnitMention> units;  // in text order once FindUnits is done
  std::vector<SizeMention> sizes;
  std::vector<PersonMention> persons;  // in text order once FindPersons is done
  std::vector<PlaceMention> places;
  std::optional<size_t> witness;  // entity index
  // Units the witness served in (entity, level), in text order.
  std::vector<std::pair<size_t, int>> witness_units;
  // The first word of every person key registered, so that FindNameReferences looks up
  // only words that may begin a known name.
  std::unordered_set<std::string> name_words;
  // What AddClaim compares to find a repeat, for every claim added (AddClaim is the only
  // way claims are added): subject, predicate, object or object text, and the role of a
  // commander_of claim (a deputy and a commander of one unit are two posts).
  struct ClaimKey {
    size_t subject;
    knowledge::Predicate predicate;
    std::optional<size_t> object;
    std::optional<std::string> object_text, role;
    auto operator<=>(const ClaimKey&) const = default;
  };
  std::set<ClaimKey> claim_keys;

  // The text between token i-1 and token i (or before token 0).
  std::string_view GapBefore(size_t i) const;
  std::string_view TextAt(Span s) const { return text.substr(s.begin, s.end - s.begin); }
  // True when only spaces separate token i-1 and token i.
  bool Adjacent(size_t i) const;
  // The token holding byte `pos`, or the first after it.
  size_t TokenAt(size_t pos) const;
  // Tokens [first, last] as a span, proclitics of the first left out.
  Span SpanOf(size_t first, size_t last) const;
  // The sentence holding token i (Sentences, indexed once).
  Span SentenceSpan(size_t i) const;
  // True when tokens i and j lie in one paragraph.
  bool SameParagraph(size_t i, size_t j) const;
  // The sentence of token i, as token range [first, last].
  std::pair<size_t, size_t> SentenceTokens(size_t i) const;
  bool IsInterviewerParagraph(size_t i) const;

  // Record a mention (and which tokens it covers).
  void Add(UnitMention m);
  void Add(PersonMention m);
  void Add(PlaceMention m);

  // The mention covering `token`, if any.
  const UnitMention* UnitAt(size_t token) const;
  const PersonMention* PersonAt(size_t token) const;
  const UnitMention* UnitStartingAt(size_t token) const;
  const UnitMention* UnitEndingAt(size_t token) const;
  const PersonMention* PersonStartingAt(size_t token) const;
  const PlaceMention* PlaceStartingAt(size_t token) const;
  bool InPlace(size_t token) const;
  bool InUnit(size_t token) const;
  bool InPerson(size_t token) const;

 private:
  std::vector<Span> sentences_;
  // Per token: the index of the mention covering it, -1 for none.
  std::vector<int> unit_cover_, person_cover_, place_cover_;
};

// Word lists (folded forms).
bool IsStopWord(std::string_view key);
// "colonel" for العقيد / عقيد / عقيدا; nullopt when `base` is no rank word. *definite is
// set when the word has the article; *accusative when it has the indefinite -ا ending.
std::optional<std::string_view> RankOf(std::string_view base, bool* definite, bool* accusative);
// An echelon word (كتيبة، الفرع، كتيبتنا, ...) after proclitics.
bool IsUnitWord(std::string_view base);
// A word that may be part of a person's name.
bool NameLike(const ArabicDoc& doc, size_t token);

// Passes, in the order arabic.cc runs them.
void FindPlaces(ArabicDoc& doc);
void FindWitness(ArabicDoc& doc);
void FindPersons(ArabicDoc& doc);
void FindUnits(ArabicDoc& doc);
void FindAliases(ArabicDoc& doc);
void FindNameReferences(ArabicDoc& doc);
void FindClaims(ArabicDoc& doc);
void FindEvents(ArabicDoc& doc);

// A person named by tokens [first, last] with an optional title token before them; the
// entity is found by its names or made. Used by the unit pass for «اللواء غسان».
// `strip`: the first word may carry a proclitic (وأبو علي), which is not part of the name;
// a name after a title or a kinship word has none (وائل).
size_t AddPerson(ArabicDoc& doc, std::optional<size_t> title, size_t first, size_t last,
                 std::optional<std::string_view> rank, bool is_protected, bool strip = false);
// The tokens of a name starting at `first` (compound names عبد X / أبو X kept whole); 0 when
// token `first` is no name.
size_t NameLength(const ArabicDoc& doc, size_t first);

// The tokens of a full name (up to three pieces) starting at `first`; 0 when none.
size_t FullNameLength(const ArabicDoc& doc, size_t first);

// Evidence of a claim read in the sentence of token i, from its wording (and the next
// sentence's: "لم أكن هناك؛ أمي أخبرتني بذلك").
knowledge::Evidence EvidenceAt(const ArabicDoc& doc, size_t token);
// Claim time from the dates in the sentence of token i ("منذ X" -> "X/..", "حتى X" ->
// "../X"; a retracted date "... لا، ..." gives way to the corrected one); `open_end` turns
// a single date into "X/.." (deployments last from their start).
std::optional<std::string> TimeAt(const ArabicDoc& doc, size_t token, bool open_end);
// Adds a claim unless one with the same subject, predicate and object (and role, for
// commander_of) is there.
void AddClaim(ArabicDoc& doc, FoundClaim claim);

}  // namespace sijill::extract::arabic
