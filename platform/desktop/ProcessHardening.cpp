#include "ProcessHardening.h"

#if defined(__linux__)
#include <sys/prctl.h>
#include <sys/resource.h>
#endif

namespace hearth::platform {

bool hardenProcess()
{
#if defined(__linux__)
    const rlimit noCore{0, 0};
    const bool coreOff = setrlimit(RLIMIT_CORE, &noCore) == 0;
    const bool undumpable = prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    return coreOff && undumpable;
#else
    return false;
#endif
}

bool isProcessDumpable()
{
#if defined(__linux__)
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0) != 0;
#else
    return true;
#endif
}

} // namespace hearth::platform
