# Third-party libraries, all from Debian 12 packages (installed by scripts/install-deps).
find_package(PkgConfig REQUIRED)
find_package(fmt REQUIRED)              # libfmt-dev
find_package(nlohmann_json REQUIRED)    # nlohmann-json3-dev
find_package(tl-expected REQUIRED)      # libexpected-dev
find_package(CLI11 REQUIRED)            # libcli11-dev
find_package(SQLite3 REQUIRED)          # libsqlite3-dev
find_package(ICU REQUIRED COMPONENTS uc i18n)  # libicu-dev
find_package(LibXml2 REQUIRED)          # libxml2-dev
find_package(Threads REQUIRED)
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)          # libzip-dev
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp) # libpoppler-cpp-dev
pkg_check_modules(SODIUM REQUIRED IMPORTED_TARGET libsodium)        # libsodium-dev
find_package(OpenSSL 3 REQUIRED COMPONENTS Crypto)  # libssl-dev: SHA-256 with SHA-NI
if(SIJILL_BUILD_TESTS)
  find_package(GTest REQUIRED)          # libgtest-dev, libgmock-dev
endif()
if(SIJILL_BUILD_BENCH)
  find_package(benchmark REQUIRED)      # libbenchmark-dev
endif()
