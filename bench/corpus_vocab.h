// The vocabulary of the benchmark corpus: testimony-like sentence templates and the
// names, units, ranks, places and dates that fill them, in English and Arabic. Lists of
// names and places are ordered most common first (the generator draws them with a
// Zipf-like law); an entry "a|b|c" is one name with spelling variants, the first the
// usual one. Constant data; thread-safe.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace sijill::bench {

// Placeholders in templates: {person} {first} {family} {rank} {unit} {place} {date}
// {year} {num}; in date forms: {day} {dd} {mm} {month} {year}; in titles: {n} {place}.
struct Vocabulary {
  std::string_view language;  // BCP 47: "en", "ar"
  std::span<const std::string_view> first_names;
  std::span<const std::string_view> family_names;
  std::span<const std::string_view> places;
  std::span<const std::string_view> units;
  std::span<const std::string_view> ranks;
  std::span<const std::string_view> months;  // January .. December
  std::span<const std::string_view> date_forms;
  std::span<const std::string_view> sentences;
  std::span<const std::string_view> titles;
  std::span<const std::string_view> interview_places;  // where interviews took place
  std::string_view abu;                                // "Abu" / "أبو"
};

const Vocabulary& EnglishVocabulary();
const Vocabulary& ArabicVocabulary();

// The long tail of family names: kGeneratedFamilyNames nisba-like names made of three
// consonants ("al-Hamdi", "الحامدي"), the same name in both scripts for the same index;
// neighbouring indexes give unlike names.
inline constexpr size_t kGeneratedFamilyNames = 4096;  // 16 consonants, cubed
// REQUIRES: index < kGeneratedFamilyNames.
std::string GeneratedFamilyName(const Vocabulary& v, size_t index);

}  // namespace sijill::bench
