#pragma once

#include "common/Result.h"
#include "store/ResourceStore.h"

#include <QList>
#include <memory>

namespace hearth {

// One page of a FHIR search: the resources it matched plus what paging needs.
struct BundlePage {
    QString serverTime;   // Bundle.meta.lastUpdated: when the server ran the search (the sync cursor)
    QString nextLink;     // link[relation=next].url, empty on the last page
    qint64 total = -1;    // Bundle.total if the server sent it
    QList<StoredResource> resources;   // search.mode "match" (or unspecified) entries, raw JSON kept
    QStringList patientReferences;     // for each resource: its patient link (see belongsToPatient)
};

// Whether a resource's patient link (as ResourceIndexer reports it) names this patient: "Patient/<id>",
// an absolute URL ending in it, or the id itself for a Patient. No link at all cannot be checked
// and counts as belonging (the search asked for this patient).
bool belongsToPatient(const QString &patientReference, const QString &patientId);

// Parses search Bundles and single resources on the sync hot path with simdjson: strict validation
// of the whole body first, then each resource's exact bytes and its index columns.
// Reuses its parsers between calls; one reader per thread.
class BundleReader {
public:
    BundleReader();
    ~BundleReader();
    BundleReader(const BundleReader &) = delete;
    BundleReader &operator=(const BundleReader &) = delete;

    Result<BundlePage> readSearchPage(const QByteArray &body);
    Result<StoredResource> readResource(const QByteArray &body);

private:
    struct Parsers;
    std::unique_ptr<Parsers> m_parsers;
};

} // namespace hearth
