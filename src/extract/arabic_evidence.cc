// Evidence and time of the Arabic claims, read from the words of the claim's sentence, and
// the one place claims are added (arabic_internal.h).
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>

#include "extract/arabic_internal.h"
#include "time/edtf.h"

namespace sijill::extract::arabic {
namespace {

bool In(std::string_view k, std::initializer_list<std::string_view> words) {
  return std::find(words.begin(), words.end(), k) != words.end();
}

bool TokenIn(const Token& t, std::initializer_list<std::string_view> words) {
  return In(t.key, words) || In(t.base, words);
}

// "لم أكن هناك"، "لم أرَ ذلك" at token t (sentence ending at `last`).
bool SaysNotSeen(const ArabicDoc& doc, size_t t, size_t last) {
  const Token& w = doc.tokens[t];
  return (w.key == "لم" || w.key == "ولم") && t + 1 <= last &&
         TokenIn(doc.tokens[t + 1], {"اكن", "ار", "اري", "اشاهد", "اشهد"});
}

enum class Cue { kNone, kHeard, kHearsay, kDocument, kBackwardHearsay };

// Words of the evidence rules: kHearsay and kDocument in the sentence; kBackwardHearsay in
// the next sentence ("أمي أخبرتني بذلك") also marks the one before.
Cue EvidenceCue(const Token& t) {
  static const auto* table =
      new std::unordered_map<std::string_view, Cue>{{"سمعت", Cue::kHeard},
                                                    {"سمعنا", Cue::kHeard},
                                                    {"قالوا", Cue::kHearsay},
                                                    {"قال", Cue::kHearsay},
                                                    {"قالت", Cue::kHearsay},
                                                    {"اخبرني", Cue::kBackwardHearsay},
                                                    {"اخبرتني", Cue::kBackwardHearsay},
                                                    {"اخبروني", Cue::kBackwardHearsay},
                                                    {"يقال", Cue::kHearsay},
                                                    {"قيل", Cue::kHearsay},
                                                    {"يقولون", Cue::kHearsay},
                                                    {"انقل", Cue::kBackwardHearsay},
                                                    {"انقله", Cue::kBackwardHearsay},
                                                    {"سمعته", Cue::kBackwardHearsay},
                                                    {"سمعناه", Cue::kHearsay},
                                                    {"وثائق", Cue::kDocument},
                                                    {"الوثائق", Cue::kDocument},
                                                    {"وثيقه", Cue::kDocument},
                                                    {"توقيع", Cue::kDocument},
                                                    {"توقيعه", Cue::kDocument},
                                                    {"بتوقيع", Cue::kDocument},
                                                    {"قوائم", Cue::kDocument},
                                                    {"اوراق", Cue::kDocument},
                                                    {"الاوراق", Cue::kDocument},
                                                    {"برقيه", Cue::kDocument},
                                                    {"مرسوم", Cue::kDocument}};
  auto it = table->find(t.key);
  if (it == table->end()) it = table->find(t.base);
  return it == table->end() ? Cue::kNone : it->second;
}

std::optional<std::string> Interval(const std::string& from, const std::string& to) {
  std::string joined = from + "/" + to;
  if (from.find('/') != std::string::npos || to.find('/') != std::string::npos) return std::nullopt;
  if (!time::ParseEdtf(joined)) return std::nullopt;
  return joined;
}

}  // namespace

knowledge::Evidence EvidenceAt(const ArabicDoc& doc, size_t token) {
  auto [first, last] = doc.SentenceTokens(token);
  bool hearsay = false, documentary = false;
  // A hearsay word after the claim's words and a comma opens another statement ("...، وقد
  // سمعتُ أنه نُقل"); one before them, or in their clause, is where they came from.
  size_t clause_end = token;
  while (clause_end < last &&
         doc.GapBefore(clause_end + 1).find_first_of(",،؛;") == std::string_view::npos)
    ++clause_end;
  for (size_t t = first; t <= last; ++t) {
    if (SaysNotSeen(doc, t, last)) hearsay = true;  // "... في دوما، لم أكن هناك"
    Cue cue = EvidenceCue(doc.tokens[t]);
    if (t > clause_end && cue != Cue::kDocument) continue;
    switch (cue) {
      case Cue::kHeard:
        // "سمعتُ بأذني" is first-hand; "سمعتُ أن" is not.
        if (t + 1 <= last && TokenIn(doc.tokens[t + 1], {"باذني", "بنفسي"}))
          return knowledge::Evidence::kFirstHand;
        hearsay = true;
        break;
      case Cue::kHearsay:
      case Cue::kBackwardHearsay:
        hearsay = true;
        break;
      case Cue::kDocument:
        documentary = true;
        break;
      case Cue::kNone:
        break;
    }
  }
  if (hearsay) return knowledge::Evidence::kHearsay;
  if (documentary) return knowledge::Evidence::kDocumentary;
  // "لم أكن هناك؛ أمي أخبرتني بذلك" in the next sentence of the paragraph.
  if (last + 1 < doc.tokens.size() && doc.SameParagraph(last, last + 1)) {
    auto [nf, nl] = doc.SentenceTokens(last + 1);
    for (size_t t = nf; t <= nl; ++t) {
      const Token& w = doc.tokens[t];
      if (EvidenceCue(w) == Cue::kBackwardHearsay) return knowledge::Evidence::kHearsay;
      if (SaysNotSeen(doc, t, nl)) return knowledge::Evidence::kHearsay;
    }
  }
  return doc.out.document().uncued_evidence;
}

std::optional<std::string> TimeAt(const ArabicDoc& doc, size_t token, bool open_end) {
  const Document& d = doc.out.document();
  auto [first, last] = doc.SentenceTokens(token);
  auto dated = [&](size_t f, size_t l) {
    std::vector<const FoundDate*> out;
    Span s{doc.tokens[f].span.begin, doc.tokens[l].span.end};
    auto it = std::lower_bound(d.dates.begin(), d.dates.end(), s.begin,
                               [](const FoundDate& date, size_t p) { return date.span.begin < p; });
    for (; it != d.dates.end() && it->span.begin < s.end; ++it)
      if (it->span.end <= s.end && !it->edtf.empty()) out.push_back(&*it);
    return out;
  };
  std::vector<const FoundDate*> dates = dated(first, last);
  // "انشققتُ في صيف 2014... لا، كان ذلك قبل الصيف، في أيار 2014": the corrected date.
  if (last + 1 < doc.tokens.size() && doc.tokens[last + 1].key == "لا") {
    auto [nf, nl] = doc.SentenceTokens(last + 1);
    std::vector<const FoundDate*> corrected = dated(nf, nl);
    if (!corrected.empty()) dates = {corrected.back()};
  }
  if (dates.empty()) return std::nullopt;
  const std::string& edtf = dates[0]->edtf;
  if (edtf.find('/') != std::string::npos) return edtf;
  size_t at = doc.TokenAt(dates[0]->span.begin);
  auto word_before = [&](size_t back) -> std::string_view {
    return at >= back ? std::string_view(doc.tokens[at - back].base) : std::string_view();
  };
  if (word_before(1) == "منذ" || word_before(2) == "منذ") return edtf + "/..";
  if (word_before(1) == "حتي" || word_before(2) == "حتي") return "../" + edtf;
  if ((word_before(1) == "بين" || word_before(2) == "بين") && dates.size() >= 2) {
    if (auto i = Interval(edtf, dates[1]->edtf)) return i;
  }
  if (open_end) return edtf + "/..";
  return edtf;
}

void AddClaim(ArabicDoc& doc, FoundClaim claim) {
  // (DocumentBuilder::Claim makes the time canonical EDTF, season interval ends as months.)
  ArabicDoc::ClaimKey key{claim.subject, claim.predicate, claim.object, claim.object_text,
                          claim.predicate == knowledge::Predicate::kCommanderOf
                              ? claim.role
                              : std::optional<std::string>()};
  if (!doc.claim_keys.insert(std::move(key)).second) return;  // a repeat
  doc.out.Claim(std::move(claim));
}

}  // namespace sijill::extract::arabic
