# sdiag_add_library(NAME SOURCES a.cpp... [PUBLIC_LIBRARIES ...] [PRIVATE_LIBRARIES ...]
#                   [TESTS t.cpp...] [TEST_LIBRARIES ...] [TEST_PLUGINS ...])
#
# One piece of libs/: groundwork shared by plugins (never by the host, never
# installed). A static library, position-independent (it ends up inside
# plugin modules) with hidden symbols (each plugin keeps its own copy to
# itself), target sdiag_NAME with the alias sdiag::NAME. Its headers are
# libs/NAME/include/sdiag/NAME/*.hpp, included as <sdiag/NAME/x.hpp>.
# TESTS become one doctest executable, NAME_lib_tests, run by CTest.
function(sdiag_add_library name)
  cmake_parse_arguments(L "" "" "SOURCES;PUBLIC_LIBRARIES;PRIVATE_LIBRARIES;TESTS;TEST_LIBRARIES;TEST_PLUGINS" ${ARGN})
  if(NOT L_SOURCES)
    message(FATAL_ERROR "sdiag_add_library(${name}): SOURCES is required")
  endif()
  set(target sdiag_${name})
  add_library(${target} STATIC ${L_SOURCES})
  add_library(sdiag::${name} ALIAS ${target})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR}/include)
  target_link_libraries(${target} PUBLIC sdiag::sdk ${L_PUBLIC_LIBRARIES} PRIVATE ${L_PRIVATE_LIBRARIES})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
  if(SDIAG_BUILD_TESTS AND L_TESTS)
    sdiag_add_unit_test(${name}_lib_tests SOURCES ${L_TESTS} LIBRARIES ${target} ${L_TEST_LIBRARIES}
      PLUGINS ${L_TEST_PLUGINS})
  endif()
endfunction()

# sdiag_add_plugin_parts(TARGET SOURCES a.cpp... [LIBRARIES ...])
#
# Part of one plugin's own code, built once as a static library (PIC, hidden
# symbols) that the plugin links and that its unit tests and benchmarks link
# too, rather than compiling the plugin's sources a second time. Its headers
# are the plugin folder's. Only the plugin's own folder uses it.
function(sdiag_add_plugin_parts target)
  cmake_parse_arguments(P "" "" "SOURCES;LIBRARIES" ${ARGN})
  add_library(${target} STATIC ${P_SOURCES})
  target_include_directories(${target} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR})
  target_link_libraries(${target} PUBLIC sdiag::sdk ${P_LIBRARIES})
  target_compile_features(${target} PUBLIC cxx_std_20)
  set_target_properties(${target} PROPERTIES
    POSITION_INDEPENDENT_CODE ON
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON)
endfunction()
