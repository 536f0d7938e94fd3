#include "store/sqlite/sqlite_knowledge.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "store/sqlite/sqlite_name_tokens.h"

namespace sijill::store::sqlite {
namespace {

using knowledge::Claim;
using knowledge::Entity;

constexpr std::string_view kEntityColumns =
    "SELECT e.rowid, e.id, e.type, e.protected, e.latitude, e.longitude, e.side, e.note, "
    "m.id, e.created_by, e.created_at FROM entities e "
    "LEFT JOIN entities m ON m.rowid = e.merged_into ";

constexpr std::string_view kClaimColumns =
    "SELECT c.rowid, c.id, s.id, c.predicate, o.id, c.object_text, c.role, c.rank, c.time, "
    "c.evidence, c.confidence, c.status, c.note, c.created_by, c.created_at FROM claims c "
    "JOIN entities s ON s.rowid = c.subject LEFT JOIN entities o ON o.rowid = c.object ";

base::Id ParseStoredId(std::string_view text) { return base::Id::Parse(text).value_or(base::Id{}); }

std::optional<base::Id> OptionalId(const Statement& s, int column) {
  if (s.IsNull(column)) return std::nullopt;
  return ParseStoredId(s.Text(column));
}

// Reads the claim columns (kClaimColumns) of the current row; citations are added later.
base::Result<Claim> ClaimFromRow(const Statement& s) {
  Claim c;
  c.id = ParseStoredId(s.Text(1));
  c.subject = ParseStoredId(s.Text(2));
  auto predicate = knowledge::ParsePredicate(s.Text(3));
  auto evidence = knowledge::ParseEvidence(s.Text(9));
  auto confidence = knowledge::ParseConfidence(s.Text(10));
  auto status = knowledge::ParseClaimStatus(s.Text(11));
  if (!predicate || !evidence || !confidence || !status) {
    return base::Error(base::Status::Corruption(
        fmt::format("claim {}: an unknown predicate, evidence, confidence or status", s.Text(1))));
  }
  c.predicate = *predicate;
  c.object = OptionalId(s, 4);
  c.object_text = s.OptionalText(5);
  c.role = s.OptionalText(6);
  c.rank = s.OptionalText(7);
  c.time = s.OptionalText(8);
  c.evidence = *evidence;
  c.confidence = *confidence;
  c.status = *status;
  c.note = s.OptionalText(12);
  c.created_by = s.Text(13);
  c.created_at = s.Text(14);
  return c;
}

bool StatusWanted(const ClaimFilter& filter, knowledge::ClaimStatus status) {
  if (filter.statuses.empty()) return status == knowledge::ClaimStatus::kAccepted;
  return std::find(filter.statuses.begin(), filter.statuses.end(), status) != filter.statuses.end();
}

base::Status NoSuch(std::string_view field, std::string_view what, const base::Id& id) {
  return base::Status::InvalidArgument(fmt::format("{}: no {} {}", field, what, id.ToString()));
}

}  // namespace

struct SqliteKnowledge::Cache {
  std::optional<Statement> entity_by_id, entity_by_rowid, names_of, entity_rowid, source_rowid,
      claim_by_id, citations_of, claims_by_subject, claims_by_object, group_rowids, root_of;
};

SqliteKnowledge::SqliteKnowledge(Connection& conn)
    : conn_(conn), cache_(std::make_unique<Cache>()) {}
SqliteKnowledge::~SqliteKnowledge() = default;

base::Result<Statement*> SqliteKnowledge::Prepared(std::optional<Statement>& slot,
                                                   std::string_view sql) {
  if (!slot) {
    ASSIGN_OR_RETURN(auto prepared, conn_.Prepare(sql));
    slot.emplace(std::move(prepared));
  } else {
    slot->Reset();
  }
  return &*slot;
}

base::Result<int64_t> SqliteKnowledge::EntityRowid(const base::Id& id, std::string_view field) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->entity_rowid, "SELECT rowid FROM entities WHERE id = ?1"));
  s->Bind(1, id.ToString());
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Error(NoSuch(field, "entity", id));
  return s->Int(0);
}

