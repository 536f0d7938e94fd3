// The bytes of data/gazetteer/syria.tsv, embedded at build time (cmake/embed_file.cmake),
// so that the product needs no file at run time.
#pragma once

#include <string_view>

namespace sijill::extract {

// The shipped gazetteer file, exactly as checked in. Static storage; never fails.
std::string_view BuiltinGazetteerTsv();

}  // namespace sijill::extract
