#pragma once

#include "common/Result.h"

#include <QMap>
#include <QSqlDatabase>
#include <QString>

namespace hearth {

struct SyncCursor {
    QString cursor;        // server time of the last completed sync of this type (FHIR instant), empty = never
    QString nextLink;      // in-flight `next` URL of an interrupted paged sync, empty = none
    QString lastSuccess;   // server time of the last success
    QString lastError;     // Error::describe() of the last failure (no health data)

    friend bool operator==(const SyncCursor &, const SyncCursor &) = default;
};

// The `sync_state` table: one cursor per resource type.
class SyncStateStore {
public:
    explicit SyncStateStore(QSqlDatabase db);
    Result<SyncCursor> get(const QString &type) const;   // a type never synced → empty SyncCursor, not an error
    Status put(const QString &type, const SyncCursor &cursor);
    Result<QMap<QString, SyncCursor>> all() const;

private:
    QSqlDatabase m_db;
};

} // namespace hearth
