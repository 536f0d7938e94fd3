// What the English claim patterns share: the sentence being read and the writer that
// turns what a pattern found into a claim (only from asserted sentences, with the
// sentence's evidence and time, never twice). Internal to the extract module.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <tuple>

#include "extract/english_internal.h"

namespace sijill::extract::english {

// A sentence being read. Whether it is asserted, its evidence and its time are read
// from its wording only when a pattern makes a claim from it (most sentences make none).
struct Scope {
  const Sentence* sentence;
  mutable std::optional<bool> asserted;
  mutable std::optional<knowledge::Evidence> evidence;
  mutable std::optional<std::optional<std::string>> time;
};

// Roles held within a unit rather than over it: "spokesman", "interrogator".
bool IsMemberRole(std::string_view role);

class ClaimWriter {
 public:
  explicit ClaimWriter(Context& c) : c_(c) {}

  // A claim quoting the sentence of `s`, unless the sentence asserts nothing or the same
  // claim (subject, predicate, object, role) was made already. `rank` is kept on
  // memberships only; `time_override` replaces the sentence's time.
  void Add(const Scope& s, size_t subject, knowledge::Predicate p, size_t object,
           std::optional<std::string> role, std::optional<std::string> rank,
           std::string_view recognizer, std::optional<std::string> time_override = {});

  // The rank the mention states, else the last one stated for the person.
  std::optional<std::string> RankOf(const PersonMention& p) const;
  bool IsWitness(const PersonMention& p) const { return c_.witness == p.entity; }
  bool UnitInSentence(const Scope& s) const;
  // Whether this sentence made `person` the commander of `unit` already.
  bool CommandsIn(const Scope& s, size_t person, size_t unit) const;
  // Whether a post (command or membership) of `person` was read from this sentence.
  bool HoldsPostIn(const Scope& s, size_t person) const;

  Context& context() const { return c_; }

 protected:
  Context& c_;

 private:
  // The claims made so far, as Add compares them.
  std::set<std::tuple<size_t, knowledge::Predicate, size_t, std::optional<std::string>>> made_;
};

// Posts of persons in units that one sentence states (english_posts.cc): apposition,
// "X was the commander of Y", "commanded by", "took over", news titles ("GOC 81
// Division", "Director, Army Public Relations"), lists of posts.
void ReadPosts(ClaimWriter& writer, const Scope& s);

}  // namespace sijill::extract::english
