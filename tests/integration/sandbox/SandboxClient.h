#pragma once
// Shared helpers of the sandbox tests: HTTP over QNetworkAccessManager, a running server with the PKCE
// flow done by hand, bundle helpers. Header-only (inline) so several test files can use it.
#include <catch2/catch.hpp>


#include "SandboxServer.h"
#include "SyntheticFamily.h"

#include <QCryptographicHash>
#include <QDate>
#include <QElapsedTimer>
#include <QLocale>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSet>
#include <QTimer>
#include <QUrlQuery>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

using hearth::sandbox::SandboxServer;

namespace sandboxtest {

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
};

inline QNetworkAccessManager &network()
{
    static QNetworkAccessManager nam;
    return nam;
}

inline QNetworkReply *start(const QByteArray &verb, const QUrl &url, const QByteArray &token = {}, const QByteArray &body = {},
                     const QByteArray &contentType = "application/x-www-form-urlencoded",
                     const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    return network().sendCustomRequest(request, verb, body);
}

inline Response finish(QNetworkReply *reply)
{
    if (!reply->isFinished()) {
        QEventLoop loop;
        QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(30000, &loop, &QEventLoop::quit);
        loop.exec();
    }
    Response r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.error = reply->error();
    r.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs())
        r.headers.insert(name.toLower(), value);
    reply->deleteLater();
    return r;
}

inline Response send(const QByteArray &verb, const QUrl &url, const QByteArray &token = {}, const QByteArray &body = {},
              const QByteArray &contentType = "application/x-www-form-urlencoded",
              const QList<QPair<QByteArray, QByteArray>> &headers = {})
{
    return finish(start(verb, url, token, body, contentType, headers));
}

inline Response get(const QUrl &url, const QByteArray &token = {}) { return send("GET", url, token); }

inline QByteArray b64url(const QByteArray &bytes)
{
    return bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

inline QByteArray randomUrlSafe(int bytes)
{
    QByteArray raw(bytes, Qt::Uninitialized);
    for (auto &c : raw)
        c = char(QRandomGenerator::global()->bounded(256));
    return b64url(raw);
}

// A running server plus helpers around it.
struct Fixture
{
    SandboxServer server;
    QString base;
    QString origin;

    explicit Fixture(quint64 seed = 1) : server(hearth::sandbox::SandboxOptions{seed, 1, 3600})
    {
        REQUIRE(server.listen(0));
        base = server.fhirBaseUrl().toString();
        origin = base.left(base.size() - int(qstrlen("/fhir/R4")));
    }
    QUrl url(const QString &path) const { return QUrl(origin + path); }
    QUrl fhir(const QString &pathAndQuery) const { return QUrl(base + pathAndQuery); }

    struct Pkce
    {
        QByteArray verifier;
        QByteArray challenge;
    };
    static Pkce makePkce()
    {
        Pkce p;
        p.verifier = randomUrlSafe(32);
        p.challenge = b64url(QCryptographicHash::hash(p.verifier, QCryptographicHash::Sha256));
        return p;
    }

    QUrlQuery authorizeQuery(const Pkce &pkce, const QString &redirect, const QString &method = QStringLiteral("S256")) const
    {
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
        q.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hearth"));
        q.addQueryItem(QStringLiteral("redirect_uri"), redirect);
        q.addQueryItem(QStringLiteral("scope"), QStringLiteral("openid fhirUser launch/patient offline_access patient/*.rs"));
        q.addQueryItem(QStringLiteral("state"), QString::fromLatin1(randomUrlSafe(24)));
        q.addQueryItem(QStringLiteral("nonce"), QStringLiteral("nonce-123"));
        q.addQueryItem(QStringLiteral("code_challenge"), QString::fromLatin1(pkce.challenge));
        q.addQueryItem(QStringLiteral("code_challenge_method"), method);
        q.addQueryItem(QStringLiteral("aud"), base);
        return q;
    }

    Response authorize(const QUrlQuery &q) const
    {
        QUrl u = url(QStringLiteral("/oauth2/authorize"));
        u.setQuery(q);
        return get(u);
    }

    static QUrlQuery locationQuery(const Response &r) { return QUrlQuery(QUrl(QString::fromLatin1(r.headers.value("location")))); }

    QString code(const Pkce &pkce, const QString &user, const QString &redirect) const
    {
        QUrlQuery q = authorizeQuery(pkce, redirect);
        q.addQueryItem(QStringLiteral("login_hint"), user);
        const Response r = authorize(q);
        REQUIRE(r.status == 302);
        const QUrlQuery back = locationQuery(r);
        REQUIRE(back.queryItemValue(QStringLiteral("state")) == q.queryItemValue(QStringLiteral("state")));
        return back.queryItemValue(QStringLiteral("code"));
    }

    Response exchange(const QString &code, const QByteArray &verifier, const QString &redirect) const
    {
        QUrlQuery form;
        form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("authorization_code"));
        form.addQueryItem(QStringLiteral("code"), code);
        form.addQueryItem(QStringLiteral("redirect_uri"), QString::fromLatin1(QUrl::toPercentEncoding(redirect)));
        form.addQueryItem(QStringLiteral("client_id"), QStringLiteral("hearth"));
        form.addQueryItem(QStringLiteral("code_verifier"), QString::fromLatin1(verifier));
        return send("POST", url(QStringLiteral("/oauth2/token")), {}, form.toString(QUrl::FullyEncoded).toLatin1());
    }

    QByteArray accessToken(const QString &user) const
    {
        const Pkce pkce = makePkce();
        const QString redirect = QStringLiteral("http://127.0.0.1:4321/callback");
        const Response r = exchange(code(pkce, user, redirect), pkce.verifier, redirect);
        REQUIRE(r.status == 200);
        return r.object().value(QStringLiteral("access_token")).toString().toLatin1();
    }

    QJsonObject patientInfo(const QString &user) const
    {
        const QJsonArray all = QJsonDocument::fromJson(get(url(QStringLiteral("/_sandbox/patients"))).body).array();
        for (const auto &v : all)
            if (v.toObject().value(QStringLiteral("user")).toString() == user)
                return v.toObject();
        FAIL("no patient for user");
        return {};
    }
};

