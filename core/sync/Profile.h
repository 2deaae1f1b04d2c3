#pragma once

#include "common/Result.h"

#include <QHash>
#include <QStringList>
#include <QUrl>
#include <memory>
#include <optional>

namespace hearth {

class CacheDatabase;
class KeyStore;
struct TokenSet;

// Who is signed in, to which server: kept encrypted in the profile database.
struct Account {
    QUrl fhirBase;
    QString clientId;
    QUrl issuer;
    QUrl tokenEndpoint;
    QString selfPatientId;      // whose record the sign-in is for (launch context)
    QStringList patientIds;     // every record this profile keeps (self first)

    QByteArray toJson() const;
    static Result<Account> fromJson(const QByteArray &json);
};

// One signed-in person's local data: a directory holding an encrypted profile database and one
// encrypted database per patient, each with its own random key in the OS keystore.
//   <dir>/profile.json            format marker and a random profile id (no health data)
//   <dir>/profile.db              Account and settings
//   <dir>/patients/<hmac>.db      one patient's cached record (HMAC of the id keyed by the profile id)
// Fails closed: if the keystore cannot be reached, nothing is created or written.
class Profile {
public:
    static Result<std::unique_ptr<Profile>> open(const QString &dir, KeyStore &keys, bool create);
    ~Profile();

    QString directory() const { return m_dir; }

    Result<std::optional<Account>> account() const;
    Status setAccount(const Account &account);

    Result<std::optional<TokenSet>> tokens() const;
    Status saveTokens(const TokenSet &tokens);
    Status forgetTokens();

    // The patient's database, opened on first use and kept open; created if `create`.
    Result<CacheDatabase *> patientDatabase(const QString &patientId, bool create);

    // Deletes every database file and every key of this profile (sign out / delete my data).
    Status destroy();

private:
    Profile(QString dir, QString id, KeyStore &keys);
    QString keyName(const QString &what) const;
    QString patientFile(const QString &patientId) const;
    QString patientKeyName(const QString &file) const;

    QString m_dir;
    QString m_id;
    KeyStore &m_keys;
    std::unique_ptr<CacheDatabase> m_profileDb;
    QHash<QString, std::shared_ptr<CacheDatabase>> m_patientDbs;
};

} // namespace hearth