base::Result<int64_t> SqliteKnowledge::SourceRowid(const base::Id& id) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->source_rowid, "SELECT rowid FROM sources WHERE id = ?1"));
  s->Bind(1, id.ToString());
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Error(NoSuch("citation", "source", id));
  return s->Int(0);
}

base::Status SqliteKnowledge::WriteNames(int64_t rowid, const Entity& e) {
  ASSIGN_OR_RETURN(auto del, conn_.Prepare("DELETE FROM entity_names WHERE entity = ?1"));
  del.Bind(1, rowid);
  TRY(del.Run());
  ASSIGN_OR_RETURN(auto ins, conn_.Prepare("INSERT INTO entity_names (entity, ordinal, name, "
                                           "name_key, source) VALUES (?1, ?2, ?3, ?4, ?5)"));
  auto put = [&](int64_t ordinal, const std::string& name,
                 const std::optional<base::Id>& source) -> base::Status {
    ins.Reset();
    ins.Bind(1, rowid).Bind(2, ordinal).Bind(3, name).Bind(4, knowledge::NameKey(name));
    if (source)
      ins.Bind(5, source->ToString());
    else
      ins.BindNull(5);
    return ins.Run();
  };
  TRY(put(0, e.name, std::nullopt));
  for (size_t i = 0; i < e.aliases.size(); ++i) {
    TRY(put(static_cast<int64_t>(i + 1), e.aliases[i].name, e.aliases[i].source));
  }
  return WriteNameTokens(conn_, rowid, e);
}

base::Status SqliteKnowledge::RecomputeRoots(int64_t old_root) {
  // Every member of the old group finds its root again by following merged_into; a chain
  // leaving the group ends at the root of the group it enters.
  std::map<int64_t, std::optional<int64_t>> next;
  {
    ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT rowid, merged_into FROM entities "
                                           "WHERE root = ?1"));
    s.Bind(1, old_root);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s.Step());
      if (!row) break;
      next[s.Int(0)] = s.IsNull(1) ? std::nullopt : std::optional<int64_t>(s.Int(1));
    }
  }
  ASSIGN_OR_RETURN(auto root_of, conn_.Prepare("SELECT root FROM entities WHERE rowid = ?1"));
  ASSIGN_OR_RETURN(auto set, conn_.Prepare("UPDATE entities SET root = ?2 WHERE rowid = ?1"));
  for (const auto& [member, first] : next) {
    int64_t at = member;
    std::optional<int64_t> step = first;
    size_t hops = 0;
    while (step) {
      if (++hops > next.size() + 1) {
        return base::Status::InvalidArgument("merged_into: the merge would make a cycle");
      }
      auto it = next.find(*step);
      if (it == next.end()) {  // another group: take its root
        root_of.Reset();
        root_of.Bind(1, *step);
        ASSIGN_OR_RETURN(bool row, root_of.Step());
        if (!row) return base::Status::Internal("merged_into names a missing entity");
        at = root_of.Int(0);
        break;
      }
      at = *step;
      step = it->second;
    }
    set.Reset();
    set.Bind(1, member).Bind(2, at);
    TRY(set.Run());
  }
  return base::Status::Ok();
}

base::Status SqliteKnowledge::AddEntity(const Entity& e) {
  std::optional<int64_t> merged;
  int64_t root = -1;
  if (e.merged_into) {
    ASSIGN_OR_RETURN(int64_t target, EntityRowid(*e.merged_into, "merged_into"));
    merged = target;
    ASSIGN_OR_RETURN(auto r, conn_.Prepare("SELECT root FROM entities WHERE rowid = ?1"));
    r.Bind(1, target);
    ASSIGN_OR_RETURN(bool row, r.Step());
    if (row) root = r.Int(0);
  }
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("INSERT INTO entities (id, type, protected, latitude, "
                                         "longitude, side, note, merged_into, root, created_by, "
                                         "created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, "
                                         "?9, ?10, ?11)"));
  s.Bind(1, e.id.ToString())
      .Bind(2, knowledge::Name(e.type))
      .Bind(3, int64_t{e.is_protected ? 1 : 0})
      .BindOptionalDouble(4, e.latitude)
      .BindOptionalDouble(5, e.longitude)
      .BindOptional(6, e.side)
      .BindOptional(7, e.note)
      .Bind(9, root)
      .Bind(10, e.created_by)
      .Bind(11, e.created_at);
  if (merged)
    s.Bind(8, *merged);
  else
    s.BindNull(8);
  if (auto st = s.Run(); !st.ok()) {
    if (st.code() == base::StatusCode::kAlreadyExists) {
      return base::Status::AlreadyExists("entity " + e.id.ToString() + " already exists");
    }
    return st;
  }
  int64_t rowid = conn_.LastInsertRowid();
  if (root < 0) {
    ASSIGN_OR_RETURN(auto u, conn_.Prepare("UPDATE entities SET root = rowid WHERE rowid = ?1"));
    u.Bind(1, rowid);
    TRY(u.Run());
  }
  return WriteNames(rowid, e);
}

