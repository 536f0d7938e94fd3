#include "export/importer.h"

#include <fmt/format.h>

#include <unordered_map>

namespace sijill::exporter {
namespace {

using knowledge::Claim;
using knowledge::Entity;

// How the file's source ids map to the archive's.
class SourceMap {
 public:
  // Matches every source the file lists. A listed source absent from the archive is not
  // an error until something cites it.
  base::Status Build(store::Store& store, const ImportData& data, ImportReport& report) {
    for (size_t i = 0; i < data.sources.size(); ++i) {
      const auto& s = data.sources[i];
      auto found = store.GetSource(s.id);
      if (found) {
        if (found->sha256 != s.sha256) {
          return base::Status::InvalidArgument(
              fmt::format("{}.sha256: the archive's source {} has SHA-256 {}, the file says {}",
                          data.source_where[i], s.id.ToString(), found->sha256, s.sha256));
        }
        map_[s.id.ToString()] = s.id;
        continue;
      }
      ASSIGN_OR_RETURN(auto by_hash, store.FindSourceBySha256(s.sha256));
      if (by_hash) {
        map_[s.id.ToString()] = by_hash->id;
        ++report.sources_matched_by_sha256;
      }
    }
    return base::Status::Ok();
  }

  // The archive's id for the file's source `id`. Sources the file does not list are
  // looked up by id. kInvalidArgument "<field>: ..." if the archive lacks it.
  base::Result<base::Id> Resolve(store::Store& store, const base::Id& id, std::string_view field) {
    auto it = map_.find(id.ToString());
    if (it != map_.end()) return it->second;
    if (store.GetSource(id)) {
      map_[id.ToString()] = id;
      return id;
    }
    return base::Error(base::Status::InvalidArgument(fmt::format(
        "{}: source {} is not in this archive (add the same file first: sources are matched "
        "by id, then by SHA-256)",
        field, id.ToString())));
  }

 private:
  std::unordered_map<std::string, base::Id> map_;
};

base::Status ImportAll(store::Store& store, curate::Curator& curator, const ImportData& data,
                       SourceMap& sources, ImportReport& report) {
  for (size_t i = 0; i < data.entities.size(); ++i) {
    Entity e = data.entities[i];
    const std::string& where = data.entity_where[i];
    for (size_t k = 0; k < e.aliases.size(); ++k) {
      if (!e.aliases[k].source) continue;
      auto mapped = sources.Resolve(store, *e.aliases[k].source,
                                    fmt::format("{}.aliases[{}].source", where, k));
      if (!mapped) return mapped.error();
      e.aliases[k].source = *mapped;
    }
    auto added = curator.AddEntity(e);
    if (!added) return added.error().WithPrefix(where);
    ++report.entities;
  }
  // Merges after every entity exists; the Curator checks types and refuses cycles.
  for (size_t i = 0; i < data.entities.size(); ++i) {
    const Entity& e = data.entities[i];
    if (!e.merged_into) continue;
    if (auto s = curator.Merge(e.id, *e.merged_into); !s.ok()) {
      return s.WithPrefix(data.entity_where[i] + ".merged_into");
    }
    ++report.merges;
  }
  for (size_t i = 0; i < data.claims.size(); ++i) {
    Claim c = data.claims[i];
    const std::string& where = data.claim_where[i];
    for (size_t k = 0; k < c.citations.size(); ++k) {
      auto mapped = sources.Resolve(store, c.citations[k].source,
                                    fmt::format("{}.citations[{}].source", where, k));
      if (!mapped) return mapped.error();
      c.citations[k].source = *mapped;
    }
    auto added = curator.AddClaim(c);
    if (!added) return added.error().WithPrefix(where);
    ++report.claims;
  }
  return base::Status::Ok();
}

}  // namespace

base::Result<ImportReport> Import(store::Store& store, const ImportData& data,
                                  const curate::Actor& actor) {
  ImportReport report;
  SourceMap sources;
  TRY(sources.Build(store, data, report));
  ASSIGN_OR_RETURN(auto txn, store.BeginWrite());
  curate::Curator curator(store, *txn, actor);
  TRY(ImportAll(store, curator, data, sources, report));
  TRY(txn->Commit());
  return report;
}

}  // namespace sijill::exporter
