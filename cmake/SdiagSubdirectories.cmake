# sdiag_add_each_subdirectory(): adds every folder beside the calling
# CMakeLists.txt that has a CMakeLists.txt of its own, in name order
# (plugins/ and libs/: a new piece needs no line anywhere else).
function(sdiag_add_each_subdirectory)
  file(GLOB dirs LIST_DIRECTORIES true RELATIVE ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/*)
  list(SORT dirs)
  foreach(dir IN LISTS dirs)
    if(EXISTS ${CMAKE_CURRENT_SOURCE_DIR}/${dir}/CMakeLists.txt)
      add_subdirectory(${dir})
    endif()
  endforeach()
endfunction()