base::Status SqliteKnowledge::UpdateEntity(const Entity& e) {
  ASSIGN_OR_RETURN(auto q, conn_.Prepare("SELECT rowid, root, merged_into FROM entities "
                                         "WHERE id = ?1"));
  q.Bind(1, e.id.ToString());
  ASSIGN_OR_RETURN(bool found, q.Step());
  if (!found) return base::Status::NotFound("no entity " + e.id.ToString());
  const int64_t rowid = q.Int(0), old_root = q.Int(1);
  // Rowids are positive: -1 stands for "not merged".
  const int64_t old_merged = q.IsNull(2) ? -1 : q.Int(2);
  int64_t merged = -1;
  if (e.merged_into) {
    ASSIGN_OR_RETURN(merged, EntityRowid(*e.merged_into, "merged_into"));
  }
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("UPDATE entities SET protected = ?2, latitude = ?3, "
                                         "longitude = ?4, side = ?5, note = ?6, merged_into = ?7 "
                                         "WHERE rowid = ?1"));
  s.Bind(1, rowid)
      .Bind(2, int64_t{e.is_protected ? 1 : 0})
      .BindOptionalDouble(3, e.latitude)
      .BindOptionalDouble(4, e.longitude)
      .BindOptional(5, e.side)
      .BindOptional(6, e.note);
  if (merged >= 0)
    s.Bind(7, merged);
  else
    s.BindNull(7);
  TRY(s.Run());
  TRY(WriteNames(rowid, e));
  if (merged != old_merged) TRY(RecomputeRoots(old_root));
  return base::Status::Ok();
}

base::Status SqliteKnowledge::WriteCitations(int64_t claim_rowid, const Claim& c) {
  ASSIGN_OR_RETURN(auto del, conn_.Prepare("DELETE FROM citations WHERE claim = ?1"));
  del.Bind(1, claim_rowid);
  TRY(del.Run());
  ASSIGN_OR_RETURN(auto ins, conn_.Prepare("INSERT INTO citations (claim, ordinal, source, "
                                           "passage, cp_begin, cp_end, quote) VALUES "
                                           "(?1, ?2, ?3, ?4, ?5, ?6, ?7)"));
  for (size_t i = 0; i < c.citations.size(); ++i) {
    const knowledge::Citation& cite = c.citations[i];
    auto source = SourceRowid(cite.source);
    if (!source) {
      return base::Status::InvalidArgument(
          fmt::format("citations[{}].source: no source {}", i, cite.source.ToString()));
    }
    ins.Reset();
    ins.Bind(1, claim_rowid)
        .Bind(2, static_cast<int64_t>(i))
        .Bind(3, *source)
        .Bind(4, static_cast<int64_t>(cite.passage))
        .Bind(5, static_cast<int64_t>(cite.cp_begin))
        .Bind(6, static_cast<int64_t>(cite.cp_end))
        .Bind(7, cite.quote);
    TRY(ins.Run());
  }
  return base::Status::Ok();
}

namespace {
// Binds every field but the id and created_* to ?3..?13.
void BindClaimFields(Statement& s, const Claim& c, const ClaimEnds& ends) {
  s.Bind(3, ends.subject).Bind(4, knowledge::Name(c.predicate));
  if (ends.object)
    s.Bind(5, *ends.object);
  else
    s.BindNull(5);
  s.BindOptional(6, c.object_text)
      .BindOptional(7, c.role)
      .BindOptional(8, c.rank)
      .BindOptional(9, c.time)
      .Bind(10, knowledge::Name(c.evidence))
      .Bind(11, knowledge::Name(c.confidence))
      .Bind(12, knowledge::Name(c.status))
      .BindOptional(13, c.note);
}
}  // namespace

