// The real `hearth` binary, end to end: `hearth --sandbox` signs in, syncs and shows the record
// (offscreen) with HOME pointing at a private scratch home and debug logging on for every hearth
// category and Qt's network ones. Its stdout/stderr (after the redaction handler main() installs)
// and every file it left under HOME — the profile, its QSettings file, caches — hold none of the
// data set's sentinels and no JWT.
#include "DiskScan.h"
#include "SignedInWorld.h"

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>

using namespace hearth;

namespace {

// The sandbox family as the app's built-in sandbox (same default seed) serves it, read through the
// client in this process; the profile used for that lives outside HOME so it is not scanned.
QStringList familySentinels()
{
    QTemporaryDir outside(QStringLiteral("/tmp/hearth-sentinels-XXXXXX"));
    REQUIRE(outside.isValid());
    test::SignedInWorld world(outside.filePath(QStringLiteral("profile")));
    world.signIn();
    world.syncAll();
    QStringList sentinels = world.sentinels();
    // This process's tokens are not the app's: the JWT check below covers the app's id_token.
    auto tokens = world.profile->tokens();
    REQUIRE(tokens.ok());
    for (const QByteArray &t : {(*tokens)->accessToken, (*tokens)->refreshToken, (*tokens)->idToken})
        sentinels.removeAll(QString::fromLatin1(t));
    sentinels.removeAll(test::kOrderNoteSentinel);
    world.session.reset();
    REQUIRE(world.profile->destroy().ok());
    return sentinels;
}

// How every JWT begins: base64url of '{"alg"', '{"typ"' or '{"kid"'. Eight bytes, so that random
// ciphertext in an encrypted database does not match by chance (three bytes, "eyJ", did).
QStringList jwtStarts()
{
    return {QStringLiteral("eyJhbGci"), QStringLiteral("eyJ0eXAi"), QStringLiteral("eyJraWQi")};
}

} // namespace

TEST_CASE("hearth --sandbox: no sentinel in its logs or in any file it leaves under HOME", "[security][logs][storage]")
{
    REQUIRE(QDir::homePath().contains(QStringLiteral("hearth-keyring")));
    const QStringList sentinels = familySentinels();
    REQUIRE(sentinels.contains(QStringLiteral("Ashworth-Okafor")));
    const QStringList before = test::filesUnder({QDir::homePath()});

    QTemporaryDir shots(QStringLiteral("/tmp/hearth-shot-XXXXXX"));
    REQUIRE(shots.isValid());
    QProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("QT_QUICK_BACKEND"), QStringLiteral("software"));
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("hearth.*.debug=true;qt.network.*.debug=true"));
    app.setProcessEnvironment(env);
    app.start(QStringLiteral(HEARTH_BIN_DIR "/hearth"),
              {QStringLiteral("--sandbox"), QStringLiteral("--window-size"), QStringLiteral("1280x800"),
               QStringLiteral("--screenshot"), shots.filePath(QStringLiteral("record.png"))});
    REQUIRE(app.waitForStarted(10000));
    REQUIRE(app.waitForFinished(180000));
    const QString output = QString::fromUtf8(app.readAllStandardOutput() + app.readAllStandardError());
    INFO(output.left(4000).toStdString());
    REQUIRE(app.exitCode() == 0);
    REQUIRE(output.contains(QStringLiteral("(record: yes")));   // it really signed in and synced

    QStringList logHits;
    for (const QString &s : sentinels)
        if (output.contains(s, Qt::CaseInsensitive))
            logHits << s;
    CHECK(logHits.isEmpty());
    for (const QString &jwt : jwtStarts())
        CHECK_FALSE(output.contains(jwt));

    const QString keyrings = QDir::homePath() + QStringLiteral("/.local/share/keyrings/");
    QStringList written;
    for (const QString &f : test::filesUnder({QDir::homePath()}))
        if (!before.contains(f) && !f.startsWith(keyrings))
            written << f;
    INFO("files written: " << written.join(QStringLiteral("\n")).toStdString());
    CHECK(std::count_if(written.cbegin(), written.cend(), [](const QString &f) { return f.endsWith(QStringLiteral(".db")); }) >= 2);
    const QStringList hits = test::scanForSentinels(written, sentinels + jwtStarts());
    INFO("hits: " << hits.join(QStringLiteral("\n")).toStdString());
    CHECK(hits.isEmpty());
}
