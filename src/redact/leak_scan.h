// The independent leak check: finds protected names in text by folding it word by word
// and looking whole words up in a hash index of the names' words. It shares only the
// definition of a mention (mention_rules.h) with the replacement path, not its fold with
// origins, automaton or overlap handling, so that one bug does not hide itself.
// Internal to src/redact. A built index is immutable and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace sijill::redact::internal {

class LeakIndex {
 public:
  struct Found {
    uint32_t person = 0;
    size_t begin = 0;  // byte span of the whitespace-delimited words holding the mention
    size_t end = 0;
  };

  // A word of folded text.
  struct Word {
    uint32_t begin;  // in the folded buffer
    uint32_t size;
    uint32_t run;  // index of the whitespace-delimited run of the text it is in
  };

  // Indexes `name` for `person`. Returns false if the name has no words once folded.
  // REQUIRES: `name` is valid UTF-8.
  bool Add(std::string_view name, uint32_t person);

  // Prepares the index for Scan. Call once, after the last Add.
  void Build();

  // Every mention of an indexed name in `text`, in order of `begin`; one entry per
  // (name, place), several if several names are mentioned in the same words.
  // REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB; Build() was called.
  std::vector<Found> Scan(std::string_view text) const;

 private:
  // The names that begin with one word: one-word names, and longer names sorted by their
  // second word (a first word such as "abu" begins thousands of names).
  struct Bucket {
    std::vector<size_t> single;
    std::vector<std::pair<std::string, size_t>> by_second_word;
  };
  struct Name {
    uint32_t person;
    std::vector<std::string> words;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  void MatchAt(std::string_view folded, const std::vector<Word>& words, size_t i,
               std::vector<std::pair<size_t, size_t>>* hits) const;
  bool RestMatches(const Name& name, std::string_view folded, const std::vector<Word>& words,
                   size_t i) const;
  void MatchLonger(const Bucket& bucket, std::string_view folded, const std::vector<Word>& words,
                   size_t i, std::vector<std::pair<size_t, size_t>>* hits) const;

  std::vector<Name> names_;
  std::unordered_map<std::string, Bucket, Hash, std::equal_to<>> by_first_word_;
  // A one-bit-per-slot filter over FilterSlot(first word): most words of a text begin no
  // name, and this answers them without hashing the whole word.
  static size_t FilterSlot(std::string_view word);
  std::vector<bool> first_word_filter_;
};

}  // namespace sijill::redact::internal