base::Result<ClaimEnds> SqliteKnowledge::EndsOf(const Claim& c) {
  ClaimEnds ends;
  ASSIGN_OR_RETURN(ends.subject, EntityRowid(c.subject, "subject"));
  if (c.object) {
    ASSIGN_OR_RETURN(int64_t o, EntityRowid(*c.object, "object"));
    ends.object = o;
  }
  return ends;
}

base::Status SqliteKnowledge::AddClaim(const Claim& c) {
  ASSIGN_OR_RETURN(ClaimEnds ends, EndsOf(c));
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("INSERT INTO claims (id, created_at, subject, predicate, "
                                         "object, object_text, role, rank, time, evidence, "
                                         "confidence, status, note, created_by) VALUES (?1, ?2, "
                                         "?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)"));
  s.Bind(1, c.id.ToString()).Bind(2, c.created_at).Bind(14, c.created_by);
  BindClaimFields(s, c, ends);
  if (auto st = s.Run(); !st.ok()) {
    if (st.code() == base::StatusCode::kAlreadyExists) {
      return base::Status::AlreadyExists("claim " + c.id.ToString() + " already exists");
    }
    return st;
  }
  return WriteCitations(conn_.LastInsertRowid(), c);
}

base::Status SqliteKnowledge::UpdateClaim(const Claim& c) {
  ASSIGN_OR_RETURN(ClaimEnds ends, EndsOf(c));
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("UPDATE claims SET subject = ?3, predicate = ?4, "
                                         "object = ?5, object_text = ?6, role = ?7, rank = ?8, "
                                         "time = ?9, evidence = ?10, confidence = ?11, "
                                         "status = ?12, note = ?13 WHERE id = ?1 "
                                         "RETURNING rowid"));
  s.Bind(1, c.id.ToString());
  BindClaimFields(s, c, ends);
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return base::Status::NotFound("no claim " + c.id.ToString());
  int64_t rowid = s.Int(0);
  TRY(s.Run());
  return WriteCitations(rowid, c);
}

base::Result<uint64_t> SqliteKnowledge::AppendHistory(const knowledge::HistoryEvent& e) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("INSERT INTO knowledge_history (at, actor, action, "
                                         "object, before, after) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"));
  s.Bind(1, e.at).Bind(2, e.actor).Bind(3, e.action).Bind(4, e.object.ToString());
  s.BindOptional(5, e.before).BindOptional(6, e.after);
  TRY(s.Run());
  return static_cast<uint64_t>(conn_.LastInsertRowid());
}

base::Result<Entity> SqliteKnowledge::ReadEntity(Statement& row) {
  Entity e;
  const int64_t rowid = row.Int(0);
  e.id = ParseStoredId(row.Text(1));
  auto type = knowledge::ParseEntityType(row.Text(2));
  if (!type) {
    return base::Error(base::Status::Corruption(
        fmt::format("entity {}: unknown type '{}'", row.Text(1), row.Text(2))));
  }
  e.type = *type;
  e.is_protected = row.Int(3) != 0;
  e.latitude = row.OptionalDouble(4);
  e.longitude = row.OptionalDouble(5);
  e.side = row.OptionalText(6);
  e.note = row.OptionalText(7);
  e.merged_into = OptionalId(row, 8);
  e.created_by = row.Text(9);
  e.created_at = row.Text(10);
  ASSIGN_OR_RETURN(Statement * names, Prepared(cache_->names_of,
                                               "SELECT ordinal, name, source FROM entity_names "
                                               "WHERE entity = ?1 ORDER BY ordinal"));
  names->Bind(1, rowid);
  while (true) {
    ASSIGN_OR_RETURN(bool more, names->Step());
    if (!more) break;
    if (names->Int(0) == 0) {
      e.name = names->Text(1);
    } else {
      e.aliases.push_back({std::string(names->Text(1)), OptionalId(*names, 2)});
    }
  }
  return e;
}

