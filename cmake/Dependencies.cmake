# Every library of the stack (Debian 12 packages, see scripts/install-deps.sh).
find_package(Boost 1.74 REQUIRED)
find_package(Poco REQUIRED COMPONENTS Foundation Zip XML Net NetSSL Crypto)
find_package(nlohmann_json 3.10 REQUIRED)
find_package(spdlog REQUIRED)
find_package(CLI11 REQUIRED)
find_package(doctest REQUIRED)
# Europe/London from the system's tzdata (libstdc++ 12 has no std::chrono::tzdb): date::date-tz
find_package(date 3 REQUIRED CONFIG)
find_package(PkgConfig REQUIRED)
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
pkg_check_modules(CAIRO REQUIRED IMPORTED_TARGET cairo cairo-pdf cairo-png)
pkg_check_modules(PANGO REQUIRED IMPORTED_TARGET pangocairo)
pkg_check_modules(GRAPHVIZ REQUIRED IMPORTED_TARGET libgvc libcgraph)
pkg_check_modules(QPDF REQUIRED IMPORTED_TARGET libqpdf)
pkg_check_modules(NETTLE REQUIRED IMPORTED_TARGET nettle)
pkg_check_modules(PCRE2 REQUIRED IMPORTED_TARGET libpcre2-8)

find_path(STEMMER_INCLUDE_DIR libstemmer.h REQUIRED)
find_library(STEMMER_LIBRARY stemmer REQUIRED)
add_library(stemmer::stemmer UNKNOWN IMPORTED)
set_target_properties(stemmer::stemmer PROPERTIES IMPORTED_LOCATION "${STEMMER_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${STEMMER_INCLUDE_DIR}")

find_path(CMARK_GFM_INCLUDE_DIR cmark-gfm.h REQUIRED)
find_library(CMARK_GFM_LIBRARY cmark-gfm REQUIRED)
find_library(CMARK_GFM_EXT_LIBRARY cmark-gfm-extensions REQUIRED)
add_library(cmark::gfm INTERFACE IMPORTED)
set_target_properties(cmark::gfm PROPERTIES
  INTERFACE_LINK_LIBRARIES "${CMARK_GFM_EXT_LIBRARY};${CMARK_GFM_LIBRARY}"
  INTERFACE_INCLUDE_DIRECTORIES "${CMARK_GFM_INCLUDE_DIR}")
