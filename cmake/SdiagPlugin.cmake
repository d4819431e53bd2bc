# sdiag_add_plugin(NAME SOURCES a.cpp [b.cpp...] [LIBRARIES lib...] [OUTPUT_DIRECTORY dir] [NO_INSTALL])
#
# Builds one sdiag plugin: a MODULE library named exactly NAME.so (the host
# checks that the file name equals the plugin's declared name), with hidden
# symbols, linked against sdiag::sdk. Used in-tree and by the installed SDK.
function(sdiag_add_plugin name)
  cmake_parse_arguments(P "NO_INSTALL" "OUTPUT_DIRECTORY;INSTALL_DESTINATION" "SOURCES;LIBRARIES" ${ARGN})
  if(NOT P_SOURCES)
    message(FATAL_ERROR "sdiag_add_plugin(${name}): SOURCES is required")
  endif()
  set(target plugin-${name})
  add_library(${target} MODULE ${P_SOURCES})
  target_link_libraries(${target} PRIVATE sdiag::sdk ${P_LIBRARIES})
  target_compile_features(${target} PRIVATE cxx_std_20)
  if(NOT P_OUTPUT_DIRECTORY)
    if(DEFINED SDIAG_PLUGIN_OUTPUT_DIR)
      set(P_OUTPUT_DIRECTORY ${SDIAG_PLUGIN_OUTPUT_DIR})
    else()
      set(P_OUTPUT_DIRECTORY ${CMAKE_CURRENT_BINARY_DIR})
    endif()
  endif()
  set_target_properties(${target} PROPERTIES
    OUTPUT_NAME ${name}
    PREFIX ""
    CXX_VISIBILITY_PRESET hidden
    VISIBILITY_INLINES_HIDDEN ON
    LIBRARY_OUTPUT_DIRECTORY ${P_OUTPUT_DIRECTORY}
    BUILD_RPATH "$ORIGIN/../..;$ORIGIN"
    INSTALL_RPATH "$ORIGIN/../..")
  # Every symbol must resolve at link time: a plugin that would fail to load is a build error.
  # (Not under sanitizers: their runtime symbols are resolved from the executable at load time.)
  if(NOT CMAKE_CXX_FLAGS MATCHES "sanitize")
    target_link_options(${target} PRIVATE "LINKER:--no-undefined")
  endif()
  if(NOT P_NO_INSTALL)
    if(NOT P_INSTALL_DESTINATION)
      set(P_INSTALL_DESTINATION lib/sdiag/plugins)
    endif()
    install(TARGETS ${target} LIBRARY DESTINATION ${P_INSTALL_DESTINATION})
  endif()
endfunction()
