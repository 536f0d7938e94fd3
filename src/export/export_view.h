// What an export at an access level may show, applied record by record: which sources
// and citations are visible, which claims are withheld for lack of a visible citation,
// and how texts and protected persons appear. Every writer takes its records from an
// ExportView, so the rules live here once; the names are curate::Disclosure's, the one
// place that decides what leaves the archive (exports, dossiers, snippets). Not
// thread-safe (it counts what it withholds).
//
// Rules, for an export at level L (docs/formats/knowledge-json.md, "Levels"):
// - a source is shown if its access level is <= L; citations to other sources are
//   dropped, and so are alias sources pointing at them (the alias too: a spelling seen
//   only in a withheld source is itself withheld);
// - a claim that had citations and has none left is withheld; a claim with no citation
//   at all is shown only at the confidential level (below it, an export states only what
//   it can cite);
// - below the confidential level, a protected person is shown by their pseudonym with no
//   aliases, every other text (names, aliases, quotes, notes, roles, ranks, literal
//   objects, sources' titles, file names, places and witness names, actors) passes
//   through curate::Disclosure::Text, the one redaction hook, and the history is not
//   exported (it holds earlier states in full).
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "curate/disclosure.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::exporter {

// What was left out or changed, for the report on stderr.
struct Withheld {
  uint64_t sources = 0;
  uint64_t citations = 0;
  uint64_t claims = 0;
  uint64_t aliases = 0;
  uint64_t pseudonymized = 0;  // protected persons shown by pseudonym
};

class ExportView {
 public:
  // Reads the sources and protected persons of `store` (curate::Disclosure::At, whose
  // errors it returns).
  static base::Result<ExportView> Create(store::Store& store, store::AccessLevel level);

  store::AccessLevel level() const { return level_; }
  bool RevealsProtected() const { return level_ == store::AccessLevel::kConfidential; }
  // The policy, for the leak check of the written output (StagedOutput::Commit).
  const curate::Disclosure& policy() const { return *policy_; }

  // Text as it may leave.
  std::string Text(std::string_view text) const;
  std::optional<std::string> OptionalText(const std::optional<std::string>& text) const;

  // The sources shown, in the order added, their texts passed through Text().
  const std::vector<store::SourceRecord>& sources() const { return sources_; }
  bool ShowsSource(const base::Id& id) const { return shown_.count(id) > 0; }

  // `entity` as shown (see the rules above).
  knowledge::Entity Show(const knowledge::Entity& entity);
  // `claim` as shown, or nullopt when it is withheld.
  std::optional<knowledge::Claim> Show(const knowledge::Claim& claim);

  const Withheld& withheld() const { return withheld_; }

 private:
  ExportView() = default;

  store::AccessLevel level_ = store::AccessLevel::kPublic;
  std::optional<curate::Disclosure> policy_;
  std::vector<store::SourceRecord> sources_;
  std::set<base::Id> shown_;  // the sources shown
  Withheld withheld_;
};

}  // namespace sijill::exporter
