#include "ResultsRepository.h"

#include "ResultsJson.h"
#include "ResultsParser.h"

#include <QDate>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

namespace hearth {

using namespace Qt::StringLiterals;

namespace {

constexpr int kBatch = 64;

Error sqlError(const QString &what, const QSqlError &e)
{
    return Error::make(Error::Kind::Storage, what + u": "_s + e.text());
}

QJsonObject parseJson(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// The text floor for read-ahead: one day before the entry's date ("" = read to the end).
QString floorFor(const QString &date)
{
    const QDate d = QDate::fromString(date.left(10), Qt::ISODate);
    return d.isValid() ? d.addDays(-1).toString(Qt::ISODate) : QString();
}

ResultReport singleEntry(const ObservationResult &o)
{
    ResultReport r;
    r.kind = o.memberIds.isEmpty() ? ResultReport::Kind::Single : ResultReport::Kind::Panel;
    r.resourceType = u"Observation"_s;
    r.id = o.id;
    r.name = o.name;
    r.status = o.status;
    r.effective = o.effective;
    if (r.kind == ResultReport::Kind::Single)
        r.observations << o;
    return r;
}

} // namespace

ResultsPager::ResultsPager(QSqlDatabase db) : m_db(std::move(db))
{
    m_reports.type = u"DiagnosticReport"_s;
    m_observations.type = u"Observation"_s;
}

Status ResultsPager::fill(Stream &s)
{
    if (s.exhausted)
        return {};
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    // effective_date DESC rides the (type, effective_date DESC) index; NULL dates come last.
    if (!q.prepare(u"SELECT id, effective_date, json FROM resources WHERE type = ? "
                   "ORDER BY effective_date DESC, id DESC LIMIT ? OFFSET ?"_s))
        return sqlError(u"prepare results page"_s, q.lastError());
    q.addBindValue(s.type);
    q.addBindValue(kBatch);
    q.addBindValue(s.offset);
    if (!q.exec())
        return sqlError(u"read results page"_s, q.lastError());
    int n = 0;
    while (q.next()) {
        Row row{q.value(0).toString(), q.value(1).toString(), parseJson(q.value(2).toByteArray())};
        claim(row, &s == &m_reports);
        s.rows.push_back(std::move(row));
        ++n;
    }
    if (q.lastError().isValid())
        return sqlError(u"read results page"_s, q.lastError());
    s.offset += n;
    s.exhausted = n < kBatch;
    return {};
}

void ResultsPager::claim(const Row &row, bool report)
{
    if (report) {
        if (fhirjson::isWithdrawn(row.json))
            return;   // a withdrawn report hides nothing: its results stand on their own
        QStringList ids;
        results::parseReportHeader(row.id, row.json, &ids);
        for (const QString &id : std::as_const(ids))
            m_claimed.insert(id);
        return;
    }
    m_readAhead.insert(row.id, row.json);
    for (const QJsonValue &m : row.json.value("hasMember"_L1).toArray()) {
        const QString id = results::observationIdFromReference(m);
        if (!id.isEmpty())
            m_claimed.insert(id);
    }
}

Status ResultsPager::readAhead(Stream &s, const QString &floor)
{
    while (!s.exhausted && (s.rows.empty() || floor.isEmpty() || s.rows.back().date >= floor)) {
        if (Status st = fill(s); !st)
            return st;
    }
    return {};
}

Result<QList<ObservationResult>> ResultsPager::observations(const QStringList &ids, int *missing)
{
    QList<ObservationResult> out;
    QStringList toRead;
    for (const QString &id : ids) {
        if (!m_readAhead.contains(id))
            toRead << id;
    }
    QHash<QString, QJsonObject> read;
    if (!toRead.isEmpty()) {
        auto rows = ResultsRepository::readObservations(m_db, toRead);
        if (!rows)
            return rows.error();
        for (const auto &[id, json] : rows.value())
            read.insert(id, json);
    }
    for (const QString &id : ids) {
        const auto it = m_readAhead.constFind(id);
        const bool found = it != m_readAhead.constEnd() || read.contains(id);
        if (!found) {
            ++*missing;
            continue;
        }
        const QJsonObject json = it != m_readAhead.constEnd() ? it.value() : read.value(id);
        if (results::isResultObservation(json))
            out << results::parseObservation(id, json);
    }
    return out;
}

Result<QList<ResultReport>> ResultsPager::next(int count)
{
    QList<ResultReport> out;
    while (out.size() < count) {
        for (Stream *s : {&m_reports, &m_observations}) {
            if (s->rows.empty())
                if (Status st = fill(*s); !st)
                    return st.error();
        }
        const bool haveReport = !m_reports.rows.empty();
        const bool haveObs = !m_observations.rows.empty();
        if (!haveReport && !haveObs) {
            m_atEnd = true;
            break;
        }
        // Newest first; a report before an observation of the same date (it may claim it).
        const bool takeReport = haveReport && (!haveObs || m_reports.rows.front().date >= m_observations.rows.front().date);
        Stream &s = takeReport ? m_reports : m_observations;
        const QString floor = floorFor(s.rows.front().date);
        if (Status st = readAhead(m_reports, floor); !st)
            return st.error();
        if (!takeReport) {
            if (Status st = readAhead(m_observations, floor); !st)
                return st.error();
        }
        Row row = std::move(s.rows.front());
        s.rows.pop_front();

        if (takeReport) {
            if (fhirjson::isWithdrawn(row.json))
                continue;
            QStringList ids;
            ResultReport report = results::parseReportHeader(row.id, row.json, &ids);
            auto obs = observations(ids, &report.missingResults);
            if (!obs)
                return obs.error();
            report.observations = std::move(obs).value();
            out << report;
            continue;
        }
        m_readAhead.remove(row.id);
        if (m_claimed.contains(row.id) || !results::isResultObservation(row.json))
            continue;
        ObservationResult o = results::parseObservation(row.id, row.json);
        ResultReport entry = singleEntry(o);
        if (entry.kind == ResultReport::Kind::Panel) {
            auto members = observations(o.memberIds, &entry.missingResults);
            if (!members)
                return members.error();
            entry.observations = std::move(members).value();
        }
        out << entry;
    }
    return out;
}

ResultsRepository::ResultsRepository(QSqlDatabase db) : m_db(std::move(db)) {}

Result<QList<QPair<QString, QJsonObject>>> ResultsRepository::readObservations(const QSqlDatabase &db,
                                                                               const QStringList &ids)
{
    QList<QPair<QString, QJsonObject>> out;
    // Batches keep the statement under SQLite's 999-variable limit; (type, id) is the primary key.
    for (qsizetype start = 0; start < ids.size(); start += 200) {
        const QStringList part = ids.mid(start, 200);
        QStringList marks;
        marks.fill(u"?"_s, part.size());
        QSqlQuery q(db);
        q.setForwardOnly(true);
        if (!q.prepare(u"SELECT id, json FROM resources WHERE type = 'Observation' AND id IN ("_s + marks.join(u',')
                       + u')'))
            return sqlError(u"prepare results read"_s, q.lastError());
        for (const QString &id : part)
            q.addBindValue(id);
        if (!q.exec())
            return sqlError(u"read results"_s, q.lastError());
        QHash<QString, QJsonObject> found;
        while (q.next())
            found.insert(q.value(0).toString(), parseJson(q.value(1).toByteArray()));
        if (q.lastError().isValid())
            return sqlError(u"read results"_s, q.lastError());
        for (const QString &id : part) {
            if (found.contains(id))
                out.append({id, found.value(id)});
        }
    }
    return out;
}

Result<ResultReport> ResultsRepository::entry(const QString &resourceType, const QString &id) const
{
    const bool report = resourceType == "DiagnosticReport"_L1;
    if (!report && resourceType != "Observation"_L1)
        return Error::make(Error::Kind::NotFound, u"not a results resource type"_s);
    QSqlQuery q(m_db);
    q.setForwardOnly(true);
    if (!q.prepare(u"SELECT json FROM resources WHERE type = ? AND id = ?"_s))
        return sqlError(u"prepare result read"_s, q.lastError());
    q.addBindValue(resourceType);
    q.addBindValue(id);
    if (!q.exec())
        return sqlError(u"read result"_s, q.lastError());
    if (!q.next())
        return Error::make(Error::Kind::NotFound, u"result not in the store"_s);
    const QJsonObject json = parseJson(q.value(0).toByteArray());
    if (fhirjson::isWithdrawn(json) || (!report && results::isCommentNote(json)))
        return Error::make(Error::Kind::NotFound, u"result withdrawn"_s);

    QStringList ids;
    ResultReport out;
    if (report) {
        out = results::parseReportHeader(id, json, &ids);
    } else {
        const ObservationResult o = results::parseObservation(id, json);
        out = singleEntry(o);
        ids = o.memberIds;
    }
    if (!ids.isEmpty()) {
        auto rows = readObservations(m_db, ids);
        if (!rows)
            return rows.error();
        out.missingResults = int(ids.size() - rows->size());
        for (const auto &[obsId, obsJson] : rows.value()) {
            if (results::isResultObservation(obsJson))
                out.observations << results::parseObservation(obsId, obsJson);
        }
    }
    return out;
}

} // namespace hearth
