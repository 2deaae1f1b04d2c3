// `hearth-cli login` against the sandbox with this test acting as the browser on the printed URL.
#include "Harness.h"

#include <catch2/catch.hpp>

#include <QEventLoop>
#include <QTimer>
#include <QUrlQuery>

using namespace harness;

namespace {

// A running `hearth-cli login`, and the authorize URL it printed.
struct LoginProcess {
    QProcess process;
    QUrl authorizeUrl;

    LoginProcess(const Sandbox &sandbox, const QString &profile)
    {
        process.start(binary(QStringLiteral("hearth-cli")),
                      {QStringLiteral("login"), QStringLiteral("--server"), sandbox.base().toString(),
                       QStringLiteral("--profile"), profile});
        REQUIRE(process.waitForStarted(10000));
        const QByteArray prefix = "Open this URL to sign in: ";
        QByteArray out;
        while (process.waitForReadyRead(30000)) {
            out += process.readAllStandardOutput();
            const qsizetype at = out.indexOf(prefix);
            if (at >= 0 && out.indexOf('\n', at) > at) {
                const qsizetype end = out.indexOf('\n', at);
                authorizeUrl = QUrl::fromEncoded(out.mid(at + prefix.size(), end - at - prefix.size()).trimmed());
                break;
            }
        }
        REQUIRE(authorizeUrl.isValid());
    }

    // The browser's part: the sandbox signs the demo parent in (login_hint skips its page) and
    // redirects to the CLI's loopback callback. Returns that redirect, not yet delivered.
    QUrl signInAtServer() const
    {
        QUrl url = authorizeUrl;
        QUrlQuery query(url);
        query.addQueryItem(QStringLiteral("login_hint"), QStringLiteral("parent"));
        url.setQuery(query);
        const HttpResult reply = httpGet(url);
        REQUIRE(reply.status == 302);
        REQUIRE(reply.location.isValid());
        return reply.location;
    }

    CliResult finish(const QUrl &callback)
    {
        httpGet(callback);
        CliResult result;
        REQUIRE(process.waitForFinished(60000));
        result.exitCode = process.exitCode();
        result.out = process.readAllStandardOutput();
        result.err = process.readAllStandardError();
        return result;
    }
};

QUrl withQueryItem(QUrl url, const QString &key, const QString &value)
{
    QUrlQuery query(url);
    query.removeAllQueryItems(key);
    query.addQueryItem(key, value);
    url.setQuery(query);
    return url;
}

} // namespace

TEST_CASE("hearth-cli login signs in through the printed URL, and refuses forged redirects and tokens")
{
    Sandbox sandbox;
    REQUIRE(sandbox.started());
    QTemporaryDir dir;
    const QString profile = dir.filePath(QStringLiteral("profile"));

    LoginProcess login(sandbox, profile);
    const QUrlQuery authorize(login.authorizeUrl);
    CHECK(authorize.queryItemValue(QStringLiteral("code_challenge_method")) == QLatin1String("S256"));
    CHECK(authorize.queryItemValue(QStringLiteral("state")).size() >= 22);
    CHECK_FALSE(authorize.queryItemValue(QStringLiteral("nonce")).isEmpty());
    CHECK(QUrl(authorize.queryItemValue(QStringLiteral("aud"), QUrl::FullyDecoded)) == sandbox.base());
    CHECK(QUrl(authorize.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded)).host() == QLatin1String("127.0.0.1"));

    const QUrl firstCallback = login.signInAtServer();
    const QString firstCode = QUrlQuery(firstCallback).queryItemValue(QStringLiteral("code"));
    const CliResult ok = login.finish(firstCallback);
    INFO(ok.err.toStdString());
    REQUIRE(ok.exitCode == 0);
    CHECK(ok.out.contains("Signed in."));

    SECTION("a wrong state is refused")
    {
        LoginProcess again(sandbox, profile);
        const QUrl forged = withQueryItem(again.signInAtServer(), QStringLiteral("state"), QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
        const CliResult result = again.finish(forged);
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("Sign-in failed"));
        CHECK(result.err.toLower().contains("state"));
    }

    SECTION("a replayed authorization code is refused")
    {
        LoginProcess again(sandbox, profile);
        const QUrl fresh = again.signInAtServer();
        const CliResult result = again.finish(withQueryItem(fresh, QStringLiteral("code"), firstCode));
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("Sign-in failed"));
        CHECK(result.err.contains("invalid_grant"));
    }

    SECTION("a tampered id_token is refused")
    {
        REQUIRE(sandbox.adminSend("POST", QStringLiteral("faults?mode=tampered-id-token")) / 100 == 2);
        LoginProcess again(sandbox, profile);
        const CliResult result = again.finish(again.signInAtServer());
        CHECK(result.exitCode == 1);
        CHECK(result.err.contains("Sign-in failed"));
        CHECK(result.err.toLower().contains("signature"));
    }
}
