#include "Profile.h"

#include "auth/TokenSet.h"
#include "common/Log.h"
#include "store/CacheDatabase.h"
#include "store/EncryptedDatabaseOpener.h"
#include "store/KeyStore.h"
#include "store/MetaStore.h"

#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QUuid>

namespace hearth {
namespace {

const QString kMarkerFile = QStringLiteral("profile.json");
const QString kProfileDb = QStringLiteral("profile.db");
const QString kAccountKey = QStringLiteral("account");
constexpr int kFormat = 1;

Error storage(const QString &message)
{
    return Error::make(Error::Kind::Storage, message);
}

} // namespace

QByteArray Account::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("fhirBase"), fhirBase.toString());
    o.insert(QStringLiteral("clientId"), clientId);
    o.insert(QStringLiteral("issuer"), issuer.toString());
    o.insert(QStringLiteral("tokenEndpoint"), tokenEndpoint.toString());
    o.insert(QStringLiteral("selfPatientId"), selfPatientId);
    o.insert(QStringLiteral("patientIds"), QJsonArray::fromStringList(patientIds));
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

Result<Account> Account::fromJson(const QByteArray &json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    Account a;
    a.fhirBase = QUrl(o.value(QStringLiteral("fhirBase")).toString());
    a.clientId = o.value(QStringLiteral("clientId")).toString();
    a.issuer = QUrl(o.value(QStringLiteral("issuer")).toString());
    a.tokenEndpoint = QUrl(o.value(QStringLiteral("tokenEndpoint")).toString());
    a.selfPatientId = o.value(QStringLiteral("selfPatientId")).toString();
    for (const auto &id : o.value(QStringLiteral("patientIds")).toArray())
        a.patientIds << id.toString();
    if (!a.fhirBase.isValid() || a.selfPatientId.isEmpty())
        return storage(QStringLiteral("the saved account is incomplete"));
    return a;
}

Profile::Profile(QString dir, QString id, KeyStore &keys) : m_dir(std::move(dir)), m_id(std::move(id)), m_keys(keys) {}
Profile::~Profile() = default;

QString Profile::keyName(const QString &what) const
{
    return QStringLiteral("profile/%1/%2").arg(m_id, what);
}

QString Profile::patientKeyName(const QString &file) const
{
    return keyName(QStringLiteral("patient/") + QFileInfo(file).baseName());
}

QString Profile::patientFile(const QString &patientId) const
{
    // Keyed by the random profile id, so the name cannot be matched against guessed patient ids
    // and differs between devices.
    const QByteArray hash = QMessageAuthenticationCode::hash(patientId.toUtf8(), m_id.toUtf8(), QCryptographicHash::Sha256)
                                    .toHex().left(32);
    return m_dir + QStringLiteral("/patients/") + QString::fromLatin1(hash) + QStringLiteral(".db");
}

Result<std::unique_ptr<Profile>> Profile::open(const QString &dir, KeyStore &keys, bool create)
{
    const QString absolute = QDir(dir).absolutePath();
    QFile marker(absolute + u'/' + kMarkerFile);
    QString id;
    const bool exists = marker.exists();
    if (exists) {
        if (!marker.open(QIODevice::ReadOnly))
            return storage(QStringLiteral("the profile marker could not be read"));
        const QJsonObject o = QJsonDocument::fromJson(marker.readAll()).object();
        if (o.value(QStringLiteral("format")).toInt() > kFormat)
            return storage(QStringLiteral("this profile was made by a newer Hearth"));
        id = o.value(QStringLiteral("id")).toString();
        if (id.isEmpty())
            return storage(QStringLiteral("the profile marker is damaged"));
    } else if (!create) {
        return Error::make(Error::Kind::NotFound, QStringLiteral("no Hearth profile in that directory"));
    } else {
        id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    }

    std::unique_ptr<Profile> profile(new Profile(absolute, id, keys));
    if (!exists) {
        // Reach the keystore before touching the disk, so a missing keystore leaves nothing behind.
        auto probe = keys.read(profile->keyName(kProfileDb));
        if (!probe && probe.error().kind != Error::Kind::NotFound)
            return probe.error();
        if (!QDir().mkpath(absolute + QStringLiteral("/patients")))
            return storage(QStringLiteral("the profile directory could not be created"));
        // The marker first: whatever step a killed process stops at, the next open finds the same
        // id and completes the creation (the opener makes a missing key or file, never replaces one).
        QSaveFile out(marker.fileName());
        const QJsonObject o{{QStringLiteral("format"), kFormat}, {QStringLiteral("id"), id}};
        if (!out.open(QIODevice::WriteOnly) || out.write(QJsonDocument(o).toJson()) < 0 || !out.commit())
            return storage(QStringLiteral("the profile marker could not be written"));
    }
    EncryptedDatabaseOpener opener(keys);
    auto db = opener.open(absolute + u'/' + kProfileDb, profile->keyName(kProfileDb), true);
    if (!db)
        return db.error();
    profile->m_profileDb = std::move(db).value();
    return profile;
}