base::Result<std::vector<Entity>> SqliteKnowledge::ReadEntities(Statement& rows) {
  std::vector<Entity> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Entity e, ReadEntity(rows));
    out.push_back(std::move(e));
  }
  return out;
}

base::Result<Entity> SqliteKnowledge::GetEntity(const base::Id& id) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->entity_by_id, std::string(kEntityColumns) + "WHERE e.id = ?1"));
  s->Bind(1, id.ToString());
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Error(base::Status::NotFound("no entity " + id.ToString()));
  return ReadEntity(*s);
}

base::Result<std::vector<Entity>> SqliteKnowledge::FindEntitiesByNameKey(
    std::string_view name_key, std::optional<knowledge::EntityType> type, size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare(std::string(kEntityColumns) +
                                         "WHERE e.rowid IN (SELECT entity FROM entity_names "
                                         "WHERE name_key = ?1) AND (?2 IS NULL OR e.type = ?2) "
                                         "ORDER BY e.rowid LIMIT ?3"));
  s.Bind(1, name_key).Bind(3, static_cast<int64_t>(limit));
  if (type)
    s.Bind(2, knowledge::Name(*type));
  else
    s.BindNull(2);
  return ReadEntities(s);
}

base::Result<std::vector<Entity>> SqliteKnowledge::FindEntitiesByNameTokens(
    std::string_view name, std::optional<knowledge::EntityType> type, size_t limit) {
  ASSIGN_OR_RETURN(auto rowids, FindNameTokenCandidates(conn_, name, type, limit));
  std::vector<Entity> out;
  for (int64_t rowid : rowids) {
    ASSIGN_OR_RETURN(Statement * s, Prepared(cache_->entity_by_rowid,
                                             std::string(kEntityColumns) + "WHERE e.rowid = ?1"));
    s->Bind(1, rowid);
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) return base::Error(base::Status::Internal("a name token names a missing entity"));
    ASSIGN_OR_RETURN(Entity e, ReadEntity(*s));
    out.push_back(std::move(e));
  }
  return out;
}

base::Result<std::vector<Entity>> SqliteKnowledge::FindEntitiesByIdPrefix(std::string_view prefix,
                                                                          size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare(std::string(kEntityColumns) +
                                         "WHERE e.id >= ?1 AND e.id < ?2 ORDER BY e.id LIMIT ?3"));
  std::string lo = base::Id::NormalizePrefix(prefix);
  s.Bind(1, lo).Bind(2, lo + "\x7f").Bind(3, static_cast<int64_t>(limit));
  return ReadEntities(s);
}

base::Result<std::vector<base::Id>> SqliteKnowledge::EntityGroup(const base::Id& id) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->group_rowids,
                            "SELECT m.id, m.rowid = m.root FROM entities e JOIN entities m "
                            "ON m.root = e.root WHERE e.id = ?1 "
                            "ORDER BY m.rowid = m.root DESC, m.rowid"));
  s->Bind(1, id.ToString());
  std::vector<base::Id> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    out.push_back(ParseStoredId(s->Text(0)));
  }
  if (out.empty()) return base::Error(base::Status::NotFound("no entity " + id.ToString()));
  return out;
}

base::Status SqliteKnowledge::ForEachEntity(std::optional<knowledge::EntityType> type,
                                            const std::function<bool(const Entity&)>& visit) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare(std::string(kEntityColumns) +
                                         "WHERE ?1 IS NULL OR e.type = ?1 ORDER BY e.rowid"));
  if (type)
    s.Bind(1, knowledge::Name(*type));
  else
    s.BindNull(1);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    ASSIGN_OR_RETURN(Entity e, ReadEntity(s));
    if (!visit(e)) break;
  }
  return base::Status::Ok();
}

base::Status SqliteKnowledge::ReadCitations(int64_t claim_rowid, Claim* claim) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->citations_of,
                            "SELECT s.id, ci.passage, ci.cp_begin, ci.cp_end, ci.quote "
                            "FROM citations ci JOIN sources s ON s.rowid = ci.source "
                            "WHERE ci.claim = ?1 ORDER BY ci.ordinal"));
  s->Bind(1, claim_rowid);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s->Step());
    if (!row) break;
    claim->citations.push_back({ParseStoredId(s->Text(0)), static_cast<uint32_t>(s->Int(1)),
                                static_cast<uint64_t>(s->Int(2)), static_cast<uint64_t>(s->Int(3)),
                                std::string(s->Text(4))});
  }
  return base::Status::Ok();
}

