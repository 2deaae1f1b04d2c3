#pragma once

// Tests only: a CacheDatabase in a temporary directory with a random key.

#include "store/CacheDatabase.h"

#include <QRandomGenerator>
#include <QTemporaryDir>

#include <memory>

namespace hearth::test {

inline QByteArray randomKey()
{
    QByteArray key(32, Qt::Uninitialized);
    for (char &c : key)
        c = char(QRandomGenerator::global()->bounded(256));
    return key;
}

// Owns the directory and the open database; `db` is null if opening failed (see `error`).
struct TempCache {
    QTemporaryDir dir;
    QByteArray key = randomKey();
    std::unique_ptr<CacheDatabase> db;
    Error error;

    TempCache()
    {
        auto opened = CacheDatabase::open(path(), key);
        if (opened)
            db = std::move(opened).value();
        else
            error = opened.error();
    }
    QString path() const { return dir.filePath(QStringLiteral("cache.db")); }
};

} // namespace hearth::test
