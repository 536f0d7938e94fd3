// Tokens, word lists and the helpers every Arabic pass shares (arabic_internal.h).
#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/utf8.h"
#include "extract/arabic_internal.h"
#include "text/tokenize.h"

namespace sijill::extract::arabic {
namespace {

constexpr std::string_view kArticle = "ال";

// Code points of a folded key (its letters: folding removed the marks).
size_t Letters(std::string_view s) {
  return static_cast<size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

bool StartsWithAny(std::string_view s, std::initializer_list<std::string_view> prefixes) {
  return std::any_of(prefixes.begin(), prefixes.end(),
                     [&](std::string_view p) { return s.starts_with(p); });
}

bool IsMark(char32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

// Bytes of the first `letters` letters of `word` with the marks that follow each.
size_t LetterBytes(std::string_view word, size_t letters) {
  size_t pos = 0;
  for (size_t i = 0; i < letters && pos < word.size(); ++i) {
    base::DecodeAt(word, &pos);
    while (pos < word.size()) {
      size_t next = pos;
      if (!IsMark(base::DecodeAt(word, &next))) break;
      pos = next;
    }
  }
  return pos;
}

void ComputeBase(std::string_view original, Token& t) {
  std::string_view k = t.key;
  size_t stripped = 0;
  if (StartsWithAny(k, {"و", "ف"}) && Letters(k) >= 4) {
    k.remove_prefix(2);
    stripped = 1;
  }
  if (k.starts_with("لل") && Letters(k) >= 4) {
    // ل + ال fuse into لل; before a word that itself starts with ل (اللواء, اللجان) the
    // article's lam and the word's merge too: للواء = ل + اللواء.
    std::string_view rest = k.substr(4);
    bool lam_word = rest.starts_with("واء") || rest.starts_with("وائ") || rest.starts_with("جان");
    t.base = std::string(kArticle) + (lam_word ? "ل" : "") + std::string(rest);
  } else {
    if (StartsWithAny(k, {"ب", "ك", "ل"}) && k.substr(2).starts_with(kArticle) && Letters(k) >= 4) {
      k.remove_prefix(2);
      ++stripped;
    }
    t.base = std::string(k);
  }
  t.clitic_bytes = LetterBytes(original, stripped);
}

const std::unordered_set<std::string_view>& StopWords() {
  static const auto* words = new std::unordered_set<std::string_view>{
      "في",    "من",    "الي",    "علي",     "عن",     "مع",     "بعد",    "قبل",    "او",
      "ثم",    "حتي",   "منذ",    "كان",     "كانت",   "كانوا",  "يكون",   "الذي",   "التي",
      "الذين", "هو",    "هي",     "هم",      "هذا",    "هذه",    "ذلك",    "تلك",    "هناك",
      "هنا",   "نفسه",  "نفسها",  "ايضا",    "قد",     "لقد",    "لم",     "لن",     "لا",
      "ما",    "اذا",   "ان",     "انه",     "انها",   "انهم",   "لكن",    "لكنه",   "لكنني",
      "بين",   "عند",   "عندما",  "حين",     "كل",     "بعض",    "غير",    "فقط",    "جدا",
      "اما",   "وكان",  "وكانت",  "فكان",    "فكانت",  "وهو",    "وهي",    "يوم",    "سنه",
      "عام",   "شهر",   "قال",    "قالوا",   "يقول",   "اصيب",   "بقي",    "فبقي",   "جاء",
      "عاد",   "وصل",   "الان",   "اليوم",   "امام",   "خلف",    "داخل",   "خارج",   "تحت",
      "فوق",   "مرتين", "مره",    "مرات",    "الجميع", "جميعا",  "شخصيا",  "بنفسه",  "يعطي",
      "اسمه",  "يدعي",  "الملقب", "المعروف", "الاصغر", "الاكبر", "الكبير", "الصغير", "وقد",
      "لانه",  "سيدي",  "حاضر",   "يا",      "به",     "له",     "لها",    "معه",    "عليه",
      "اخذ",   "ارسل",  "تسلم",   "وتسلم",   "فتسلم",  "جمعنا",  "صار",    "اصبح",   "ظل",
      "نحن",   "انا",   "انت",    "انتم",    "اننا",   "انني",   "الركن",  "الطبيب", "المهندس",
      "كما",   "مثل",   "وكذلك",  "حيث",     "بقياده", "قياده"};
  return *words;
}

struct Rank {
  std::string_view word;  // folded, without article
  std::string_view english;
};

constexpr Rank kRanks[] = {
    {"مجند", "conscript"},
    {"جندي", "private"},
    {"عريف", "corporal"},
    {"رقيب", "sergeant"},
    {"مساعد", "warrant officer"},
    {"ملازم", "second lieutenant"},
    {"نقيب", "captain"},
    {"رائد", "major"},
    {"مقدم", "lieutenant colonel"},
    {"عقيد", "colonel"},
    {"عميد", "brigadier general"},
    {"لواء", "major general"},
    {"عماد", "general"},
};

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> out;
  out.reserve(text.size() / 12);
  text::TokenCursor cursor(text);
  while (cursor.Next()) {
    Token t;
    t.span = {cursor.begin(), cursor.end()};
    t.key = std::string(cursor.folded());
    ComputeBase(cursor.original(), t);
    out.push_back(std::move(t));
  }
  return out;
}

bool HasArticle(std::string_view base) { return base.starts_with(kArticle) && Letters(base) >= 4; }

std::string_view WithoutArticle(std::string_view base) {
  return HasArticle(base) ? base.substr(kArticle.size()) : base;
}

std::optional<int> NumberOf(std::string_view key) {
  if (key.empty() || key.size() > 6) return std::nullopt;
  int n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + (c - '0');
  }
  return n;
}

bool IsStopWord(std::string_view key) { return StopWords().contains(key); }

std::optional<std::string_view> RankOf(std::string_view base, bool* definite, bool* accusative) {
  // word -> (rank, accusative form)
  static const auto* table = [] {
    static auto* words = new std::vector<std::string>;  // the accusative forms, kept
    words->reserve(std::size(kRanks));
    auto* t = new std::unordered_map<std::string_view, std::pair<std::string_view, bool>>;
    for (const Rank& r : kRanks) {
      words->push_back(std::string(r.word) + "ا");
      t->emplace(r.word, std::pair(r.english, false));
      t->emplace(words->back(), std::pair(r.english, true));
    }
    return t;
  }();
  *definite = HasArticle(base);
  *accusative = false;
  auto it = table->find(WithoutArticle(base));
  if (it == table->end() || (*definite && it->second.second)) return std::nullopt;
  *accusative = it->second.second;
  return it->second.first;
}

// ArabicDoc ------------------------------------------------------------------------------

ArabicDoc::ArabicDoc(DocumentBuilder& builder)
    : out(builder),
      text(builder.document().text),
      tokens(Tokenize(text)),
      sentences_(Sentences(text)),
      unit_cover_(tokens.size(), -1),
      person_cover_(tokens.size(), -1),
      place_cover_(tokens.size(), -1) {}

std::string_view ArabicDoc::GapBefore(size_t i) const {
  size_t begin = i == 0 ? 0 : tokens[i - 1].span.end;
  size_t end = i < tokens.size() ? tokens[i].span.begin : text.size();
  return text.substr(begin, end - begin);
}

bool ArabicDoc::Adjacent(size_t i) const {
  if (i == 0 || i >= tokens.size()) return false;
  std::string_view gap = GapBefore(i);
  return !gap.empty() && std::all_of(gap.begin(), gap.end(), [](char c) { return c == ' '; });
}

size_t ArabicDoc::TokenAt(size_t pos) const {
  auto it = std::lower_bound(tokens.begin(), tokens.end(), pos,
                             [](const Token& t, size_t p) { return t.span.end <= p; });
  return static_cast<size_t>(it - tokens.begin());
}

Span ArabicDoc::SpanOf(size_t first, size_t last) const {
  return {tokens[first].span.begin + tokens[first].clitic_bytes, tokens[last].span.end};
}

Span ArabicDoc::SentenceSpan(size_t i) const {
  size_t pos = tokens[i].span.begin;
  auto it = std::lower_bound(sentences_.begin(), sentences_.end(), pos,
                             [](const Span& s, size_t p) { return s.end <= p; });
  return it == sentences_.end() ? tokens[i].span : *it;
}

bool ArabicDoc::SameParagraph(size_t i, size_t j) const {
  size_t a = std::min(tokens[i].span.end, tokens[j].span.end);
  size_t b = std::max(tokens[i].span.begin, tokens[j].span.begin);
  return a >= b || text.substr(a, b - a).find('\n') == std::string_view::npos;
}

std::pair<size_t, size_t> ArabicDoc::SentenceTokens(size_t i) const {
  size_t pos = tokens[i].span.begin;
  auto it = std::lower_bound(sentences_.begin(), sentences_.end(), pos,
                             [](const Span& s, size_t p) { return s.end <= p; });
  if (it == sentences_.end()) return {i, i};
  size_t first = TokenAt(it->begin);
  if (first > i) return {i, i};  // a token outside every sentence: itself
  size_t last = first;
  while (last + 1 < tokens.size() && tokens[last + 1].span.begin < it->end) ++last;
  return {first, last};
}

bool ArabicDoc::IsInterviewerParagraph(size_t i) const {
  Span p = ParagraphAt(text, tokens[i].span.begin);
  size_t first = TokenAt(p.begin);
  return first < tokens.size() && tokens[first].key == "المحاور";
}

namespace {

template <typename M>
void Cover(std::vector<M>& list, std::vector<int>& cover, M m) {
  for (size_t t = m.first; t <= m.last && t < cover.size(); ++t)
    cover[t] = static_cast<int>(list.size());
  list.push_back(std::move(m));
}

template <typename M>
const M* At(const std::vector<M>& list, const std::vector<int>& cover, size_t token) {
  if (token >= cover.size() || cover[token] < 0) return nullptr;
  return &list[static_cast<size_t>(cover[token])];
}

}  // namespace

void ArabicDoc::Add(UnitMention m) { Cover(units, unit_cover_, m); }
void ArabicDoc::Add(PersonMention m) { Cover(persons, person_cover_, std::move(m)); }
void ArabicDoc::Add(PlaceMention m) { Cover(places, place_cover_, m); }

const UnitMention* ArabicDoc::UnitAt(size_t token) const { return At(units, unit_cover_, token); }
const PersonMention* ArabicDoc::PersonAt(size_t token) const {
  return At(persons, person_cover_, token);
}

const UnitMention* ArabicDoc::UnitStartingAt(size_t token) const {
  const UnitMention* u = At(units, unit_cover_, token);
  return u != nullptr && u->first == token ? u : nullptr;
}

const UnitMention* ArabicDoc::UnitEndingAt(size_t token) const {
  const UnitMention* u = At(units, unit_cover_, token);
  return u != nullptr && u->last == token ? u : nullptr;
}

const PersonMention* ArabicDoc::PersonStartingAt(size_t token) const {
  const PersonMention* p = At(persons, person_cover_, token);
  return p != nullptr && p->first == token ? p : nullptr;
}

const PlaceMention* ArabicDoc::PlaceStartingAt(size_t token) const {
  const PlaceMention* p = At(places, place_cover_, token);
  return p != nullptr && p->first == token ? p : nullptr;
}

bool ArabicDoc::InPlace(size_t token) const { return At(places, place_cover_, token) != nullptr; }
bool ArabicDoc::InUnit(size_t token) const { return At(units, unit_cover_, token) != nullptr; }
bool ArabicDoc::InPerson(size_t token) const {
  return At(persons, person_cover_, token) != nullptr;
}

// Places ------------------------------------------------------------------------------

void FindPlaces(ArabicDoc& doc) {
  const auto& entities = doc.out.entities();
  for (size_t e = 0; e < entities.size(); ++e) {
    if (entities[e].type != knowledge::EntityType::kPlace) continue;
    for (Span s : entities[e].spans) {
      size_t first = doc.TokenAt(s.begin);
      if (first >= doc.tokens.size()) continue;
      size_t last = first;
      while (last + 1 < doc.tokens.size() && doc.tokens[last + 1].span.begin < s.end) ++last;
      doc.Add(PlaceMention{first, last, e});
    }
  }
}

}  // namespace sijill::extract::arabic
