// The real app, offscreen: `hearth --sandbox` signs in and syncs through the real code path and
// shows the record; reopened with its server gone, it shows the same record offline.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <QColor>
#include <QImage>

using namespace harness;

namespace {

CliResult runApp(const QStringList &args)
{
    QProcess process;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    process.setProcessEnvironment(env);
    process.start(binary(QStringLiteral("hearth")), args);
    CliResult result;
    if (!process.waitForStarted(10000) || !process.waitForFinished(180000)) {
        process.kill();
        process.waitForFinished(5000);
        return result;
    }
    result.exitCode = process.exitCode();
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

// The NHS blue of the navigation and headings is on screen: the page rendered, not a blank window.
int nhsBluePixels(const QImage &image)
{
    int count = 0;
    for (int y = 0; y < image.height(); y += 4) {
        for (int x = 0; x < image.width(); x += 4) {
            const QColor c = image.pixelColor(x, y);
            if ((c.red() == 0x00 && c.green() == 0x30 && c.blue() == 0x87) || (c.red() == 0x00 && c.green() == 0x5E && c.blue() == 0xB8))
                ++count;
        }
    }
    return count;
}

} // namespace

TEST_CASE("hearth --self-test loads every page without a QML warning")
{
    const CliResult result = runApp({QStringLiteral("--self-test")});
    INFO(result.err.toStdString());
    CHECK(result.exitCode == 0);
    CHECK(result.out.contains("pages loaded without warnings"));
}

TEST_CASE("hearth --sandbox shows the record, and shows it again offline with the server gone")
{
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));
    const QString online = dir.filePath(QStringLiteral("online.png"));
    const CliResult first = runApp({QStringLiteral("--sandbox"), QStringLiteral("--profile"), profile,
                                    QStringLiteral("--window-size"), QStringLiteral("1280x800"),
                                    QStringLiteral("--screenshot"), online});
    INFO(first.err.toStdString());
    REQUIRE(first.exitCode == 0);
    CHECK(first.out.contains("(record: yes, offline: no)"));
    CHECK_FALSE(first.err.contains("Polish loop"));
    const QImage onlineImage(online);
    REQUIRE_FALSE(onlineImage.isNull());
    CHECK(nhsBluePixels(onlineImage) > 1000);

    // No --sandbox now: the saved sign-in points at a server that no longer exists.
    const QString offline = dir.filePath(QStringLiteral("offline.png"));
    const CliResult second = runApp({QStringLiteral("--profile"), profile, QStringLiteral("--screenshot"), offline,
                                     QStringLiteral("--screenshot-page"), QStringLiteral("home")});
    INFO(second.err.toStdString());
    REQUIRE(second.exitCode == 0);
    CHECK(second.out.contains("(record: yes, offline: yes)"));
    CHECK_FALSE(QImage(offline).isNull());
}