base::Result<Claim> SqliteKnowledge::GetClaim(const base::Id& id) {
  ASSIGN_OR_RETURN(Statement * s,
                   Prepared(cache_->claim_by_id, std::string(kClaimColumns) + "WHERE c.id = ?1"));
  s->Bind(1, id.ToString());
  ASSIGN_OR_RETURN(bool row, s->Step());
  if (!row) return base::Error(base::Status::NotFound("no claim " + id.ToString()));
  const int64_t rowid = s->Int(0);
  ASSIGN_OR_RETURN(Claim c, ClaimFromRow(*s));
  TRY(ReadCitations(rowid, &c));
  return c;
}

base::Result<std::vector<base::Id>> SqliteKnowledge::FindClaimsByIdPrefix(std::string_view prefix,
                                                                          size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT id FROM claims WHERE id >= ?1 AND id < ?2 "
                                         "ORDER BY id LIMIT ?3"));
  std::string lo = base::Id::NormalizePrefix(prefix);
  s.Bind(1, lo).Bind(2, lo + "\x7f").Bind(3, static_cast<int64_t>(limit));
  std::vector<base::Id> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(ParseStoredId(s.Text(0)));
  }
  return out;
}

base::Result<std::vector<Claim>> SqliteKnowledge::QueryClaims(const ClaimFilter& filter,
                                                              bool by_subject) {
  // Claims of every member of the group, through the (subject|object, predicate) index.
  const base::Id& anchor = by_subject ? *filter.subject : *filter.object;
  ASSIGN_OR_RETURN(std::vector<base::Id> group, EntityGroup(anchor));
  std::vector<std::pair<int64_t, Claim>> found;
  std::optional<Statement>& slot =
      by_subject ? cache_->claims_by_subject : cache_->claims_by_object;
  const std::string sql =
      std::string(kClaimColumns) +
      (by_subject ? "WHERE c.subject = (SELECT rowid FROM entities WHERE id = ?1)"
                  : "WHERE c.object = (SELECT rowid FROM entities WHERE id = ?1)") +
      " AND (?2 IS NULL OR c.predicate = ?2)";
  for (const base::Id& member : group) {
    ASSIGN_OR_RETURN(Statement * s, Prepared(slot, sql));
    s->Bind(1, member.ToString());
    if (filter.predicate)
      s->Bind(2, knowledge::Name(*filter.predicate));
    else
      s->BindNull(2);
    while (true) {
      ASSIGN_OR_RETURN(bool row, s->Step());
      if (!row) break;
      ASSIGN_OR_RETURN(Claim c, ClaimFromRow(*s));
      if (!StatusWanted(filter, c.status)) continue;
      found.emplace_back(s->Int(0), std::move(c));
    }
  }
  // The other end's group, if both ends were given.
  if (by_subject && filter.object) {
    ASSIGN_OR_RETURN(std::vector<base::Id> objects, EntityGroup(*filter.object));
    std::erase_if(found, [&](const auto& rc) {
      return !rc.second.object ||
             std::find(objects.begin(), objects.end(), *rc.second.object) == objects.end();
    });
  }
  std::sort(found.begin(), found.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<Claim> out;
  out.reserve(found.size());
  for (auto& [rowid, claim] : found) {
    TRY(ReadCitations(rowid, &claim));
    out.push_back(std::move(claim));
  }
  return out;
}

base::Result<std::vector<Claim>> SqliteKnowledge::FindClaims(const ClaimFilter& filter) {
  if (filter.subject) return QueryClaims(filter, /*by_subject=*/true);
  if (filter.object) return QueryClaims(filter, /*by_subject=*/false);
  std::vector<Claim> out;
  TRY(ForEachClaim(filter, [&](const Claim& c) {
    out.push_back(c);
    return true;
  }));
  return out;
}

base::Status SqliteKnowledge::ForEachClaim(const ClaimFilter& filter,
                                           const std::function<bool(const Claim&)>& visit) {
  // Two cursors in claim order, merged: one query for the claims and one for every
  // citation, instead of a citation query per claim.
  ASSIGN_OR_RETURN(auto claims, conn_.Prepare(std::string(kClaimColumns) +
                                              "WHERE ?1 IS NULL OR c.predicate = ?1 "
                                              "ORDER BY c.rowid"));
  if (filter.predicate)
    claims.Bind(1, knowledge::Name(*filter.predicate));
  else
    claims.BindNull(1);
  ASSIGN_OR_RETURN(auto cites, conn_.Prepare("SELECT ci.claim, s.id, ci.passage, ci.cp_begin, "
                                             "ci.cp_end, ci.quote FROM citations ci JOIN sources "
                                             "s ON s.rowid = ci.source ORDER BY ci.claim, "
                                             "ci.ordinal"));
  ASSIGN_OR_RETURN(bool cite_row, cites.Step());
  while (true) {
    ASSIGN_OR_RETURN(bool row, claims.Step());
    if (!row) break;
    const int64_t rowid = claims.Int(0);
    ASSIGN_OR_RETURN(Claim c, ClaimFromRow(claims));
    while (cite_row && cites.Int(0) < rowid) {
      ASSIGN_OR_RETURN(cite_row, cites.Step());
    }
    while (cite_row && cites.Int(0) == rowid) {
      c.citations.push_back({ParseStoredId(cites.Text(1)), static_cast<uint32_t>(cites.Int(2)),
                             static_cast<uint64_t>(cites.Int(3)),
                             static_cast<uint64_t>(cites.Int(4)), std::string(cites.Text(5))});
      ASSIGN_OR_RETURN(cite_row, cites.Step());
    }
    if (!StatusWanted(filter, c.status)) continue;
    if (!visit(c)) break;
  }
  return base::Status::Ok();
}

base::Result<uint64_t> SqliteKnowledge::CountEntities() {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT count(*) FROM entities"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<uint64_t>(s.Int(0)) : 0;
}

base::Result<uint64_t> SqliteKnowledge::CountClaims(const ClaimFilter& filter) {
  std::vector<knowledge::ClaimStatus> statuses = filter.statuses;
  if (statuses.empty()) statuses.push_back(knowledge::ClaimStatus::kAccepted);
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT count(*) FROM claims WHERE status = ?1 AND "
                                         "(?2 IS NULL OR predicate = ?2)"));
  uint64_t total = 0;
  for (knowledge::ClaimStatus status : statuses) {
    s.Reset();
    s.Bind(1, knowledge::Name(status));
    if (filter.predicate)
      s.Bind(2, knowledge::Name(*filter.predicate));
    else
      s.BindNull(2);
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (row) total += static_cast<uint64_t>(s.Int(0));
  }
  return total;
}

