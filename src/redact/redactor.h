// Pseudonymization of protected persons (witnesses, their relatives) in text that leaves
// the archive: exports, dossiers, search snippets. A Redactor is built once from the
// protected persons and then replaces every mention of any of their names with that
// person's pseudonym, and checks text for mentions that are still there.
// A built Redactor is immutable: its const methods may be called from many threads.
//
// What a mention is (mention_rules.h has the full definition): any of a person's names,
// compared after text::FoldForSearch (case, Arabic diacritics and tatweel, alef forms,
// ى/ي, ة/ه, Latin accents), as whole words, with any run of spaces, line breaks or
// punctuation between the words of a multi-word name, with Arabic proclitics attached to
// the first word (و ف ب ل ك, ال: "وأيهم", "لأبو كرام") and Latin plural or possessive
// endings on the last ("Ayham's", "Ayhams"). Where these rules are in doubt they err
// towards replacing too much: a false positive costs a word, a false negative can cost
// a life.
//
// Each name is matched as given, never split: "Abdulrahman Haddad" does not by itself
// make "Haddad" a mention, because given and family names alone are shared by many
// people. The knowledge layer lets a user add the identifying parts as aliases.
//
// Nothing here puts a protected name into a Status message or a log: errors name the
// person by position and pseudonym only.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"

namespace sijill::redact {

// One protected person as the redactor needs them. The caller fills it from
// knowledge::Entity: `pseudonym` = knowledge::Pseudonym(entity), `names` = the canonical
// name and every alias, in any script.
struct ProtectedName {
  std::string pseudonym;
  std::vector<std::string> names;
};

// A protected name found in text.
struct Leak {
  std::string pseudonym;  // the person whose name it is
  size_t offset = 0;      // byte offset in the text of `found`
  std::string found;      // the whitespace-delimited words of the text holding the mention
  bool operator==(const Leak&) const = default;
};

class Redactor {
 public:
  // Builds the matchers for `persons`. A person may have no names (nothing to replace).
  // Returns kInvalidArgument if a pseudonym is empty or contains one of the protected
  // names (it would then leak, or be taken for a leak), or if a name has no letters or
  // digits at all (it could never be found, so it would never be replaced).
  // When two persons share a name, mentions of it get the first person's pseudonym.
  // REQUIRES: every string is valid UTF-8.
  static base::Result<std::unique_ptr<Redactor>> Create(std::span<const ProtectedName> persons);

  ~Redactor();
  Redactor(const Redactor&) = delete;
  Redactor& operator=(const Redactor&) = delete;

  // Returns `text` with every mention replaced by its person's pseudonym. The replacement
  // covers exactly the characters of the mention as written (harakat and tatweel
  // included), leaving proclitics and endings in place: "وأيهم's" -> "وP's" where P is
  // the pseudonym. Where mentions overlap ("Abu Karam" and "Karam"), the whole overlapping
  // stretch is replaced once, by the pseudonym of the longest name in it. If a
  // replacement happens to form a new mention with the text around it, the result is
  // redacted again (a few rounds at most); FindLeaks on the result is the final check.
  // REQUIRES: `text` is valid UTF-8 and shorter than 4 GiB.
  std::string Redact(std::string_view text) const;

  // Returns every mention in `text`, in order of offset. Independent of Redact: it folds
  // the text word by word and looks names up word by word, sharing none of Redact's
  // offset mapping or automaton, so that an export can run it on its own output as a
  // second opinion before writing anything. Empty when `text` is safe to publish.
  // REQUIRES: `text` is valid UTF-8.
  std::vector<Leak> FindLeaks(std::string_view text) const;

 private:
  struct Rep;
  explicit Redactor(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

}  // namespace sijill::redact
