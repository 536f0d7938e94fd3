// Evidence, assertion and time of an English sentence, from its wording and dates.
#include <algorithm>
#include <array>

#include "extract/english_internal.h"

namespace sijill::extract::english {
namespace {

std::string LowerText(const Context& c, Span span) {
  std::string s(c.text.substr(span.begin, span.end - span.begin));
  for (char& ch : s)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch + 32);
  return s;
}

template <size_t N>
bool HasAny(std::string_view text, const std::array<std::string_view, N>& cues) {
  for (std::string_view cue : cues)
    if (text.find(cue) != std::string_view::npos) return true;
  return false;
}

constexpr std::array<std::string_view, 20> kHearsay = {
    "told me",        "told us",       "i heard",        "we heard",     "people said",
    "everybody knew", "everyone knew", "they said",      "someone said", "was told",
    "were told",      "according to",  "only know this", "they say",     "people say",
    "rumour",         "rumor",         "reportedly",     "i was told",   "from his calls"};

constexpr std::array<std::string_view, 11> kDocumentary = {
    "paper",    "signature", "signed",      "orders came", "the lists", "transfer list",
    "document", "logbook",   "on the list", "dated",       "decree"};

// A sentence after a statement that takes it back to what others said.
constexpr std::array<std::string_view, 6> kHearsayAfter = {"only know this", "only know what",
                                                           "never saw this", "is what we were told",
                                                           "cannot confirm", "did not see it"};

constexpr std::array<std::string_view, 16> kUnasserted = {
    "do not know who", "don't know who",  "did not know who",      "not know who", "not sure who",
    " will ",          "was going to",    "were going to",         "planned to",   "supposed to",
    "would be sent",   "some of the men", "i do not know whether", "we asked",     "asked him",
    "asked her"};

// Words that take back what came before them in a sentence ("in 2012 — no, sorry, it was
// the end of 2011").
constexpr std::array<std::string_view, 5> kCorrections = {"no, wait", "no, sorry", "— no", "-- no",
                                                          "i mean"};

}  // namespace

knowledge::Evidence EvidenceOf(const Context& c, const Sentence& s) {
  std::string lower = LowerText(c, s.span);
  if (HasAny(lower, kHearsay)) return knowledge::Evidence::kHearsay;
  size_t index = c.tokens[s.first].sentence;
  if (index + 1 < c.sentences.size()) {
    const Sentence& next = c.sentences[index + 1];
    bool same_paragraph = ParagraphAt(c.text, next.span.begin).begin <= s.span.begin;
    if (same_paragraph && HasAny(LowerText(c, next.span), kHearsayAfter))
      return knowledge::Evidence::kHearsay;
  }
  if (HasAny(lower, kDocumentary)) return knowledge::Evidence::kDocumentary;
  return c.out.document().uncued_evidence;
}

bool Unasserted(std::string_view lower) { return HasAny(lower, kUnasserted); }

std::optional<std::string> TimeOf(const Context& c, const Sentence& s) {
  std::vector<const FoundDate*> dates = DatesIn(c.out.document(), s.span);
  std::erase_if(dates, [](const FoundDate* d) { return d->edtf.empty(); });
  // A self-correction retracts the dates before it.
  std::string lower = LowerText(c, s.span);
  size_t corrected = 0;
  for (std::string_view cue : kCorrections)
    if (size_t at = lower.rfind(cue); at != std::string::npos) corrected = std::max(corrected, at);
  if (corrected > 0)
    std::erase_if(dates,
                  [&](const FoundDate* d) { return d->span.begin < s.span.begin + corrected; });
  if (dates.empty()) return std::nullopt;
  // The word before each date: "until", "from", "since".
  auto cue = [&](const FoundDate* d) -> std::string_view {
    std::string_view own = c.text.substr(d->span.begin, d->span.end - d->span.begin);
    if (own.starts_with("until ") || own.starts_with("Until ") || own.starts_with("till "))
      return "until";
    if (own.starts_with("from ") || own.starts_with("From ") || own.starts_with("since ") ||
        own.starts_with("Since "))
      return "from";
    size_t end = d->span.begin;
    while (end > s.span.begin && c.text[end - 1] == ' ') --end;
    size_t begin = end;
    while (begin > s.span.begin && c.text[begin - 1] != ' ') --begin;
    std::string_view w = c.text.substr(begin, end - begin);
    if (w == "until" || w == "Until" || w == "till" || w == "to") return "until";
    if (w == "from" || w == "From" || w == "since" || w == "Since") return "from";
    return "";
  };
  const FoundDate* first = dates.front();
  bool interval = first->edtf.find('/') != std::string::npos;
  if (dates.size() >= 2 && cue(dates[0]) == "from" && cue(dates[1]) == "until")
    return first->edtf + "/" + dates[1]->edtf;
  if (interval) return first->edtf;
  if (cue(first) == "until") return "../" + first->edtf;
  if (cue(first) == "from") return first->edtf + "/..";
  return first->edtf;
}

}  // namespace sijill::extract::english
