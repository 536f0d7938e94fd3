// Internal to the date finder: a cursor over tokens and the word lists (months,
// seasons, ordinal days, year references) in English and Arabic. Each Read* function
// consumes what it recognizes and returns nullopt, consuming nothing, otherwise.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string_view>
#include <vector>

#include "time/date_tokens.h"

namespace sijill::time::internal {

class Cursor {
 public:
  Cursor(const std::vector<Token>& tokens, size_t pos) : tokens_(&tokens), pos_(pos) {}
  size_t pos() const { return pos_; }
  const std::vector<Token>& tokens() const { return *tokens_; }
  // The next token, or nullptr at the end.
  const Token* Peek(size_t ahead = 0) const;
  // Consumes the next token if it is one of `words` (normalized form).
  bool Word(std::initializer_list<std::string_view> words);
  // Consumes the words of `phrase` (space-separated) if they come next.
  bool Phrase(std::string_view phrase);
  bool Punct(std::initializer_list<std::string_view> marks);
  // Consumes a number of `min_digits`..`max_digits` digits within [lo, hi].
  std::optional<int64_t> Number(int min_digits, int max_digits, int64_t lo, int64_t hi);
  // The token before the cursor, or nullptr at the start.
  const Token* Before() const { return pos_ > 0 ? &(*tokens_)[pos_ - 1] : nullptr; }
  // True when the next token starts exactly where the previous one ended.
  bool Adjacent() const;

 private:
  const std::vector<Token>* tokens_;
  size_t pos_;
};

// A month name: 1..12. `*weak` is set for names that are also ordinary words
// ("May", Arabic آب = "father", lower-case English): callers then need a day or year.
// Accepts Levantine, MSA and English names, a clitic و/ب/ل/ف before an Arabic name,
// and a paired form "كانون الثاني/يناير" or "كانون الثاني (يناير)".
std::optional<int> ReadMonth(Cursor& c, bool* weak);

// A season word: 21 spring, 22 summer, 23 autumn, 24 winter.
std::optional<int> ReadSeason(Cursor& c);

// A day of the month: "3", "3rd", "third", Arabic "الثالث", "الحادي عشر".
std::optional<int> ReadDay(Cursor& c);

// An era after a year: +1 for "AD", "CE", "A.D."; -1 for "BC", "BCE", "B.C.", قبل الميلاد;
// 0 (consuming nothing) otherwise.
int ReadEra(Cursor& c);

// A year as written: a year of 1..4 digits with an era ("64 BCE" is year -63: EDTF
// numbers years astronomically, 1 BCE being year 0), an explicit 4-digit year (optionally after
// "year", عام, سنة, العام, عامي), or a reference to the year in context ("that year", "the
// following year", ذلك العام, العام التالي) as an offset from it.
struct YearRef {
  std::optional<int64_t> year;  // explicit
  int context_offset = 0;       // when !year: years after the year in context
};
std::optional<YearRef> ReadYear(Cursor& c, bool allow_bare_number);

// Hedges that make a value uncertain ("maybe", "I think", "uncertain:", ربما, أظن).
// Consumes them.
bool ReadHedge(Cursor& c);
// Words that make a value approximate ("around", "about", "approx.", "circa", "c.", "ca",
// "~", حوالي, تقريباً); "c", "ca" and "~" only before a number or a month name.
bool ReadApprox(Cursor& c);

// False when no expression can start at `token`: it is neither a number, nor a word or
// mark that some matcher (date_patterns.h), lead or qualifier (date_finder.cc) begins
// with. The finder skips such tokens without trying the matchers. Keep the list in
// kStartWords (date_lexicon.cc) in step with them: the finder's tests and its fuzz
// target compare the result with an exhaustive scan.
bool MayStartDate(const Token& token);

}  // namespace sijill::time::internal
