# Warnings every Sijill target is compiled with. -Werror is set by the CI preset only,
# so that a newer compiler's new warning does not break a user's build.
add_library(sijill_warnings INTERFACE)
target_compile_options(sijill_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wimplicit-fallthrough
  # C++20 designated initializers ({.object = id}) leave the other members to their
  # default member initializers, which is what they are for; GCC 12 still warns.
  -Wno-missing-field-initializers
  $<$<BOOL:${SIJILL_WERROR}>:-Werror>)
option(SIJILL_WERROR "Treat warnings as errors" OFF)
