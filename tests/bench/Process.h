#pragma once
// Runs a child process and measures it from outside: wall time to exit, wall time to a stdout
// marker, and the child's peak RSS (VmHWM, from wait4's rusage). Linux only, like the bench.
#include <QByteArray>
#include <QStringList>

namespace hearth::bench {

struct RunResult {
    bool ok = false;            // exited normally with status 0
    int exitCode = -1;
    double seconds = 0;         // launch → exit
    double markerSeconds = -1;  // launch → first stdout line containing the marker (-1: never)
    qint64 peakRssBytes = 0;
    QByteArray tail;            // last few KB of stdout+stderr, for error reports
};

// `env` entries ("NAME=value") are added to (and override) this process's environment.
RunResult runMeasured(const QString &program, const QStringList &args, const QStringList &env = {},
                      const QByteArray &marker = {}, int timeoutSeconds = 600);

} // namespace hearth::bench
