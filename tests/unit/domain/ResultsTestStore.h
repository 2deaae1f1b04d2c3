#pragma once

// Tests only: an encrypted store filled the way sync fills it (BundleReader indexes each resource).

#include "fhir/BundleReader.h"
#include "store/CacheDatabase.h"
#include "store/ResourceStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>

#include <memory>

namespace hearth::test {

struct ResultsStore {
    QTemporaryDir dir;
    std::unique_ptr<CacheDatabase> db;
    std::unique_ptr<ResourceStore> store;
    BundleReader reader;
    QString error;

    ResultsStore()
    {
        auto opened = CacheDatabase::open(dir.filePath(QStringLiteral("results.db")), QByteArray(32, 'r'));
        if (!opened) {
            error = opened.error().describe();
            return;
        }
        db = std::move(opened).value();
        store = std::make_unique<ResourceStore>(db->database());
    }

    bool ok() const { return store != nullptr; }

    bool putJson(const QByteArray &json)
    {
        auto r = reader.readResource(json);
        if (!r) {
            error = r.error().describe();
            return false;
        }
        return store->put(r.value()).ok();
    }

    bool put(const QJsonObject &o) { return putJson(QJsonDocument(o).toJson(QJsonDocument::Compact)); }

    // Every entry.resource of a Bundle file; returns how many were stored.
    int loadBundle(const QString &path)
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        int n = 0;
        const QJsonArray entries = QJsonDocument::fromJson(f.readAll()).object().value(QLatin1String("entry")).toArray();
        for (const QJsonValue &e : entries) {
            if (!put(e.toObject().value(QLatin1String("resource")).toObject()))
                return -1;
            ++n;
        }
        return n;
    }
};

} // namespace hearth::test
