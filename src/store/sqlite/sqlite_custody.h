// The custody log and checkpoint tables of the SQLite store (schema version 2, see
// migrations.cc): the SQL behind Store's and WriteTransaction's custody methods.
// Callers hold the connection; every function runs inside whatever transaction is open.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "base/status.h"
#include "store/records.h"
#include "store/sqlite/connection.h"

namespace sijill::store::sqlite {

base::Result<uint64_t> AppendCustody(Connection& conn, std::string_view entry,
                                     std::string_view leaf_hash_hex);
base::Status AddCheckpoint(Connection& conn, const CheckpointRecord& checkpoint);
base::Result<uint64_t> CustodySize(Connection& conn);
base::Result<std::vector<CustodyRecord>> GetCustody(Connection& conn, uint64_t first, size_t limit);
base::Result<std::vector<CustodyRecord>> FindCustodyContaining(Connection& conn,
                                                               std::string_view text, size_t limit);
base::Result<std::vector<CheckpointRecord>> ListCheckpoints(Connection& conn);

}  // namespace sijill::store::sqlite
