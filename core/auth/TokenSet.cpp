#include "auth/TokenSet.h"

#include "auth/HttpSupport.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace hearth {

namespace {
const QString kAccess = QStringLiteral("access_token");
const QString kRefresh = QStringLiteral("refresh_token");
const QString kId = QStringLiteral("id_token");
const QString kExpires = QStringLiteral("expires_at");
const QString kScope = QStringLiteral("scope");
const QString kPatient = QStringLiteral("patient");
const QString kFhirUser = QStringLiteral("fhirUser");
} // namespace

bool TokenSet::isExpired(const QDateTime &now, int skewSeconds) const
{
    if (accessToken.isEmpty())
        return true;
    if (!expiresAt.isValid())
        return false;
    return now.addSecs(skewSeconds) >= expiresAt;
}

QByteArray TokenSet::toJson() const
{
    QJsonObject obj{
        {kAccess, QString::fromLatin1(accessToken)},
        {kRefresh, QString::fromLatin1(refreshToken)},
        {kId, QString::fromLatin1(idToken)},
        {kExpires, expiresAt.isValid() ? expiresAt.toUTC().toString(Qt::ISODateWithMs) : QString()},
        {kScope, scope},
        {kPatient, patient},
        {kFhirUser, fhirUser},
    };
    return QJsonDocument(obj).toJson(QJsonDocument::Compact);
}

Result<TokenSet> TokenSet::fromJson(const QByteArray &json)
{
    auto parsed = authhttp::parseObject(json, QStringLiteral("stored token set"));
    if (!parsed)
        return parsed.error();
    const QJsonObject &obj = parsed.value();
    TokenSet t;
    t.accessToken = obj.value(kAccess).toString().toLatin1();
    if (t.accessToken.isEmpty())
        return Error::make(Error::Kind::Parse, QStringLiteral("stored token set has no access token"));
    t.refreshToken = obj.value(kRefresh).toString().toLatin1();
    t.idToken = obj.value(kId).toString().toLatin1();
    const QString expires = obj.value(kExpires).toString();
    if (!expires.isEmpty()) {
        t.expiresAt = QDateTime::fromString(expires, Qt::ISODateWithMs);
        if (!t.expiresAt.isValid())
            return Error::make(Error::Kind::Parse, QStringLiteral("stored token set has a bad expiry"));
        t.expiresAt = t.expiresAt.toUTC();
    }
    t.scope = obj.value(kScope).toString();
    t.patient = obj.value(kPatient).toString();
    t.fhirUser = obj.value(kFhirUser).toString();
    return t;
}

} // namespace hearth
