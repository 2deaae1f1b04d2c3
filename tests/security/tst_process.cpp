// Process hardening as hearth and hearth-cli apply it first thing in main(): afterwards the process
// is not dumpable (no core file, no ptrace attach by the same user), and core files are off.
#include "ProcessHardening.h"

#include <catch2/catch.hpp>

#if defined(__linux__)
#include <sys/resource.h>
#endif

TEST_CASE("hardenProcess makes the process undumpable and turns core files off", "[security][process]")
{
#if defined(__linux__)
    REQUIRE(hearth::platform::isProcessDumpable());   // a test process starts dumpable: the check can fail
    REQUIRE(hearth::platform::hardenProcess());
    CHECK_FALSE(hearth::platform::isProcessDumpable());
    rlimit core{};
    REQUIRE(getrlimit(RLIMIT_CORE, &core) == 0);
    CHECK(core.rlim_cur == 0);
    CHECK(core.rlim_max == 0);
#else
    SUCCEED("process hardening is Linux-only for now (see docs/security.md)");
#endif
}
