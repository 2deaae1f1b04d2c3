#include "Process.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <map>
#include <poll.h>
#include <spawn.h>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

extern char **environ;

namespace hearth::bench {

namespace {
using Clock = std::chrono::steady_clock;

double since(Clock::time_point start)
{
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<std::string> mergedEnvironment(const QStringList &extra)
{
    std::map<std::string, std::string> vars;
    for (char **e = environ; *e; ++e) {
        const std::string entry(*e);
        vars[entry.substr(0, entry.find('='))] = entry;
    }
    for (const QString &e : extra) {
        const std::string entry = e.toStdString();
        vars[entry.substr(0, entry.find('='))] = entry;
    }
    std::vector<std::string> out;
    for (auto &[name, entry] : vars)
        out.push_back(entry);
    return out;
}
} // namespace

RunResult runMeasured(const QString &program, const QStringList &args, const QStringList &env,
                      const QByteArray &marker, int timeoutSeconds)
{
    RunResult result;
    int fds[2];
    if (pipe(fds) != 0)
        return result;

    std::vector<std::string> argStore{program.toStdString()};
    for (const QString &a : args)
        argStore.push_back(a.toStdString());
    std::vector<char *> argv;
    for (auto &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);
    std::vector<std::string> envStore = mergedEnvironment(env);
    std::vector<char *> envp;
    for (auto &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
    posix_spawn_file_actions_addclose(&actions, fds[0]);
    posix_spawn_file_actions_addclose(&actions, fds[1]);

    const Clock::time_point start = Clock::now();
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, argStore[0].c_str(), &actions, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&actions);
    close(fds[1]);
    if (spawned != 0) {
        close(fds[0]);
        result.tail = "cannot start " + program.toUtf8();
        return result;
    }

    // Drain the pipe (a full pipe would stall the child) and note when the marker first shows.
    QByteArray pending;
    bool killed = false;
    for (;;) {
        pollfd p{fds[0], POLLIN, 0};
        const int ready = poll(&p, 1, 200);
        if (ready < 0 && errno == EINTR)
            continue;
        if (!killed && since(start) > timeoutSeconds) {
            kill(pid, SIGKILL);
            killed = true;
        }
        if (ready <= 0)
            continue;
        char buffer[16384];
        const ssize_t n = read(fds[0], buffer, sizeof buffer);
        if (n <= 0)
            break;
        pending.append(buffer, n);
        if (result.markerSeconds < 0 && !marker.isEmpty() && pending.contains(marker))
            result.markerSeconds = since(start);
        if (pending.size() > 8192)
            pending = pending.right(4096);
    }
    close(fds[0]);

    int status = 0;
    rusage usage{};
    while (wait4(pid, &status, 0, &usage) < 0 && errno == EINTR) {
    }
    result.seconds = since(start);
    result.peakRssBytes = qint64(usage.ru_maxrss) * 1024;   // Linux reports KiB
    result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    result.ok = !killed && WIFEXITED(status) && result.exitCode == 0;
    result.tail = pending.right(2048);
    return result;
}

} // namespace hearth::bench
