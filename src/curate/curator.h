// Changing the knowledge layer: every change a person or a recognizer makes to entities
// and claims goes through a Curator, which checks it, writes it, appends it to the
// knowledge history (before and after, as JSON) and to the custody log, all in the
// caller's write transaction — so a change is recorded whole or not at all.
//
// Rules it enforces beyond knowledge::CheckEntity / CheckClaim:
// - every citation's quote is exactly the source text at its span (quotes.h);
// - subject and object exist, with the types the predicate needs;
// - merging keeps both entities and their claims: the merged entity only points to the
//   one it was merged into (queries answer for the group), and Unmerge undoes it.
// Not thread-safe; one Curator per transaction.
#pragma once

#include <string>

#include "base/id.h"
#include "base/status.h"
#include "knowledge/model.h"
#include "store/store.h"

namespace sijill::curate {

// Who acts, and when (UTC, ISO 8601 with seconds).
struct Actor {
  std::string name;
  std::string now_utc;
  static Actor Now();  // vault::CurrentActor(), base::NowUtc()
};

class Curator {
 public:
  Curator(store::Store& store, store::WriteTransaction& txn, Actor actor);

  // Adds a new entity (its id, created_by and created_at are filled in when empty).
  // Returns the stored entity.
  base::Result<knowledge::Entity> AddEntity(knowledge::Entity entity);
  // Replaces an entity's names and attributes (not its type or merge state).
  base::Status EditEntity(const knowledge::Entity& entity);
  // Merges `from` into `into` (both must exist, be of one type and not already in one
  // group). kInvalidArgument otherwise.
  base::Status Merge(const base::Id& from, const base::Id& into);
  // Undoes the merge of `id` (kInvalidArgument if it is not merged).
  base::Status Unmerge(const base::Id& id);

  // Adds a claim (id, created_by and created_at filled in when empty). Returns it.
  base::Result<knowledge::Claim> AddClaim(knowledge::Claim claim);
  // Replaces a claim's fields; `action` names the change in the history and custody log
  // ("claim.edit", "claim.accept", "claim.reject").
  base::Status EditClaim(const knowledge::Claim& claim, std::string_view action = "claim.edit");
  // Sets a claim's status (accepting needs a citation).
  base::Status SetStatus(const base::Id& claim, knowledge::ClaimStatus status);

 private:
  base::Status Record(std::string_view action, const base::Id& object, std::string_view kind,
                      const std::optional<std::string>& before, const std::string& after);
  base::Status CheckAgainstStore(const knowledge::Claim& claim);

  store::Store& store_;
  store::WriteTransaction& txn_;
  Actor actor_;
  std::string archive_id_;
};

}  // namespace sijill::curate
