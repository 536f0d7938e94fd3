#include "extract/english.h"

#include <algorithm>
#include <array>

#include "base/utf8.h"
#include "extract/english_internal.h"

namespace sijill::extract {
namespace english {
namespace {

bool IsAsciiAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// Letters of any script (non-ASCII code points other than punctuation and spaces count as
// letters: names may carry accents).
bool IsWordChar(char32_t c) {
  if (c < 0x80) return IsAsciiAlnum(static_cast<char>(c));
  if (c >= 0x2000 && c <= 0x206F) return false;  // general punctuation: quotes, dashes
  if (c == 0xA0 || c == 0xAB || c == 0xBB || c == 0xB7) return false;
  return true;
}

bool IsApostrophe(char32_t c) { return c == '\'' || c == 0x2019; }

// Abbreviations after which a period does not end a sentence.
bool IsAbbreviation(const Token& t) {
  static constexpr std::array<std::string_view, 24> kAbbrev = {
      "brig", "gen", "col", "lt",  "maj", "capt", "sgt",  "cpl",  "pte", "mr",  "mrs", "ms",
      "dr",   "st",  "no",  "adm", "cdr", "insp", "supt", "cmdr", "rtd", "div", "wo",  "vs"};
  if (t.text.size() == 1 && t.capitalized) return true;  // an initial
  std::string_view last = t.lower;                       // "maj-gen" -> "gen"
  if (size_t dash = last.rfind('-'); dash != std::string_view::npos) last = last.substr(dash + 1);
  return std::find(kAbbrev.begin(), kAbbrev.end(), last) != kAbbrev.end();
}

bool LineBreakBetween(std::string_view text, size_t from, size_t to) {
  for (size_t i = from; i < to; ++i)
    if (text[i] == '\n' || text[i] == '\r') return true;
  return false;
}

std::vector<Sentence> SplitSentences(std::string_view text, std::vector<Token>& tokens) {
  std::vector<Sentence> out;
  size_t start = 0;
  auto close = [&](size_t end) {
    if (end <= start) return;
    Sentence s;
    s.first = start;
    s.last = end;
    s.span = {tokens[start].span.begin, tokens[end - 1].span.end};
    for (size_t i = start; i < end; ++i) tokens[i].sentence = out.size();
    out.push_back(s);
    start = end;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > start && LineBreakBetween(text, tokens[i - 1].span.end, tokens[i].span.begin)) {
      close(i);
    }
    std::string_view t = tokens[i].text;
    if (t != "." && t != "!" && t != "?") continue;
    size_t end = i + 1;
    while (end < tokens.size() &&
           (tokens[end].text == "\"" || tokens[end].text == "\u201d" || tokens[end].text == ")"))
      ++end;
    if (end >= tokens.size()) continue;
    bool spaced = tokens[end].span.begin > tokens[end - 1].span.end;
    bool abbreviation = t == "." && i > 0 && tokens[i - 1].word && IsAbbreviation(tokens[i - 1]);
    if (spaced && !abbreviation && !tokens[end].digits && tokens[end].text != "-") {
      close(end);
      i = end - 1;
    }
  }
  close(tokens.size());
  return out;
}

}  // namespace

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t begin = pos;
    char32_t c = base::DecodeAt(text, &pos);
    if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == 0xA0) continue;
    Token t;
    if (IsWordChar(c)) {
      size_t end = pos;
      while (end < text.size()) {
        size_t next = end;
        char32_t d = base::DecodeAt(text, &next);
        if (IsWordChar(d)) {
          end = next;
          continue;
        }
        // An inner hyphen or apostrophe joins two words ("al-Sabbagh", "Dar'a"), but a
        // possessive "'s" stands alone.
        if ((d == '-' || IsApostrophe(d)) && next < text.size()) {
          size_t after = next;
          char32_t e = base::DecodeAt(text, &after);
          bool possessive = IsApostrophe(d) && (e == 's' || e == 'S') &&
                            (after >= text.size() || !IsAsciiAlnum(text[after]));
          if (IsWordChar(e) && !possessive) {
            end = after;
            continue;
          }
        }
        break;
      }
      pos = end;
      t.word = true;
    } else if (IsApostrophe(c) && pos < text.size() && (text[pos] == 's' || text[pos] == 'S') &&
               (pos + 1 >= text.size() || !IsAsciiAlnum(text[pos + 1]))) {
      pos += 1;  // "'s"
    }
    t.span = {begin, pos};
    t.text = text.substr(begin, pos - begin);
    t.lower.reserve(t.text.size());
    bool all_digits = t.word;
    for (char ch : t.text) {
      t.lower += (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch + 32) : ch;
      if (ch < '0' || ch > '9') all_digits = false;
    }
    t.digits = all_digits;
    t.capitalized = t.word && t.text[0] >= 'A' && t.text[0] <= 'Z';
    tokens.push_back(std::move(t));
  }
  return tokens;
}

Context::Context(DocumentBuilder& builder)
    : out(builder), text(builder.document().text), tokens(Tokenize(text)) {
  sentences = SplitSentences(text, tokens);
  in_place.assign(tokens.size(), false);
  for (const FoundEntity& e : out.entities()) {
    if (e.type != knowledge::EntityType::kPlace) continue;
    for (Span s : e.spans) {
      auto it = std::lower_bound(tokens.begin(), tokens.end(), s.begin,
                                 [](const Token& t, size_t b) { return t.span.begin < b; });
      for (; it != tokens.end() && it->span.end <= s.end; ++it)
        in_place[static_cast<size_t>(it - tokens.begin())] = true;
    }
  }
}

namespace {

// The mention of `mentions` (sorted by `first`, not overlapping) that covers `token`.
template <typename M>
const M* MentionAt(const std::vector<M>& mentions, size_t token) {
  auto it = std::upper_bound(mentions.begin(), mentions.end(), token,
                             [](size_t t, const M& m) { return t < m.first; });
  if (it == mentions.begin()) return nullptr;
  --it;
  return token < it->last ? &*it : nullptr;
}

}  // namespace

const UnitMention* Context::UnitAt(size_t token) const { return MentionAt(units, token); }

const PersonMention* Context::PersonAt(size_t token) const { return MentionAt(persons, token); }

}  // namespace english

void ExtractEnglish(DocumentBuilder& out) {
  english::Context c(out);
  english::IndexRanksAndRoles(c);
  english::FindUnits(c);
  english::FindPersons(c);
  english::ResolveUnitAnaphora(c);
  english::ResolvePersonAnaphora(c);
  english::FindClaims(c);
  english::FindEvents(c);
}

}  // namespace sijill::extract
