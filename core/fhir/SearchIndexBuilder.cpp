#include "SearchIndexBuilder.h"

#include "ResourceIndexer.h"
#include "SearchText.h"
#include "common/Log.h"
#include "store/CacheDatabase.h"
#include "store/MetaStore.h"
#include "store/ResourceStore.h"

namespace hearth {

namespace {

// Forgets an index built by another extractor version. A database that never recorded one was
// written by this version's sync (or just migrated, with nothing indexed), so it is kept.
Status checkVersion(CacheDatabase &db)
{
    const QByteArray current = QByteArray::number(SearchTextExtractor::kVersion);
    MetaStore meta(db.database());
    auto stored = meta.get(QString::fromLatin1(SearchIndexBuilder::kVersionKey));
    if (!stored)
        return stored.error();
    if (stored->has_value() && **stored == current)
        return {};
    return db.transaction([&]() -> Status {
        if (stored->has_value()) {
            qCInfo(lcStore) << "search extractor changed; rebuilding the search index";
            if (Status s = ResourceStore(db.database()).clearSearchIndex(); !s)
                return s;
        }
        return meta.put(QString::fromLatin1(SearchIndexBuilder::kVersionKey), current);
    });
}

} // namespace

Result<qint64> SearchIndexBuilder::run(CacheDatabase &db, int batchSize, qint64 maxResources)
{
    if (Status s = checkVersion(db); !s)
        return s.error();
    ResourceStore store(db.database());
    qint64 done = 0;
    simdjson::dom::parser parser;
    while (maxResources < 0 || done < maxResources) {
        const int want = int(maxResources < 0 ? batchSize : qMin<qint64>(batchSize, maxResources - done));
        auto batch = store.unindexed(want);
        if (!batch)
            return batch.error();
        if (batch->isEmpty())
            break;
        const Status s = db.transaction([&]() -> Status {
            for (const StoredResource &r : std::as_const(batch.value())) {
                simdjson::dom::element root;
                StoredResource row = r;
                // Unparseable JSON is indexed as "no words" so the rebuild never loops on it. A
                // parsed one is re-indexed whole (columns too), by the rules sync uses.
                if (parser.parse(r.json.constData(), size_t(r.json.size())).get(root) == simdjson::SUCCESS) {
                    if (auto indexed = ResourceIndexer::index(root); indexed && indexed->id == r.id
                        && indexed->type == r.type) {
                        row = std::move(indexed).value();
                        row.json = r.json;
                    }
                }
                if (!row.searchText)
                    row.searchText = QString();
                if (Status st = store.put(row); !st)
                    return st;
            }
            return {};
        });
        if (!s)
            return s.error();
        done += batch->size();
    }
    return store.unindexedCount();
}

} // namespace hearth
