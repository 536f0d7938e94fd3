// Text as XML or HTML character data or attribute value, for every writer of markup
// (GraphML here, the CLI's HTML reports): markup characters escaped, and the characters
// XML 1.0 forbids (C0 controls but tab, LF, CR; U+FFFE, U+FFFF) left out.
// REQUIRES: `text` is valid UTF-8. Thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace sijill::exporter {

std::string Markup(std::string_view text);

}  // namespace sijill::exporter
