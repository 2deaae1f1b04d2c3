// No health data or secret on disk in plaintext (MASVS-STORAGE-1): sign in, sync the whole family,
// order a repeat through the outbox, then scan every file under HOME (the profile, settings, caches,
// the keyring's own files) and XDG_RUNTIME_DIR, while the databases are still open (so -wal, -shm
// and -journal files are there to be read) and again after they close, for the data set's sentinels.
#include "DiskScan.h"
#include "SignedInWorld.h"

#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace hearth;

namespace {

QStringList roots()
{
    QStringList out{QDir::homePath()};
    const QString runtime = QProcessEnvironment::systemEnvironment().value(QStringLiteral("XDG_RUNTIME_DIR"));
    if (!runtime.isEmpty())
        out << runtime;
    return out;
}

} // namespace

TEST_CASE("after sign-in, sync and an order, no file holds a sentinel in plaintext", "[security][storage]")
{
    // HOME is the private scratch home tests/with-keyring.sh made; the profile lives inside it.
    REQUIRE(QDir::homePath().contains(QStringLiteral("hearth-keyring")));
    QTemporaryDir dir(QDir::homePath() + QStringLiteral("/hearth-plain-XXXXXX"));
    REQUIRE(dir.isValid());
    const QString profileDir = dir.filePath(QStringLiteral("profile"));
    QStringList sentinels;
    QStringList whileOpen;
    {
        test::SignedInWorld world(profileDir);
        world.signIn();
        world.syncAll();
        world.orderRepeat();
        sentinels = world.sentinels();
        whileOpen = test::filesUnder(roots());
        INFO("files: " << whileOpen.join(QStringLiteral("\n")).toStdString());
        // The test must be able to fail: the profile's databases are among the files scanned.
        CHECK(std::count_if(whileOpen.cbegin(), whileOpen.cend(), [](const QString &f) { return f.endsWith(QStringLiteral(".db")); }) >= 4);
        const QStringList hits = test::scanForSentinels(whileOpen, sentinels);
        INFO("hits: " << hits.join(QStringLiteral("\n")).toStdString());
        CHECK(hits.isEmpty());
    }
    REQUIRE(sentinels.size() >= 10);
    const QStringList closed = test::filesUnder(roots());
    const QStringList hits = test::scanForSentinels(closed, sentinels);
    INFO("hits: " << hits.join(QStringLiteral("\n")).toStdString());
    CHECK(hits.isEmpty());

    // And the scan itself finds a sentinel written in plaintext (so zero hits above means something).
    QFile planted(dir.filePath(QStringLiteral("planted.txt")));
    REQUIRE(planted.open(QIODevice::WriteOnly));
    planted.write(sentinels.first().toUtf8());
    planted.close();
    CHECK(test::scanForSentinels(test::filesUnder(roots()), sentinels).size() == 1);
}
