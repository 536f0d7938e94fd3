// The custody log, its stored tree nodes and its checkpoints in the SQLite store (schema
// version 4, see migrations.cc): the SQL behind Store's and WriteTransaction's custody
// methods. Callers hold the connection; every function runs inside whatever transaction
// is open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/records.h"
#include "store/sqlite/connection.h"

namespace sijill::store::sqlite {

// Appends the entry, then the tree nodes it completes (CustodyNodeRecord): every
// 2^kCustodyNodeMinLevel entries one node from the last block of leaf hashes, and one
// more per level its index completes, from the node beside it.
base::Result<uint64_t> AppendCustody(Connection& conn, std::string_view entry,
                                     std::string_view leaf_hash_hex);
// Writes the tree nodes of every complete subtree of the log as it stands, for a log
// written before schema 4. REQUIRES: custody_nodes is empty.
base::Status BackfillCustodyNodes(Connection& conn);

base::Status AddCheckpoint(Connection& conn, const CheckpointRecord& checkpoint);
base::Result<uint64_t> CustodySize(Connection& conn);
base::Result<std::vector<CustodyRecord>> GetCustody(Connection& conn, uint64_t first, size_t limit);
base::Result<std::vector<CustodyRecord>> FindCustodyForSource(Connection& conn,
                                                              std::string_view source_id,
                                                              size_t limit);
base::Result<std::vector<std::string>> GetCustodyLeafHashes(Connection& conn, uint64_t first,
                                                            size_t limit);
base::Result<std::optional<std::string>> GetCustodyNode(Connection& conn, uint32_t level,
                                                        uint64_t index);
base::Result<std::vector<CustodyNodeRecord>> ListCustodyNodes(Connection& conn);
base::Result<std::vector<CheckpointRecord>> ListCheckpoints(Connection& conn);

}  // namespace sijill::store::sqlite
