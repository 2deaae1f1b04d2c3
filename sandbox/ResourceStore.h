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
    QByteArray json; // compact JSON of the whole resource, including meta
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
    // Sets meta.lastUpdated to nowMs and bumps versionId; false if unknown.
    bool touch(const QString &type, const QString &id, qint64 nowMs);
    qsizetype size() const { return qsizetype(m_all.size()); }

private:
    void sortIndex(std::vector<int> &index) const;

    std::vector<StoredResource> m_all;
    QHash<QString, int> m_byKey;                              // "Type/id" -> position in m_all
    QHash<QString, QHash<QString, std::vector<int>>> m_index; // type -> patient -> positions
};

QString formatInstant(qint64 msSinceEpoch, bool withMs);

} // namespace hearth::sandbox
