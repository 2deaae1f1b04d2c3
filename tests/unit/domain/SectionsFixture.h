#pragma once
// Tests only: a real encrypted store filled from a FHIR JSON bundle the way sync fills it
// (BundleReader indexes each resource, so effective dates and codes match production).

#include "support/TestCache.h"

#include "fhir/BundleReader.h"
#include "store/ResourceStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <memory>
#include <stdexcept>

namespace hearth::test {

struct SectionsStore {
    TempCache cache;
    std::unique_ptr<ResourceStore> store;

    SectionsStore()
    {
        if (!cache.db)
            throw std::runtime_error("could not open the test cache");
        store = std::make_unique<ResourceStore>(cache.db->database());
    }

    void putJson(const QByteArray &json)
    {
        BundleReader reader;
        auto r = reader.readResource(json);
        if (!r || !store->put(r.value()))
            throw std::runtime_error("could not store a fixture resource");
    }

    // Every entry of a Bundle file; returns how many were stored.
    int loadBundle(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            throw std::runtime_error("fixture missing");
        const QJsonArray entries = QJsonDocument::fromJson(f.readAll()).object().value(QStringLiteral("entry")).toArray();
        for (const QJsonValue &e : entries)
            putJson(QJsonDocument(e.toObject().value(QStringLiteral("resource")).toObject()).toJson(QJsonDocument::Compact));
        return int(entries.size());
    }

    // A Binary row holding `bytes`, as the sync stores it.
    void putBinary(const QString &id, const QString &contentType, const QByteArray &bytes)
    {
        const QJsonObject o{{QStringLiteral("resourceType"), QStringLiteral("Binary")},
                            {QStringLiteral("id"), id},
                            {QStringLiteral("contentType"), contentType},
                            {QStringLiteral("data"), QString::fromLatin1(bytes.toBase64())}};
        putJson(QJsonDocument(o).toJson(QJsonDocument::Compact));
    }
};

// Tests compare local times against Europe/London; set before anything reads the zone.
inline bool useLondonTime()
{
    qputenv("TZ", "Europe/London");
    ::tzset();
    return true;
}

} // namespace hearth::test
