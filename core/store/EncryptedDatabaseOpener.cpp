#include "EncryptedDatabaseOpener.h"

#include "common/Log.h"

#include <openssl/rand.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace hearth {

namespace {

constexpr int kKeyBytes = 32;

Result<QByteArray> randomKey()
{
    QByteArray key(kKeyBytes, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char *>(key.data()), kKeyBytes) != 1)
        return Error::make(Error::Kind::Security, QStringLiteral("the system random generator failed"));
    return key;
}

// Keys live hex-encoded in the keystore: some backends mangle arbitrary bytes.
Result<QByteArray> decodeKey(const QByteArray &stored)
{
    const QByteArray hex = stored.trimmed();
    static const QByteArray digits("0123456789abcdefABCDEF");
    bool valid = hex.size() == kKeyBytes * 2;
    for (char c : hex)
        valid = valid && digits.contains(c);
    if (!valid)
        return Error::make(Error::Kind::Storage, QStringLiteral("the stored database key is malformed"));
    return QByteArray::fromHex(hex);
}

const char *const kSideFiles[] = {"", "-journal", "-wal", "-shm"};

} // namespace

EncryptedDatabaseOpener::EncryptedDatabaseOpener(KeyStore &keys) : m_keys(keys) {}

Result<std::unique_ptr<CacheDatabase>> EncryptedDatabaseOpener::open(const QString &path, const QString &keyName,
                                                                    bool create)
{
    if (path.isEmpty() || keyName.isEmpty())
        return Error::make(Error::Kind::Config, QStringLiteral("database path and key name are required"));
    const bool fileExists = QFileInfo::exists(path);

    // The keystore is asked first: if it is unreachable, nothing is created (fail closed).
    auto stored = m_keys.read(keyName);
    if (!stored && stored.error().kind != Error::Kind::NotFound)
        return stored.error();

    if (stored) {
        auto key = decodeKey(stored.value());
        if (!key)
            return key.error();
        // Key without file: the cache was removed; with create, start an empty one under the same key.
        return CacheDatabase::open(path, key.value(), create);
    }

    if (fileExists)
        return Error::make(Error::Kind::Storage, QStringLiteral("the database exists but its key is missing from "
                                                                "the keystore; it cannot be decrypted"));
    if (!create)
        return Error::make(Error::Kind::NotFound, QStringLiteral("no database and no key"));

    auto key = randomKey();
    if (!key)
        return key.error();
    if (Status s = m_keys.write(keyName, key->toHex()); !s)
        return s.error();
    // Read back: a keystore that silently drops writes would otherwise cost the data later.
    auto check = m_keys.read(keyName);
    if (!check)
        return Error::make(Error::Kind::KeyStore, QStringLiteral("the new key could not be read back: ")
                                                      + check.error().message);
    auto checked = decodeKey(check.value());
    if (!checked || checked.value() != key.value())
        return Error::make(Error::Kind::KeyStore, QStringLiteral("the keystore returned a different key"));

    const QFileInfo info(path);
    if (!QDir().mkpath(info.absolutePath()))
        return Error::make(Error::Kind::Storage, QStringLiteral("could not create the database directory"));
    auto db = CacheDatabase::open(path, key.value(), true);
    if (!db) {
        // Leave no half-made file and no orphan key behind.
        for (const char *suffix : kSideFiles)
            QFile::remove(path + QLatin1String(suffix));
        (void)m_keys.remove(keyName);
        return db.error();
    }
    QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    qCInfo(lcStore) << "created a new encrypted cache";
    return db;
}

Status EncryptedDatabaseOpener::destroy(const QString &path, const QString &keyName)
{
    for (const char *suffix : kSideFiles) {
        const QString file = path + QLatin1String(suffix);
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Error::make(Error::Kind::Storage, QStringLiteral("could not delete a database file"));
    }
    return m_keys.remove(keyName);
}

} // namespace hearth
