#pragma once
// Holds every synthetic resource as compact JSON bytes, serialised once, indexed by type and patient
// and kept sorted by (meta.lastUpdated, id) so a search page is a slice plus byte concatenation.
#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <functional>
#include <vector>

namespace hearth::sandbox {

struct StoredResource
{
    QString type;
    QString id;
    QString patientId;
    qint64 lastUpdatedMs = 0;
    int versionId = 1;
    bool deleted = false; // withdrawn with how=delete: read answers 410, searches skip it
    QByteArray json;      // compact JSON of the whole resource, including meta
};

class ResourceStore
{
public:
    // Stamps resourceType, id and meta onto the object and serialises it.
    void add(const QString &type, const QString &id, const QString &patientId, qint64 lastUpdatedMs,
             QJsonObject resource);
    // Sorts every (type, patient) index; call once after the last add().
    void finalise();

    const StoredResource *find(const QString &type, const QString &id) const;
    // Matching resources of one patient, sorted by (lastUpdated, id).
    std::vector<const StoredResource *> search(const QString &type, const QString &patientId,
                                               const std::function<bool(qint64)> &lastUpdatedFilter) const;
    int count(const QString &type, const QString &patientId) const;
    // Sets meta.lastUpdated to nowMs and bumps versionId; false if unknown or deleted.
    bool touch(const QString &type, const QString &id, qint64 nowMs);
    // Like touch(), but lets `change` edit the resource first (entered-in-error).
    bool update(const QString &type, const QString &id, qint64 nowMs, const std::function<void(QJsonObject &)> &change);
    // Removes the resource from searches and counts; find() still returns it, flagged deleted.
    bool remove(const QString &type, const QString &id);
    // add() for a server that is already running: keeps the index sorted.
    const StoredResource *insert(const QString &type, const QString &id, const QString &patientId, qint64 lastUpdatedMs,
                                 QJsonObject resource);
    // Live resources of a type, every patient, in (lastUpdated, id) order per patient.
    std::vector<const StoredResource *> all(const QString &type) const;
    qsizetype size() const { return qsizetype(m_all.size()); }

private:
    void sortIndex(std::vector<int> &index) const;

    std::vector<StoredResource> m_all;
    QHash<QString, int> m_byKey;                              // "Type/id" -> position in m_all
    QHash<QString, QHash<QString, std::vector<int>>> m_index; // type -> patient -> positions
};

QString formatInstant(qint64 msSinceEpoch, bool withMs);

} // namespace hearth::sandbox
