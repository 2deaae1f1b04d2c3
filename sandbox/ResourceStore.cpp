#include "ResourceStore.h"

#include <QDateTime>
#include <QJsonDocument>
#include <algorithm>

namespace hearth::sandbox {

QString formatInstant(qint64 msSinceEpoch, bool withMs)
{
    const QDateTime dt = QDateTime::fromMSecsSinceEpoch(msSinceEpoch, Qt::UTC);
    return dt.toString(withMs ? Qt::ISODateWithMs : Qt::ISODate);
}

static QByteArray serialise(QJsonObject resource, const StoredResource &r)
{
    resource.insert(QStringLiteral("resourceType"), r.type);
    resource.insert(QStringLiteral("id"), r.id);
    resource.insert(QStringLiteral("meta"),
                    QJsonObject{{QStringLiteral("versionId"), QString::number(r.versionId)},
                                {QStringLiteral("lastUpdated"), formatInstant(r.lastUpdatedMs, false)}});
    return QJsonDocument(resource).toJson(QJsonDocument::Compact);
}

void ResourceStore::add(const QString &type, const QString &id, const QString &patientId, qint64 lastUpdatedMs,
                        QJsonObject resource)
{
    StoredResource r{type, id, patientId, lastUpdatedMs, 1, false, {}};
    r.json = serialise(std::move(resource), r);
    const int pos = int(m_all.size());
    m_byKey.insert(type + QLatin1Char('/') + id, pos);
    m_index[type][patientId].push_back(pos);
    m_all.push_back(std::move(r));
}

void ResourceStore::sortIndex(std::vector<int> &index) const
{
    std::sort(index.begin(), index.end(), [this](int a, int b) {
        const StoredResource &ra = m_all[size_t(a)];
        const StoredResource &rb = m_all[size_t(b)];
        if (ra.lastUpdatedMs != rb.lastUpdatedMs)
            return ra.lastUpdatedMs < rb.lastUpdatedMs;
        return ra.id < rb.id;
    });
}

void ResourceStore::finalise()
{
    for (auto &byPatient : m_index)
        for (auto &index : byPatient)
            sortIndex(index);
}

const StoredResource *ResourceStore::find(const QString &type, const QString &id) const
{
    const auto it = m_byKey.constFind(type + QLatin1Char('/') + id);
    return it == m_byKey.constEnd() ? nullptr : &m_all[size_t(*it)];
}

std::vector<const StoredResource *> ResourceStore::search(const QString &type, const QString &patientId,
                                                          const std::function<bool(qint64)> &filter) const
{
    std::vector<const StoredResource *> out;
    const auto byPatient = m_index.constFind(type);
    if (byPatient == m_index.constEnd())
        return out;
    const auto index = byPatient->constFind(patientId);
    if (index == byPatient->constEnd())
        return out;
    out.reserve(index->size());
    for (int pos : *index) {
        const StoredResource &r = m_all[size_t(pos)];
        if (!filter || filter(r.lastUpdatedMs))
            out.push_back(&r);
    }
    return out;
}

int ResourceStore::count(const QString &type, const QString &patientId) const
{
    return int(m_index.value(type).value(patientId).size());
}

bool ResourceStore::touch(const QString &type, const QString &id, qint64 nowMs)
{
    return update(type, id, nowMs, {});
}

bool ResourceStore::update(const QString &type, const QString &id, qint64 nowMs,
                           const std::function<void(QJsonObject &)> &change)
{
    const auto it = m_byKey.constFind(type + QLatin1Char('/') + id);
    if (it == m_byKey.constEnd() || m_all[size_t(*it)].deleted)
        return false;
    StoredResource &r = m_all[size_t(*it)];
    QJsonObject obj = QJsonDocument::fromJson(r.json).object();
    if (change)
        change(obj);
    r.lastUpdatedMs = nowMs;
    r.versionId += 1;
    r.json = serialise(std::move(obj), r);
    sortIndex(m_index[type][r.patientId]);
    return true;
}

bool ResourceStore::remove(const QString &type, const QString &id)
{
    const auto it = m_byKey.constFind(type + QLatin1Char('/') + id);
    if (it == m_byKey.constEnd() || m_all[size_t(*it)].deleted)
        return false;
    const int pos = *it;
    StoredResource &r = m_all[size_t(pos)];
    r.deleted = true;
    std::vector<int> &index = m_index[type][r.patientId];
    index.erase(std::remove(index.begin(), index.end(), pos), index.end());
    return true;
}

const StoredResource *ResourceStore::insert(const QString &type, const QString &id, const QString &patientId,
                                            qint64 lastUpdatedMs, QJsonObject resource)
{
    add(type, id, patientId, lastUpdatedMs, std::move(resource));
    sortIndex(m_index[type][patientId]);
    return &m_all.back();
}

std::vector<const StoredResource *> ResourceStore::all(const QString &type) const
{
    std::vector<const StoredResource *> out;
    for (const std::vector<int> &index : m_index.value(type))
        for (int pos : index)
            out.push_back(&m_all[size_t(pos)]);
    return out;
}

} // namespace hearth::sandbox
