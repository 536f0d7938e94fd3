// Randomized leak tests (issue 5: "random protected names in both scripts, zero leaks").
// Protected persons get real Arabic–Latin name pairs from ../shared/data/names/ (read at
// test time only), one to three words each, with both scripts as aliases. Texts mix
// filler words with mentions written in random variants: case, Latin accents, harakat,
// tatweel, alef forms, ى/ي and ة/ه, proclitics, Latin endings, line breaks and hyphens
// between words, punctuation around. Each case requires:
//   - FindLeaks(text) reports every mention, with its person's pseudonym;
//   - Redact(text) is exactly the text with each mention's name replaced by the
//     pseudonym (proclitics, endings and punctuation kept) — so every mention is gone;
//   - FindLeaks(Redact(text)) is empty.
// Fixed seeds (gtest's --gtest_random_seed changes them).
#include <gtest/gtest.h>

#include <fstream>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "redact/redactor.h"
#include "redact/testing/name_variants.h"

namespace sijill::redact {
namespace {

using testing::Mention;
using testing::NamePair;

const std::vector<NamePair>& Names() {
  static const std::vector<NamePair> names = [] {
    std::vector<NamePair> out;
    std::ifstream in(SIJILL_SOURCE_DIR
                     "/../shared/data/names/google_transliteration__ar2en-eval.txt");
    std::string line;
    while (std::getline(in, line)) {
      size_t tab = line.find('\t');
      if (line.empty() || line[0] == '#' || tab == std::string::npos) continue;
      // Names that end in punctuation ("d.") keep it when redacted, which the exact
      // expectations below do not model.
      if (line.back() < 'a' || line.back() > 'z' || line[tab - 1] == '.') continue;
      out.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return out;
  }();
  return names;
}

const std::vector<std::string> kFillerWords = {
    "the",    "soldiers", "came",   "to",      "village", "at",         "night",   "we",
    "were",   "taken",    "prison", "brother", "said",    "checkpoint", "officer", "and",
    "in",     "of",       "from",   "with",    "2012",    "الجنود",     "جاؤوا",   "إلى",
    "القرية", "في",       "الليل",  "أخذوا",   "السجن",   "قال",        "الحاجز",  "الضابط",
    "من",     "مع",       "عند",    "بعد",     "قبل",     "يوم",        "١٢",      "شهر"};

struct Case {
  std::vector<ProtectedName> persons;
  std::unique_ptr<Redactor> redactor;
  std::vector<std::string> filler;  // words that mention nobody
};

// Persons with 1-3 word names in both scripts, and the filler that is safe for them.
// Returns false (the case is skipped) if a random pseudonym happens to be refused.
bool MakeCase(std::mt19937& rng, Case* c) {
  const auto& names = Names();
  std::uniform_int_distribution<size_t> pick(0, names.size() - 1);
  size_t count = std::uniform_int_distribution<size_t>(1, 12)(rng);
  // Persons share no name word, so that the pseudonym each mention gets is predictable
  // (a shared name goes to the first person).
  std::set<std::string> used;
  for (size_t p = 0; p < count; ++p) {
    ProtectedName person{testing::RandomPseudonym(rng), {}};
    size_t words = std::uniform_int_distribution<size_t>(1, 3)(rng);
    std::string latin, arabic;
    for (size_t w = 0; w < words; ++w) {
      const NamePair& pair = names[pick(rng)];
      if (!used.insert(pair.arabic).second || !used.insert(pair.latin).second) return false;
      latin += (w ? " " : "") + pair.latin;
      arabic += (w ? " " : "") + pair.arabic;
    }
    person.names = {latin, arabic};
    c->persons.push_back(std::move(person));
  }
  auto redactor = Redactor::Create(c->persons);
  if (!redactor) return false;
  c->redactor = std::move(*redactor);
  std::vector<std::string> candidates = kFillerWords;
  for (int i = 0; i < 30; ++i) {
    candidates.push_back(names[pick(rng)].latin);
    candidates.push_back(names[pick(rng)].arabic);
  }
  for (std::string& w : candidates) {
    if (c->redactor->FindLeaks(w).empty()) c->filler.push_back(std::move(w));
  }
  return true;
}

std::string RandomFiller(std::mt19937& rng, const std::vector<std::string>& filler) {
  std::string out;
  size_t words = std::uniform_int_distribution<size_t>(1, 4)(rng);
  for (size_t i = 0; i < words; ++i) {
    out += filler[std::uniform_int_distribution<size_t>(0, filler.size() - 1)(rng)];
    out += testing::RandomGap(rng);
  }
  return out;
}

TEST(LeakPropertyTest, EveryMentionIsFoundAndReplacedInBothScripts) {
  ASSERT_GT(Names().size(), 1000u) << "../shared/data/names/ is missing";
  std::mt19937 rng(20261127 + ::testing::UnitTest::GetInstance()->random_seed());
  int cases = 0, skipped = 0;
  for (int round = 0; round < 3000; ++round) {
    Case c;
    if (!MakeCase(rng, &c)) {
      ++skipped;
      continue;
    }
    ++cases;
    std::string text = RandomFiller(rng, c.filler), expected = text;
    std::vector<std::pair<size_t, uint32_t>> mentions;  // (offset of the name, person)
    size_t count = std::uniform_int_distribution<size_t>(1, 6)(rng);
    for (size_t m = 0; m < count; ++m) {
      auto person = std::uniform_int_distribution<uint32_t>(0, c.persons.size() - 1)(rng);
      const ProtectedName& p = c.persons[person];
      Mention mention = testing::RandomMention(rng, p.names[rng() % 2]);
      text += mention.before;
      expected += mention.before;
      mentions.emplace_back(text.size(), person);
      text += mention.name + mention.after;
      expected += p.pseudonym + mention.after;
      std::string gap = " " + RandomFiller(rng, c.filler);
      text += gap;
      expected += gap;
    }
    SCOPED_TRACE("text: " + text);
    std::vector<Leak> leaks = c.redactor->FindLeaks(text);
    for (const auto& [offset, person] : mentions) {
      bool found = false;
      for (const Leak& l : leaks) {
        found |= l.pseudonym == c.persons[person].pseudonym && l.offset <= offset &&
                 offset < l.offset + l.found.size();
      }
      EXPECT_TRUE(found) << "mention at " << offset << " not reported";
    }
    std::string redacted = c.redactor->Redact(text);
    EXPECT_EQ(redacted, expected);
    EXPECT_TRUE(c.redactor->FindLeaks(redacted).empty()) << redacted;
    if (::testing::Test::HasFailure()) break;
  }
  EXPECT_LT(skipped, cases / 10);
}

// Mentions packed together with only separators between them, so that names overlap
// and run into each other: nothing can be predicted exactly, but nothing may leak.
TEST(LeakPropertyTest, PackedMentionsNeverLeak) {
  std::mt19937 rng(77 + ::testing::UnitTest::GetInstance()->random_seed());
  for (int round = 0; round < 2000; ++round) {
    Case c;
    if (!MakeCase(rng, &c)) continue;
    std::string text;
    size_t count = std::uniform_int_distribution<size_t>(1, 10)(rng);
    for (size_t m = 0; m < count; ++m) {
      const ProtectedName& p = c.persons[rng() % c.persons.size()];
      Mention mention = testing::RandomMention(rng, p.names[rng() % 2]);
      text += mention.before + mention.name + mention.after + testing::RandomGap(rng);
    }
    SCOPED_TRACE("text: " + text);
    EXPECT_FALSE(c.redactor->FindLeaks(text).empty());
    std::string redacted = c.redactor->Redact(text);
    EXPECT_TRUE(c.redactor->FindLeaks(redacted).empty()) << redacted;
    if (::testing::Test::HasFailure()) break;
  }
}

}  // namespace
}  // namespace sijill::redact