Result<std::optional<Account>> Profile::account() const
{
    MetaStore meta(m_profileDb->database());
    auto raw = meta.get(kAccountKey);
    if (!raw)
        return raw.error();
    if (!raw->has_value())
        return std::optional<Account>{};
    auto account = Account::fromJson(**raw);
    if (!account)
        return account.error();
    return std::optional<Account>{account.value()};
}

Status Profile::setAccount(const Account &account)
{
    MetaStore meta(m_profileDb->database());
    return meta.put(kAccountKey, account.toJson());
}

Result<std::optional<TokenSet>> Profile::tokens() const
{
    auto raw = m_keys.read(keyName(QStringLiteral("tokens")));
    if (!raw) {
        if (raw.error().kind == Error::Kind::NotFound)
            return std::optional<TokenSet>{};
        return raw.error();
    }
    auto tokens = TokenSet::fromJson(raw.value());
    if (!tokens)
        return tokens.error();
    return std::optional<TokenSet>{tokens.value()};
}

Status Profile::saveTokens(const TokenSet &tokens)
{
    return m_keys.write(keyName(QStringLiteral("tokens")), tokens.toJson());
}

Status Profile::forgetTokens()
{
    return m_keys.remove(keyName(QStringLiteral("tokens")));
}

Result<CacheDatabase *> Profile::patientDatabase(const QString &patientId, bool create)
{
    if (auto open = m_patientDbs.value(patientId))
        return open.get();
    EncryptedDatabaseOpener opener(m_keys);
    auto db = opener.open(patientFile(patientId), patientKeyName(patientFile(patientId)), create);
    if (!db)
        return db.error();
    std::shared_ptr<CacheDatabase> shared(std::move(db).value());
    m_patientDbs.insert(patientId, shared);
    return shared.get();
}

Status Profile::destroy()
{
    EncryptedDatabaseOpener opener(m_keys);
    m_patientDbs.clear();
    Status result;
    // Every database on disk, not just the current account's patients: a file left by an earlier
    // sign-in must not keep its key alive in the keystore.
    const QDir patients(m_dir + QStringLiteral("/patients"));
    for (const QFileInfo &file : patients.entryInfoList({QStringLiteral("*.db")}, QDir::Files)) {
        if (Status s = opener.destroy(file.absoluteFilePath(), patientKeyName(file.absoluteFilePath())); !s && result)
            result = s;
    }
    const QString profileDbPath = m_profileDb->path();
    m_profileDb.reset();
    if (Status s = opener.destroy(profileDbPath, keyName(kProfileDb)); !s && result)
        result = s;
    if (Status s = forgetTokens(); !s && result)
        result = s;
    QFile::remove(m_dir + u'/' + kMarkerFile);
    QDir(m_dir + QStringLiteral("/patients")).removeRecursively();
    return result;
}

} // namespace hearth
