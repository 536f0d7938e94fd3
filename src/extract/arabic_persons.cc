// Persons in Arabic text: names after a rank (العميد غسان حيدر, عقيد اسمه رفيق شاهين), kunyas
// (أبو علي), first-person kinship (أخي علاء: protected relatives of the witness),
// nicknames in «» after a naming verb (يسمّونه «الخال»), and later references by a part
// of a name already seen (حيدر, الصباغ).
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

#include "extract/arabic_internal.h"

namespace sijill::extract::arabic {
namespace {

using knowledge::EntityType;

constexpr std::string_view kPersonKey = "p:";

bool IsArabicWord(std::string_view key) {
  return !key.empty() && static_cast<unsigned char>(key[0]) >= 0xD8 &&
         static_cast<unsigned char>(key[0]) <= 0xDB;
}

bool IsCompoundHead(std::string_view key) {
  return key == "عبد" || key == "ابو" || key == "ام" || key == "ابن" || key == "بن";
}

bool IsRoleWord(std::string_view core) {
  static constexpr std::array<std::string_view, 12> kWords = {"قائد",  "رئيس",  "مدير", "امر",
                                                              "قياده", "اركان", "ضابط", "عنصر",
                                                              "عناصر", "محقق",  "سجان", "حارس"};
  for (std::string_view w : kWords)
    if (core == w) return true;
  return false;
}

// A name piece ending a name cannot be a conjunction-led word ("والمقدم").
bool StartsWithConjunction(const Token& t) { return t.key != t.base && t.key.starts_with("و"); }

struct Kin {
  std::string_view word;
  std::string_view role;
};

constexpr Kin kKin[] = {
    {"اخي", "brother"},     {"اخوي", "brother"},     {"اختي", "sister"},   {"ابي", "father"},
    {"والدي", "father"},    {"امي", "mother"},       {"والدتي", "mother"}, {"ابني", "son"},
    {"ابنتي", "daughter"},  {"بنتي", "daughter"},    {"زوجتي", "wife"},    {"زوجي", "husband"},
    {"عمي", "uncle"},       {"خالي", "uncle"},       {"عمتي", "aunt"},     {"خالتي", "aunt"},
    {"جدي", "grandfather"}, {"جدتي", "grandmother"},
};

bool IsKinAdjective(std::string_view key) {
  return key == "الاصغر" || key == "الاكبر" || key == "الكبير" || key == "الصغير" ||
         key == "الصغري" || key == "الكبري" || key == "الوحيد";
}

// The key of the name in tokens [first, last]; `strip` reads the first word without its
// proclitics ("والصباغ"), which a name right after a title never has ("وائل").
std::string KeyOf(const ArabicDoc& doc, size_t first, size_t last, bool strip = false) {
  std::string key(kPersonKey);
  for (size_t i = first; i <= last; ++i) {
    if (i > first) key += ' ';
    key += i == first && strip ? doc.tokens[i].base : doc.tokens[i].key;
  }
  return key;
}

}  // namespace

// Up to three pieces, the third only a family name with the article; a known shorter name
// is not extended by the words after it.
size_t FullNameLength(const ArabicDoc& doc, size_t first) {
  size_t n = NameLength(doc, first);
  if (n == 0) return 0;
  size_t pieces = 1;
  while (pieces < 3) {
    size_t next = first + n;
    if (next >= doc.tokens.size() || !doc.Adjacent(next)) break;
    if (StartsWithConjunction(doc.tokens[next])) break;
    if (pieces == 2 && !HasArticle(doc.tokens[next].key)) break;
    size_t m = NameLength(doc, next);
    if (m == 0) break;
    bool known_short = doc.out.Find(EntityType::kPerson, KeyOf(doc, first, next - 1)).has_value();
    bool known_long =
        doc.out.Find(EntityType::kPerson, KeyOf(doc, first, next + m - 1)).has_value();
    if (known_short && !known_long) break;
    n += m;
    ++pieces;
  }
  return n;
}

namespace {

// The «» quote starting at token i (its tokens [i, *last]) when the words around it name
// someone: يسمّونه «الخال», «أبو علي» كما يسمّونه.
bool IsNicknameQuote(const ArabicDoc& doc, size_t i, size_t* last) {
  if (doc.GapBefore(i).find("«") == std::string_view::npos) return false;
  size_t j = i;
  while (j + 1 < doc.tokens.size() && j < i + 5 &&
         doc.GapBefore(j + 1).find("»") == std::string_view::npos)
    ++j;
  if (j + 1 < doc.tokens.size() && doc.GapBefore(j + 1).find("»") == std::string_view::npos)
    return false;
  *last = j;
  auto naming = [&](size_t t) {
    std::string_view k = doc.tokens[t].base;
    return k.starts_with("يسم") || k.starts_with("يلقب") || k.starts_with("الملقب") ||
           k.starts_with("المعروف") || k.starts_with("ينادون") || k.starts_with("يدعون") ||
           k.starts_with("لقبه") || k.starts_with("يعرف");
  };
  for (size_t b = i >= 3 ? i - 3 : 0; b < i; ++b)
    if (naming(b)) return true;
  for (size_t a = j + 1; a < doc.tokens.size() && a <= j + 2; ++a)
    if (naming(a)) return true;
  return false;
}

// Adds `key` ("p:" + words) for the entity and remembers its first word.
void AddNameKey(ArabicDoc& doc, size_t entity, const std::string& key) {
  doc.out.AddKey(entity, key);
  std::string_view words = std::string_view(key).substr(kPersonKey.size());
  doc.name_words.emplace(words.substr(0, words.find(' ')));
}

void RegisterKeys(ArabicDoc& doc, size_t entity, size_t first, size_t last) {
  if (IsCompoundHead(doc.tokens[first].key) && last == first + 1) return;
  if (first == last) return;
  size_t head = NameLength(doc, first);
  if (head == 0 || first + head > last) return;
  AddNameKey(doc, entity, KeyOf(doc, first, first + head - 1));
  size_t tail = last;
  while (tail > first + head && IsCompoundHead(doc.tokens[tail - 1].key)) --tail;
  std::string surname = KeyOf(doc, tail, last);
  AddNameKey(doc, entity, surname);
  std::string_view bare = WithoutArticle(doc.tokens[tail].key);
  if (tail == last && bare != doc.tokens[tail].key) {
    AddNameKey(doc, entity, std::string(kPersonKey) + std::string(bare));
  }
}

void FindRankedPerson(ArabicDoc& doc, size_t i) {
  bool definite = false, accusative = false;
  auto rank = RankOf(doc.tokens[i].base, &definite, &accusative);
  if (!rank || accusative || WithoutArticle(doc.tokens[i].base) == "لواء") return;
  std::string value(*rank);
  size_t j = i + 1;
  if (j < doc.tokens.size() && doc.tokens[j].key == "اول" && doc.Adjacent(j)) {
    if (value == "second lieutenant") value = "first lieutenant";
    if (value == "sergeant") value = "staff sergeant";
    if (value == "warrant officer") value = "chief warrant officer";
    ++j;
  }
  if (j < doc.tokens.size() && doc.tokens[j].key == "الركن") ++j;
  std::optional<size_t> title = i;
  if (!definite) {
    // An indefinite rank names someone only through "اسمه" / "يدعى".
    if (j >= doc.tokens.size() || (doc.tokens[j].key != "اسمه" && doc.tokens[j].key != "يدعي"))
      return;
    title.reset();
    ++j;
  }
  if (j >= doc.tokens.size() || !doc.Adjacent(j)) return;
  size_t n = FullNameLength(doc, j);
  if (n == 0) return;
  AddPerson(doc, title, j, j + n - 1, value, false);
}

void FindKin(ArabicDoc& doc, size_t i) {
  static const auto* table = [] {
    auto* t = new std::unordered_map<std::string_view, const Kin*>;
    for (const Kin& k : kKin) t->emplace(k.word, &k);
    return t;
  }();
  auto found = table->find(doc.tokens[i].base);
  if (found == table->end()) found = table->find(doc.tokens[i].key);
  if (found == table->end()) return;
  const Kin* kin = found->second;
  size_t j = i + 1;
  while (j < doc.tokens.size() && doc.Adjacent(j) && IsKinAdjective(doc.tokens[j].key)) ++j;
  if (j >= doc.tokens.size() || !doc.Adjacent(j)) return;
  size_t n = NameLength(doc, j);
  if (n == 0) return;
  size_t person = AddPerson(doc, std::nullopt, j, j + n - 1, std::nullopt, true);
  if (!doc.witness || person == *doc.witness) return;
  FoundClaim c;
  c.subject = person;
  c.predicate = knowledge::Predicate::kRelativeOf;
  c.object = *doc.witness;
  c.role = std::string(kin->role);
  c.evidence = knowledge::Evidence::kFirstHand;
  c.quote = doc.SentenceSpan(i);
  c.recognizer = "kinship";
  AddClaim(doc, std::move(c));
}

void FindKunya(ArabicDoc& doc, size_t i) {
  std::string_view k = doc.tokens[i].base;
  if (k != "ابو" && k != "ام") return;
  if (i + 1 >= doc.tokens.size() || !doc.Adjacent(i + 1) || !NameLike(doc, i + 1)) return;
  size_t last = i + 1;
  if (IsCompoundHead(doc.tokens[last].key) && last + 1 < doc.tokens.size() &&
      doc.Adjacent(last + 1) && NameLike(doc, last + 1))
    ++last;
  AddPerson(doc, std::nullopt, i, last, std::nullopt, false, true);
}

// Verbs with an object pronoun (أخبرتني، اعتقلوني، أرسلونا) are no names.
bool LooksLikeVerb(std::string_view key) {
  size_t letters = key.size() / 2;
  return key.ends_with("تني") || key.ends_with("وني") || key.ends_with("ونا") ||
         (key.ends_with("ني") && key.starts_with("ا") && letters >= 6);
}

}  // namespace

bool NameLike(const ArabicDoc& doc, size_t i) {
  const Token& t = doc.tokens[i];
  if (!IsArabicWord(t.key) || t.key.size() < 4 || LooksLikeVerb(t.key)) return false;
  if (IsStopWord(t.key) || IsStopWord(t.base)) return false;
  bool definite = false, accusative = false;
  if (RankOf(t.base, &definite, &accusative)) return false;
  std::string_view core = WithoutArticle(t.base);
  if (IsRoleWord(core) || IsUnitWord(t.base)) return false;
  return !doc.InPlace(i) && !doc.InUnit(i);
}

size_t NameLength(const ArabicDoc& doc, size_t first) {
  if (first >= doc.tokens.size() || !NameLike(doc, first)) return 0;
  if (IsCompoundHead(doc.tokens[first].key) && first + 1 < doc.tokens.size() &&
      doc.Adjacent(first + 1) && NameLike(doc, first + 1))
    return 2;
  return 1;
}

size_t AddPerson(ArabicDoc& doc, std::optional<size_t> title, size_t first, size_t last,
                 std::optional<std::string_view> rank, bool is_protected, bool strip) {
  std::string key = KeyOf(doc, first, last, strip);
  Span name = strip ? doc.SpanOf(first, last)
                    : Span{doc.tokens[first].span.begin, doc.tokens[last].span.end};
  std::optional<size_t> known = doc.out.Find(EntityType::kPerson, key);
  size_t e = known
                 ? *known
                 : doc.out.Mention(EntityType::kPerson, key, doc.out.TextAt(name), name, "person");
  doc.out.AddSpan(e, name);
  if (title) doc.out.AddSpan(e, doc.SpanOf(*title, last));
  if (!known) {
    AddNameKey(doc, e, key);
    RegisterKeys(doc, e, first, last);
  }
  if (is_protected) doc.out.entity(e).is_protected = true;
  PersonMention m;
  m.first = title ? *title : first;
  m.last = last;
  m.entity = e;
  if (rank) m.rank = std::string(*rank);
  doc.Add(std::move(m));
  return e;
}

void FindWitness(ArabicDoc& doc) {
  const auto& witness = doc.out.document().witness;
  if (!witness || witness->empty()) return;
  std::vector<Token> words = Tokenize(*witness);
  if (words.empty()) return;
  std::string key(kPersonKey);
  for (size_t i = 0; i < words.size(); ++i) key += (i > 0 ? " " : "") + words[i].key;
  // The witness is an entity where the text names them (the header or the body).
  for (size_t i = 0; i + words.size() <= doc.tokens.size(); ++i) {
    bool match = doc.tokens[i].key == words[0].key || doc.tokens[i].base == words[0].key;
    for (size_t k = 1; match && k < words.size(); ++k)
      match = doc.Adjacent(i + k) && doc.tokens[i + k].key == words[k].key;
    if (!match) continue;
    Span span = doc.SpanOf(i, i + words.size() - 1);
    size_t e = doc.out.Mention(EntityType::kPerson, key, *witness, span, "person");
    AddNameKey(doc, e, key);
    doc.out.entity(e).is_protected = true;
    doc.witness = e;
    return;
  }
}

void FindPersons(ArabicDoc& doc) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    size_t quote_last = 0;
    if (IsNicknameQuote(doc, i, &quote_last)) {
      i = quote_last;
      continue;
    }
    if (doc.InPerson(i)) continue;
    FindRankedPerson(doc, i);
    if (!doc.InPerson(i)) FindKin(doc, i);
    if (!doc.InPerson(i)) FindKunya(doc, i);
  }
}

