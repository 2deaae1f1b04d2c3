#pragma once

namespace hearth::platform {

// Called first thing in main() of hearth and hearth-cli. On Linux: no core dumps and no ptrace
// attach by other processes of the same user (PR_SET_DUMPABLE = 0, RLIMIT_CORE = 0), so a crash or
// a curious process cannot lift decrypted records, database keys or tokens out of memory.
// Elsewhere a no-op for now (mobile platforms get this from their sandbox). Returns true when the
// process is hardened as intended.
bool hardenProcess();

// True when this process can no longer be dumped (Linux); false elsewhere. For tests.
bool isProcessDumpable();

} // namespace hearth::platform
