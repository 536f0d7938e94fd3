#include "curate/curator.h"

#include <fmt/format.h>

#include "base/clock.h"
#include "curate/quotes.h"
#include "knowledge/knowledge_json.h"
#include "vault/custody.h"
#include "vault/sha256.h"

namespace sijill::curate {
namespace {

using knowledge::Claim;
using knowledge::Entity;

std::string Dump(const nlohmann::json& j) { return j.dump(); }

}  // namespace

Actor Actor::Now() { return Actor{vault::CurrentActor(), base::NowUtc()}; }

Curator::Curator(store::Store& store, store::WriteTransaction& txn, Actor actor)
    : store_(store), txn_(txn), actor_(std::move(actor)) {}

base::Status Curator::Record(std::string_view action, const base::Id& object, std::string_view kind,
                             const std::optional<std::string>& before, const std::string& after) {
  ASSIGN_OR_RETURN(uint64_t seq, txn_.knowledge().AppendHistory(knowledge::HistoryEvent{
                                     0, actor_.now_utc, actor_.name, std::string(action), object,
                                     before, after}));
  if (archive_id_.empty()) {
    ASSIGN_OR_RETURN(archive_id_, store_.ArchiveId());
  }
  // The custody entry names the object and hashes its new state, so that the log proves
  // what the knowledge layer said at each point without holding its text (which may
  // name protected persons).
  vault::CustodyEntry e;
  e.archive = archive_id_;
  e.time = actor_.now_utc;
  e.actor = actor_.name;
  e.action = std::string(action);
  e.objects = {{std::string(kind), object.ToString()}, {"history", std::to_string(seq)}};
  e.hashes = {{"state_sha256", vault::Sha256Hex(after)}};
  std::string bytes = vault::CanonicalBytes(e);
  auto appended = txn_.AppendCustody(bytes, vault::CustodyLeafHashHex(bytes));
  return appended ? base::Status::Ok() : appended.error();
}

base::Result<Entity> Curator::AddEntity(Entity entity) {
  if (entity.id == base::Id{}) entity.id = base::Id::Random();
  if (entity.created_by.empty()) entity.created_by = actor_.name;
  if (entity.created_at.empty()) entity.created_at = actor_.now_utc;
  entity.merged_into.reset();
  TRY(knowledge::CheckEntity(entity));
  TRY(txn_.knowledge().AddEntity(entity));
  TRY(Record("entity.add", entity.id, "entity", std::nullopt, Dump(knowledge::ToJson(entity))));
  return entity;
}

base::Status Curator::EditEntity(const Entity& entity) {
  ASSIGN_OR_RETURN(Entity before, store_.knowledge().GetEntity(entity.id));
  Entity after = entity;
  after.type = before.type;
  after.merged_into = before.merged_into;
  after.created_by = before.created_by;
  after.created_at = before.created_at;
  TRY(knowledge::CheckEntity(after));
  if (after == before) return base::Status::Ok();
  TRY(txn_.knowledge().UpdateEntity(after));
  return Record("entity.edit", after.id, "entity", Dump(knowledge::ToJson(before)),
                Dump(knowledge::ToJson(after)));
}

base::Status Curator::Merge(const base::Id& from, const base::Id& into) {
  ASSIGN_OR_RETURN(Entity a, store_.knowledge().GetEntity(from));
  ASSIGN_OR_RETURN(Entity b, store_.knowledge().GetEntity(into));
  if (a.type != b.type) {
    return base::Status::InvalidArgument(fmt::format("cannot merge a {} ('{}') into a {} ('{}')",
                                                     knowledge::Name(a.type), a.name,
                                                     knowledge::Name(b.type), b.name));
  }
  ASSIGN_OR_RETURN(auto group_a, store_.knowledge().EntityGroup(from));
  ASSIGN_OR_RETURN(auto group_b, store_.knowledge().EntityGroup(into));
  if (group_a.front() == group_b.front()) {
    return base::Status::InvalidArgument(
        fmt::format("'{}' and '{}' are already one entity", a.name, b.name));
  }
  if (a.merged_into) {
    return base::Status::InvalidArgument(fmt::format(
        "'{}' is already merged into {}; unmerge it first", a.name, a.merged_into->ToString()));
  }
  Entity after = a;
  after.merged_into = into;
  TRY(txn_.knowledge().UpdateEntity(after));
  return Record("entity.merge", a.id, "entity", Dump(knowledge::ToJson(a)),
                Dump(knowledge::ToJson(after)));
}

base::Status Curator::Unmerge(const base::Id& id) {
  ASSIGN_OR_RETURN(Entity before, store_.knowledge().GetEntity(id));
  if (!before.merged_into) {
    return base::Status::InvalidArgument(fmt::format("'{}' is not merged", before.name));
  }
  Entity after = before;
  after.merged_into.reset();
  TRY(txn_.knowledge().UpdateEntity(after));
  return Record("entity.unmerge", id, "entity", Dump(knowledge::ToJson(before)),
                Dump(knowledge::ToJson(after)));
}

base::Status Curator::CheckAgainstStore(const Claim& claim) {
  auto subject = store_.knowledge().GetEntity(claim.subject);
  if (!subject) {
    return base::Status::InvalidArgument("subject: no entity " + claim.subject.ToString());
  }
  std::optional<knowledge::EntityType> object_type;
  if (claim.object) {
    auto object = store_.knowledge().GetEntity(*claim.object);
    if (!object) {
      return base::Status::InvalidArgument("object: no entity " + claim.object->ToString());
    }
    object_type = object->type;
  }
  TRY(knowledge::CheckClaim(claim, subject->type, object_type));
  for (size_t i = 0; i < claim.citations.size(); ++i) {
    if (auto s = CheckCitation(store_, claim.citations[i]); !s.ok()) {
      return s.WithPrefix(fmt::format("citations[{}]", i));
    }
  }
  return base::Status::Ok();
}

base::Result<Claim> Curator::AddClaim(Claim claim) {
  if (claim.id == base::Id{}) claim.id = base::Id::Random();
  if (claim.created_by.empty()) claim.created_by = actor_.name;
  if (claim.created_at.empty()) claim.created_at = actor_.now_utc;
  TRY(CheckAgainstStore(claim));
  TRY(txn_.knowledge().AddClaim(claim));
  TRY(Record("claim.add", claim.id, "claim", std::nullopt, Dump(knowledge::ToJson(claim))));
  return claim;
}

base::Status Curator::EditClaim(const Claim& claim, std::string_view action) {
  ASSIGN_OR_RETURN(Claim before, store_.knowledge().GetClaim(claim.id));
  Claim after = claim;
  after.created_by = before.created_by;
  after.created_at = before.created_at;
  TRY(CheckAgainstStore(after));
  if (after == before) return base::Status::Ok();
  TRY(txn_.knowledge().UpdateClaim(after));
  return Record(action, after.id, "claim", Dump(knowledge::ToJson(before)),
                Dump(knowledge::ToJson(after)));
}

base::Status Curator::SetStatus(const base::Id& id, knowledge::ClaimStatus status) {
  ASSIGN_OR_RETURN(Claim claim, store_.knowledge().GetClaim(id));
  claim.status = status;
  std::string action =
      fmt::format("claim.{}", status == knowledge::ClaimStatus::kAccepted   ? "accept"
                              : status == knowledge::ClaimStatus::kRejected ? "reject"
                                                                            : "reopen");
  return EditClaim(claim, action);
}

}  // namespace sijill::curate