base::Result<std::vector<knowledge::HistoryEvent>> SqliteKnowledge::History(const base::Id& id) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT seq, at, actor, action, before, after FROM "
                                         "knowledge_history WHERE object = ?1 ORDER BY seq"));
  s.Bind(1, id.ToString());
  std::vector<knowledge::HistoryEvent> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({static_cast<uint64_t>(s.Int(0)), std::string(s.Text(1)), std::string(s.Text(2)),
                   std::string(s.Text(3)), id, s.OptionalText(4), s.OptionalText(5)});
  }
  return out;
}

base::Status SqliteKnowledge::ForEachHistory(
    const std::function<bool(const knowledge::HistoryEvent&)>& visit) {
  ASSIGN_OR_RETURN(auto s, conn_.Prepare("SELECT seq, at, actor, action, object, before, after "
                                         "FROM knowledge_history ORDER BY seq"));
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) return base::Status::Ok();
    auto object = base::Id::Parse(s.Text(4));
    if (!object) {
      return base::Status::Corruption(
          fmt::format("knowledge_history seq {}: object is not an id", s.Int(0)));
    }
    knowledge::HistoryEvent e{static_cast<uint64_t>(s.Int(0)),
                              std::string(s.Text(1)),
                              std::string(s.Text(2)),
                              std::string(s.Text(3)),
                              *object,
                              s.OptionalText(5),
                              s.OptionalText(6)};
    if (!visit(e)) return base::Status::Ok();
  }
}

}  // namespace sijill::store::sqlite
