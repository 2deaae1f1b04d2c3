#pragma once

#include <QEventLoop>
#include <QTimer>

#include <functional>

namespace hearth::test {

// Runs the event loop until `done` is true or the timeout passes; returns `done()`.
inline bool spinUntil(const std::function<bool()> &done, int timeoutMs = 20000)
{
    QEventLoop loop;
    QTimer deadline;
    deadline.setSingleShot(true);
    deadline.start(timeoutMs);
    while (!done() && deadline.isActive())
        loop.processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 50);
    return done();
}

} // namespace hearth::test