const QString kLoopback = QStringLiteral("http://127.0.0.1:4321/callback");

// Verifies an RS256 JWT against a JWKS document with OpenSSL.
inline bool verifyJwt(const QByteArray &jwt, const QJsonObject &jwks)
{
    const QList<QByteArray> parts = jwt.split('.');
    if (parts.size() != 3)
        return false;
    const QJsonObject header = QJsonDocument::fromJson(QByteArray::fromBase64(parts[0], QByteArray::Base64UrlEncoding)).object();
    QJsonObject jwk;
    for (const auto &k : jwks.value(QStringLiteral("keys")).toArray())
        if (k.toObject().value(QStringLiteral("kid")) == header.value(QStringLiteral("kid")))
            jwk = k.toObject();
    if (jwk.isEmpty() || header.value(QStringLiteral("alg")).toString() != QLatin1String("RS256"))
        return false;
    const QByteArray n = QByteArray::fromBase64(jwk.value(QStringLiteral("n")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
    const QByteArray e = QByteArray::fromBase64(jwk.value(QStringLiteral("e")).toString().toLatin1(), QByteArray::Base64UrlEncoding);
    BIGNUM *bn = BN_bin2bn(reinterpret_cast<const unsigned char *>(n.constData()), int(n.size()), nullptr);
    BIGNUM *be = BN_bin2bn(reinterpret_cast<const unsigned char *>(e.constData()), int(e.size()), nullptr);
    OSSL_PARAM_BLD *bld = OSSL_PARAM_BLD_new();
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_N, bn);
    OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_RSA_E, be);
    OSSL_PARAM *params = OSSL_PARAM_BLD_to_param(bld);
    EVP_PKEY_CTX *pctx = EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr);
    EVP_PKEY *key = nullptr;
    bool ok = EVP_PKEY_fromdata_init(pctx) == 1 && EVP_PKEY_fromdata(pctx, &key, EVP_PKEY_PUBLIC_KEY, params) == 1;
    if (ok) {
        const QByteArray input = parts[0] + '.' + parts[1];
        const QByteArray sig = QByteArray::fromBase64(parts[2], QByteArray::Base64UrlEncoding);
        EVP_MD_CTX *md = EVP_MD_CTX_new();
        ok = EVP_DigestVerifyInit(md, nullptr, EVP_sha256(), nullptr, key) == 1
            && EVP_DigestVerify(md, reinterpret_cast<const unsigned char *>(sig.constData()), size_t(sig.size()),
                                reinterpret_cast<const unsigned char *>(input.constData()), size_t(input.size())) == 1;
        EVP_MD_CTX_free(md);
    }
    EVP_PKEY_free(key);
    EVP_PKEY_CTX_free(pctx);
    OSSL_PARAM_free(params);
    OSSL_PARAM_BLD_free(bld);
    BN_free(bn);
    BN_free(be);
    return ok;
}

inline QUrl nextLink(const QJsonObject &bundle)
{
    for (const auto &l : bundle.value(QStringLiteral("link")).toArray())
        if (l.toObject().value(QStringLiteral("relation")).toString() == QLatin1String("next"))
            return QUrl(l.toObject().value(QStringLiteral("url")).toString());
    return {};
}

inline QStringList entryIds(const QJsonObject &bundle)
{
    QStringList ids;
    for (const auto &e : bundle.value(QStringLiteral("entry")).toArray())
        ids.append(e.toObject().value(QStringLiteral("resource")).toObject().value(QStringLiteral("id")).toString());
    return ids;
}

inline QJsonObject jwtPayload(const QByteArray &jwt)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(jwt.split('.').value(1), QByteArray::Base64UrlEncoding)).object();
}

} // namespace sandboxtest

using namespace sandboxtest;
