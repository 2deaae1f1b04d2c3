#pragma once

#include "ResultsTypes.h"

#include "common/Result.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>
#include <QSqlDatabase>

#include <deque>

namespace hearth {

// Reads test results out of the encrypted store, a page at a time, newest first.
// Entries are DiagnosticReports (with the observations they reference), panel observations (with
// their members) and observations no report or panel claims. Consultation notes are not results.
//
// It reads the `resources` table through the indexed (type, effective_date) columns with
// LIMIT/OFFSET, two streams (reports, observations) merged by date; nothing reads every observation.
// A report claims its observations; to know every claim before an observation is shown, both
// streams are read ahead to one day before the entry being emitted (reports and their results
// share a collection date in practice; the day of margin covers time zone offsets).
class ResultsPager {
public:
    explicit ResultsPager(QSqlDatabase db);
    // Up to `count` more entries; an empty list with atEnd() when nothing is left.
    Result<QList<ResultReport>> next(int count);
    bool atEnd() const { return m_atEnd; }

private:
    struct Row {
        QString id;
        QString date;      // effective_date column as stored ("" when absent)
        QJsonObject json;
    };
    struct Stream {
        QString type;
        qint64 offset = 0;
        std::deque<Row> rows;
        bool exhausted = false;
    };
    Status fill(Stream &s);
    Status readAhead(Stream &s, const QString &floor);
    void claim(const Row &row, bool report);
    Result<QList<ObservationResult>> observations(const QStringList &ids, int *missing);

    QSqlDatabase m_db;
    Stream m_reports;
    Stream m_observations;
    QSet<QString> m_claimed;                   // observation ids shown inside a report or panel
    QHash<QString, QJsonObject> m_readAhead;   // observations read but not yet passed
    bool m_atEnd = false;
};

class ResultsRepository {
public:
    explicit ResultsRepository(QSqlDatabase db);

    ResultsPager pager() const { return ResultsPager(m_db); }
    // One entry for the detail page: "DiagnosticReport" or "Observation". NotFound if absent.
    Result<ResultReport> entry(const QString &resourceType, const QString &id) const;
    // Stored JSON of observations by id, in the order asked; ids not stored are left out.
    static Result<QList<QPair<QString, QJsonObject>>> readObservations(const QSqlDatabase &db, const QStringList &ids);

private:
    QSqlDatabase m_db;
};

} // namespace hearth
