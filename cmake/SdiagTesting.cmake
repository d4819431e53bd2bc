# Helpers to register tests from anywhere in the tree (core, plugins, tests).
#
# sdiag_add_unit_test(NAME SOURCES a.cpp... [LIBRARIES ...] [PLUGINS json ...])
#   a doctest executable run by CTest; PLUGINS are built first. The test sees
#   SDIAG_TEST_PLUGIN_DIR (built plugins), SDIAG_TEST_SOURCE_DIR (the source
#   tree) and SDIAG_DATA_DIR (templates/) in its environment and as macros.
# sdiag_add_script_test(NAME SCRIPT file.py [PLUGINS ...])
#   a Python check run with Debian's python3 (python3-docx, openpyxl are
#   Debian packages), with SDIAG pointing at the built binary.

set(SDIAG_PYTHON /usr/bin/python3)
add_library(sdiag_doctest_main STATIC ${PROJECT_SOURCE_DIR}/tests/doctest_main.cpp)
target_link_libraries(sdiag_doctest_main PUBLIC doctest::doctest)
set(SDIAG_TEST_ENV
  "SDIAG=${PROJECT_BINARY_DIR}/bin/sdiag"
  "SDIAG_BUILD_DIR=${PROJECT_BINARY_DIR}"
  "SDIAG_TEST_PLUGIN_DIR=${SDIAG_PLUGIN_OUTPUT_DIR}"
  "SDIAG_TEST_SOURCE_DIR=${PROJECT_SOURCE_DIR}"
  "SDIAG_DATA_DIR=${PROJECT_SOURCE_DIR}/templates"
  "SOURCE_DATE_EPOCH=1767225600"
  "PYTHONDONTWRITEBYTECODE=1"
  "PYTHONPATH=${PROJECT_SOURCE_DIR}/tests/integration"
  # Out-of-tree plugin builds in the SDK tests use the compilers and flags of
  # this build (a sanitizer build's libraries need the sanitizer runtime).
  "SDIAG_TEST_C_COMPILER=${CMAKE_C_COMPILER}"
  "SDIAG_TEST_CXX_COMPILER=${CMAKE_CXX_COMPILER}"
  "SDIAG_TEST_CXX_FLAGS=${CMAKE_CXX_FLAGS}"
  "SDIAG_TEST_LINKER_FLAGS=${CMAKE_SHARED_LINKER_FLAGS}")

function(sdiag_add_unit_test name)
  cmake_parse_arguments(T "" "" "SOURCES;LIBRARIES;PLUGINS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE sdiag_doctest_main sdiag::sdk ${T_LIBRARIES})
  target_compile_definitions(${name} PRIVATE
    SDIAG_TEST_PLUGIN_DIR="${SDIAG_PLUGIN_OUTPUT_DIR}"
    SDIAG_TEST_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    SDIAG_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/templates")
  set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${PROJECT_BINARY_DIR}/tests)
  foreach(p IN LISTS T_PLUGINS)
    add_dependencies(${name} plugin-${p})
  endforeach()
  add_test(NAME ${name} COMMAND ${name})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${SDIAG_TEST_ENV}")
endfunction()

function(sdiag_add_script_test name)
  cmake_parse_arguments(T "" "SCRIPT" "PLUGINS" ${ARGN})
  add_test(NAME ${name} COMMAND ${SDIAG_PYTHON} ${T_SCRIPT})
  set_tests_properties(${name} PROPERTIES ENVIRONMENT "${SDIAG_TEST_ENV}")
endfunction()
