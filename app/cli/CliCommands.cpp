#include "CliCommands.h"

#include "auth/AuthRequest.h"
#include "common/Log.h"
#include "common/UrlPolicy.h"
#include "net/ApiClient.h"
#include "store/CacheDatabase.h"
#include "store/QtKeychainKeyStore.h"
#include "store/ResourceStore.h"
#include "store/SqlCipherDriver.h"
#include "sync/HeadlessBrowser.h"
#include "sync/Profile.h"
#include "sync/Session.h"

#include <QCommandLineParser>
#include <QEventLoop>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QTextStream>

#include <cstdio>

namespace hearth::cli {
namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

QTextStream &err()
{
    static QTextStream stream(stderr);
    return stream;
}

int fail(const QString &what, const Error &error)
{
    err() << what << ": " << error.describe();
    if (!error.outcome.isEmpty() && error.kind != Error::Kind::Security)
        err() << " [" << error.outcome << "]";
    err() << Qt::endl;
    return 1;
}

int usage(const QString &message)
{
    err() << message << Qt::endl
          << "Usage:\n"
             "  hearth-cli login --server URL [--client-id ID] --profile DIR\n"
             "  hearth-cli sync --server URL [--login-hint USER | --patient ID --token-file F | --patient ID --no-auth] --profile DIR\n"
             "  hearth-cli sync --profile DIR [--reconcile]   (with the saved sign-in)\n"
             "  hearth-cli summary --profile DIR [--json]\n"
             "  hearth-cli check --profile DIR            (integrity of every database)"
          << Qt::endl;
    return 2;
}

// Runs an async core operation to completion.
template <typename T, typename Start>
T waitFor(Start start)
{
    QEventLoop loop;
    std::optional<T> result;
    start([&](T value) {
        result.emplace(std::move(value));
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

struct Context {
    QtKeychainKeyStore keys;
    QNetworkAccessManager nam;
    std::unique_ptr<Profile> profile;
};

Result<std::unique_ptr<Context>> openContext(const QString &dir, bool create)
{
    registerSqlCipherDriver();
    auto context = std::make_unique<Context>();
    if (Status reachable = context->keys.probe(); !reachable) {
        Error error = reachable.error();
        error.message = QStringLiteral("no OS keystore is reachable (Secret Service). Hearth keeps its "
                                       "encryption keys only there, so it stores nothing without one (%1)")
                                .arg(error.message);
        return error;
    }
    auto profile = Profile::open(dir, context->keys, create);
    if (!profile)
        return profile.error();
    context->profile = std::move(profile).value();
    return context;
}

void printSyncReport(const SyncReport &report)
{
    out() << "Synced: " << report.requests << " requests, " << report.stored << " resources stored, "
          << report.removed << " removed";
    if (report.rejected > 0)
        out() << ", " << report.rejected << " refused (they named another patient)";
    out() << "." << Qt::endl;
}

// One line per 10% step, so a long first sync shows it is moving.
void printProgress(Session &session)
{
    auto lastStep = std::make_shared<int>(-1);
    QObject::connect(session.engine(), &SyncEngine::progress, session.engine(), [lastStep](double fraction, const QString &type) {
        const int step = int(fraction * 10);
        if (step <= *lastStep || type.isEmpty())
            return;
        *lastStep = step;
        out() << "Progress: " << step * 10 << "% (" << type << ")" << Qt::endl;
    });
}

int login(const QCommandLineParser &args)
{
    const QUrl server(args.value(QStringLiteral("server")));
    if (!server.isValid() || server.scheme().isEmpty())
        return usage(QStringLiteral("login needs --server URL"));
    auto context = openContext(args.value(QStringLiteral("profile")), true);
    if (!context)
        return fail(QStringLiteral("Cannot open the profile"), context.error());
    Session session(context.value()->nam, *context.value()->profile);
    AuthParams params;
    if (args.isSet(QStringLiteral("client-id")))
        params.clientId = args.value(QStringLiteral("client-id"));
    const Status signedIn = waitFor<Status>([&](auto done) {
        session.signIn(server, params, [](const QUrl &url) {
            out() << "Open this URL to sign in: " << url.toString(QUrl::FullyEncoded) << Qt::endl;
        }, done);
    });
    if (!signedIn)
        return fail(QStringLiteral("Sign-in failed"), signedIn.error());
    out() << "Signed in." << Qt::endl;
    return 0;
}

int sync(const QCommandLineParser &args)
{
    auto context = openContext(args.value(QStringLiteral("profile")), true);
    if (!context)
        return fail(QStringLiteral("Cannot open the profile"), context.error());
    Context &ctx = *context.value();
    Session session(ctx.nam, *ctx.profile);
    const QUrl server(args.value(QStringLiteral("server")));
    const QString patient = args.value(QStringLiteral("patient"));

    if (args.isSet(QStringLiteral("login-hint"))) {
        if (!isLoopbackUrl(server))
            return usage(QStringLiteral("--login-hint is only for a loopback sandbox server"));
        HeadlessBrowser browser(ctx.nam);
        AuthParams params;
        params.loginHint = args.value(QStringLiteral("login-hint"));
        const Status signedIn = waitFor<Status>([&](auto done) {
            session.signIn(server, params, [&](const QUrl &url) { browser.open(url); }, done);
        });
        if (!signedIn)
            return fail(QStringLiteral("Sign-in failed"), signedIn.error());
    } else if (args.isSet(QStringLiteral("token-file")) || args.isSet(QStringLiteral("no-auth"))) {
        if (patient.isEmpty() || !server.isValid())
            return usage(QStringLiteral("--token-file and --no-auth need --server and --patient"));
        QByteArray token;
        if (args.isSet(QStringLiteral("no-auth"))) {
            if (!isLoopbackUrl(server))
                return usage(QStringLiteral("--no-auth is only allowed for a loopback server"));
        } else {
            QFile file(args.value(QStringLiteral("token-file")));
            if (!file.open(QIODevice::ReadOnly))
                return usage(QStringLiteral("cannot read the token file"));
            token = file.readAll().trimmed();
        }
        if (Status s = session.useStaticToken(server, patient, token); !s)
            return fail(QStringLiteral("Cannot save the account"), s.error());
    } else {
        if (Status s = session.restore(); !s)
            return fail(QStringLiteral("No saved sign-in (run hearth-cli login first)"), s.error());
        if (server.isValid() && !server.isEmpty()
            && server.adjusted(QUrl::StripTrailingSlash) != session.account()->fhirBase)
            return usage(QStringLiteral("this profile is signed in to a different server"));
    }

    if (args.isSet(QStringLiteral("reconcile")))
        session.engine()->forceReconciliation();
    if (args.isSet(QStringLiteral("timeout-seconds")))
        session.api()->setTransferTimeoutMs(args.value(QStringLiteral("timeout-seconds")).toInt() * 1000);
    printProgress(session);
    const auto report = waitFor<Result<SyncReport>>([&](auto done) { session.syncAll(done); });
    if (!report)
        return fail(QStringLiteral("Sync failed"), report.error());
    printSyncReport(report.value());
    return 0;
}

// Opens the profile read-only and calls `visit` with each patient id and its database (nullptr if
// nothing was downloaded for that patient yet). A failed visit stops and becomes the exit code.
int forEachPatientDatabase(const QCommandLineParser &args,
                           const std::function<Status(const QString &id, CacheDatabase *db)> &visit)
{
    auto context = openContext(args.value(QStringLiteral("profile")), false);
    if (!context)
        return fail(QStringLiteral("Cannot open the profile"), context.error());
    Profile &profile = *context.value()->profile;
    auto account = profile.account();
    if (!account)
        return fail(QStringLiteral("Cannot read the profile"), account.error());
    const QStringList ids = account->has_value() ? (*account)->patientIds : QStringList();
    for (const QString &id : ids) {
        auto db = profile.patientDatabase(id, false);
        if (!db && db.error().kind != Error::Kind::NotFound)
            return fail(QStringLiteral("Cannot open a record"), db.error());
        if (Status s = visit(id, db ? db.value() : nullptr); !s)
            return fail(QStringLiteral("Cannot read a record"), s.error());
    }
    return 0;
}

int summary(const QCommandLineParser &args)
{
    QJsonArray patients;
    const int code = forEachPatientDatabase(args, [&](const QString &id, CacheDatabase *db) -> Status {
        QJsonObject counts;
        if (db) {
            auto byType = ResourceStore(db->database()).countsByType();
            if (!byType)
                return byType.error();
            for (auto it = byType->cbegin(); it != byType->cend(); ++it)
                counts.insert(it.key(), it.value());
        }
        patients.append(QJsonObject{{QStringLiteral("id"), id}, {QStringLiteral("counts"), counts}});
        return {};
    });
    if (code != 0)
        return code;
    if (args.isSet(QStringLiteral("json"))) {
        out() << QJsonDocument(QJsonObject{{QStringLiteral("patients"), patients}}).toJson(QJsonDocument::Compact)
              << Qt::endl;
        return 0;
    }
    for (const auto &value : std::as_const(patients)) {
        const QJsonObject patient = value.toObject();
        out() << "Patient " << patient.value(QStringLiteral("id")).toString() << Qt::endl;
        const QJsonObject counts = patient.value(QStringLiteral("counts")).toObject();
        for (auto it = counts.constBegin(); it != counts.constEnd(); ++it)
            out() << "  " << it.key() << ": " << it.value().toInteger() << Qt::endl;
    }
    return 0;
}

// Runs SQLite's integrity check on every database of the profile.
int check(const QCommandLineParser &args)
{
    int checked = 0;
    const int code = forEachPatientDatabase(args, [&](const QString &, CacheDatabase *db) -> Status {
        if (!db)
            return {};
        ++checked;
        return db->checkIntegrity();
    });
    if (code != 0)
        return code;
    out() << "Profile OK: " << checked << " record(s) checked." << Qt::endl;
    return 0;
}

} // namespace

int run(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Hearth command line: sign in, sync and inspect a profile."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("login | sync | summary | check"));
    parser.addOptions({
        {QStringLiteral("server"), QStringLiteral("FHIR base URL"), QStringLiteral("URL")},
        {QStringLiteral("client-id"), QStringLiteral("OAuth client id (default hearth)"), QStringLiteral("ID")},
        {QStringLiteral("profile"), QStringLiteral("Profile directory"), QStringLiteral("DIR")},
        {QStringLiteral("login-hint"), QStringLiteral("Sandbox user to sign in as, without a browser"), QStringLiteral("USER")},
        {QStringLiteral("patient"), QStringLiteral("Patient id, with --token-file or --no-auth"), QStringLiteral("ID")},
        {QStringLiteral("token-file"), QStringLiteral("File holding a bearer token"), QStringLiteral("F")},
        {QStringLiteral("no-auth"), QStringLiteral("No token (loopback test servers only)")},
        {QStringLiteral("json"), QStringLiteral("Machine-readable output")},
        {QStringLiteral("timeout-seconds"), QStringLiteral("With sync: give up on a silent server after N seconds (default 60)"), QStringLiteral("N")},
        {QStringLiteral("reconcile"), QStringLiteral("With sync: also list every id on the server and drop entries it no longer has")},
    });
    if (!parser.parse(arguments))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        out() << parser.helpText();
        return 0;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        out() << "hearth-cli " << HEARTH_VERSION << Qt::endl;
        return 0;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return usage(QStringLiteral("give exactly one command"));
    if (!parser.isSet(QStringLiteral("profile")))
        return usage(QStringLiteral("--profile DIR is required"));
    const QString command = positional.first();
    if (command == QLatin1String("login"))
        return login(parser);
    if (command == QLatin1String("sync"))
        return sync(parser);
    if (command == QLatin1String("summary"))
        return summary(parser);
    if (command == QLatin1String("check"))
        return check(parser);
    return usage(QStringLiteral("unknown command: ") + command);
}

} // namespace hearth::cli
