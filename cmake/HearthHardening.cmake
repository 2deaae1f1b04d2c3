# Toolchain hardening for every target (MASVS-CODE-4 / RESILIENCE on desktop): the flags Debian's
# dpkg-buildflags "hardening=+all" uses, checked on the built binaries by the `security_hardening`
# test (tests/security/check-hardening.sh).
#   -fstack-protector-strong     canaries in functions with arrays or address-taken locals
#   -D_FORTIFY_SOURCE=2          checked libc calls; needs optimisation, so not in Debug (asan preset)
#   -fstack-clash-protection     probes large stack allocations
#   -fcf-protection              CET branch tracking / shadow stack where the CPU has it (x86 only)
#   PIE (-fPIC from Qt / -pie)   full ASLR for executables
#   -Wl,-z,relro,-z,now          GOT read-only after start-up (full RELRO, BIND_NOW)
#   -Wl,-z,noexecstack           no executable stack
option(HEARTH_HARDENING "Build with stack protector, FORTIFY, PIE and full RELRO" ON)

if(HEARTH_HARDENING AND CMAKE_CXX_COMPILER_ID MATCHES "GNU|Clang")
    add_compile_options(-fstack-protector-strong -fstack-clash-protection)
    if(CMAKE_SYSTEM_PROCESSOR MATCHES "x86_64|AMD64|i.86")
        add_compile_options(-fcf-protection)
    endif()
    # Some toolchains predefine _FORTIFY_SOURCE: undefine first so ours is the only definition.
    # Not under ASan (the asan and fuzz presets): its interceptors check those calls better, and the
    # *_chk variants would bypass them.
    if(HEARTH_SANITIZE OR HEARTH_FUZZ)
        set(HEARTH_FORTIFY OFF)
    else()
        set(HEARTH_FORTIFY ON)
        add_compile_options("$<$<NOT:$<CONFIG:Debug>>:-U_FORTIFY_SOURCE;-D_FORTIFY_SOURCE=2>")
    endif()
    set(CMAKE_POSITION_INDEPENDENT_CODE ON)
    include(CheckPIESupported)
    check_pie_supported(LANGUAGES CXX)
    add_link_options(-Wl,-z,relro -Wl,-z,now -Wl,-z,noexecstack)
endif()
