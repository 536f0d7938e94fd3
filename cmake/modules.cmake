# sijill_module(NAME SOURCES ... DEPS ...)
#   One module = one folder under src/ = one namespace = one static library `sijill_<NAME>`.
#   DEPS lists the modules and libraries it may use; a wrong include then fails to link.
#   Every `*_test.cc` in the module's folder (and its testing/ subfolder) is compiled into
#   `sijill_<NAME>_test` and registered with CTest, so no test file can be left unbuilt.
function(sijill_module name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS;TEST_DEPS" ${ARGN})
  add_library(sijill_${name} STATIC ${ARG_SOURCES})
  target_include_directories(sijill_${name} PUBLIC ${PROJECT_SOURCE_DIR}/src)
  target_link_libraries(sijill_${name} PUBLIC ${ARG_DEPS} PRIVATE sijill_warnings)
  if(SIJILL_BUILD_TESTS)
    file(GLOB_RECURSE tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*_test.cc)
    if(tests)
      add_executable(sijill_${name}_test ${tests})
      target_link_libraries(sijill_${name}_test PRIVATE sijill_${name} ${ARG_TEST_DEPS}
                            GTest::gtest GTest::gmock GTest::gtest_main sijill_warnings)
      target_compile_definitions(sijill_${name}_test PRIVATE
                                 SIJILL_SOURCE_DIR="${PROJECT_SOURCE_DIR}")
      gtest_discover_tests(sijill_${name}_test
                           WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                           DISCOVERY_TIMEOUT 60
                           PROPERTIES LABELS unit)
    endif()
  endif()
endfunction()
