// The custody log read back as a Merkle tree, checked on the way: every stored entry
// must be canonical and its stored leaf hash must be the hash of its bytes.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "base/status.h"
#include "store/store.h"
#include "vault/custody.h"
#include "vault/merkle.h"

namespace sijill::store {

// The tree of every entry in `store`'s custody log. kCorruption naming the entry
// ("custody log entry 7: ...") when an entry does not parse or its leaf hash is wrong.
// `visit`, if given, sees every entry (index and parsed) in order.
using CustodyVisitor = std::function<void(uint64_t index, const vault::CustodyEntry& entry)>;
base::Result<vault::MerkleTree> LoadCustodyTree(Store& store, const CustodyVisitor& visit = {});

// The same tree built from the leaf hashes the log stores, without reading the entries
// back: O(n), for benchmarks and tools (`prove` uses the stored tree instead, see
// store/custody_proofs.h). Sound for proofs: vault::MakeInclusionProofDocument makes
// one only if the tree's root at the checkpoint's size is the signed root, which no
// altered leaf hash can keep, and hashes the proven entry again. `verify` uses
// LoadCustodyTree, which checks every entry. kCorruption if a stored leaf hash is not
// 64 hex digits.
base::Result<vault::MerkleTree> LoadCustodyTreeFromLeafHashes(Store& store);

// The first "source.add" entry of `source_id`, with its index; nullopt if none. Only
// the entries that name the source (Store::FindCustodyForSource) are parsed and checked
// (kCorruption as above), so this is an index lookup however long the log.
struct FoundEntry {
  uint64_t index = 0;
  std::string bytes;
};
base::Result<std::optional<FoundEntry>> FindSourceEntry(Store& store, std::string_view source_id);

}  // namespace sijill::store
