#include "store/sqlite/sqlite_custody.h"

#include <fmt/format.h>

#include "vault/merkle.h"

// Stored tree nodes (docs/formats/archive.md, "Custody tree nodes"):
//   custody_nodes row (level, idx, hash) := hash = hex(MTH(D[idx * 2^level : (idx + 1) * 2^level]))
//   for level >= kCustodyNodeMinLevel, written when leaf (idx + 1) * 2^level - 1 is appended.
namespace sijill::store::sqlite {
namespace {

constexpr uint64_t kBlock = uint64_t{1} << kCustodyNodeMinLevel;

base::Result<vault::Hash> BlockRoot(Connection& conn, uint64_t block) {
  ASSIGN_OR_RETURN(auto hexes, GetCustodyLeafHashes(conn, block * kBlock, kBlock));
  if (hexes.size() != kBlock) {
    return base::Error(base::Status::Internal(
        fmt::format("custody tree node at level {}, index {}: the log has only {} of its leaves",
                    kCustodyNodeMinLevel, block, hexes.size())));
  }
  std::vector<vault::Hash> leaves;
  leaves.reserve(kBlock);
  for (size_t i = 0; i < hexes.size(); ++i) {
    auto hash = vault::HashFromHex(hexes[i]);
    if (!hash) {
      return base::Error(base::Status::Corruption(fmt::format(
          "custody log entry {}: its leaf hash is not 64 hex digits", block * kBlock + i)));
    }
    leaves.push_back(*hash);
  }
  return vault::RootOfLeafHashes(leaves);
}

base::Status InsertNode(Connection& conn, uint32_t level, uint64_t index, const vault::Hash& hash) {
  ASSIGN_OR_RETURN(
      auto s, conn.Prepare("INSERT INTO custody_nodes (level, idx, hash) VALUES (?1, ?2, ?3)"));
  s.Bind(1, static_cast<int64_t>(level))
      .Bind(2, static_cast<int64_t>(index))
      .Bind(3, vault::HashToHex(hash));
  return s.Run();
}

// The node (level, index) of a complete subtree: stored, or computed from its children
// (and then stored) if the archive lacks it.
base::Result<vault::Hash> NodeOrCompute(Connection& conn, uint32_t level, uint64_t index) {
  ASSIGN_OR_RETURN(auto stored, GetCustodyNode(conn, level, index));
  if (stored) {
    auto hash = vault::HashFromHex(*stored);
    if (!hash) {
      return base::Error(base::Status::Corruption(
          fmt::format("custody tree node at level {}, index {}: not 64 hex digits", level, index)));
    }
    return *hash;
  }
  vault::Hash hash;
  if (level == kCustodyNodeMinLevel) {
    ASSIGN_OR_RETURN(hash, BlockRoot(conn, index));
  } else {
    ASSIGN_OR_RETURN(vault::Hash left, NodeOrCompute(conn, level - 1, 2 * index));
    ASSIGN_OR_RETURN(vault::Hash right, NodeOrCompute(conn, level - 1, 2 * index + 1));
    hash = vault::NodeHash(left, right);
  }
  TRY(InsertNode(conn, level, index, hash));
  return hash;
}

// Stores the nodes that leaf `leaf_index` completes: none unless it ends a block.
base::Status StoreCompletedNodes(Connection& conn, uint64_t leaf_index) {
  if ((leaf_index + 1) % kBlock != 0) return base::Status::Ok();
  uint64_t index = leaf_index >> kCustodyNodeMinLevel;
  ASSIGN_OR_RETURN(vault::Hash hash, BlockRoot(conn, index));
  TRY(InsertNode(conn, kCustodyNodeMinLevel, index, hash));
  // An odd index ends its parent's subtree too.
  for (uint32_t level = kCustodyNodeMinLevel; index % 2 == 1; ++level, index /= 2) {
    ASSIGN_OR_RETURN(vault::Hash left, NodeOrCompute(conn, level, index - 1));
    hash = vault::NodeHash(left, hash);
    TRY(InsertNode(conn, level + 1, index / 2, hash));
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<uint64_t> AppendCustody(Connection& conn, std::string_view entry,
                                     std::string_view leaf_hash_hex) {
  if (leaf_hash_hex.size() != 64)
    return base::Error(base::Status::InvalidArgument("a leaf hash has 64 hex digits"));
  ASSIGN_OR_RETURN(auto s, conn.Prepare("INSERT INTO custody_log (leaf_index, entry, leaf_hash) "
                                        "VALUES ((SELECT coalesce(max(leaf_index) + 1, 0) "
                                        "FROM custody_log), ?1, ?2)"));
  s.Bind(1, entry).Bind(2, leaf_hash_hex);
  TRY(s.Run());
  auto index = static_cast<uint64_t>(conn.LastInsertRowid());
  TRY(StoreCompletedNodes(conn, index));
  return index;
}

base::Status BackfillCustodyNodes(Connection& conn) {
  ASSIGN_OR_RETURN(uint64_t size, CustodySize(conn));
  for (uint64_t end = kBlock; end <= size; end += kBlock) TRY(StoreCompletedNodes(conn, end - 1));
  return base::Status::Ok();
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

base::Result<std::vector<CustodyRecord>> FindCustodyForSource(Connection& conn,
                                                              std::string_view source_id,
                                                              size_t limit) {
  // The expression is custody_log_source's (migrations.cc), so this is an index lookup.
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT leaf_index, entry, leaf_hash FROM custody_log "
                                        "WHERE json_extract(entry, '$.objects.source') = ?1 "
                                        "ORDER BY leaf_index LIMIT ?2"));
  s.Bind(1, source_id).Bind(2, static_cast<int64_t>(limit));
  std::vector<CustodyRecord> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        {static_cast<uint64_t>(s.Int(0)), std::string(s.Text(1)), std::string(s.Text(2))});
  }
  return out;
}

base::Result<std::vector<std::string>> GetCustodyLeafHashes(Connection& conn, uint64_t first,
                                                            size_t limit) {
  ASSIGN_OR_RETURN(auto s, conn.Prepare("SELECT leaf_hash FROM custody_log WHERE leaf_index >= ?1 "
                                        "ORDER BY leaf_index LIMIT ?2"));
  s.Bind(1, static_cast<int64_t>(first)).Bind(2, static_cast<int64_t>(limit));
  std::vector<std::string> out;
  out.reserve(limit);
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.emplace_back(s.Text(0));
  }
  return out;
}

base::Result<std::optional<std::string>> GetCustodyNode(Connection& conn, uint32_t level,
                                                        uint64_t index) {
  ASSIGN_OR_RETURN(auto s,
                   conn.Prepare("SELECT hash FROM custody_nodes WHERE level = ?1 AND idx = ?2"));
  s.Bind(1, static_cast<int64_t>(level)).Bind(2, static_cast<int64_t>(index));
  ASSIGN_OR_RETURN(bool row, s.Step());
  if (!row) return std::optional<std::string>();
  return std::optional<std::string>(std::string(s.Text(0)));
}

base::Result<std::vector<CustodyNodeRecord>> ListCustodyNodes(Connection& conn) {
  ASSIGN_OR_RETURN(auto s,
                   conn.Prepare("SELECT level, idx, hash FROM custody_nodes ORDER BY level, idx"));
  std::vector<CustodyNodeRecord> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, s.Step());
    if (!row) break;
    out.push_back(
        {static_cast<uint32_t>(s.Int(0)), static_cast<uint64_t>(s.Int(1)), std::string(s.Text(2))});
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
