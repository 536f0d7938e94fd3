#include "store/sqlite/sqlite_custody.h"

#include <fmt/format.h>

namespace sijill::store::sqlite {

base::Result<uint64_t> AppendCustody(Connection& conn, std::string_view entry,
                                     std::string_view leaf_hash_hex) {
  if (leaf_hash_hex.size() != 64)
    return base::Error(base::Status::InvalidArgument("a leaf hash has 64 hex digits"));
  ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO custody_log (leaf_index, entry, leaf_hash) "
                                        "VALUES ((SELECT coalesce(max(leaf_index) + 1, 0) "
                                        "FROM custody_log), ?1, ?2)"));
  s.Bind(1, entry).Bind(2, leaf_hash_hex);
  TRY(s.Run());
  return static_cast<uint64_t>(conn.LastInsertRowid());
}

base::Status AddCheckpoint(Connection& conn, const CheckpointRecord& c) {
  ASSIGN_OR_RETURN(auto exists, conn.Prepare("SELECT 1 FROM checkpoints WHERE tree_size = ?1"));
  exists.Bind(1, static_cast<int64_t>(c.size));
  ASSIGN_OR_RETURN(bool found, exists.Step());
  if (found)
    return base::Status::AlreadyExists(fmt::format("a checkpoint of size {} exists", c.size));
  ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO checkpoints (tree_size, root_hash, note, "
                                        "created_at) VALUES (?1, ?2, ?3, ?4)"));
  s.Bind(1, static_cast<int64_t>(c.size))
      .Bind(2, c.root_hash)
      .Bind(3, c.note)
      .Bind(4, c.created_at);
  return s.Run();
}

base::Result<uint64_t> CustodySize(Connection& conn) {
  ASSIGN_OR_RETURN(auto s,
                   conn.Prepare("SELECT coalesce(max(leaf_index) + 1, 0) FROM custody_log"));
  ASSIGN_OR_RETURN(bool row, s.Step());
  return row ? static_cast<uint64_t>(s.Int(0)) : 0;
}

base::Result<std::vector<CustodyRecord>> GetCustody(Connection& conn, uint64_t first,
                                                    size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT leaf_index, entry, leaf_hash FROM custody_log "
                                        "WHERE leaf_index >= ?1 ORDER BY leaf_index LIMIT ?2"));
  s.Bind(1, static_cast<int64_t>(first)).Bind(2, static_cast<int64_t>(limit));
  std::vector<CustodyRecord> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        {static_cast<uint64_t>(s.Int(0)), std::string(s.Text(1)), std::string(s.Text(2))});
  }
  return out;
}

base::Result<std::vector<CustodyRecord>> FindCustodyContaining(Connection& conn,
                                                               std::string_view text,
                                                               size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT leaf_index, entry, leaf_hash FROM custody_log "
                                        "WHERE instr(entry, ?1) > 0 ORDER BY leaf_index LIMIT ?2"));
  s.Bind(1, text).Bind(2, static_cast<int64_t>(limit));
  std::vector<CustodyRecord> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        {static_cast<uint64_t>(s.Int(0)), std::string(s.Text(1)), std::string(s.Text(2))});
  }
  return out;
}

base::Result<std::vector<CheckpointRecord>> ListCheckpoints(Connection& conn) {
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT tree_size, root_hash, note, created_at FROM "
                                        "checkpoints ORDER BY tree_size"));
  std::vector<CheckpointRecord> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back({static_cast<uint64_t>(s.Int(0)), std::string(s.Text(1)), std::string(s.Text(2)),
                   std::string(s.Text(3))});
  }
  return out;
}

}  // namespace sijill::store::sqlite
