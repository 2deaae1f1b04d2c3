#pragma once

#include "CacheDatabase.h"
#include "KeyStore.h"

#include <memory>

namespace hearth {

// Joins a KeyStore and CacheDatabase: one random key per database file, kept only in the keystore.
class EncryptedDatabaseOpener {
public:
    explicit EncryptedDatabaseOpener(KeyStore &keys);
    // Opens the DB at path with the key stored under keyName. If neither file nor key exist and create is true:
    // a fresh random 256-bit key (OpenSSL RAND_bytes) is written to the keystore FIRST, then the file is created.
    // Fail closed: if the keystore is unreachable, return KeyStore error and create/write NOTHING on disk.
    // File exists but key missing → Storage error (never silently recreate: that would hide data loss).
    Result<std::unique_ptr<CacheDatabase>> open(const QString &path, const QString &keyName, bool create);
    // Deletes the file (and -journal/-wal/-shm) and the key.
    Status destroy(const QString &path, const QString &keyName);

private:
    KeyStore &m_keys;
};

} // namespace hearth
