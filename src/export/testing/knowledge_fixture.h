// A small archive for export tests: three sources at the three access levels (English
// and Arabic text), entities of every type with aliases in both scripts, a merge, claims
// of several predicates with EDTF times, a candidate without citation, and an optional
// protected person. Also a "fresh" copy of the archive taken before any knowledge was
// added: it holds the same sources under the same ids, for import round trips.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

#include "base/testing/temp_dir.h"
#include "curate/curator.h"
#include "knowledge/model.h"
#include "store/archive.h"

namespace sijill::exporter::testing {

class KnowledgeFixture {
 public:
  enum class Protected { kNone, kWitness };
  // Builds the archive in `dir`/a and its fresh copy in `dir`/fresh. On failure, ok() is
  // false and error() says why.
  KnowledgeFixture(const base::testing::TempDir& dir, Protected with_protected);

  bool ok() const { return error_.empty(); }
  const std::string& error() const { return error_; }
  store::Archive& archive() { return *archive_; }
  // Opens another fresh copy (each call copies again) at `dir`/<name>.
  std::unique_ptr<store::Archive> FreshCopy(const std::string& name);

  base::Id public_source, restricted_source, confidential_source;
  knowledge::Entity witness;  // the protected person (if any)

 private:
  base::Status Build(Protected with_protected);
  base::Status AddSources();
  base::Status AddKnowledge(curate::Curator& c, Protected with_protected);

  const base::testing::TempDir& dir_;
  std::unique_ptr<store::Archive> archive_;
  std::string error_;
};

// The whole file's bytes ("" if it cannot be read).
std::string ReadFile(const std::filesystem::path& p);

}  // namespace sijill::exporter::testing
