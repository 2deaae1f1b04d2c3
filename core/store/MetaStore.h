#pragma once

#include "common/Result.h"

#include <QByteArray>
#include <QSqlDatabase>
#include <QString>

#include <optional>

namespace hearth {

class MetaStore {   // small key/value settings inside an encrypted DB
public:
    explicit MetaStore(QSqlDatabase db);
    Result<std::optional<QByteArray>> get(const QString &key) const;
    Status put(const QString &key, const QByteArray &value);
    Status remove(const QString &key);

private:
    QSqlDatabase m_db;
};

} // namespace hearth
