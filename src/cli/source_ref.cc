#include "cli/source_ref.h"

#include <fmt/format.h>

namespace sijill::cli {

base::Result<base::Id> ResolveSource(store::Store& store, std::string_view typed) {
  if (auto whole = base::Id::Parse(typed)) {
    ASSIGN_OR_RETURN(auto source, store.GetSource(*whole));
    return source.id;
  }
  if (typed.size() < base::Id::kMinPrefix) {
    return base::Error(base::Status::InvalidArgument(
        fmt::format("'{}' is too short: give at least {} characters of the source id", typed,
                    base::Id::kMinPrefix)));
  }
  if (!base::Id::IsPrefix(typed)) {
    return base::Error(base::Status::NotFound(fmt::format("no source matches '{}'", typed)));
  }
  constexpr size_t kShown = 10;
  ASSIGN_OR_RETURN(auto ids, store.FindSourcesByPrefix(typed, kShown + 1));
  if (ids.empty()) {
    return base::Error(base::Status::NotFound(fmt::format("no source matches '{}'", typed)));
  }
  if (ids.size() == 1) return ids[0];
  std::string message = fmt::format("'{}' is ambiguous; it could be:", typed);
  for (size_t i = 0; i < ids.size() && i < kShown; ++i) {
    ASSIGN_OR_RETURN(auto source, store.GetSource(ids[i]));
    message += fmt::format("\n  {}  {}", source.id.ToString(),
                           source.title.value_or(source.original_name));
  }
  if (ids.size() > kShown) message += "\n  ...";
  return base::Error(base::Status::InvalidArgument(message));
}

}  // namespace sijill::cli
