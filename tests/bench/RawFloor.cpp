#include "RawFloor.h"

#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QUrlQuery>

#include <sqlcipher/sqlite3.h>

#include <functional>
#include <memory>

namespace hearth::bench {

namespace {
QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    QRandomGenerator::system()->generate(raw.begin(), raw.end());
    return raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QNetworkReply *waitFor(QNetworkReply *reply)
{
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    if (!reply->isFinished())
        loop.exec();
    return reply;
}

// Finds Bundle.link[relation=next].url without parsing the page: links come before entries, so
// only the head of the page is scanned.
QUrl nextLink(const QByteArray &page)
{
    const QByteArrayView head = QByteArrayView(page).first(qMin<qsizetype>(page.size(), 4096));
    const qsizetype rel = head.indexOf("\"next\"");
    if (rel < 0)
        return {};
    const qsizetype open = head.lastIndexOf('{', rel);
    const qsizetype close = head.indexOf('}', rel);
    if (open < 0 || close < 0)
        return {};
    const QByteArrayView link = head.sliced(open, close - open);
    const qsizetype key = link.indexOf("\"url\"");
    if (key < 0)
        return {};
    const qsizetype start = link.indexOf('"', link.indexOf(':', key)) + 1;
    const qsizetype end = link.indexOf('"', start);
    if (start <= 0 || end < 0)
        return {};
    return QUrl(QString::fromUtf8(link.sliced(start, end - start).toByteArray().replace("\\/", "/")));
}

struct Db {
    sqlite3 *handle = nullptr;
    sqlite3_stmt *insert = nullptr;
    ~Db()
    {
        sqlite3_finalize(insert);
        sqlite3_close(handle);
    }
    bool exec(const char *sql) { return sqlite3_exec(handle, sql, nullptr, nullptr, nullptr) == SQLITE_OK; }
};

const char *const kTypes[] = {"Patient", "AllergyIntolerance", "MedicationRequest", "Condition",
                              "Immunization", "DiagnosticReport", "Observation", "Encounter"};
} // namespace

Token signInByHand(QNetworkAccessManager &nam, const QUrl &fhirBase, const QString &loginHint)
{
    Token token;
    QUrl origin = fhirBase;
    origin.setPath(QString());
    const QByteArray verifier = randomUrlSafe(48);
    const QByteArray challenge = QCryptographicHash::hash(verifier, QCryptographicHash::Sha256)
                                     .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    const QString redirect = QStringLiteral("http://127.0.0.1:9/callback");

    QUrl authorize = origin.resolved(QUrl(QStringLiteral("/oauth2/authorize")));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hearth"));
    q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
    q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid fhirUser launch/patient patient/*.read"));
    q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(randomUrlSafe(24)));
    q.addQueryItem(QStringLiteral("nonce"), QString::fromLatin1(randomUrlSafe(24)));
    q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(challenge));
    q.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    q.addQueryItem(QStringLiteral("aud"), fhirBase.toString());
    q.addQueryItem(QStringLiteral("login_hint"), loginHint);
    authorize.setQuery(q.query(QUrl::FullyEncoded), QUrl::StrictMode);

    QNetworkRequest authRequest(authorize);
    authRequest.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> authReply(waitFor(nam.get(authRequest)));
    const QUrl location(QString::fromUtf8(authReply->rawHeader("Location")));
    const QString code = QUrlQuery(location).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    if (code.isEmpty()) {
        token.error = QStringLiteral("authorize gave no code (HTTP %1)")
                          .arg(authReply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
        return token;
    }

    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
    form.addQueryItem(QStringLiteral("code"), QString::fromUtf8(QUrl::toPercentEncoding(code)));
    form.addQueryItem(QStringLiteral("redirect_uri"), QString::fromUtf8(QUrl::toPercentEncoding(redirect)));
    form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hearth"));
    form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
    QNetworkRequest tokenRequest(origin.resolved(QUrl(QStringLiteral("/oauth2/token"))));
    tokenRequest.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    std::unique_ptr<QNetworkReply> tokenReply(
        waitFor(nam.post(tokenRequest, form.query(QUrl::FullyEncoded).toUtf8())));
    const QJsonObject body = QJsonDocument::fromJson(tokenReply->readAll()).object();
    token.accessToken = body.value(QStringLiteral("access_token")).toString().toUtf8();
    token.patientId = body.value(QStringLiteral("patient")).toString();
    if (token.accessToken.isEmpty() || token.patientId.isEmpty())
        token.error = QStringLiteral("token endpoint refused the code");
    return token;
}

FloorRun runRawFloor(QNetworkAccessManager &nam, const QUrl &fhirBase, const Token &token,
                     const QString &dbPath, int maxInFlight)
{
    FloorRun run;
    QElapsedTimer timer;
    timer.start();

    Db db;
    QByteArray key(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(key.begin(), key.end());
    const QByteArray keySql = "PRAGMA key = \"x'" + key.toHex() + "'\"";
    if (sqlite3_open_v2(dbPath.toUtf8().constData(), &db.handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr)
            != SQLITE_OK
        || !db.exec(keySql.constData()) || !db.exec("PRAGMA cipher_page_size = 4096")
        || !db.exec("PRAGMA temp_store = MEMORY") || !db.exec("PRAGMA journal_mode = DELETE")
        || !db.exec("CREATE TABLE pages(id INTEGER PRIMARY KEY, json BLOB)")
        || sqlite3_prepare_v2(db.handle, "INSERT INTO pages(json) VALUES(?)", -1, &db.insert, nullptr) != SQLITE_OK) {
        run.error = QStringLiteral("cannot create the floor database");
        return run;
    }

    auto store = [&](const QByteArray &page) {
        const bool ok = db.exec("BEGIN") && sqlite3_bind_blob(db.insert, 1, page.constData(), int(page.size()), SQLITE_STATIC) == SQLITE_OK
            && sqlite3_step(db.insert) == SQLITE_DONE && db.exec("COMMIT");
        sqlite3_reset(db.insert);
        return ok;
    };

    const QString base = fhirBase.toString() + QLatin1Char('/');
    const QString patient = QString::fromUtf8(QUrl::toPercentEncoding(token.patientId));
    int nextType = 0;
    int running = 0;
    QEventLoop loop;
    std::function<void(const QUrl &)> fetch;
    std::function<void()> startType = [&] {
        const QString type = QString::fromLatin1(kTypes[nextType++]);
        const QString query = type == QLatin1String("Patient") ? QStringLiteral("Patient?_id=%1").arg(patient)
                                                               : QStringLiteral("%1?patient=%2").arg(type, patient);
        ++running;
        fetch(QUrl(base + query + QStringLiteral("&_count=250")));
    };
    fetch = [&](const QUrl &url) {
        QNetworkRequest request(url);
        request.setRawHeader("Accept", "application/fhir+json");
        request.setRawHeader("Authorization", "Bearer " + token.accessToken);
        QNetworkReply *reply = nam.get(request);
        QObject::connect(reply, &QNetworkReply::finished, &loop, [&, reply] {
            reply->deleteLater();
            const QByteArray page = reply->readAll();
            if (reply->error() != QNetworkReply::NoError || !store(page)) {
                if (run.error.isEmpty())
                    run.error = QStringLiteral("page failed: %1").arg(reply->errorString());
            } else {
                ++run.pages;
                run.bytes += page.size();
                if (const QUrl next = nextLink(page); next.isValid() && !next.isEmpty()) {
                    fetch(next);
                    return;
                }
            }
            --running;
            if (nextType < int(std::size(kTypes)) && run.error.isEmpty())
                startType();
            else if (running == 0)
                loop.quit();
        });
    };
    for (int i = 0; i < maxInFlight && nextType < int(std::size(kTypes)); ++i)
        startType();
    loop.exec();
    run.seconds = double(timer.nsecsElapsed()) / 1e9;
    return run;
}

} // namespace hearth::bench
