#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QString>

namespace hearth {

// Where secrets (database keys, refresh tokens) live: the OS keystore in the app, a fake in tests.
class KeyStore {
public:
    virtual ~KeyStore() = default;
    virtual Result<QByteArray> read(const QString &name) = 0;     // missing → Error::Kind::NotFound
    virtual Status write(const QString &name, const QByteArray &secret) = 0;
    virtual Status remove(const QString &name) = 0;               // missing is not an error
};

} // namespace hearth
