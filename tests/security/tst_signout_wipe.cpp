// Sign-out / "delete my data" leaves nothing behind: every file and every keyring item the app
// created while signed in (self and linked children), listed before and after Profile::destroy().
// Files are listed under HOME (gnome-keyring's own keyring file excepted: it is the keystore, not
// ours); keyring items are read from the Secret Service over D-Bus, not through qtkeychain.
#include "DiskScan.h"
#include "SignedInWorld.h"

#include <QTemporaryDir>

using namespace hearth;

namespace {

QStringList appFiles(const QStringList &baseline)
{
    QStringList out;
    const QString keyrings = QDir::homePath() + QStringLiteral("/.local/share/keyrings/");
    for (const QString &f : test::filesUnder({QDir::homePath()}))
        if (!baseline.contains(f) && !f.startsWith(keyrings))
            out << f;
    return out;
}

} // namespace

TEST_CASE("sign-out wipes every file and keyring item the app created", "[security][storage]")
{
    QTemporaryDir dir(QDir::homePath() + QStringLiteral("/hearth-wipe-XXXXXX"));
    REQUIRE(dir.isValid());
    const QStringList baselineFiles = test::filesUnder({QDir::homePath()});
    const QStringList baselineItems = test::keyringItems();
    INFO("keyring before: " << baselineItems.join(QStringLiteral("; ")).toStdString());
    REQUIRE_FALSE(baselineItems.join(QString()).contains(QStringLiteral("<keyring unreachable")));

    test::SignedInWorld world(dir.filePath(QStringLiteral("profile")));
    world.signIn();
    world.syncAll();
    world.orderRepeat();

    const QStringList filesSignedIn = appFiles(baselineFiles);
    QStringList itemsSignedIn = test::keyringItems();
    for (const QString &b : baselineItems)
        itemsSignedIn.removeAll(b);
    INFO("signed in, files: " << filesSignedIn.join(QStringLiteral("; ")).toStdString());
    INFO("signed in, keyring items: " << itemsSignedIn.join(QStringLiteral("; ")).toStdString());
    // The test must be able to fail: the profile database, three patients' databases, their keys
    // and the tokens exist before the wipe.
    CHECK(std::count_if(filesSignedIn.cbegin(), filesSignedIn.cend(), [](const QString &f) { return f.endsWith(QStringLiteral(".db")); }) >= 4);
    CHECK(itemsSignedIn.size() >= 5);

    world.session.reset();   // as sign-out does: the session and its outboxes go first
    REQUIRE(world.profile->destroy().ok());
    world.profile.reset();

    const QStringList filesLeft = appFiles(baselineFiles);
    QStringList itemsLeft = test::keyringItems();
    for (const QString &b : baselineItems)
        itemsLeft.removeAll(b);
    INFO("left, files: " << filesLeft.join(QStringLiteral("; ")).toStdString());
    INFO("left, keyring items: " << itemsLeft.join(QStringLiteral("; ")).toStdString());
    CHECK(filesLeft.isEmpty());
    CHECK(itemsLeft.isEmpty());
}
