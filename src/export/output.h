// Writing an export so that nothing is left behind unless all of it is safe: files are
// written into a staging directory beside the destination, checked for leaks by
// curate::Disclosure (the whole output, read back from disk), and only then renamed into
// place.
// On any failure, or if the object is destroyed before Commit, the staging directory is
// removed and the destination does not exist. Not thread-safe.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "base/status.h"
#include "curate/disclosure.h"

namespace sijill::exporter {

class StagedOutput {
 public:
  enum class Kind { kFile, kDirectory };

  // Prepares to write `destination` (one file, or a directory of files). Errors:
  // kAlreadyExists if it exists (exports never overwrite), kIOError if the staging
  // directory cannot be made.
  static base::Result<std::unique_ptr<StagedOutput>> Create(std::filesystem::path destination,
                                                            Kind kind);
  ~StagedOutput();

  // A new file of the output, open for writing; for kFile `name` is ignored and the one
  // file is the destination. The stream stays owned by this object.
  base::Result<std::ostream*> Open(const std::string& name);

  // A scratch file in the staging directory, open for reading and writing, that is not
  // part of the output (removed before Commit moves anything): for writers that need a
  // second stream while they write the first. Owned by this object.
  base::Result<std::fstream*> OpenScratch(const std::string& name);

  // Closes every file, runs `policy`'s leak check over each, and moves the output to the
  // destination. kPermissionDenied "<file>: it would show a name of <pseudonym> at byte
  // N ...; nothing was written" if a protected name is found (the message never holds
  // the name; large files are checked in overlapping chunks, and the file is then named
  // "<file> (from byte K)" with N counted from K); kIOError on write failures.
  base::Status Commit(const curate::Disclosure& policy);

 private:
  StagedOutput(std::filesystem::path destination, std::filesystem::path staging, Kind kind);
  base::Status CheckFile(const std::filesystem::path& path, const std::string& shown_name,
                         const curate::Disclosure& policy) const;

  std::filesystem::path destination_;
  std::filesystem::path staging_;
  Kind kind_;
  std::vector<std::pair<std::string, std::unique_ptr<std::ofstream>>> files_;
  std::vector<std::pair<std::string, std::unique_ptr<std::fstream>>> scratch_;
  bool committed_ = false;
};

}  // namespace sijill::exporter
