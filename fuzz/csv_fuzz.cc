// Any bytes as a CSV table (the importer's parser of untrusted files): either a clear
// error, or a table whose rows all have the header's width and which, written back with
// WriteCsvRecord, parses to the same table.
#include <sstream>

#include "export/csv.h"
#include "fuzz/fuzz_support.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using sijill::fuzz::Check;
  namespace x = sijill::exporter;
  auto table = x::ParseCsv(sijill::fuzz::AsText(data, size), "f.csv");
  if (!table) {
    Check(table.error().message().rfind("f.csv", 0) == 0, "an error that does not name the file");
    return 0;
  }
  std::ostringstream out;
  x::WriteCsvRecord(out, table->header);
  for (const auto& row : table->rows) {
    Check(row.size() == table->header.size(), "a row of another width than the header");
    x::WriteCsvRecord(out, row);
  }
  auto again = x::ParseCsv(out.str(), "f.csv");
  Check(again.has_value(), "written CSV does not parse");
  Check(again->header == table->header && again->rows == table->rows,
        "written CSV parses to another table");
  return 0;
}