void FindAliases(ArabicDoc& doc) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    size_t last = 0;
    if (!IsNicknameQuote(doc, i, &last)) continue;
    // The nearest person named before the quote, within the paragraph or the one before.
    const PersonMention* target = nullptr;
    for (size_t t = i; t > 0 && t + 80 > i && target == nullptr;) target = doc.PersonAt(--t);
    if (target == nullptr) continue;
    size_t e = target->entity;
    doc.out.AddSpan(e, doc.SpanOf(i, last));
    AddNameKey(doc, e, KeyOf(doc, i, last));
    PersonMention m;
    m.first = i;
    m.last = last;
    m.entity = e;
    doc.Add(std::move(m));
    i = last;
  }
}

void FindNameReferences(ArabicDoc& doc) {
  for (size_t i = 0; i < doc.tokens.size(); ++i) {
    if (doc.InPerson(i) || doc.InUnit(i) || doc.InPlace(i)) continue;
    const Token& t = doc.tokens[i];
    if (!doc.name_words.contains(t.key) && !doc.name_words.contains(t.base)) continue;
    if (!IsArabicWord(t.key) || t.base.size() < 6 || IsStopWord(t.base)) continue;
    std::optional<size_t> e;
    size_t last = i;
    bool stripped = false;
    for (bool strip : {false, true}) {
      if (!e && i + 1 < doc.tokens.size() && doc.Adjacent(i + 1)) {
        e = doc.out.Find(EntityType::kPerson, KeyOf(doc, i, i + 1, strip));
        last = e ? i + 1 : i;
      }
      if (!e) e = doc.out.Find(EntityType::kPerson, KeyOf(doc, i, i, strip));
      if (e) {
        stripped = strip;
        break;
      }
    }
    if (!e) continue;
    doc.out.AddSpan(*e,
                    stripped ? doc.SpanOf(i, last) : Span{t.span.begin, doc.tokens[last].span.end});
    PersonMention m;
    m.first = i;
    m.last = last;
    m.entity = *e;
    doc.Add(std::move(m));
    i = last;
  }
}

}  // namespace sijill::extract::arabic
