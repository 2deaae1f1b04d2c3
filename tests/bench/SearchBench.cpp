#include "SearchBench.h"

#include "RecordSearch.h"
#include "fhir/SearchIndexBuilder.h"
#include "store/CacheDatabase.h"
#include "store/QtKeychainKeyStore.h"
#include "store/ResourceStore.h"
#include "sync/Profile.h"

#include <QElapsedTimer>

#include <algorithm>

namespace hearth::bench {
namespace {

// Typical searches a patient types, and broad ones: each matches many entries of the synthetic
// record (blood tests and pressures, serum chemistry, asthma in problems, medicines and visits).
const char *const kQueries[] = {"blood", "serum", "asthma"};

double medianOf(QList<double> v)
{
    std::sort(v.begin(), v.end());
    const qsizetype n = v.size();
    return n == 0 ? 0 : n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

} // namespace

SearchFigure measureSearch(const QString &profileDir, int runs, bool warmUp)
{
    SearchFigure out;
    QtKeychainKeyStore keys;
    auto profile = Profile::open(profileDir, keys, false);
    if (!profile)
        return {0, {}, 0, QStringLiteral("cannot open the profile: ") + profile.error().describe()};
    auto account = profile.value()->account();
    if (!account || !account->has_value())
        return {0, {}, 0, QStringLiteral("the profile has no account")};
    auto db = profile.value()->patientDatabase((*account)->selfPatientId, false);
    if (!db)
        return {0, {}, 0, QStringLiteral("cannot open the record: ") + db.error().describe()};
    // Sync indexes as it stores; anything left over (none expected) is indexed before timing.
    auto left = SearchIndexBuilder::run(*db.value());
    if (!left)
        return {0, {}, 0, QStringLiteral("index rebuild failed: ") + left.error().describe()};
    {
        ResourceStore store(db.value()->database());
        auto counts = store.countsByType();
        if (counts)
            for (qint64 n : counts.value())
                out.resources += n;
        RecordSearch search(store);
        for (const char *word : kQueries) {
            const QString query = QString::fromLatin1(word);
            QList<double> times;
            int hits = 0;
            for (int i = 0; i < runs + (warmUp ? 1 : 0); ++i) {
                QElapsedTimer t;
                t.start();
                auto r = search.query(query, 20);
                const double s = double(t.nsecsElapsed()) / 1e9;
                if (!r)
                    return {0, {}, 0, QStringLiteral("search failed: ") + r.error().describe()};
                hits = r->total();
                if (!(warmUp && i == 0))
                    times << s;
            }
            const double m = medianOf(times);
            out.seconds = std::max(out.seconds, m);
            out.perQuery << QStringLiteral("%1: %2 ms (%3 matches)").arg(query).arg(m * 1e3, 0, 'f', 1).arg(hits);
        }
    }
    return out;
}

} // namespace hearth::bench
