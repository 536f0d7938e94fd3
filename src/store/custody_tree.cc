#include "store/custody_tree.h"

#include <fmt/format.h>

#include "vault/custody.h"

namespace sijill::store {
namespace {

constexpr size_t kPage = 4096;

// Calls `visit` on every entry, in order, after checking it.
template <typename Visit>
base::Status ForEachEntry(Store& store, Visit visit) {
  for (uint64_t first = 0;; first += kPage) {
    ASSIGN_OR_RETURN(auto page, store.GetCustody(first, kPage));
    for (const CustodyRecord& r : page) {
      auto entry = vault::ParseCustodyEntry(r.entry);
      if (!entry) {
        return base::Status::Corruption(
            fmt::format("custody log entry {}: {}", r.index, entry.error().message()));
      }
      if (vault::CustodyLeafHashHex(r.entry) != r.leaf_hash) {
        return base::Status::Corruption(
            fmt::format("custody log entry {}: its leaf hash does not match its bytes", r.index));
      }
      if (bool stop = visit(r, *entry); stop) return base::Status::Ok();
    }
    if (page.size() < kPage) return base::Status::Ok();
  }
}

}  // namespace

base::Result<vault::MerkleTree> LoadCustodyTree(Store& store, const CustodyVisitor& visit) {
  vault::MerkleTree tree;
  TRY(ForEachEntry(store, [&](const CustodyRecord& r, const vault::CustodyEntry& e) {
    tree.Append(r.entry);
    if (visit) visit(r.index, e);
    return false;
  }));
  return tree;
}

base::Result<vault::MerkleTree> LoadCustodyTreeFromLeafHashes(Store& store) {
  vault::MerkleTree tree;
  for (uint64_t first = 0;; first += kPage) {
    ASSIGN_OR_RETURN(auto page, store.GetCustody(first, kPage));
    for (const CustodyRecord& r : page) {
      auto hash = vault::HashFromHex(r.leaf_hash);
      if (!hash) {
        return base::Error(base::Status::Corruption(
            fmt::format("custody log entry {}: its leaf hash is not 64 hex digits", r.index)));
      }
      tree.AppendLeafHash(*hash);
    }
    if (page.size() < kPage) return tree;
  }
}

base::Result<std::optional<FoundEntry>> FindSourceEntry(Store& store, std::string_view source_id) {
  // The database's index finds the few entries that name the source; only those are
  // parsed and checked. A log of a million entries is not read into this process.
  ASSIGN_OR_RETURN(auto candidates, store.FindCustodyForSource(source_id, 64));
  for (const CustodyRecord& r : candidates) {
    auto entry = vault::ParseCustodyEntry(r.entry);
    if (!entry) {
      return base::Error(base::Status::Corruption(
          fmt::format("custody log entry {}: {}", r.index, entry.error().message())));
    }
    if (vault::CustodyLeafHashHex(r.entry) != r.leaf_hash) {
      return base::Error(base::Status::Corruption(
          fmt::format("custody log entry {}: its leaf hash does not match its bytes", r.index)));
    }
    auto it = entry->objects.find("source");
    if (entry->action == "source.add" && it != entry->objects.end() && it->second == source_id)
      return FoundEntry{r.index, r.entry};
  }
  if (candidates.size() < 64) return std::optional<FoundEntry>();
  // Many entries name the source: fall back to reading the log in order.
  std::optional<FoundEntry> found;
  TRY(ForEachEntry(store, [&](const CustodyRecord& r, const vault::CustodyEntry& e) {
    auto it = e.objects.find("source");
    if (e.action != "source.add" || it == e.objects.end() || it->second != source_id) return false;
    found = FoundEntry{r.index, r.entry};
    return true;
  }));
  return found;
}

}  // namespace sijill::store
