// Logs of a full run hold none of the data set's sentinels: the parent signs in through the real
// OpenID Connect flow, every patient of the family is synced, a repeat prescription is ordered
// through the outbox, with every logging category at debug (Qt's own included) and the redaction
// handler installed as the app installs it. Every line is captured and searched.
#include "SignedInWorld.h"

#include "common/Log.h"
#include "common/Redaction.h"

#include <QDir>
#include <QLoggingCategory>
#include <QMutex>
#include <QMutexLocker>
#include <QTemporaryDir>

using namespace hearth;

namespace {

QMutex g_mutex;
QStringList g_lines;

void capture(QtMsgType, const QMessageLogContext &context, const QString &message)
{
    const QMutexLocker lock(&g_mutex);
    g_lines << QString::fromLatin1(context.category ? context.category : "default") + QStringLiteral(": ") + message;
}

} // namespace

TEST_CASE("a full sign-in, sync and order at debug level logs no sentinel", "[security][logs]")
{
    qInstallMessageHandler(capture);           // the sink (stands in for stderr / journald)
    redaction::installMessageHandler();        // as hearth and hearth-cli do first thing in main()
    QLoggingCategory::setFilterRules(QStringLiteral("*.debug=true"));

    QTemporaryDir home(QDir::homePath() + QStringLiteral("/hearth-logs-XXXXXX"));
    REQUIRE(home.isValid());
    QStringList sentinels;
    QByteArray accessToken;
    {
        test::SignedInWorld world(home.filePath(QStringLiteral("profile")));
        world.signIn();
        world.syncAll();
        world.orderRepeat();
        sentinels = world.sentinels();
        accessToken = (*world.profile->tokens().value()).accessToken;
        // A deliberate slip, as a careless log call would make: the handler must mask it.
        qCDebug(lcNet) << "Authorization: Bearer" << accessToken;
    }
    QLoggingCategory::setFilterRules(QString());
    qInstallMessageHandler(nullptr);

    const QMutexLocker lock(&g_mutex);
    INFO("captured " << g_lines.size() << " log lines; sentinels: " << sentinels.join(QStringLiteral(" | ")).toStdString());
    // The test must be able to fail: the run logged, and the sentinels are real.
    REQUIRE(g_lines.size() >= 5);
    REQUIRE(sentinels.size() >= 10);
    CHECK(sentinels.contains(QStringLiteral("Ashworth-Okafor")));
    CHECK(sentinels.contains(QString::fromLatin1(accessToken)));
    CHECK(std::any_of(g_lines.cbegin(), g_lines.cend(), [](const QString &l) { return l.contains(QStringLiteral("Bearer [token]")); }));
    int hits = 0;
    for (const QString &line : std::as_const(g_lines)) {
        for (const QString &sentinel : std::as_const(sentinels)) {
            if (line.contains(sentinel, Qt::CaseInsensitive)) {
                ++hits;
                UNSCOPED_INFO("sentinel '" << sentinel.toStdString() << "' in: " << line.toStdString());
            }
        }
    }
    CHECK(hits == 0);
}
