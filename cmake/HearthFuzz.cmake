# The `fuzz` preset (clang 14): every target is built with libFuzzer's coverage hooks and ASan/UBSan;
# the fuzz targets themselves link libFuzzer's main (tests/fuzz/CMakeLists.txt).
option(HEARTH_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(HEARTH_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "HEARTH_FUZZ needs clang (use the fuzz preset)")
    endif()
    add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
        -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
